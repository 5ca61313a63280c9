// The console's previews over HTTP with the real binary drawing them (offscreen): pictures of the
// asked size, a second look from the cache, pictures refused to the signed-out and to paths that
// try to leave the cache, an announcement previewed without being published, a hung renderer stopped.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "console_rig.hpp"
#include "core/feed/parse.hpp"

using sf::test::Browser;
using sf::test::ConsoleRig;

namespace {

struct PreviewPngSize {
  int width = 0, height = 0;
};

// A PNG's size from its IHDR chunk, or 0x0 when the bytes are not a PNG.
PreviewPngSize previewPngSize(const std::string& bytes) {
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 || bytes.compare(12, 4, "IHDR") != 0) return {};
  const auto be32 = [&](std::size_t at) {
    int v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  return {be32(16), be32(20)};
}

std::vector<std::string> previewImageUrls(const std::string& page) {
  std::vector<std::string> out;
  static const std::regex re("<img src=\"(/console/preview/img/[0-9a-f]{64}/[A-Za-z0-9_-]+\\.png)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), re); it != std::sregex_iterator(); ++it) out.push_back((*it)[1].str());
  return out;
}

// The audit log's {action, outcome} pairs.
std::vector<std::pair<std::string, std::string>> previewAudited(const ConsoleRig& rig) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& line : rig.auditLines()) {
    const auto j = nlohmann::json::parse(line);
    out.emplace_back(j["action"], j["outcome"]);
  }
  return out;
}

bool previewLogged(const ConsoleRig& rig, const std::string& action, const std::string& outcome) {
  const auto lines = previewAudited(rig);
  return std::find(lines.begin(), lines.end(), std::make_pair(action, outcome)) != lines.end();
}

// The preview page of `location` once its pictures are drawn (or its drawing failed).
sf::test::Reply previewSettled(Browser& b, const std::string& location) {
  sf::test::waitFor(std::chrono::seconds(180), [&] {
    b.go("GET", location);
    return b.last.status == 200 && b.last.body.find("data-preview-pending") == std::string::npos;
  });
  return b.last;
}

std::int64_t previewRevision(const ConsoleRig& rig) {
  auto parsed = sf::core::parseFeed(sf::test::readText(rig.dir + "/www/feed.json"), "served");
  REQUIRE(parsed.feed);
  return parsed.feed->revision;
}

}  // namespace

TEST_CASE("console preview: the rotation as PNGs of the asked size, again from the cache, no picture for the signed-out or outside the cache",
          "[console][preview]") {
  ConsoleRig rig;
  Browser b = rig.browser();
  REQUIRE(b.signIn("ben", "ben's long password").status == 303);
  REQUIRE(b.go("GET", "/console/preview?lang=en").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("for=\"pv-size\"") && Catch::Contains("value=\"800x480\"") && Catch::Contains("value=\"rotation\""));
  CHECK(b.last.body.find("style=") == std::string::npos);
  const std::vector<std::pair<std::string, std::string>> form{{"csrf", b.token()}, {"feed", "published"}, {"moment", "at"},
                                                              {"at", "2024-06-15T10:50"}, {"size", "800x480"},   {"lang", "en"},
                                                              {"view", "rotation"}};
  const auto started = b.go("POST", "/console/preview", form);
  REQUIRE(started.status == 303);
  const std::string location = started.header("location");
  REQUIRE(location.starts_with("/console/preview?job="));
  const std::string key = location.substr(location.find('=') + 1);
  REQUIRE(key.size() == 64);

  const auto page = previewSettled(b, location);
  REQUIRE(page.status == 200);
  const auto urls = previewImageUrls(page.body);
  REQUIRE(urls.size() >= 2);  // the rotation's slides, the programme and a talk
  for (const auto& url : urls) {
    const auto png = b.go("GET", url);
    REQUIRE(png.status == 200);
    CHECK(png.header("content-type") == "image/png");
    const auto size = previewPngSize(png.body);
    CHECK(size.width == 800);
    CHECK(size.height == 480);
  }
  CHECK(previewLogged(rig, "preview", "queued"));
  // Each picture captioned with its place in the rotation and its kind, in the page's language.
  CHECK_THAT(page.body, Catch::Contains("<figcaption>Slide 1 · ") && Catch::Contains("<figcaption>Slide 2 · "));

  // The same question again: the same job, answered from the cache, its pictures at once.
  REQUIRE(b.go("GET", "/console/preview").status == 200);
  auto again = form;
  again[0].second = b.token();
  const auto second = b.go("POST", "/console/preview", again);
  REQUIRE(second.status == 303);
  CHECK(second.header("location") == location);
  CHECK(previewLogged(rig, "preview", "cached"));
  REQUIRE(b.go("GET", location).status == 200);
  CHECK(b.last.body.find("data-preview-pending") == std::string::npos);
  CHECK(previewImageUrls(b.last.body) == urls);

  // Signed out: no picture, and the refusal is in the audit log.
  const auto stranger = sf::test::rawRequest(rig.port, "GET", urls.front());
  CHECK(stranger.status == 403);
  CHECK(previewLogged(rig, "preview-image", "no-session"));
  // Paths that try to leave the cache folder, or name a file the job did not write.
  for (const std::string& path : std::vector<std::string>{"/console/preview/img/" + key + "/../../users.json", "/console/preview/img/../../../etc/passwd",
                                  "/console/preview/img/" + key + "/..%2F..%2Fusers.json", "/console/preview/img/" + key + "/feed.json",
                                  "/console/preview/img/" + key + "/sheet.png", "/console/preview/img/" + std::string(64, 'a') + "/frame.png"}) {
    const auto r = b.go("GET", path);
    INFO(path);
    CHECK((r.status == 400 || r.status == 404));
    CHECK(r.body.find("argon2") == std::string::npos);
    CHECK(r.body.find("root:") == std::string::npos);
  }
  CHECK(previewLogged(rig, "preview-image", "invalid"));
  // A form without its token starts nothing.
  CHECK(b.go("POST", "/console/preview", {{"feed", "published"}, {"size", "800x480"}}).status == 403);
  CHECK(previewLogged(rig, "preview", "csrf"));
  // A size not offered is refused, so nobody makes the server draw 8192x8192 frames.
  REQUIRE(b.go("GET", "/console/preview").status == 200);
  auto huge = form;
  huge[0].second = b.token();
  huge[4].second = "8000x8000";
  CHECK(b.go("POST", "/console/preview", huge).status == 422);
  CHECK(previewLogged(rig, "preview", "invalid"));
}

