// The console's rules without a server: sessions expire when idle and at an absolute limit and
// die at sign-out, the limiter refuses the Nth failure for a while, CSRF tokens compare exactly,
// forms and cookies parse as browsers send them, and the audit line is JSON.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tools/audit_log.hpp"
#include "tools/console_auth.hpp"
#include "tools/console_pages.hpp"

using namespace sf::tools;
using namespace std::chrono_literals;

namespace {
const sf::core::Instant tAuth0{std::chrono::seconds{1'800'000'000}};
Session session(const std::string& id) { return Session{id, "csrf-" + id, "anna", Role::Admin, "$argon2id$x"}; }
}  // namespace

TEST_CASE("sessions end when idle, at their absolute limit and at sign-out", "[console]") {
  SessionTable table(30min, 12h);
  table.open(session("a"), tAuth0);
  REQUIRE(table.use("a", tAuth0 + 29min));
  CHECK(table.use("a", tAuth0 + 29min)->csrf == "csrf-a");
  CHECK_FALSE(table.use("b", tAuth0 + 29min));
  // Used every 25 minutes, it still ends 12 hours after sign-in.
  auto t = tAuth0 + 29min;
  for (int i = 0; i < 27; ++i) {
    t += 25min;
    if (t - tAuth0 > 12h) break;
    REQUIRE(table.use("a", t));
  }
  CHECK_FALSE(table.use("a", tAuth0 + 12h + 1s));
  CHECK(table.size() == 0);

  table.open(session("c"), tAuth0);
  CHECK_FALSE(table.use("c", tAuth0 + 31min));  // idle too long

  table.open(session("d"), tAuth0);
  CHECK(table.close("d"));
  CHECK_FALSE(table.use("d", tAuth0 + 1s));  // signed out: the same cookie is worth nothing
  CHECK_FALSE(table.close("d"));
}

TEST_CASE("a full session table drops the least recently used session", "[console]") {
  SessionTable table(30min, 12h, 2);
  table.open(session("a"), tAuth0);
  table.open(session("b"), tAuth0 + 1s);
  REQUIRE(table.use("a", tAuth0 + 2s));
  table.open(session("c"), tAuth0 + 3s);
  CHECK(table.size() == 2);
  CHECK(table.use("a", tAuth0 + 4s));
  CHECK_FALSE(table.use("b", tAuth0 + 4s));
}

TEST_CASE("the sign-in limiter refuses after N failures, per user and per address, for a while", "[console]") {
  LoginLimiter limiter({20, 15min, 15min}, {5, 15min, 10min});
  for (int i = 0; i < 5; ++i) {
    REQUIRE_FALSE(limiter.refusedFor("10.0.0.1", "anna", tAuth0 + std::chrono::seconds(i)));
    limiter.failed("10.0.0.1", "anna", tAuth0 + std::chrono::seconds(i));
  }
  // The 6th attempt for anna is refused, from any address; ben is not.
  const auto wait = limiter.refusedFor("10.0.0.1", "anna", tAuth0 + 5s);
  REQUIRE(wait);
  CHECK(*wait == 10min - 1s);
  CHECK(limiter.refusedFor("10.0.0.9", "anna", tAuth0 + 5s));
  CHECK_FALSE(limiter.refusedFor("10.0.0.1", "ben", tAuth0 + 5s));
  // After the lockout it may be tried again; a success clears the user's count.
  CHECK_FALSE(limiter.refusedFor("10.0.0.1", "anna", tAuth0 + 4s + 10min));
  limiter.failed("10.0.0.1", "anna", tAuth0 + 11min);
  CHECK_FALSE(limiter.refusedFor("10.0.0.1", "anna", tAuth0 + 11min));
  limiter.succeeded("10.0.0.1", "anna");

  // Per address: 20 failures over many names lock the address, not other addresses.
  LoginLimiter byAddress({20, 15min, 15min}, {5, 15min, 15min});
  for (int i = 0; i < 20; ++i) byAddress.failed("10.0.0.2", "name" + std::to_string(i), tAuth0);
  CHECK(byAddress.refusedFor("10.0.0.2", "someone", tAuth0 + 1s));
  CHECK_FALSE(byAddress.refusedFor("10.0.0.3", "someone", tAuth0 + 1s));
  // Failures spread wider than the window do not add up.
  LoginLimiter slow({20, 15min, 15min}, {5, 15min, 15min});
  for (int i = 0; i < 10; ++i) slow.failed("10.0.0.4", "carl", tAuth0 + std::chrono::minutes(16 * i));
  CHECK_FALSE(slow.refusedFor("10.0.0.4", "carl", tAuth0 + 160min));
}

TEST_CASE("password checks still running count against the limit, and one address runs only a few at once", "[console]") {
  LoginLimiter limiter({20, 15min, 15min}, {5, 15min, 15min}, 3);
  for (int i = 0; i < 3; ++i) limiter.failed("10.0.0.1", "anna", tAuth0);
  // Two checks running: with three failures they could make five, so a sixth try waits for them.
  limiter.started("10.0.0.5", "anna");
  CHECK_FALSE(limiter.refusedFor("10.0.0.6", "anna", tAuth0 + 1s));
  limiter.started("10.0.0.6", "anna");
  CHECK(limiter.refusedFor("10.0.0.7", "anna", tAuth0 + 1s));
  CHECK_FALSE(limiter.refusedFor("10.0.0.7", "ben", tAuth0 + 1s));
  // One ends well: anna's count starts again; the other's failure is then one of one.
  limiter.succeeded("10.0.0.5", "anna");
  limiter.failed("10.0.0.6", "anna", tAuth0 + 2s);
  CHECK_FALSE(limiter.refusedFor("10.0.0.7", "anna", tAuth0 + 3s));
  // Three checks from one address at once, whatever the names: a fourth waits.
  for (const char* name : {"a", "b", "c"}) limiter.started("10.0.0.8", name);
  const auto wait = limiter.refusedFor("10.0.0.8", "d", tAuth0 + 3s);
  REQUIRE(wait);
  CHECK(*wait <= 5s);
  limiter.abandoned("10.0.0.8", "a");  // the server was busy: never checked, not a failure
  CHECK_FALSE(limiter.refusedFor("10.0.0.8", "d", tAuth0 + 3s));
  CHECK_FALSE(limiter.refusedFor("10.0.0.9", "a", tAuth0 + 3s));
}

TEST_CASE("CSRF tokens compare whole and exactly", "[console]") {
  const std::string token(64, 'a');
  CHECK(equalSecrets(token, token));
  CHECK_FALSE(equalSecrets(token, std::string(63, 'a')));
  CHECK_FALSE(equalSecrets(token, std::string(63, 'a') + "b"));
  CHECK_FALSE(equalSecrets(token, token + "a"));
  CHECK_FALSE(equalSecrets("", ""));
}

TEST_CASE("forms and cookies parse as browsers send them", "[console]") {
  const auto f = parseForm("user=anna&password=a+b%26c%3D%25&text-de=%3Cscript%3E&empty=&user=mallory&bad=%zz%4");
  CHECK(f.at("user") == "anna");
  CHECK(f.at("password") == "a b&c=%");
  CHECK(f.at("text-de") == "<script>");
  CHECK(f.at("empty").empty());
  CHECK(f.at("bad") == "%zz%4");
  std::string many;
  for (int i = 0; i < 100; ++i) many += "f" + std::to_string(i) + "=x&";
  CHECK(parseForm(many).size() == 64);
  CHECK(cookieValue("a=1; sf_session=abc; sf_lang=en", "sf_session") == "abc");
  CHECK(cookieValue("xsf_session=abc", "sf_session").empty());
  CHECK(cookieValue("", "sf_session").empty());
}

TEST_CASE("audit lines are JSON with the fields the log promises", "[console]") {
  const std::string line = auditLine({tAuth0, "anna\n\"x", "10.0.0.1", "announce", "ok", "console-1a2b \xff"});
  REQUIRE(line.back() == '\n');
  CHECK(std::count(line.begin(), line.end(), '\n') == 1);
  const auto j = nlohmann::json::parse(line);
  CHECK(j["time"] == "2027-01-15T08:00:00+00:00");
  CHECK(j["user"] == "anna\n\"x");
  CHECK(j["address"] == "10.0.0.1");
  CHECK(j["action"] == "announce");
  CHECK(j["outcome"] == "ok");
}

TEST_CASE("console pages escape every text from users and feeds", "[console]") {
  AnnouncePage p;
  p.lang = "en";
  p.csrf = "tok\"en";
  p.languages = {{"de", "Deutsch"}};
  p.form.texts["de"] = "<script>alert(1)</script>";
  p.roomsHint = "hs1 (<b>Hall</b>)";
  p.active.push_back({"a1", "info", "<img src=x onerror=alert(1)>", "Rooms: <i>", "10:00", "11:00", false});
  const std::string html = announceMain(p);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>Hall") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("value=\"tok&quot;en\"") != std::string::npos);
  // Every control has a label or a legend: as many <label for= as named inputs other than hidden ones.
  std::size_t labels = 0, controls = 0;
  for (std::size_t i = html.find("<label for="); i != std::string::npos; i = html.find("<label for=", i + 1)) ++labels;
  for (const char* tag : {"<textarea ", "<input id="}) 
    for (std::size_t i = html.find(tag); i != std::string::npos; i = html.find(tag, i + 1)) ++controls;
  CHECK(labels == controls);
  const std::string frame = consolePage({"de", "<x>", "/console/announce", "anna<", Role::Organiser, "t"}, "");
  CHECK(frame.find("<x>") == std::string::npos);
  CHECK(frame.find("anna<") == std::string::npos);
  CHECK(frame.find("<style") == std::string::npos);
  CHECK(frame.find("<script") == std::string::npos);
  CHECK(frame.find("/console/users") == std::string::npos);  // an organiser is not shown the admin's pages
}
