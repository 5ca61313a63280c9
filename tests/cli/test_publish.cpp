// Organiser tools end to end with the real binary: keys, signing, publishing with revisions and
// rollback, announcements; and publishing killed at random moments never breaks the folder.
#include <catch2/catch.hpp>

#include "run_binary.hpp"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/feed/parse.hpp"
#include "fixtures.hpp"
#include "platform/crypto.hpp"
#include "platform/http.hpp"
#include "tools/publish.hpp"

namespace {

using sf::test::Run;
using sf::test::run;

struct PublishWorkspace {
  PublishWorkspace() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sf-publish-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    std::filesystem::copy_file(sf::test::sourcePath("assets/examples/small-feed.json"), dir + "/feed.json");
  }
  ~PublishWorkspace() { std::filesystem::remove_all(dir); }
  std::string path(const std::string& name) const { return dir + "/" + name; }
  std::string dir;
};

nlohmann::json readJson(const std::string& path) { return nlohmann::json::parse(sf::test::readText(path)); }

}  // namespace

TEST_CASE("keygen writes a private key file only its owner can read, and never prints the secret", "[publish]") {
  PublishWorkspace w;
  const auto r = run("keygen -o " + w.path("org.key"));
  REQUIRE(r.exitCode == 0);
  struct stat st {};
  REQUIRE(::stat(w.path("org.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  const auto key = readJson(w.path("org.key"));
  CHECK_THAT(r.out, Catch::Contains("public key: " + key["publicKey"].get<std::string>()));
  CHECK(r.out.find(key["secretKey"].get<std::string>()) == std::string::npos);
  CHECK(run("keygen -o " + w.path("org.key")).exitCode == 1);  // never overwritten by accident
}

TEST_CASE("sign and verify agree, and any change to the feed breaks the signature", "[publish]") {
  PublishWorkspace w;
  REQUIRE(run("keygen -o " + w.path("org.key")).exitCode == 0);
  REQUIRE(run("sign " + w.path("feed.json") + " -k " + w.path("org.key")).exitCode == 0);
  CHECK(run("verify " + w.path("feed.json") + " -k " + w.path("org.key")).exitCode == 0);
  std::ofstream(w.path("feed.json"), std::ios::app) << " ";
  const auto r = run("verify " + w.path("feed.json") + " -k " + w.path("org.key"));
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("NOT verified: the signature does not match"));
}

TEST_CASE("publish bumps the revision, signs, keeps N releases and rolls back under a new revision", "[publish]") {
  PublishWorkspace w;
  REQUIRE(run("keygen -o " + w.path("org.key")).exitCode == 0);
  const std::string www = w.path("www");
  for (int i = 0; i < 4; ++i) REQUIRE(run("publish " + w.path("feed.json") + " --to " + www + " -k " + w.path("org.key") + " --keep 3").exitCode == 0);
  CHECK(readJson(www + "/feed.json")["revision"] == 11);  // the example says 7; four publications follow
  CHECK(sf::tools::publishedRevisions(www) == std::vector<std::int64_t>{9, 10, 11});
  CHECK(run("verify " + www + "/feed.json -k " + w.path("org.key")).exitCode == 0);

  const auto r = run("publish --rollback --to " + www + " -k " + w.path("org.key"));
  REQUIRE(r.exitCode == 0);
  CHECK_THAT(r.out, Catch::Contains("rolling back to the content of revision 10"));
  CHECK(readJson(www + "/feed.json")["revision"] == 12);  // new number, so screens accept it
  CHECK(run("verify " + www + "/feed.json -k " + w.path("org.key")).exitCode == 0);
}

TEST_CASE("each release gets a modification time later than the last, even within one second", "[publish]") {
  // Servers whose validators are the time (Last-Modified in seconds, nginx's mtime-size ETag)
  // then tell two releases apart although both land in the same second.
  PublishWorkspace w;
  const std::string www = w.path("www");
  std::vector<std::int64_t> stamps;
  for (int i = 0; i < 3; ++i) {
    REQUIRE(run("publish " + w.path("feed.json") + " --to " + www).exitCode == 0);
    struct stat st {};
    REQUIRE(::stat((www + "/feed.json").c_str(), &st) == 0);
    stamps.push_back(st.st_mtim.tv_sec);
  }
  CHECK(stamps[1] > stamps[0]);
  CHECK(stamps[2] > stamps[1]);
}

TEST_CASE("publish refuses a key file inside the published folder", "[publish]") {
  PublishWorkspace w;
  std::filesystem::create_directories(w.path("www"));
  REQUIRE(run("keygen -o " + w.path("www/key.json")).exitCode == 0);
  const auto r = run("publish " + w.path("feed.json") + " --to " + w.path("www") + " -k " + w.path("www/key.json"));
  CHECK(r.exitCode == 2);
  CHECK_THAT(r.out, Catch::Contains("lies inside the published folder") && Catch::Contains("move it"));
  CHECK_FALSE(std::filesystem::exists(w.path("www/feed.json")));
}

TEST_CASE("a damaged secret key publishes nothing, although it still makes a signature", "[publish]") {
  PublishWorkspace w;
  REQUIRE(run("keygen -o " + w.path("org.key")).exitCode == 0);
  auto key = readJson(w.path("org.key"));
  std::string secret = key["secretKey"];
  secret[5] = secret[5] == 'A' ? 'B' : 'A';  // inside the seed: signing works, with another key
  key["secretKey"] = secret;
  std::ofstream(w.path("org.key")) << key.dump();
  const auto r = run("publish " + w.path("feed.json") + " --to " + w.path("www") + " -k " + w.path("org.key"));
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("does not match the public key") && !Catch::Contains("published revision"));
  CHECK_FALSE(std::filesystem::exists(w.path("www/feed.json")));
}

TEST_CASE("revisions stay JSON-safe in validate and publish, and no release number overflows", "[publish]") {
  PublishWorkspace w;
  const std::string text = sf::test::readText(w.path("feed.json"));
  const auto withRevision = [&](const std::string& name, const std::string& revision) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
    j["revision"] = nlohmann::ordered_json::parse(revision);
    std::ofstream(w.path(name)) << j.dump(2);
    return w.path(name);
  };
  const auto huge = run("validate " + withRevision("huge.json", "9223372036854775807"));
  CHECK(huge.exitCode == 1);
  CHECK_THAT(huge.out, Catch::Contains("/revision") && Catch::Contains("from 0 to 9007199254740991"));
  const auto top = run("publish " + withRevision("top.json", "9007199254740991") + " --to " + w.path("www"));
  CHECK(top.exitCode == 1);
  CHECK_THAT(top.out, Catch::Contains("no room below the limit"));
  CHECK_FALSE(std::filesystem::exists(w.path("www/feed.json")));
  std::filesystem::create_directories(w.path("www/releases/12345678901234567890"));
  const auto past = run("publish " + w.path("feed.json") + " --to " + w.path("www"));
  CHECK(past.exitCode == 1);
  CHECK_FALSE(std::filesystem::exists(w.path("www/feed.json")));
}

