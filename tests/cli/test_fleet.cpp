// The fleet collector: its SQLite store (a temporary database), the collector's answers in
// this process with a clock of the test's own, and `serve --fleet` as organisers run it,
// refusing wrong tokens, big bodies and broken reports and taking a screen offline after
// three missed beats.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>

#include <nlohmann/json.hpp>

#include "collector_process.hpp"
#include "fleet_rig.hpp"
#include "fleet_png.hpp"
#include "promtool.hpp"
#include "run_binary.hpp"
#include "tools/fleet_collector.hpp"
#include "tools/fleet_shot.hpp"
#include "tools/fleet_store.hpp"
#include "tools/fleet_view.hpp"
#include "core/show/fleet_metrics.hpp"
#include "platform/http_server.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using sf::core::Instant;
using sf::core::ScreenReport;


TEST_CASE("the store keeps one row per screen and a bounded history of revisions and faults", "[fleet]") {
  TempDb db;
  auto opened = sf::tools::FleetStore::open(db.path());
  REQUIRE(opened);
  auto& store = **opened;
  store.historyPerScreen = 5;
  REQUIRE(store.record(screen("Foyer", 1), "10.0.0.5", t0));
  REQUIRE(store.record(screen("Foyer", 1), "10.0.0.5", t0 + 60s));  // the same: no history entry
  REQUIRE(store.record(screen("Foyer", 2, "network"), "10.0.0.5", t0 + 120s));
  REQUIRE(store.record(screen("Foyer", 2), "10.0.0.6", t0 + 180s));
  REQUIRE(store.record(screen("Hall", 2), "10.0.0.7", t0 + 180s));
  auto rows = store.screens();
  REQUIRE(rows);
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].report.screen == "Foyer");
  CHECK((*rows)[0].report.revision == 2);
  CHECK((*rows)[0].address == "10.0.0.6");
  CHECK((*rows)[0].firstSeen == t0);
  CHECK((*rows)[0].lastSeen == t0 + 180s);
  auto history = store.history("Foyer", 10);
  REQUIRE(history);
  REQUIRE(history->size() == 4);  // newest first: recovered, fault, revision 2, revision 1
  CHECK((*history)[0].kind == "recovered");
  CHECK((*history)[1].kind == "fault");
  CHECK((*history)[1].detail == "network: the server could not be reached");
  CHECK((*history)[2].detail == "campus 2");
  for (int i = 3; i < 20; ++i) REQUIRE(store.record(screen("Foyer", i), "10.0.0.6", t0 + std::chrono::seconds{i * 60}));
  history = store.history("Foyer", 100);
  REQUIRE(history->size() == 5);  // bounded: the newest five
  CHECK((*history)[0].detail == "campus 19");

  // WAL, and what was committed is there after a reopen.
  CHECK(fs::exists(db.path() + "-wal"));
  opened->reset();
  auto again = sf::tools::FleetStore::open(db.path());
  REQUIRE(again);
  CHECK((*again)->screens()->size() == 2);
}

TEST_CASE("the store refuses new screens beyond its limit, and files that are no database", "[fleet]") {
  TempDb db;
  auto store = sf::tools::FleetStore::open(db.path()).value();
  store->maxScreens = 2;
  REQUIRE(store->record(screen("a", 1), "x", t0));
  REQUIRE(store->record(screen("b", 1), "x", t0));
  auto third = store->record(screen("c", 1), "x", t0);
  REQUIRE_FALSE(third);
  CHECK(third.error().kind == "full");
  CHECK(store->record(screen("a", 2), "x", t0));  // known screens still report
  std::ofstream(db.dir + "/junk.db") << "this is not a database, just words in a file that is long enough";
  auto junk = sf::tools::FleetStore::open(db.dir + "/junk.db");
  REQUIRE_FALSE(junk);
  CHECK_THAT(junk.error().message, Catch::Contains("junk.db"));
}

