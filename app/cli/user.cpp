// `user add|passwd|remove|list USERS_FILE [NAME]`: the people who may sign in to the console of
// `serve --console`, with Argon2id password hashes; passwords come from the terminal or stdin.
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "platform/terminal.hpp"
#include "tools/users.hpp"

namespace sf::cli {
namespace {

// The new password, asked twice on a terminal (a typo with echo off would lock the user out), or
// one line of standard input.
std::optional<std::string> newPassword(const std::string& name, bool fromStdin) {
  core::Result<std::string> pw = fromStdin ? platform::readLineFromStdin(4096)
                                           : platform::readSecretFromTerminal("New password for " + name + ": ");
  if (!pw) {
    std::cerr << "user: " << pw.error().message << '\n';
    return std::nullopt;
  }
  if (auto problem = tools::passwordProblem(*pw)) {
    std::cerr << "user: " << *problem << "; choose a longer one (a few words are easy to type on a phone)\n";
    return std::nullopt;
  }
  if (!fromStdin) {
    auto again = platform::readSecretFromTerminal("Again: ");
    if (!again || *again != *pw) {
      std::cerr << "user: the two passwords differ; nothing changed\n";
      return std::nullopt;
    }
  }
  return pw.value();
}

}  // namespace

int runUser(const std::vector<std::string>& args) {
  CLI::App app{"Manages the people who may sign in to the console (serve --console --users USERS_FILE).\n"
               "  add USERS_FILE NAME [--role organiser|admin]   add someone (asks for the password twice)\n"
               "  passwd USERS_FILE NAME                         set a new password (ends their sessions)\n"
               "  remove USERS_FILE NAME                         remove someone (ends their sessions)\n"
               "  list USERS_FILE                                names and roles\n"
               "Roles: organiser (announcements), admin (also publish, rollback, users). Passwords are stored as\n"
               "Argon2id hashes; the file is written with mode 0600.",
               "schaufenster user"};
  std::string action, file, name, roleText = "organiser";
  bool fromStdin = false;
  app.add_option("action", action, "add, passwd, remove or list")->required()->check(CLI::IsMember({"add", "passwd", "remove", "list"}));
  app.add_option("users-file", file, "the users file (JSON)")->required();
  app.add_option("name", name, "the user's name: letters, digits, '.', '_', '-', '@'");
  app.add_option("--role", roleText, "with add: organiser (default) or admin")->check(CLI::IsMember({"organiser", "admin"}));
  app.add_flag("--password-stdin", fromStdin, "read the password from standard input (one line) instead of the terminal");
  if (auto code = parseArgs(app, args)) return *code;
  if (action != "list" && !tools::isValidUserName(name)) {
    std::cerr << "user: " << action << " needs a NAME of 1 to 64 letters, digits, '.', '_', '-' or '@'\n";
    return kExitUsage;
  }
  auto users = tools::readUsers(file);
  if (!users) {
    std::cerr << "user: " << users.error().message << '\n';
    return kExitInvalid;
  }
  if (action == "list") {
    for (const auto& u : users->users) std::cout << tools::roleName(u.role) << '\t' << u.name << '\n';
    if (users->users.empty()) std::cout << "no users in " << file << " (add one with `schaufenster user add " << file << " NAME`)\n";
    return kExitOk;
  }
  tools::User* user = users->find(name);
  if (action == "add" && user) {
    std::cerr << "user: " << name << " already exists in " << file << " (change the password with `user passwd`)\n";
    return kExitInvalid;
  }
  if (action != "add" && !user) {
    std::cerr << "user: no user " << name << " in " << file << '\n';
    return kExitInvalid;
  }
  if (action == "remove") {
    std::erase_if(users->users, [&](const tools::User& u) { return u.name == name; });
  } else {
    const auto pw = newPassword(name, fromStdin);
    if (!pw) return kExitInvalid;
    auto hash = tools::hashPassword(*pw);
    if (!hash) {
      std::cerr << "user: " << hash.error().message << '\n';
      return kExitInvalid;
    }
    if (action == "add") users->users.push_back({name, *tools::roleNamed(roleText), *hash});
    else user->hash = *hash;
  }
  if (auto done = tools::writeUsers(file, *users); !done) {
    std::cerr << "user: " << done.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << (action == "add" ? "added " : action == "remove" ? "removed " : "new password for ") << name
            << (action == "add" ? std::string(" (") + roleText + ")" : "") << " in " << file << '\n';
  return kExitOk;
}

}  // namespace sf::cli