TEST_CASE("an invalid feed is never published", "[publish]") {
  PublishWorkspace w;
  std::ofstream(w.path("bad.json")) << "{\"format\": \"schaufenster-feed\"}";
  const auto r = run("publish " + w.path("bad.json") + " --to " + w.path("www"));
  CHECK(r.exitCode == 1);
  CHECK_THAT(r.out, Catch::Contains("not published, because it is not a valid feed"));
  CHECK_FALSE(std::filesystem::exists(w.path("www/feed.json")));
}

TEST_CASE("announce adds the message to the feed and publishes it", "[publish]") {
  PublishWorkspace w;
  const auto r = run("announce \"Evakuierung: Sammelpunkt Parkplatz Nord\" --en \"Evacuation: assembly point north car park\" --title Achtung"
                     " --from 2024-06-15T10:00 --until 2024-06-15T11:00 --id evac --feed " + w.path("feed.json") + " --to " + w.path("www"));
  REQUIRE(r.exitCode == 0);
  const auto parsed = sf::core::parseFeed(sf::test::readText(w.path("www/feed.json")), "published");
  REQUIRE(parsed.feed);
  const auto& as = parsed.feed->announcements;
  const auto it = std::find_if(as.begin(), as.end(), [](const auto& a) { return a.id == "evac"; });
  REQUIRE(it != as.end());
  CHECK(it->text.in("en") == "Evacuation: assembly point north car park");
  CHECK(it->start == sf::core::parseInstant("2024-06-15T10:00:00+02:00"));
  CHECK(it->end == sf::core::parseInstant("2024-06-15T11:00:00+02:00"));
  CHECK(it->priority == 100);
  CHECK(run("announce x --until 2024-06-15T09:00 --from 2024-06-15T10:00 --feed " + w.path("feed.json") + " --to " + w.path("www")).exitCode == 2);
}

