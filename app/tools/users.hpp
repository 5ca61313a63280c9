// The console's users: a JSON file of names, roles and Argon2id password hashes (libsodium's
// crypto_pwhash_str), written atomically with mode 0600. No password is ever stored in clear.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace sf::tools {

// organiser: announcements (and later programme fixes); admin: also publish, rollback, users.
enum class Role { Organiser, Admin };
const char* roleName(Role r);
std::optional<Role> roleNamed(std::string_view name);

struct User {
  std::string name;
  Role role = Role::Organiser;
  std::string hash;  // "$argon2id$v=19$m=…"
};

struct UserFile {
  std::vector<User> users;
  const User* find(std::string_view name) const;
  User* find(std::string_view name);
};

// A missing file is an empty list (the first `user add` creates it); a damaged one an error
// naming the file and what is wrong.
core::Result<UserFile> readUsers(const std::string& path);
core::Result<void> writeUsers(const std::string& path, const UserFile& users);

// Letters, digits, '.', '_', '-' and '@', 1 to 64 of them: safe in logs, cookies and pages.
bool isValidUserName(std::string_view name);
// Why a new password is refused (shorter than 10 or longer than 1024 bytes), or nothing.
std::optional<std::string> passwordProblem(std::string_view password);

// Argon2id with libsodium's interactive limits (2 passes, 64 MiB).
core::Result<std::string> hashPassword(std::string_view password);
// True when `password` matches `hash`. Each call takes 64 MiB for a moment: a server calls it
// from one thread at a time.
bool verifyPassword(const std::string& hash, std::string_view password);

}  // namespace sf::tools