TEST_CASE("console preview: an announcement previewed at the common sizes, nothing published", "[console][preview]") {
  ConsoleRig rig;
  const std::int64_t revision = previewRevision(rig);
  const std::string fileBefore = sf::test::readText(rig.dir + "/feed.json");
  const std::string servedBefore = sf::test::readText(rig.dir + "/www/feed.json");
  Browser b = rig.browser();
  REQUIRE(b.signIn("anna", "anna's long password").status == 303);
  REQUIRE(b.go("GET", "/console/announce").status == 200);
  CHECK_THAT(b.last.body, Catch::Contains("formaction=\"/console/announce/preview\""));
  const auto shown = b.go("POST", "/console/announce/preview",
                          {{"csrf", b.token()}, {"level", "important"}, {"text-de", "Saal 2 ist voll"}, {"text-en", "Hall 2 is full"},
                           {"target", "all"}, {"until", "30m"}});
  REQUIRE(shown.status == 200);
  // The form keeps what was typed, so Send can follow.
  CHECK_THAT(shown.body, Catch::Contains("Saal 2 ist voll") && Catch::Contains("apv-h"));
  static const std::regex re("data-preview-wait=\"(/console/preview/img/[0-9a-f]{64}/frame\\.png)\"");
  std::vector<std::string> urls;
  for (auto it = std::sregex_iterator(shown.body.begin(), shown.body.end(), re); it != std::sregex_iterator(); ++it) urls.push_back((*it)[1].str());
  REQUIRE(urls.size() == 3);
  const std::vector<PreviewPngSize> expected{{1920, 1080}, {1080, 1920}, {800, 480}};
  for (std::size_t i = 0; i < urls.size(); ++i) {
    sf::test::waitFor(std::chrono::seconds(180), [&] { return b.go("GET", urls[i]).status != 503; });
    REQUIRE(b.last.status == 200);
    const auto size = previewPngSize(b.last.body);
    CHECK(size.width == expected[i].width);
    CHECK(size.height == expected[i].height);
  }
  CHECK(previewLogged(rig, "announce-preview", "ok"));
  CHECK_FALSE(previewLogged(rig, "announce", "ok"));
  // Nothing published and nothing written.
  CHECK(previewRevision(rig) == revision);
  CHECK(sf::test::readText(rig.dir + "/feed.json") == fileBefore);
  CHECK(sf::test::readText(rig.dir + "/www/feed.json") == servedBefore);
  // An invalid draft is refused as Send refuses it, and audited.
  REQUIRE(b.go("GET", "/console/announce").status == 200);
  CHECK(b.go("POST", "/console/announce/preview", {{"csrf", b.token()}, {"level", "info"}, {"text-de", ""}, {"until", "30m"}}).status == 422);
  CHECK(previewLogged(rig, "announce-preview", "invalid"));
}

TEST_CASE("console preview: a renderer that hangs is stopped at its time limit while the console keeps answering", "[console][preview]") {
  std::string tmpl = (std::filesystem::temp_directory_path() / "sf-hang-XXXXXX").string();
  const std::string hangDir = ::mkdtemp(tmpl.data());
  const std::string script = hangDir + "/hang.sh";
  {
    std::ofstream out(script);
    out << "#!/bin/sh\necho $$ > " << hangDir << "/pid\nexec sleep 120\n";
  }
  ::chmod(script.c_str(), 0755);
  {
    ConsoleRig rig("assets/examples/small-feed.json", {"--preview-program", script, "--preview-timeout", "2"});
    Browser b = rig.browser();
    REQUIRE(b.signIn("ben", "ben's long password").status == 303);
    REQUIRE(b.go("GET", "/console/preview").status == 200);
    const auto started = b.go("POST", "/console/preview",
                              {{"csrf", b.token()}, {"feed", "draft"}, {"moment", "now"}, {"size", "1280x800"}, {"lang", "de"}, {"view", "rotation"}});
    REQUIRE(started.status == 303);
    REQUIRE(sf::test::waitFor(std::chrono::seconds(10), [&] { return std::filesystem::exists(hangDir + "/pid"); }));
    // While the renderer hangs, the console answers.
    CHECK(b.go("GET", "/console/announce").status == 200);
    const auto page = previewSettled(b, started.header("location"));
    CHECK_THAT(page.body, Catch::Contains("took longer than 2 s"));
    const pid_t hung = std::stoi(sf::test::readText(hangDir + "/pid"));
    CHECK(::kill(hung, 0) != 0);  // stopped and reaped
    CHECK(b.go("GET", "/console/announce").status == 200);
  }
  std::filesystem::remove_all(hangDir);
}
