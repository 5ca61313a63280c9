// The console of `serve --console` attacked and used over HTTP, as a browser and as an attacker
// on the stand's network would: wrong passwords, the sign-in limit, forms without or with a wrong
// CSRF token, a cookie reused after sign-out, an organiser at an admin page, script in an
// announcement, paths outside the console; and the audit log that records it all.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "console_rig.hpp"
#include "core/feed/parse.hpp"

using sf::test::Browser;
using sf::test::ConsoleRig;

namespace {

sf::core::Feed published(const ConsoleRig& rig) {
  auto parsed = sf::core::parseFeed(sf::test::readText(rig.dir + "/www/feed.json"), "served");
  REQUIRE(parsed.feed);
  return *parsed.feed;
}

// The audit log's lines as {action, outcome, user} triples.
std::vector<std::tuple<std::string, std::string, std::string>> audited(const ConsoleRig& rig) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (const auto& line : rig.auditLines()) {
    const auto j = nlohmann::json::parse(line);
    CHECK(j["address"] == "127.0.0.1");
    CHECK(j["time"].get<std::string>().size() == 25);
    out.emplace_back(j["action"], j["outcome"], j["user"]);
  }
  return out;
}

bool has(const std::vector<std::tuple<std::string, std::string, std::string>>& lines, const std::string& action,
         const std::string& outcome, const std::string& user) {
  return std::find(lines.begin(), lines.end(), std::make_tuple(action, outcome, user)) != lines.end();
}

}  // namespace

