// The strict scanner and the pointer locator on their own: positions in characters, pointers
// with escaped keys, and missing members located at their parent.
#include <catch2/catch.hpp>

#include "core/feed/json_scan.hpp"

using namespace sf::core;

TEST_CASE("well-formed JSON passes the scanner", "[scan]") {
  CHECK(scanJson(R"({"a": [1, -2.5e3, true, false, null, "x\u00e4\ud83d\ude00"], "b": {}})").empty());
  CHECK(scanJson("  \n[]\n").empty());
}

TEST_CASE("columns count characters, not bytes", "[scan]") {
  const std::string text = "{\"ä\": \"ü\", \"k\": tru}";
  const auto ds = scanJson(text);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].line == 1);
  CHECK(ds[0].column == 17);
  CHECK(ds[0].jsonPointer == "/k");
}

TEST_CASE("pointers escape ~ and / in keys", "[scan]") {
  const auto ds = scanJson(R"({"a/b": {"c~d": [0, 1, x]}})");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].jsonPointer == "/a~1b/c~0d/2");
}

TEST_CASE("all duplicate keys are reported, not just the first", "[scan]") {
  const auto ds = scanJson("{\"a\": 1,\n \"a\": 2,\n \"a\": 3}");
  REQUIRE(ds.size() == 2);
  CHECK(ds[0].line == 2);
  CHECK(ds[1].line == 3);
  CHECK(ds[1].message == "duplicate key \"a\" (first at line 1, column 2); each key may appear once per object");
}

TEST_CASE("escaped and plain spellings of a key are the same key", "[scan]") {
  const auto ds = scanJson(R"({"id": 1, "\u0069d": 2})");
  REQUIRE(ds.size() == 1);
  CHECK_THAT(ds[0].message, Catch::StartsWith("duplicate key \"id\""));
}

TEST_CASE("the locator finds values, members and falls back to parents", "[scan]") {
  const std::string text = "{\n  \"list\": [\n    {\"x\": 1},\n    {\"y\": [true, \"s\"]}\n  ]\n}";
  Diagnostics ds(4);
  ds[0].jsonPointer = "/list/1/y/1";
  ds[1].jsonPointer = "/list/0/x";
  ds[2].jsonPointer = "/list/0/missing";
  ds[3].jsonPointer = "";
  locatePointers(text, ds);
  CHECK(ds[0].line == 4);
  CHECK(ds[0].column == 18);
  CHECK(ds[1].line == 3);
  CHECK(ds[1].column == 6);  // at the member's key
  CHECK(ds[2].line == 3);
  CHECK(ds[2].column == 5);  // the object it is missing from
  CHECK(ds[3].line == 1);
  CHECK(ds[3].column == 1);
}

TEST_CASE("the locator is not fooled by brackets and quotes inside strings", "[scan]") {
  const std::string text = R"({"a": "}{][\"", "b": [{"c": "]"}, 5], "d": 1})";
  Diagnostics ds(1);
  ds[0].jsonPointer = "/d";
  locatePointers(text, ds);
  CHECK(ds[0].column == static_cast<int>(text.find("\"d\"")) + 1);
}

TEST_CASE("truncated input at every length never crashes and always errs", "[scan]") {
  const std::string text = R"({"a": [1, 2.5, "x\n\u00e4", {"b": null}], "c": true})";
  for (std::size_t n = 0; n < text.size(); ++n) {
    const auto ds = scanJson(text.substr(0, n));
    CAPTURE(n);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Error);
  }
}
