// Password hashing and the user file. libsodium picks the salt and encodes algorithm, limits and
// salt into the hash string, so raising the limits later keeps old hashes verifiable.
#include "users.hpp"

#include <sodium.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "platform/files.hpp"

namespace sf::tools {
namespace {

constexpr std::size_t kMaxFile = 1u << 20;

}  // namespace

const char* roleName(Role r) { return r == Role::Admin ? "admin" : "organiser"; }

std::optional<Role> roleNamed(std::string_view name) {
  if (name == "admin") return Role::Admin;
  if (name == "organiser") return Role::Organiser;
  return std::nullopt;
}

const User* UserFile::find(std::string_view name) const {
  for (const auto& u : users)
    if (u.name == name) return &u;
  return nullptr;
}

User* UserFile::find(std::string_view name) {
  for (auto& u : users)
    if (u.name == name) return &u;
  return nullptr;
}

bool isValidUserName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@'))
      return false;
  return true;
}

std::optional<std::string> passwordProblem(std::string_view password) {
  if (password.size() < 10) return "the password is shorter than 10 characters";
  if (password.size() > 1024) return "the password is longer than 1024 bytes";
  return std::nullopt;
}

core::Result<UserFile> readUsers(const std::string& path) {
  auto text = platform::readFile(path, kMaxFile);
  if (!text) {
    if (::access(path.c_str(), F_OK) != 0) return UserFile{};
    return core::Unexpected{text.error()};
  }
  UserFile out;
  try {
    const auto j = nlohmann::json::parse(*text);
    if (!j.is_object() || !j.contains("users") || !j["users"].is_array())
      return core::fail(path + ": expected {\"users\": [...]} as written by `schaufenster user add`");
    std::size_t i = 0;
    for (const auto& u : j["users"]) {
      const std::string where = path + ": /users/" + std::to_string(i++);
      if (!u.is_object() || !u.value("name", nlohmann::json()).is_string() || !u.value("hash", nlohmann::json()).is_string())
        return core::fail(where + ": expected an object with \"name\", \"role\" and \"hash\"");
      User user{u["name"].get<std::string>(), Role::Organiser, u["hash"].get<std::string>()};
      const auto role = roleNamed(u.value("role", std::string()));
      if (!role) return core::fail(where + "/role: expected \"organiser\" or \"admin\"");
      if (!isValidUserName(user.name)) return core::fail(where + "/name: not a valid user name");
      if (!user.hash.starts_with("$argon2id$")) return core::fail(where + "/hash: not an Argon2id hash");
      user.role = *role;
      out.users.push_back(std::move(user));
    }
  } catch (const nlohmann::json::exception& e) {
    return core::fail(path + ": not valid JSON (" + std::string(e.what()) + ")");
  }
  return out;
}

core::Result<void> writeUsers(const std::string& path, const UserFile& users) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& u : users.users) list.push_back({{"name", u.name}, {"role", roleName(u.role)}, {"hash", u.hash}});
  const nlohmann::json doc{{"users", list}};
  return platform::writeFileAtomic(path, doc.dump(2) + "\n", 0600);
}

core::Result<std::string> hashPassword(std::string_view password) {
  if (sodium_init() < 0) return core::fail("libsodium could not be initialised");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return core::fail("not enough memory to hash the password (Argon2id needs 64 MiB)");
  return std::string(out);
}

bool verifyPassword(const std::string& hash, std::string_view password) {
  if (sodium_init() < 0 || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

}  // namespace sf::tools
