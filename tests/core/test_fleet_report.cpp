// Heartbeat reports: what a screen sends reads back the same, the collector's limits refuse
// hostile reports with the key and the reason, and a screen is offline after three missed beats.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/base/text_util.hpp"
#include "core/show/config.hpp"
#include "core/show/fleet_report.hpp"

using namespace sf::core;

namespace {
ScreenReport sample() {
  ScreenReport r;
  r.screen = "Foyer links";
  r.groups = {"foyer", "hall-2"};
  r.rooms = {"Saal 1"};
  r.version = "0.1.0";
  r.seconds = 60;
  r.feedUrl = "https://example.org/feed.json";
  r.feedId = "campus";
  r.revision = 42;
  r.contentAgeSeconds = 3600;
  r.fault = "network";
  r.faultText = "the server could not be reached";
  r.uptimeSeconds = 86400;
  r.framesPerSecond = 0.8333;
  r.slowestFrameMs = 12.345;
  r.freeDiskBytes = 1234567890ULL;
  r.dark = true;
  r.temperatureC = 51.54;
  r.throttled = 0x50005;
  return r;
}
}  // namespace

TEST_CASE("a report reads back as it was built, and stays small") {
  const ScreenReport r = sample();
  const std::string text = reportJson(r);
  CHECK(text.size() < 600);
  auto back = parseReport(text);
  REQUIRE(back);
  CHECK(back->screen == r.screen);
  CHECK(back->groups == r.groups);
  CHECK(back->rooms == r.rooms);
  CHECK(back->version == "0.1.0");
  CHECK(back->revision == 42);
  CHECK(back->contentAgeSeconds == 3600);
  CHECK(back->fault == "network");
  CHECK(back->faultText == r.faultText);
  CHECK(back->uptimeSeconds == 86400);
  CHECK(back->framesPerSecond == Approx(0.83));
  CHECK(back->slowestFrameMs == Approx(12.35));
  CHECK(back->freeDiskBytes == 1234567890ULL);
  CHECK(back->dark);
  CHECK(*back->temperatureC == Approx(51.5));
  CHECK(back->throttled == 0x50005u);
}

TEST_CASE("facts a machine does not know are left out, not made up") {
  ScreenReport r = sample();
  r.temperatureC.reset();
  r.throttled.reset();
  r.freeDiskBytes.reset();
  r.contentAgeSeconds.reset();
  const auto j = nlohmann::json::parse(reportJson(r));
  CHECK_FALSE(j.contains("temperatureC"));
  CHECK_FALSE(j.contains("throttled"));
  CHECK_FALSE(j.contains("freeDiskBytes"));
  auto back = parseReport(j.dump());
  REQUIRE(back);
  CHECK_FALSE(back->temperatureC);
  CHECK_FALSE(back->throttled);
}

TEST_CASE("hostile or broken reports are refused with the key and the reason") {
  auto refuse = [](const std::string& body, const std::string& kind, const std::string& words) {
    auto r = parseReport(body);
    REQUIRE_FALSE(r);
    CHECK(r.error().kind == kind);
    CHECK_THAT(r.error().message, Catch::Contains(words));
  };
  refuse("{\"screen\": ", "malformed", "not JSON");
  refuse("[1,2]", "malformed", "object");
  refuse("{}", "invalid", "\"screen\" is missing");
  refuse(R"({"screen": ""})", "invalid", "non-empty");
  refuse(R"({"screen": 7})", "invalid", "\"screen\": expected a string");
  refuse(R"({"screen": "a\u001b[2Jb"})", "invalid", "control characters");
  refuse(R"({"screen": ")" + std::string(65, 'x') + "\"}", "invalid", "at most 64 bytes");
  refuse(R"({"screen": "a", "revision": -1})", "invalid", "\"revision\"");
  refuse(R"({"screen": "a", "revision": 1.5})", "invalid", "whole number");
  refuse(R"({"screen": "a", "groups": "foyer"})", "invalid", "\"groups\"");
  refuse(R"({"screen": "a", "groups": [1]})", "invalid", "\"groups\"");
  refuse(R"({"screen": "a", "dark": "yes"})", "invalid", "true or false");
  refuse(R"({"screen": "a", "temperatureC": 9999})", "invalid", "\"temperatureC\"");
  refuse(R"({"screen": "a", "throttled": 18446744073709551615})", "invalid", "\"throttled\"");
  std::string many = R"({"screen": "a", "rooms": [)";
  for (int i = 0; i < 40; ++i) many += std::string(i ? "," : "") + "\"r\"";
  refuse(many + "]}", "invalid", "at most 32");
  refuse(R"({"screen": "a", "faultText": ")" + std::string(20000, 'x') + "\"}", "too-large", "at most 16384");
}