TEST_CASE("console: sign in, announce, see it escaped, end it, sign out, every step audited", "[console]") {
  ConsoleRig rig;
  Browser b = rig.browser();
  CHECK(b.go("GET", "/console/").status == 303);
  CHECK(b.last.header("location") == "/console/login");
  REQUIRE(b.go("GET", "/console/login").status == 200);
  // Strict headers on every console page: no inline script or style, no framing, no caching.
  CHECK_THAT(b.last.header("content-security-policy"), Catch::Contains("default-src 'self'") && Catch::Contains("frame-ancestors 'none'") &&
                                                          !Catch::Contains("unsafe-inline"));
  CHECK(b.last.header("x-frame-options") == "DENY");
  CHECK(b.last.header("cache-control") == "no-store");
  CHECK(b.last.body.find("<script") == std::string::npos);
  CHECK(b.last.body.find("style=") == std::string::npos);

  const auto in = b.go("POST", "/console/login", {{"csrf", b.token()}, {"user", "ben"}, {"password", "ben's long password"}});
  REQUIRE(in.status == 303);
  CHECK(in.header("location") == "/console/announce");
  bool sessionCookie = false;
  for (const auto& c : in.all("set-cookie"))
    if (c.starts_with("sf_session=")) {
      sessionCookie = true;
      CHECK_THAT(c, Catch::Contains("HttpOnly") && Catch::Contains("SameSite=Strict") && Catch::Contains("Path=/console") &&
                        !Catch::Contains("Secure"));
      CHECK(c.substr(11, c.find(';') - 11).size() == 64);
    }
  CHECK(sessionCookie);

  REQUIRE(b.go("GET", "/console/announce?lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("Announce") && Catch::Contains("for=\"until\""));
  const std::string csrf = b.token();
  REQUIRE(csrf.size() == 64);
  const std::string evil = "<script>alert('x')</script> Saal 2 voll";
  const auto sent = b.go("POST", "/console/announce",
                         {{"csrf", csrf}, {"level", "info"}, {"text-de", evil}, {"text-en", "Hall 2 is full"}, {"target", "all"}, {"until", "30m"}});
  REQUIRE(sent.status == 303);
  // In the published feed the screens poll, as `announce` would have written it.
  const auto feed = published(rig);
  const auto it = std::find_if(feed.announcements.begin(), feed.announcements.end(), [](const auto& a) { return a.id.starts_with("console-"); });
  REQUIRE(it != feed.announcements.end());
  CHECK(it->level == sf::core::Level::Info);
  CHECK(it->text.in("de") == evil);
  CHECK(it->text.in("en") == "Hall 2 is full");
  CHECK(it->end - it->start == std::chrono::minutes(30));
  // Shown as text on the console, never as markup.
  b.go("GET", "/console/announce?lang=de");
  CHECK(b.last.body.find("<script>alert") == std::string::npos);
  CHECK_THAT(b.last.body, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Saal 2 voll"));

  // End now.
  REQUIRE(b.go("POST", "/console/announce/end", {{"csrf", csrf}, {"id", it->id}}).status == 303);
  const auto ended = published(rig);
  const auto again = std::find_if(ended.announcements.begin(), ended.announcements.end(), [&](const auto& a) { return a.id == it->id; });
  REQUIRE(again != ended.announcements.end());
  CHECK(again->end <= std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  CHECK(published(rig).revision > feed.revision);

  // Bad input: a clear message, nothing published.
  const auto revision = published(rig).revision;
  CHECK(b.go("POST", "/console/announce", {{"csrf", csrf}, {"level", "info"}, {"text-de", "x"}, {"target", "rooms"}, {"until", "30m"}}).status == 422);
  CHECK(b.go("POST", "/console/announce", {{"csrf", csrf}, {"level", "info"}, {"text-de", "x"}, {"target", "all"}, {"until", "gestern"}}).status == 422);
  CHECK(b.go("POST", "/console/announce", {{"csrf", csrf}, {"level", "loud"}, {"text-de", "x"}, {"target", "all"}, {"until", "1h"}}).status == 422);
  CHECK(published(rig).revision == revision);

  REQUIRE(b.go("POST", "/console/logout", {{"csrf", csrf}}).status == 303);
  CHECK(b.jar.count("sf_session") == 0);
  const auto log = audited(rig);
  CHECK(has(log, "sign-in", "ok", "ben"));
  CHECK(has(log, "announce", "ok", "ben"));
  CHECK(has(log, "end-announcement", "ok", "ben"));
  CHECK(has(log, "announce", "invalid", "ben"));
  CHECK(has(log, "sign-out", "ok", "ben"));
}

TEST_CASE("console: wrong passwords, then the sign-in limit refuses even the right one", "[console]") {
  ConsoleRig rig;
  Browser b = rig.browser();
  CHECK(b.signIn("anna", "not anna's password").status == 401);
  CHECK_THAT(b.last.body, Catch::Contains("Name oder Passwort stimmt nicht."));
  CHECK(b.jar.count("sf_session") == 0);
  CHECK(b.signIn("nobody", "whatever it is").status == 401);
  for (int i = 0; i < 4; ++i) REQUIRE(b.signIn("anna", "guess " + std::to_string(i)).status == 401);
  // The 6th attempt for anna is refused for a while, with the right password too.
  const auto refused = b.signIn("anna", "anna's long password");
  CHECK(refused.status == 429);
  CHECK(std::stoi(refused.header("retry-after")) > 800);
  CHECK(b.jar.count("sf_session") == 0);
  // Others still get in.
  CHECK(b.signIn("ben", "ben's long password").status == 303);
  // A sign-in form without its token (a page elsewhere posting to the console) is refused.
  Browser other = rig.browser();
  CHECK(other.go("POST", "/console/login", {{"user", "ben"}, {"password", "ben's long password"}}).status == 403);
  const auto log = audited(rig);
  CHECK(std::count(log.begin(), log.end(), std::make_tuple(std::string("sign-in"), std::string("wrong-password"), std::string("anna"))) == 5);
  CHECK(has(log, "sign-in", "unknown-user", "nobody"));
  CHECK(has(log, "sign-in", "rate-limited", "anna"));
  CHECK(has(log, "sign-in", "csrf", "ben"));
}

TEST_CASE("console: forms without or with a wrong CSRF token, a cookie after sign-out, an organiser at an admin page", "[console]") {
  ConsoleRig rig;
  Browser ben = rig.browser();
  REQUIRE(ben.signIn("ben", "ben's long password").status == 303);
  ben.go("GET", "/console/announce");
  const std::string csrf = ben.token();
  const auto revision = published(rig).revision;
  const std::vector<std::pair<std::string, std::string>> form{{"level", "emergency"}, {"text-de", "Feuer"}, {"target", "all"}, {"until", "1h"}};
  CHECK(ben.go("POST", "/console/announce", form).status == 403);
  auto wrong = form;
  wrong.emplace_back("csrf", std::string(64, '0'));
  CHECK(ben.go("POST", "/console/announce", wrong).status == 403);
  CHECK(published(rig).revision == revision);

  // An organiser at the users page (admin only): refused, and the admin's link is not offered.
  CHECK(ben.go("GET", "/console/users").status == 403);
  ben.go("GET", "/console/announce");
  CHECK(ben.last.body.find("/console/users") == std::string::npos);
  Browser anna = rig.browser();
  REQUIRE(anna.signIn("anna", "anna's long password").status == 303);
  REQUIRE(anna.go("GET", "/console/users").status == 200);
  CHECK_THAT(anna.last.body, Catch::Contains("<td>ben</td>") && !Catch::Contains("argon2"));

  // Signed out: the old cookie and token are worth nothing.
  const auto stolen = ben.jar;
  REQUIRE(ben.go("POST", "/console/logout", {{"csrf", csrf}}).status == 303);
  Browser thief = rig.browser();
  thief.jar = stolen;
  auto replay = form;
  replay.emplace_back("csrf", csrf);
  CHECK(thief.go("POST", "/console/announce", replay).status == 403);
  CHECK(thief.go("GET", "/console/announce").status == 303);
  CHECK(thief.last.header("location") == "/console/login");
  CHECK(published(rig).revision == revision);

  // A user removed while signed in is out at the next request.
  REQUIRE(sf::test::runBinary("user remove " + rig.dir + "/users.json anna").exitCode == 0);
  CHECK(anna.go("GET", "/console/users").status == 303);

  const auto log = audited(rig);
  CHECK(std::count(log.begin(), log.end(), std::make_tuple(std::string("announce"), std::string("csrf"), std::string("ben"))) == 2);
  CHECK(has(log, "users", "forbidden", "ben"));
  CHECK(has(log, "announce", "no-session", ""));
}

TEST_CASE("console: paths outside the console and other methods are refused", "[console]") {
  ConsoleRig rig;
  for (const char* path : {"/console/../users.json", "/console/%2e%2e/feed.json", "/console/../../etc/passwd", "/console/announce/../users",
                           "/console/style.css/..", "/users.json", "/console-audit.jsonl", "/console/nothing"}) {
    INFO(path);
    const auto r = sf::test::rawRequest(rig.port, "GET", path);
    CHECK(r.status == 404);
    CHECK(r.body.find("$argon2id$") == std::string::npos);
  }
  CHECK(sf::test::rawRequest(rig.port, "DELETE", "/console/announce").status == 405);
  CHECK(sf::test::rawRequest(rig.port, "GET", "/console/logout").status == 405);
  // The screens' feed is still served beside the console.
  CHECK(sf::test::rawRequest(rig.port, "GET", "/feed.json").status == 200);
  const auto css = sf::test::rawRequest(rig.port, "GET", "/console/style.css");
  CHECK(css.status == 200);
  CHECK_THAT(css.header("content-type"), Catch::StartsWith("text/css"));
}

TEST_CASE("serve --console refuses to start without users, a feed or a safe key", "[console]") {
  ConsoleRig rig;
  const auto noUsers = sf::test::runBinary("serve " + rig.dir + "/www --console --feed " + rig.dir + "/feed.json --users " + rig.dir + "/none.json");
  CHECK(noUsers.exitCode == 2);
  CHECK_THAT(noUsers.out, Catch::Contains("user add"));
  const auto noFeed = sf::test::runBinary("serve " + rig.dir + "/www --console --users " + rig.dir + "/users.json");
  CHECK(noFeed.exitCode == 2);
  CHECK_THAT(noFeed.out, Catch::Contains("--feed"));
}
