// The organiser documentation stays true: the guide's example is valid and shown unchanged, and
// the JSON Schema asks for exactly the keys the parser requires.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "core/feed/parse.hpp"
#include "fixtures.hpp"

using namespace sf::core;

TEST_CASE("the guide's example feed is valid without warnings and shown verbatim", "[docs]") {
  const std::string example = sf::test::readText(sf::test::sourcePath("assets/examples/small-feed.json"));
  const auto r = parseFeed(example, "small-feed.json");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  CHECK(r.diagnostics.empty());
  const std::string guide = sf::test::readText(sf::test::sourcePath("assets/feed-format.md"));
  CHECK(guide.find("```json\n" + example + "```") != std::string::npos);
}

TEST_CASE("the schema's required keys are the parser's required keys", "[docs]") {
  const auto schema = nlohmann::json::parse(sf::test::readText(sf::test::sourcePath("assets/feed.schema.json")));
  const auto required = [](const nlohmann::json& node) {
    std::set<std::string> out;
    for (const auto& k : node.at("required")) out.insert(k.get<std::string>());
    return out;
  };
  const auto missing = [](const std::string& text, const std::string& pointer) {
    std::set<std::string> out;
    for (const auto& d : parseFeed(text, "x.json").diagnostics) {
      const std::string prefix = "missing required key \"";
      if (d.jsonPointer == pointer && d.message.rfind(prefix, 0) == 0)
        out.insert(d.message.substr(prefix.size(), d.message.size() - prefix.size() - 1));
    }
    return out;
  };
  CHECK(missing("{}", "") == required(schema));
  const std::string header = R"({"format": "schaufenster-feed", "version": 1, "id": "x", "revision": 1, "generated": "2024-01-01T00:00:00Z",
    "timeZone": "UTC", "languages": ["de"], )";
  CHECK(missing(header + R"("projects": [{}]})", "/projects/0") == required(schema["$defs"]["project"]));
  CHECK(missing(header + R"("events": [{}]})", "/events/0") == required(schema["$defs"]["event"]));
  CHECK(missing(header + R"("fields": [{}]})", "/fields/0") == required(schema["$defs"]["field"]));
  CHECK(missing(header + R"("figures": [{}]})", "/figures/0") == required(schema["$defs"]["figure"]));
  CHECK(missing(header + R"("announcements": [{}]})", "/announcements/0") == required(schema["$defs"]["announcement"]));
  CHECK(missing(header + R"("playlist": [{}]})", "/playlist/0") == required(schema["$defs"]["slide"]));
  CHECK(missing(header + R"("sponsors": [{}]})", "/sponsors/0") == required(schema["$defs"]["sponsor"]));
  CHECK(missing(header + R"("sponsorTiers": [{}]})", "/sponsorTiers/0") == required(schema["properties"]["sponsorTiers"]["items"]));
}

TEST_CASE("the slides example is valid without warnings, and the guide and schema know its keys", "[docs]") {
  const std::string example = sf::test::readText(sf::test::sourcePath("assets/examples/slides-feed.json"));
  const auto r = parseFeed(example, "slides-feed.json");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  CHECK(r.diagnostics.empty());
  const auto schema = nlohmann::json::parse(sf::test::readText(sf::test::sourcePath("assets/feed.schema.json")));
  const std::string guide = sf::test::readText(sf::test::sourcePath("assets/feed-format.md"));
  for (const char* key : {"image", "fit", "caption", "headline", "body", "tier"}) {
    CHECK(schema["$defs"]["slide"]["properties"].contains(key));
    CHECK(guide.find(std::string("`") + key + "`") != std::string::npos);
  }
  for (const char* key : {"sponsors", "sponsorTiers"}) {
    CHECK(schema["properties"].contains(key));
    CHECK(guide.find(std::string("`") + key + "`") != std::string::npos);
  }
}

TEST_CASE("the schema's required keys of rooms and tracks are the parser's", "[docs]") {
  const auto schema = nlohmann::json::parse(sf::test::readText(sf::test::sourcePath("assets/feed.schema.json")));
  const std::string header = R"({"format": "schaufenster-feed", "version": 1, "id": "x", "revision": 1, "generated": "2024-01-01T00:00:00Z",
    "timeZone": "UTC", "languages": ["de"], )";
  for (const char* list : {"rooms", "tracks"}) {
    const std::string def = std::string(list).substr(0, std::string(list).size() - 1);
    std::set<std::string> parser, schemaKeys;
    for (const auto& d : parseFeed(header + "\"" + list + "\": [{}]}", "x.json").diagnostics) {
      const std::string prefix = "missing required key \"";
      if (d.jsonPointer == "/" + std::string(list) + "/0" && d.message.rfind(prefix, 0) == 0)
        parser.insert(d.message.substr(prefix.size(), d.message.size() - prefix.size() - 1));
    }
    for (const auto& k : schema["$defs"][def]["required"]) schemaKeys.insert(k.get<std::string>());
    CHECK(parser == schemaKeys);
    CHECK(schema["properties"].contains(list));
  }
  for (const char* key : {"subtitle", "speakers", "track", "kind", "language", "cancelled", "link"})
    CHECK(schema["$defs"]["event"]["properties"].contains(key));
}

TEST_CASE("the themed example feed is valid without warnings, and its logos are in the repository", "[docs]") {
  const std::string example = sf::test::readText(sf::test::sourcePath("assets/examples/themed-feed.json"));
  const auto r = parseFeed(example, "themed-feed.json");
  REQUIRE(r.feed);
  for (const auto& d : r.diagnostics) FAIL_CHECK(d.jsonPointer << ": " << d.message);
  CHECK(r.feed->theme.base == ThemeBase::Light);
  REQUIRE_FALSE(r.feed->theme.logoLight.empty());
  for (const std::string& src : {r.feed->theme.logoLight, r.feed->theme.logoDark})
    CHECK_FALSE(sf::test::readText(sf::test::sourcePath("assets/examples/" + src)).empty());
  // The schema knows the key, and the guide describes each of its members.
  const auto schema = nlohmann::json::parse(sf::test::readText(sf::test::sourcePath("assets/feed.schema.json")));
  const std::string guide = sf::test::readText(sf::test::sourcePath("assets/feed-format.md"));
  REQUIRE(schema["properties"].contains("theme"));
  for (const auto& [key, value] : schema["properties"]["theme"]["properties"].items()) CHECK(guide.find("`" + key + "`") != std::string::npos);
}