TEST_CASE("killing publish at random moments never leaves the folder without a verifiable feed", "[publish][power-cut]") {
  PublishWorkspace w;
  REQUIRE(run("keygen -o " + w.path("org.key")).exitCode == 0);
  const std::string www = w.path("www");
  REQUIRE(run("publish " + w.path("feed.json") + " --to " + www + " -k " + w.path("org.key")).exitCode == 0);
  const std::string publicKey = readJson(w.path("org.key"))["publicKey"];
  // Kill anywhere within one publication's run time, measured here, since it varies by machine.
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(run("publish " + w.path("feed.json") + " --to " + www + " -k " + w.path("org.key")).exitCode == 0);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  std::mt19937 rng(99);
  int advanced = 0, cutShort = 0;
  std::int64_t last = sf::tools::currentRevision(www).value_or(0);
  for (int round = 0; round < 60; ++round) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      ::execl(SF_BINARY, SF_BINARY, "publish", w.path("feed.json").c_str(), "--to", www.c_str(), "-k", w.path("org.key").c_str(),
              "--keep", "3", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(std::uniform_int_distribution<long>(full / 10, full * 12 / 10)(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const std::int64_t now = sf::tools::currentRevision(www).value_or(0);
    advanced += now > last;
    cutShort += WIFSIGNALED(status) && now == last;
    last = now;
    const std::string feed = sf::test::readText(www + "/feed.json");
    const std::string sig = sf::test::readText(www + "/feed.json.sig");
    REQUIRE(sf::core::parseFeed(feed, "published").feed);
    REQUIRE(sf::platform::verifyDocument(feed, sig, publicKey));
  }
  WARN("publications completed: " << advanced << ", killed before switching: " << cutShort << " of 60");
  CHECK(advanced > 0);
  CHECK(cutShort > 0);
}

TEST_CASE("pack gathers the images a feed names into one folder that plays offline", "[publish]") {
  PublishWorkspace w;
  std::filesystem::create_directories(w.path("pics"));
  std::filesystem::copy_file(sf::test::sourcePath("tests/fixtures/swatch.png"), w.path("pics/bench.png"));
  std::string feed = sf::test::readText(w.path("feed.json"));
  feed.replace(feed.find("images/solar-bench.jpg"), 22, "pics/bench.png");
  std::ofstream(w.path("feed.json"), std::ios::trunc) << feed;

  const auto r = run("pack " + w.path("feed.json") + " -o " + w.path("usb"));
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  const auto parsed = sf::core::parseFeed(sf::test::readText(w.path("usb/feed.json")), "packed");
  REQUIRE(parsed.feed);
  const std::string src = parsed.feed->projects[0].image->src;
  CHECK_THAT(src, Catch::StartsWith("images/") && Catch::EndsWith(".png"));
  CHECK(sf::test::readText(w.path("usb/" + src)) == sf::test::readText(w.path("pics/bench.png")));

  // A missing picture is left out with a warning and a non-zero exit, but the pack is written.
  std::filesystem::remove(w.path("pics/bench.png"));
  const auto missing = run("pack " + w.path("feed.json") + " -o " + w.path("usb2"));
  CHECK(missing.exitCode == 1);
  CHECK_THAT(missing.out, Catch::Contains("warning: left out (cannot open"));
  CHECK(sf::core::parseFeed(sf::test::readText(w.path("usb2/feed.json")), "packed").feed);
}

TEST_CASE("pack carries a fair's floor plan, validate checks a screen's location against the feed", "[publish][venue]") {
  PublishWorkspace w;
  std::filesystem::create_directories(w.path("fair/images"));
  std::filesystem::copy_file(sf::test::sourcePath("assets/examples/fair-feed.json"), w.path("fair/feed.json"));
  std::filesystem::copy_file(sf::test::sourcePath("assets/examples/images/fair-hall-2.png"), w.path("fair/images/fair-hall-2.png"));
  const auto r = run("pack " + w.path("fair/feed.json") + " -o " + w.path("usb"));
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  const auto parsed = sf::core::parseFeed(sf::test::readText(w.path("usb/feed.json")), "packed");
  REQUIRE(parsed.feed);
  REQUIRE(parsed.feed->maps.size() == 1);
  REQUIRE(parsed.feed->maps[0].image);
  const std::string src = parsed.feed->maps[0].image->src;
  CHECK_THAT(src, Catch::StartsWith("images/") && Catch::EndsWith(".png"));
  CHECK(sf::test::readText(w.path("usb/" + src)) == sf::test::readText(w.path("fair/images/fair-hall-2.png")));
  CHECK(parsed.feed->maps[0].image->alt.in("en") == "Hall plan with stands, forum and foyer");  // the alt text stays

  // The example screen config names the feed's map: no finding. A map the feed lacks is named at
  // its pointer in the config.
  const auto ok = run("validate " + w.path("fair/feed.json") + " --config " + sf::test::sourcePath("assets/examples/fair-screen.json"));
  INFO(ok.out);
  CHECK(ok.exitCode == 0);
  CHECK(ok.out.find("/location") == std::string::npos);
  std::ofstream(w.path("screen.json")) << "{\"location\": {\"name\": \"Foyer\", \"map\": \"halle-9\", \"x\": 0.5, \"y\": 0.5}}\n";
  const auto bad = run("validate " + w.path("fair/feed.json") + " --config " + w.path("screen.json"));
  INFO(bad.out);
  CHECK_THAT(bad.out, Catch::Contains("screen.json:1:") && Catch::Contains("/location/map: warning: the feed has no map \"halle-9\" (it has: halle-2)"));
}

TEST_CASE("serve answers screens with the published feed and 304s for unchanged polls", "[publish]") {
  PublishWorkspace w;
  REQUIRE(run("publish " + w.path("feed.json") + " --to " + w.path("www")).exitCode == 0);
  const int port = 20000 + ::getpid() % 20000;
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execl(SF_BINARY, SF_BINARY, "serve", w.path("www").c_str(), "--port", std::to_string(port).c_str(), "--bind", "127.0.0.1",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  sf::platform::FetchRequest req;
  req.url = "http://127.0.0.1:" + std::to_string(port) + "/feed.json";
  auto first = sf::platform::fetch(req);
  for (int i = 0; i < 100 && !first; ++i) {  // until the server answers
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    first = sf::platform::fetch(req);
  }
  REQUIRE(first);
  INFO(first->status << " " << first->body.substr(0, 200));
  CHECK(sf::core::parseFeed(first->body, "served").feed);
  req.etag = first->etag;
  const auto second = sf::platform::fetch(req);
  REQUIRE(second);
  CHECK(second->notModified);
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));  // stops cleanly on SIGTERM, as systemd expects
}

TEST_CASE("preview renders every slide of the rotation and a contact sheet", "[publish]") {
  PublishWorkspace w;
  const auto r = run("preview " + w.path("feed.json") + " --at 2024-06-15T09:00 --sizes 800x480,480x800 -o " + w.path("preview"));
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  std::size_t frames = 0;
  for (const auto& e : std::filesystem::directory_iterator(w.path("preview")))
    if (e.path().extension() == ".png" && e.path().filename() != "sheet.png") ++frames;
  // Three playlist items (figures still valid on the 15th), then the programme and a talk, at two sizes.
  CHECK(frames == 10);
  CHECK(std::filesystem::exists(w.path("preview/800x480-04-programme.png")));
  CHECK(std::filesystem::exists(w.path("preview/480x800-05-event.png")));
  CHECK(std::filesystem::exists(w.path("preview/800x480-01-spotlight.png")));
  CHECK(std::filesystem::exists(w.path("preview/480x800-02-schedule.png")));
  CHECK(std::filesystem::file_size(w.path("preview/sheet.png")) > 1000);
  CHECK_THAT(sf::test::readText(w.path("preview/index.html")), Catch::Contains("campus-open-day, revision 7"));
  CHECK(run("preview " + w.path("feed.json") + " --sizes 12x12 -o " + w.path("p2")).exitCode == 2);
}

// The organiser's own slides: pack carries posters and sponsor logos, preview draws the slides.
TEST_CASE("pack carries posters and sponsor logos, preview draws image, text and sponsors slides", "[publish][slides]") {
  PublishWorkspace w;
  std::filesystem::copy_file(sf::test::sourcePath("assets/examples/slides-feed.json"), w.path("slides.json"));
  std::filesystem::copy(sf::test::sourcePath("assets/examples/images"), w.path("images"));
  const auto r = run("pack " + w.path("slides.json") + " -o " + w.path("usb"));
  INFO(r.out);
  REQUIRE(r.exitCode == 0);
  const auto parsed = sf::core::parseFeed(sf::test::readText(w.path("usb/feed.json")), "packed");
  REQUIRE(parsed.feed);
  const auto& feed = *parsed.feed;
  const std::string poster = feed.playlist[0].image->src;
  CHECK_THAT(poster, Catch::StartsWith("images/"));
  CHECK(sf::test::readText(w.path("usb/" + poster)) == sf::test::readText(w.path("images/slides-poster.png")));
  std::size_t logos = 0;
  for (const auto& s : feed.sponsors) {
    if (!s.logo) continue;
    ++logos;
    CHECK(std::filesystem::file_size(w.path("usb/" + s.logo->src)) > 100);
  }
  CHECK(logos == 6);
  CHECK(feed.sponsors[1].logo->alt.in("de") == "KWB");  // only the src was rewritten

  const auto p = run("preview " + w.path("slides.json") + " --at 2026-05-20T10:00 --sizes 800x480 -o " + w.path("preview"));
  INFO(p.out);
  REQUIRE(p.exitCode == 0);
  CHECK(std::filesystem::exists(w.path("preview/800x480-01-image.png")));
  CHECK(std::filesystem::exists(w.path("preview/800x480-02-image.png")));
  CHECK(std::filesystem::exists(w.path("preview/800x480-03-text.png")));
  CHECK(std::filesystem::exists(w.path("preview/800x480-04-sponsors.png")));
  CHECK(std::filesystem::exists(w.path("preview/800x480-05-sponsors.png")));
  CHECK(p.out.find("image not shown") == std::string::npos);
}