TEST_CASE("HTML in a name is text, not refused: the page escapes it") {
  auto r = parseReport(R"({"screen": "<b>Foyer</b>", "unknownKey": 1})");
  REQUIRE(r);
  CHECK(r->screen == "<b>Foyer</b>");
  CHECK(r->seconds == 60);
}

TEST_CASE("a screen is offline after three missed beats, allowing for its jitter") {
  const Instant seen{std::chrono::seconds{1'000'000}};
  CHECK(screenOnline(seen, 60, seen));
  CHECK(screenOnline(seen, 60, seen + std::chrono::seconds{179}));
  CHECK(screenOnline(seen, 60, seen + std::chrono::seconds{198}));  // the third beat may be 10 % late
  CHECK_FALSE(screenOnline(seen, 60, seen + std::chrono::seconds{199}));
  CHECK(offlineAt(seen, 2) == seen + std::chrono::seconds{7});
  CHECK_FALSE(screenOnline(seen, 2, seen + std::chrono::seconds{8}));
}

TEST_CASE("the config's report setting, and its mistakes located") {
  auto ok = parseConfig(R"({"report": {"url": "https://fleet.example.org/fleet/report", "token": "s3cret", "seconds": 30}})", "c.json");
  CHECK(ok.diagnostics.empty());
  CHECK(ok.config.report.url == "https://fleet.example.org/fleet/report");
  CHECK(ok.config.report.token == "s3cret");
  CHECK(ok.config.report.seconds == 30);
  CHECK(ok.config.report.sign);  // screens sign their reports unless told not to

  auto unsigned_ = parseConfig(R"({"report": {"url": "https://f.example.org/fleet/report", "token": "s", "sign": false}})", "c.json");
  CHECK(unsigned_.diagnostics.empty());
  CHECK_FALSE(unsigned_.config.report.sign);
  auto wrongSign = parseConfig(R"({"report": {"url": "https://f.example.org/fleet/report", "token": "s", "sign": "yes"}})", "c.json");
  REQUIRE(wrongSign.diagnostics.size() == 1);
  CHECK(wrongSign.diagnostics[0].jsonPointer == "/report/sign");
  CHECK(wrongSign.config.report.sign);

  auto bad = parseConfig("{\n  \"report\": {\"url\": \"fleet.local\", \"seconds\": 2, \"tokn\": \"x\"}\n}", "c.json");
  CHECK(bad.config.report.url.empty());  // no reports rather than reports to nowhere
  CHECK(bad.config.report.seconds == 60);
  std::string all;
  for (const auto& d : bad.diagnostics) all += formatDiagnostic(d) + "\n";
  CHECK_THAT(all, Catch::Contains("c.json:2"));
  CHECK_THAT(all, Catch::Contains("/report/url"));
  CHECK_THAT(all, Catch::Contains("http:// or https://"));
  CHECK_THAT(all, Catch::Contains("/report/seconds"));
  CHECK_THAT(all, Catch::Contains("unknown setting \"tokn\""));

  auto notObject = parseConfig(R"({"report": "https://x"})", "c.json");
  REQUIRE(notObject.diagnostics.size() == 1);
  CHECK(notObject.diagnostics[0].jsonPointer == "/report");
  CHECK(notObject.config.report.url.empty());
}

TEST_CASE("base64 reads back what it wrote, and refuses what two decoders could read differently") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 255u, 256u}) {
    const std::string part = all.substr(0, n);
    const std::string text = toBase64(part);
    CHECK(text.size() == (n + 2) / 3 * 4);
    REQUIRE(fromBase64(text));
    CHECK(*fromBase64(text) == part);
  }
  CHECK(toBase64("Man") == "TWFu");
  CHECK(toBase64("Ma") == "TWE=");
  CHECK_FALSE(fromBase64("TWE"));      // not a multiple of four
  CHECK_FALSE(fromBase64("TW=u"));     // padding inside
  CHECK_FALSE(fromBase64("TWF\nu"));   // no line breaks or other characters
  CHECK_FALSE(fromBase64("TWF-"));     // not the URL alphabet
  CHECK_FALSE(fromBase64("QR=="));     // leftover bits set: not the canonical form
  CHECK(fromBase64("QQ==") == std::optional<std::string>("A"));
}

TEST_CASE("a screenshot travels as base64 in the report, within its limit") {
  ScreenReport r = sample();
  r.screenshot = ReportScreenshot{"png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(1000, '\0')};
  const std::string text = reportJson(r);
  auto back = parseReport(text);
  REQUIRE(back);
  REQUIRE(back->screenshot);
  CHECK(back->screenshot->type == "png");
  CHECK(back->screenshot->bytes == r.screenshot->bytes);
  CHECK_FALSE(parseReport(reportJson(sample()))->screenshot);  // most reports carry none

  auto refuse = [](const std::string& body, const std::string& kind, const std::string& words) {
    auto p = parseReport(body);
    REQUIRE_FALSE(p);
    CHECK(p.error().kind == kind);
    CHECK_THAT(p.error().message, Catch::Contains(words));
  };
  refuse(R"({"screen": "a", "screenshot": "iVBORw0KGgo="})", "invalid", "an object");
  refuse(R"({"screen": "a", "screenshot": {"type": "svg", "data": "PHN2Zz4="}})", "invalid", "\"png\" or \"jpeg\"");
  refuse(R"({"screen": "a", "screenshot": {"type": "png", "data": "not base64!"}})", "invalid", "not valid base64");
  refuse(R"({"screen": "a", "screenshot": {"type": "png", "data": ""}})", "invalid", "empty");
  // 66 KB of image: refused by its base64 length, before it is decoded.
  ScreenReport big = sample();
  big.screenshot = ReportScreenshot{"png", std::string(66 * 1024, 'x')};
  refuse(reportJson(big), "too-large", "at most 65536");
  // The room a screenshot may take is not for the rest of the report.
  ScreenReport padded = sample();
  padded.faultText = std::string(900, 'x');
  std::string body = reportJson(padded);
  body.insert(1, "\"padding\": \"" + std::string(20000, 'y') + "\", ");
  refuse(body, "too-large", "besides its screenshot, at most 16384");
  refuse(std::string(maxReportBody({}) + 1, ' '), "too-large", "at most " + std::to_string(maxReportBody({})));
}

TEST_CASE("the config's metricsTextfile: an absolute .prom path, or a located error and no file") {
  auto ok = parseConfig(R"({"metricsTextfile": "/var/lib/prometheus/node-exporter/schaufenster.prom"})", "c.json");
  CHECK(ok.diagnostics.empty());
  CHECK(ok.config.metricsTextfile == "/var/lib/prometheus/node-exporter/schaufenster.prom");
  CHECK(ok.config.report.url.empty());  // a textfile needs no collector

  for (const char* wrong : {"schaufenster.prom", "/var/lib/node-exporter/schaufenster.txt", "/var/lib/node-exporter/",
                            "/var/lib/../tmp/x.prom", "/var/lib/node-exporter/.prom"}) {
    const std::string text = std::string("{\n  \"screenName\": \"Foyer\",\n  \"metricsTextfile\": \"") + wrong + "\"\n}";
    auto bad = parseConfig(text, "/etc/schaufenster/config.json");
    INFO(wrong);
    CHECK(bad.config.metricsTextfile.empty());
    CHECK(bad.config.screenName == "Foyer");  // the rest of the config stands
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(bad.diagnostics[0].jsonPointer == "/metricsTextfile");
    CHECK(bad.diagnostics[0].line == 3);
    CHECK_THAT(formatDiagnostic(bad.diagnostics[0]), Catch::StartsWith("/etc/schaufenster/config.json:3:"));
    CHECK_THAT(bad.diagnostics[0].message, Catch::Contains("absolute path ending in .prom"));
  }
  auto notText = parseConfig(R"({"metricsTextfile": true})", "c.json");
  REQUIRE(notText.diagnostics.size() == 1);
  CHECK_THAT(notText.diagnostics[0].message, Catch::Contains("expected a string"));
}

TEST_CASE("a signed report's sequence reads back and one that is no positive number is refused") {
  ScreenReport r = sample();
  CHECK_THAT(reportJson(r), !Catch::Contains("sequence"));  // unsigned reports carry none
  r.sequence = 1'796'000'000'123;
  auto back = parseReport(reportJson(r));
  REQUIRE(back);
  CHECK(back->sequence == 1'796'000'000'123);
  for (const char* bad : {"0", "-5", "\"12\"", "1.5"}) {
    auto j = nlohmann::json::parse(reportJson(sample()));
    j["sequence"] = nlohmann::json::parse(bad);
    auto refused = parseReport(j.dump());
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::StartsWith("\"sequence\": expected a whole number"));
  }
}

TEST_CASE("a signature header is read only in its one spelling") {
  const std::string key(43, 'A'), sig(86, 'b');
  const auto ok = parseReportSignature("ed25519 " + key + "= " + sig + "==");
  REQUIRE(ok);
  CHECK(ok->publicKey == key + "=");
  CHECK(ok->signature == sig + "==");
  // Another algorithm, missing padding, whitespace inside, URL-safe letters, extra parts: refused,
  // so the key a collector pins is always the same text for the same key.
  for (const std::string& bad :
       {"rsa " + key + "= " + sig + "==", "ed25519 " + key + " " + sig + "==", "ed25519 " + key + "=  " + sig + "==",
        "ed25519 " + key.substr(1) + "-= " + sig + "==", "ed25519 " + key + "= " + sig + "== x", "ed25519 " + key + "=",
        "ED25519 " + key + "= " + sig + "==", std::string()})
    CHECK_FALSE(parseReportSignature(bad));
  CHECK(reportSigningText("{}") == "schaufenster report v1\n{}");
}