TEST_CASE("the collector takes reports with the token and shows screens up, behind and offline", "[fleet]") {
  std::vector<std::string> logged;
  std::vector<nlohmann::json> notified;
  CollectorRig rig([&](sf::tools::CollectorOptions& o) {
    o.log = [&](const std::string& line) { logged.push_back(line); };
    o.notify = [&](const std::string& body) { notified.push_back(nlohmann::json::parse(body)); };
  });
  auto& c = rig.c;
  Instant& now = rig.now;
  const std::string bearer = "Bearer a-long-enough-token";

  auto post = [&](const ScreenReport& r, const std::string& auth) {
    return c.answer(request("POST", "/fleet/report", auth, sf::core::reportJson(r)))->status;
  };
  CHECK(post(screen("Foyer", 3), bearer) == 200);
  CHECK(post(screen("<script>alert(1)</script>", 2), bearer) == 200);
  CHECK(post(screen("Foyer", 3), "Bearer wrong") == 401);
  CHECK(post(screen("Foyer", 3), "") == 401);
  CHECK(c.answer(request("POST", "/fleet/report", bearer, "{\"screen\": 1"))->status == 400);
  CHECK(c.answer(request("GET", "/fleet/screens.json", ""))->status == 401);
  CHECK(c.answer(request("GET", "/feed.json", "")) == std::nullopt);  // the published folder's

  auto json = nlohmann::json::parse(c.answer(request("GET", "/fleet/screens.json", bearer))->body);
  REQUIRE(json["screens"].size() == 2);
  // Problems first: the screen behind the newest revision comes before the one that is fine.
  CHECK(json["screens"][0]["screen"] == "<script>alert(1)</script>");
  CHECK(json["screens"][0]["state"] == "behind");
  CHECK(json["screens"][0]["revisionsBehind"] == 1);
  CHECK(json["screens"][1]["state"] == "up");

  // The page, with Basic authentication as a browser sends it (user "fleet"), escapes names.
  auto page = c.answer(request("GET", "/fleet/", "Basic ZmxlZXQ6YS1sb25nLWVub3VnaC10b2tlbg=="));
  REQUIRE(page->status == 200);
  CHECK_THAT(page->body, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(page->body, !Catch::Contains("<script>"));

  // Three missed beats of 60 s (with 10 % jitter allowed): offline, logged once, and back.
  now = t0 + 198s;
  c.sweep();
  CHECK(logged.empty());
  now = t0 + 199s;
  c.sweep();
  c.sweep();
  CHECK(logged.size() == 2);
  json = nlohmann::json::parse(c.answer(request("GET", "/fleet/screens.json", bearer))->body);
  CHECK(json["screens"][0]["state"] == "offline");
  CHECK(json["screens"][0]["online"] == false);
  CHECK(post(screen("Foyer", 3), bearer) == 200);
  c.sweep();
  CHECK(logged.size() == 3);
  CHECK_THAT(logged.back(), Catch::Contains("Foyer is back online"));
  // The webhook hears both changes of the same screen.
  REQUIRE(notified.size() == 3);
  CHECK(notified[2]["screen"] == "Foyer");
  CHECK(notified[2]["event"] == "online");
  bool wentOffline = false;
  for (const auto& n : notified) wentOffline = wentOffline || (n["screen"] == "Foyer" && n["event"] == "offline");
  CHECK(wentOffline);
  CHECK(notified[2]["groups"] == nlohmann::json::array({"foyer"}));

  const std::string metrics = c.answer(request("GET", "/metrics", bearer))->body;
  CHECK_THAT(metrics, Catch::Contains("schaufenster_screen_up{screen=\"Foyer\"} 1"));
  CHECK_THAT(metrics, Catch::Contains("schaufenster_fleet_screens{group=\"foyer\",state=\"down\"} 1"));
}

TEST_CASE("the collector's /metrics passes promtool check metrics, with every kind of screen", "[fleet][promtool]") {
  REQUIRE(sf::test::havePromtool());  // Debian's prometheus package (.ci/install-deps)
  CollectorRig rig;
  auto& c = rig.c;
  Instant& now = rig.now;
  auto post = [&](const ScreenReport& r) {
    return c.answer(request("POST", "/fleet/report", "Bearer a-long-enough-token", sf::core::reportJson(r)))->status;
  };
  ScreenReport gone = screen("Gone", 4);  // offline: reported long ago
  gone.groups = {"hall \"B\""};
  REQUIRE(post(gone) == 200);
  now = t0 + 600s;
  ScreenReport warm = screen("Pi \"Nord\" C:\\kiosk", 4);  // quotes and a backslash in a label
  warm.temperatureC = 71.5;
  warm.throttled = 0x50005;
  warm.freeDiskBytes = 12'345'678'901ULL;
  warm.contentAgeSeconds = 3600;
  warm.framesPerSecond = 0.5;
  warm.slowestFrameMs = 18.25;
  warm.version = "0.1.0";
  REQUIRE(post(warm) == 200);
  REQUIRE(post(screen("Broken", 3, "network")) == 200);  // a fault, and one revision behind
  ScreenReport dark = screen("Dunkel Ä", 20240615103000);    // a big revision, another feed
  dark.feedId = "other";
  dark.dark = true;
  dark.groups = {};
  REQUIRE(post(dark) == 200);
  c.sweep();

  const auto answer = c.answer(request("GET", "/metrics", "Bearer a-long-enough-token"));
  REQUIRE(answer->status == 200);
  const std::string& m = answer->body;
  const auto checked = sf::test::promtoolCheck(m);
  INFO(m);
  CHECK(checked.output == "");
  CHECK(checked.exitCode == 0);
  // What it says, not only that it parses.
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_up{screen=\"Gone\"} 0\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_up{screen=\"Broken\"} 1\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_fleet_screens{group=\"hall \\\"B\\\"\",state=\"down\"} 1\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_temperature_celsius{screen=\"Pi \\\"Nord\\\" C:\\\\kiosk\"} 71.5\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_throttled{screen=\"Pi \\\"Nord\\\" C:\\\\kiosk\"} 327685\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_slowest_frame_seconds{screen=\"Pi \\\"Nord\\\" C:\\\\kiosk\"} 0.01825\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_free_disk_bytes{screen=\"Pi \\\"Nord\\\" C:\\\\kiosk\"} 12345678901\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_fault{screen=\"Broken\"} 1\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_revision_lag{screen=\"Broken\"} 1\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_revision{screen=\"Dunkel Ä\"} 20240615103000\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_dark{screen=\"Dunkel Ä\"} 1\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_last_report_age_seconds{screen=\"Gone\"} 600\n"));
  CHECK_THAT(m, Catch::Contains("schaufenster_screen_info{screen=\"Pi \\\"Nord\\\" C:\\\\kiosk\",version=\"0.1.0\",feed=\"campus\"} 1\n"));
  // Only the screen that knows its temperature has the series.
  CHECK_THAT(m, !Catch::Contains("schaufenster_screen_temperature_celsius{screen=\"Gone\"}"));
}

