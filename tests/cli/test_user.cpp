// `schaufenster user`: the console's users file as an organiser manages it from a shell: Argon2id
// hashes and never the password, mode 0600, clear refusals, and passwords from stdin for scripts.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "run_binary.hpp"
#include "tools/users.hpp"

namespace fs = std::filesystem;

namespace {

struct Folder {
  Folder() {
    std::string tmpl = (fs::temp_directory_path() / "sf-user-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
  }
  ~Folder() { fs::remove_all(dir); }
  std::string dir;
};

sf::test::Run user(const std::string& password, const std::string& args) {
  return sf::test::runShell("printf '%s\\n' '" + password + "' | " + SF_BINARY + " user " + args + " --password-stdin");
}

}  // namespace

TEST_CASE("user add, passwd, remove and list keep Argon2id hashes in a private file", "[user]") {
  Folder f;
  const std::string file = f.dir + "/users.json";
  const auto added = user("correct horse battery", "add " + file + " anna --role admin");
  REQUIRE(added.exitCode == 0);
  CHECK_THAT(added.out, Catch::Contains("added anna (admin)"));
  REQUIRE(user("staple for the door", "add " + file + " ben").exitCode == 0);

  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const std::string text = sf::test::readText(file);
  CHECK(text.find("correct horse") == std::string::npos);
  CHECK_THAT(text, Catch::Contains("$argon2id$"));

  auto users = sf::tools::readUsers(file);
  REQUIRE(users);
  REQUIRE(users->users.size() == 2);
  const auto* anna = users->find("anna");
  REQUIRE(anna);
  CHECK(anna->role == sf::tools::Role::Admin);
  CHECK(users->find("ben")->role == sf::tools::Role::Organiser);
  CHECK(sf::tools::verifyPassword(anna->hash, "correct horse battery"));
  CHECK_FALSE(sf::tools::verifyPassword(anna->hash, "correct horse batterY"));
  CHECK_FALSE(sf::tools::verifyPassword(anna->hash, ""));

  const auto listed = sf::test::runBinary("user list " + file);
  CHECK(listed.exitCode == 0);
  CHECK_THAT(listed.out, Catch::Contains("admin\tanna") && Catch::Contains("organiser\tben"));

  // A new password replaces the hash; the old one no longer verifies.
  REQUIRE(user("a brand new phrase", "passwd " + file + " ben").exitCode == 0);
  users = sf::tools::readUsers(file);
  CHECK(sf::tools::verifyPassword(users->find("ben")->hash, "a brand new phrase"));
  CHECK_FALSE(sf::tools::verifyPassword(users->find("ben")->hash, "staple for the door"));

  SECTION("refusals change nothing") {
    const std::string before = sf::test::readText(file);
    const auto again = user("another long one", "add " + file + " anna");
    CHECK(again.exitCode == 1);
    CHECK_THAT(again.out, Catch::Contains("already exists"));
    const auto shortPw = user("short", "add " + file + " carl");
    CHECK(shortPw.exitCode == 1);
    CHECK_THAT(shortPw.out, Catch::Contains("shorter than 10"));
    CHECK(user("whatever long enough", "add " + file + " 'bad name<'").exitCode == 2);
    CHECK(user("whatever long enough", "passwd " + file + " nobody").exitCode == 1);
    CHECK(sf::test::runBinary("user add " + file + " carl --role root --password-stdin </dev/null").exitCode == 2);
    // No terminal and no --password-stdin: a clear word instead of hanging.
    const auto noTty = sf::test::runShell("setsid -w " + std::string(SF_BINARY) + " user add " + file + " dora </dev/null");
    CHECK(noTty.exitCode == 1);
    CHECK_THAT(noTty.out, Catch::Contains("--password-stdin"));
    CHECK(sf::test::readText(file) == before);
  }
  SECTION("remove") {
    REQUIRE(sf::test::runBinary("user remove " + file + " ben").exitCode == 0);
    users = sf::tools::readUsers(file);
    CHECK(users->users.size() == 1);
    CHECK_FALSE(users->find("ben"));
    CHECK(sf::test::runBinary("user remove " + file + " ben").exitCode == 1);
  }
  SECTION("a damaged file is named, not overwritten") {
    std::ofstream(file) << R"({"users": [{"name": "x", "role": "boss", "hash": "$argon2id$..."}]})";
    const auto r = sf::test::runBinary("user list " + file);
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.out, Catch::Contains(file + ": /users/0/role"));
  }
}