TEST_CASE("label values are escaped as the text format wants, and promtool agrees", "[fleet][promtool]") {
  using sf::core::promLabelValue;
  CHECK(promLabelValue("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
  CHECK(promLabelValue(std::string("ok\xff" "x")) == "ok\xEF\xBF\xBDx");  // not UTF-8: U+FFFD
  CHECK(sf::core::promNumber(0.1) == "0.1");
  CHECK(sf::core::promNumber(1e300) == "1e+300");
  REQUIRE(sf::test::havePromtool());
  sf::core::PromText t;
  t.family("schaufenster_test_value", "A line\nand a back\\slash in the help.");
  t.sample("schaufenster_test_value", {{"screen", "Foyer\n\"links\" \\ \xfe"}}, 1);
  const auto checked = sf::test::promtoolCheck(t.text());
  INFO(t.text());
  CHECK(checked.output == "");
  CHECK(checked.exitCode == 0);
  // And the checker is not lenient: the same line unescaped is refused.
  const auto raw = sf::test::promtoolCheck("# HELP x_value A value.\n# TYPE x_value gauge\nx_value{screen=\"a\"b\"} 1\n");
  CHECK(raw.exitCode != 0);
}

TEST_CASE("the fleet page speaks German unless ?lang or the browser asks for English", "[fleet]") {
  using sf::tools::fleetLanguage;
  CHECK(fleetLanguage("", "") == "de");
  CHECK(fleetLanguage("en", "de-DE,de;q=0.9") == "en");  // the organiser's choice wins
  CHECK(fleetLanguage("de", "en-GB") == "de");
  CHECK(fleetLanguage("fr", "en-GB,en;q=0.9") == "en");  // an unknown choice: as the browser asks
  CHECK(fleetLanguage("", "en-US,en;q=0.9,de;q=0.8") == "en");
  CHECK(fleetLanguage("", "fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4") == "de");
  CHECK(fleetLanguage("", "fr-FR,fr;q=0.9,en;q=0.5") == "en");
  CHECK(fleetLanguage("", "fr-FR") == "de");
  CHECK(fleetLanguage("", "en;q=0") == "de");  // q=0: not acceptable
  CHECK(fleetLanguage("", "EN-gb") == "en");
  CHECK(fleetLanguage("", "*;q=0.5, en;q=oops") == "de");

  CollectorRig rig;
  auto& c = rig.c;
  Instant& now = rig.now;
  // Before any screen reports: what to put into a screen's config, in the page's language.
  CHECK_THAT(c.page("de"), Catch::Contains("Noch hat sich kein Bildschirm gemeldet."));
  CHECK_THAT(c.page("en"), Catch::Contains("No screen has reported yet."));
  REQUIRE(c.answer(request("POST", "/fleet/report", "Bearer a-long-enough-token", sf::core::reportJson(screen("Foyer", 2, "network"))))->status == 200);
  now = t0 + 300s;
  auto get = [&](const std::string& lang, const std::string& accept) {
    sf::platform::HttpRequest req{"GET", "/fleet/", "127.0.0.1",
                                  [accept](const char* name) {
                                    if (std::string(name) == "Authorization") return std::string("Bearer a-long-enough-token");
                                    return std::string(name) == "Accept-Language" ? accept : std::string();
                                  },
                                  "", [lang](const char* name) { return std::string(name) == "lang" ? lang : std::string(); }};
    return *c.answer(req);
  };
  auto header = [](const sf::platform::HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return std::string();
  };
  const auto de = get("", "");
  CHECK(header(de, "Content-Language") == "de");
  CHECK(header(de, "Vary") == "Accept-Language");
  CHECK_THAT(de.body, Catch::Contains("<html lang=\"de\">"));
  CHECK_THAT(de.body, Catch::Contains("<h1>Bildschirme</h1>"));
  CHECK_THAT(de.body, Catch::Contains("<dt>Zuletzt gemeldet</dt><dd class=\"problem\">vor 5 min</dd>"));
  CHECK_THAT(de.body, Catch::Contains("<span class=\"badge\">offline</span>"));
  CHECK_THAT(de.body, Catch::Contains("href=\"?lang=de\" hreflang=\"de\" lang=\"de\" aria-current=\"page\">DE</a>"));
  const auto en = get("", "en-GB,en;q=0.9");
  CHECK(header(en, "Content-Language") == "en");
  CHECK_THAT(en.body, Catch::Contains("<html lang=\"en\">"));
  CHECK_THAT(en.body, Catch::Contains("<h1>Screens</h1>"));
  CHECK_THAT(en.body, Catch::Contains("<dt>Last seen</dt><dd class=\"problem\">5 min ago</dd>"));
  CHECK_THAT(en.body, Catch::Contains("<dt>Fault</dt><dd class=\"problem\">the server could not be reached</dd>"));
  CHECK_THAT(en.body, Catch::Contains("href=\"?lang=en\" hreflang=\"en\" lang=\"en\" aria-current=\"page\">EN</a>"));
  CHECK_THAT(get("de", "en").body, Catch::Contains("<h1>Bildschirme</h1>"));
  // The refresh: the page's own script, the only one its policy allows, and a reload without it.
  CHECK(header(de, "Content-Security-Policy") ==
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src 'self'");
  CHECK_THAT(de.body, Catch::Contains("<script src=\"refresh.js\" defer></script><noscript><meta http-equiv=\"refresh\" content=\"15\"></noscript>"));
  CHECK(c.answer(request("GET", "/fleet/refresh.js", ""))->status == 401);
  const auto script = *c.answer(request("GET", "/fleet/refresh.js", "Bearer a-long-enough-token"));
  CHECK(script.status == 200);
  CHECK(header(script, "Content-Type") == "text/javascript; charset=utf-8");
  CHECK_THAT(script.body, Catch::Contains("setInterval(refresh, 15000)"));
  // No English word left on the German page (the card rows, the summary, the history).
  for (const char* english : {"Last seen", "Shows", "Up for", "Recent changes", "ago", "Need a look", "newest"})
    CHECK_THAT(de.body, !Catch::Contains(english));
}

TEST_CASE("one screen cannot flood the collector", "[fleet]") {
  CollectorRig rig;
  auto& c = rig.c;
  const int burst = sf::tools::CollectorOptions{}.burstPerScreen;
  int ok = 0, refused = 0;
  for (int i = 0; i < 20; ++i) {
    const auto r = c.answer(request("POST", "/fleet/report", "Bearer a-long-enough-token", sf::core::reportJson(screen("Foyer", 1))));
    (r->status == 200 ? ok : refused) += 1;
    if (r->status == 429) CHECK_THAT(r->body, Catch::Contains("once per beat"));
  }
  CHECK(ok == burst);
  CHECK(refused == 20 - burst);
  // Another screen is not held up by it.
  CHECK(c.answer(request("POST", "/fleet/report", "Bearer a-long-enough-token", sf::core::reportJson(screen("Hall", 1))))->status == 200);
}

TEST_CASE("secrets compare equal only when equal", "[fleet]") {
  CHECK(sf::tools::sameSecret("abc", "abc"));
  CHECK_FALSE(sf::tools::sameSecret("abc", "abd"));
  CHECK_FALSE(sf::tools::sameSecret("abc", "abcd"));
  CHECK_FALSE(sf::tools::sameSecret("", "abc"));
}

TEST_CASE("serve --fleet: reports over HTTP, refusals in plain words, offline after three missed beats", "[fleet]") {
  // A webhook receiver of the test's own, on loopback.
  std::mutex hookMutex;
  std::vector<nlohmann::json> hooked;
  sf::platform::ServerLimits hookLimits;
  hookLimits.maxBody = 4096;
  std::string error;
  auto hook = sf::platform::HttpServer::start("127.0.0.1", 0, hookLimits, [&](const sf::platform::HttpRequest& req) {
    std::lock_guard lock(hookMutex);
    hooked.push_back(nlohmann::json::parse(req.body, nullptr, false));
    return sf::platform::HttpResponse{204, {}, ""};
  }, nullptr, error);
  REQUIRE(hook);
  sf::test::Collector collector(SF_BINARY, "http://127.0.0.1:" + std::to_string(hook->port()) + "/hook");
  ScreenReport r = screen("Door 1.01", 7);
  r.seconds = 1;  // short beats: offline after 4 s without a report
  r.rooms = {"1.01"};
  auto sent = collector.post(sf::core::reportJson(r));
  REQUIRE(sent);
  CHECK(sent->status == 200);

  auto listed = collector.get("/fleet/screens.json");
  REQUIRE(listed);
  auto json = nlohmann::json::parse(listed->body);
  REQUIRE(json["screens"].size() == 1);
  CHECK(json["screens"][0]["screen"] == "Door 1.01");
  CHECK(json["screens"][0]["revision"] == 7);
  CHECK(json["screens"][0]["rooms"][0] == "1.01");
  CHECK(json["screens"][0]["online"] == true);

  auto wrong = collector.post(sf::core::reportJson(r), "not-the-token");
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().code == 401);
  CHECK_THAT(wrong.error().message, Catch::Contains("wrong or missing token"));
  // A body beyond a report with the largest screenshot is not even read; one below it but with
  // no screenshot to fill the room is refused by the reader.
  const std::size_t maxBody = sf::core::maxReportBody({});
  auto big = collector.post(std::string(maxBody + 1, ' ') + sf::core::reportJson(r));
  REQUIRE_FALSE(big);
  CHECK(big.error().code == 413);
  CHECK_THAT(big.error().message, Catch::Contains("larger than " + std::to_string(maxBody) + " bytes"));
  auto padded = collector.post(std::string(64 * 1024, ' ') + sf::core::reportJson(r));
  REQUIRE_FALSE(padded);
  CHECK(padded.error().code == 413);
  CHECK_THAT(padded.error().message, Catch::Contains("at most 16384 are taken"));
  auto broken = collector.post("{\"screen\": \"x\", \"revision\": \"seven\"}");
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == 400);
  CHECK_THAT(broken.error().message, Catch::Contains("\"revision\": expected a whole number"));
  auto noToken = collector.get("/fleet/", false);
  REQUIRE_FALSE(noToken);
  CHECK(noToken.error().code == 401);

  std::this_thread::sleep_for(5s);
  json = nlohmann::json::parse(collector.get("/fleet/screens.json")->body);
  CHECK(json["screens"][0]["online"] == false);
  CHECK(json["screens"][0]["state"] == "offline");
  bool noted = false;
  for (const auto& e : json["history"]) noted = noted || e["kind"] == "offline";
  CHECK(noted);
  // Back with its next report.
  REQUIRE(collector.post(sf::core::reportJson(r)));
  json = nlohmann::json::parse(collector.get("/fleet/screens.json")->body);
  CHECK(json["screens"][0]["online"] == true);
  // The webhook was called when it went offline and when it came back (the sweep runs each second).
  for (int i = 0; i < 30; ++i) {
    {
      std::lock_guard lock(hookMutex);
      if (hooked.size() >= 2) break;
    }
    std::this_thread::sleep_for(100ms);
  }
  std::lock_guard lock(hookMutex);
  REQUIRE(hooked.size() == 2);
  CHECK(hooked[0]["event"] == "offline");
  CHECK(hooked[1]["event"] == "online");
  CHECK(hooked[1]["screen"] == "Door 1.01");
  CHECK(hooked[1]["rooms"] == nlohmann::json::array({"1.01"}));
}

TEST_CASE("serve refuses --fleet without a strong token", "[fleet]") {
  auto run = sf::test::runBinary("serve /tmp --fleet /tmp/x.db --fleet-token short");
  CHECK(run.exitCode != 0);
  CHECK_THAT(run.out, Catch::Contains("at least 16 characters"));
}

namespace {

// A screenshot as a screen made it (sf_bench_screenshot wrote it from a 1920x1080 frame).
std::string realScreenshot() {
  std::ifstream in(std::string(SF_SOURCE_DIR) + "/tests/fixtures/fleet-screenshot.png", std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

ScreenReport withShot(ScreenReport r, const std::string& bytes, const std::string& type = "png") {
  r.screenshot = sf::core::ReportScreenshot{type, bytes};
  return r;
}

// A JPEG's frame header and end marker, enough for what the collector reads of a JPEG.
std::string jpegHeader(int w, int h) {
  std::string j("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20);
  j += std::string("\xFF\xC0\x00\x11\x08", 5);
  j += static_cast<char>(h >> 8), j += static_cast<char>(h & 0xff), j += static_cast<char>(w >> 8), j += static_cast<char>(w & 0xff);
  j += std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  j += std::string("\xFF\xD9", 2);
  return j;
}

}  // namespace

TEST_CASE("a screenshot's header is read before anything else, and one that lies is refused", "[fleet]") {
  using sf::tools::checkScreenshot;
  const std::string real = realScreenshot();
  REQUIRE(real.size() > 1000);
  auto ok = checkScreenshot(real, "png");
  REQUIRE(ok);
  CHECK(ok->width == 480);
  CHECK(ok->height == 270);
  CHECK(checkScreenshot(sf::test::greyPng(300, 200), "png"));
  CHECK(checkScreenshot(jpegHeader(480, 270), "jpeg"));

  auto refused = [](const std::string& bytes, const std::string& type, const std::string& kind, const std::string& words) {
    auto r = checkScreenshot(bytes, type);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == kind);
    CHECK_THAT(r.error().message, Catch::Contains(words));
  };
  // The bomb: a 1 KB file that says 50000x50000 (7.5 GB of pixels). Refused by its header.
  const std::string bomb = sf::test::pngWithData(50000, 50000, std::string(1 << 20, '\0'));
  CHECK(bomb.size() < 4096);
  refused(bomb, "png", "too-large", "50000x50000 pixels; at most 1024x1024 are taken (not decoded)");
  refused(jpegHeader(20000, 20000), "jpeg", "too-large", "20000x20000");
  // Within the size limit, data that inflates far beyond what the header promises: inflating
  // stops just past the promise (3 MB for 1000x1000), not at the 40 MB the data holds.
  const std::string inflating = sf::test::pngWithData(1000, 1000, std::string(40 << 20, '\0'));
  CHECK(inflating.size() < 64 * 1024);
  refused(inflating, "png", "invalid", "larger than its header's 1000x1000");
  // A header that promises more than its data holds.
  refused(sf::test::pngWithData(400, 300, std::string(10 * (1 + 400 * 3), '\0')), "png", "invalid", "does not match its header's 400x300");
  refused("<svg xmlns='http://www.w3.org/2000/svg'/>", "png", "invalid", "not a PNG or JPEG image");
  refused("GIF89a\x10\x00\x10\x00", "png", "invalid", "not a PNG or JPEG image");
  refused(real, "jpeg", "invalid", "declared as jpeg but is a png");
  std::string broken = real;
  broken[1000] = static_cast<char>(broken[1000] ^ 0x55);  // inside the pixel data: its checksum catches it
  refused(broken, "png", "invalid", "checksum");
  refused(real.substr(0, real.size() - 20), "png", "invalid", "cut off");
  refused(real + "trailing", "png", "invalid", "after its end");
  refused(std::string(70 * 1024, 'x'), "png", "too-large", "at most 65536");
}

TEST_CASE("the collector keeps each screen's latest screenshot and serves it back as it came", "[fleet]") {
  CollectorRig rig;
  auto& c = rig.c;
  Instant& now = rig.now;
  const std::string bearer = "Bearer a-long-enough-token";
  auto post = [&](const ScreenReport& r) { return *c.answer(request("POST", "/fleet/report", bearer, sf::core::reportJson(r))); };

  const std::string real = realScreenshot();
  REQUIRE(post(withShot(screen("Foyer <left>", 3), real)).status == 200);
  const std::string id = sf::tools::shotId("Foyer <left>");
  auto json = nlohmann::json::parse(c.answer(request("GET", "/fleet/screens.json", bearer))->body);
  REQUIRE(json["screens"][0]["screenshot"].is_object());
  CHECK(json["screens"][0]["screenshot"]["width"] == 480);
  CHECK(json["screens"][0]["screenshot"]["height"] == 270);
  const std::string url = json["screens"][0]["screenshot"]["url"];
  CHECK(url == "/fleet/shot/" + id + ".png?at=" + std::to_string(t0.time_since_epoch().count()));

  auto shot = c.answer(request("GET", "/fleet/shot/" + id + ".png", bearer));
  REQUIRE(shot->status == 200);
  CHECK(shot->body == real);
  auto header = [&](const sf::platform::HttpResponse& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return std::string();
  };
  CHECK(header(*shot, "Content-Type") == "image/png");
  CHECK(header(*shot, "X-Content-Type-Options") == "nosniff");
  CHECK(c.answer(request("GET", "/fleet/shot/" + id + ".png", ""))->status == 401);

  // The card shows it, with alt text naming the screen (escaped), and the page may load it.
  auto page = c.answer(request("GET", "/fleet/", bearer));
  CHECK_THAT(page->body, Catch::Contains("<img src=\"/fleet/shot/" + id + ".png?at="));
  CHECK_THAT(page->body, Catch::Contains("alt=\"Foyer &lt;left&gt; zeigte um "));  // the page's German
  auto english = request("GET", "/fleet/", bearer);
  english.query = [](const char* name) { return std::string(name) == "lang" ? std::string("en") : std::string(); };
  CHECK_THAT(c.answer(english)->body, Catch::Contains("alt=\"Foyer &lt;left&gt; showed at "));
  CHECK_THAT(header(*page, "Content-Security-Policy"), Catch::Contains("img-src 'self'"));

  // Hostile screenshots refuse the report, with the reason; the kept one stays.
  now += 60s;
  auto refusedWith = [&](const ScreenReport& r, int status, const std::string& words) {
    const auto answer = post(r);
    CHECK(answer.status == status);
    CHECK_THAT(answer.body, Catch::Contains(words));
  };
  refusedWith(withShot(screen("Foyer <left>", 4), sf::test::pngWithData(50000, 50000, std::string(1 << 20, '\0'))), 413,
              "at most 1024x1024");
  refusedWith(withShot(screen("Foyer <left>", 4), sf::test::pngWithData(400, 300, std::string(1000, '\0'))), 400,
              "does not match its header");
  refusedWith(withShot(screen("Foyer <left>", 4), "%PDF-1.7 not a picture"), 400, "not a PNG or JPEG image");
  refusedWith(withShot(screen("Foyer <left>", 4), std::string(66 * 1024, 'x')), 413, "the screenshot has about");
  json = nlohmann::json::parse(c.answer(request("GET", "/fleet/screens.json", bearer))->body);
  CHECK(json["screens"][0]["revision"] == 3);
  CHECK(json["screens"][0]["screenshot"]["url"] == url);
  CHECK(c.answer(request("GET", "/fleet/shot/" + id + ".png", bearer))->body == real);

  // A report without a screenshot keeps the last one; a new one replaces it.
  REQUIRE(post(screen("Foyer <left>", 5)).status == 200);
  CHECK(c.answer(request("GET", "/fleet/shot/" + id + ".png", bearer))->body == real);
  now += 60s;
  const std::string grey = sf::test::greyPng(480, 270, 40);
  REQUIRE(post(withShot(screen("Foyer <left>", 5), grey)).status == 200);
  CHECK(c.answer(request("GET", "/fleet/shot/" + id + ".png", bearer))->body == grey);

  // Only /fleet/shot/<16 hex>.png or .jpg as the database knows it: no path reaches a file.
  for (const std::string& bad : std::vector<std::string>{"/fleet/shot/" + id + ".jpg", "/fleet/shot/" + id, "/fleet/shot/../fleet.db",
                                "/fleet/shot/../../etc/passwd", "/fleet/shot/" + id + ".png/..", "/fleet/shot/0123456789abcdef.png",
                                "/fleet/shot/" + sf::tools::shotId("Foyer <left>").substr(0, 15) + "G.png", "/fleet/shot/",
                                "/fleet/shot/Foyer%20%3Cleft%3E.png"}) {
    INFO(bad);
    CHECK(c.answer(request("GET", bad, bearer))->status == 404);
  }
  // A screen without a screenshot gets a note in the same box.
  REQUIRE(post(screen("Hall", 5)).status == 200);
  page = c.answer(request("GET", "/fleet/", bearer));
  CHECK_THAT(page->body, Catch::Contains("Noch kein Bildschirmfoto"));
}

TEST_CASE("serve --fleet: a screenshot over HTTP comes back byte-identical, hostile ones are refused", "[fleet]") {
  sf::test::Collector collector(SF_BINARY);
  const std::string real = realScreenshot();
  REQUIRE(collector.post(sf::core::reportJson(withShot(screen("Foyer", 1), real))));
  auto listed = collector.get("/fleet/screens.json");
  REQUIRE(listed);
  const std::string url = nlohmann::json::parse(listed->body)["screens"][0]["screenshot"]["url"];
  auto shot = collector.get(url);
  REQUIRE(shot);
  CHECK(shot->body == real);

  auto bomb = collector.post(sf::core::reportJson(withShot(screen("Foyer", 2), sf::test::pngWithData(50000, 50000, std::string(1 << 20, '\0')))));
  REQUIRE_FALSE(bomb);
  CHECK(bomb.error().code == 413);
  CHECK_THAT(bomb.error().message, Catch::Contains("50000x50000"));
  auto lying = collector.post(sf::core::reportJson(withShot(screen("Foyer", 2), sf::test::pngWithData(640, 480, std::string(500, '\0')))));
  REQUIRE_FALSE(lying);
  CHECK(lying.error().code == 400);
  auto notImage = collector.post(sf::core::reportJson(withShot(screen("Foyer", 2), "<html><script>alert(1)</script></html>")));
  REQUIRE_FALSE(notImage);
  CHECK_THAT(notImage.error().message, Catch::Contains("not a PNG or JPEG image"));
  // A body larger than a report with the largest screenshot is not read at all.
  auto huge = collector.post(sf::core::reportJson(withShot(screen("Foyer", 2), std::string(200 * 1024, 'x'))));
  REQUIRE_FALSE(huge);
  CHECK(huge.error().code == 413);

  // The page and the picture are as before.
  auto again = collector.get(url);
  REQUIRE(again);
  CHECK(again->body == real);
  auto page = collector.get("/fleet/");
  REQUIRE(page);
  CHECK_THAT(page->body, Catch::Contains("<img src=\"" + url.substr(0, url.find('?'))));
  CHECK(nlohmann::json::parse(collector.get("/fleet/screens.json")->body)["screens"][0]["revision"] == 1);
}
