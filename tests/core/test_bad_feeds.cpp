// One broken feed per class of bad input: each must be refused with an error at the exact line,
// column and JSON pointer, with a message that says what was expected and what was found.
#include <catch2/catch.hpp>

#include "core/feed/parse.hpp"
#include "feed_fixture.hpp"

using namespace sf::core;
using sf::test::kBaseFeed;
using sf::test::positionOf;
using sf::test::replaced;

namespace {

struct BadCase {
  const char* name;
  std::string from, to;  // the edit that breaks the base feed
  std::string at;        // snippet of the broken text where the error must point
  std::string pointer;
  std::string message;   // a part of the message that must appear
};

const Diagnostic* firstError(const ParseResult& r) {
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Error) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("the base fixture is a valid feed", "[bad-feeds]") {
  const auto r = parseFeed(kBaseFeed, "base.json");
  INFO((r.diagnostics.empty() ? std::string() : formatDiagnostic(r.diagnostics.front())));
  REQUIRE(r.feed);
  CHECK(countOf(r.diagnostics, Severity::Error) == 0);
}

TEST_CASE("every class of broken feed is refused at the exact place", "[bad-feeds]") {
  const std::vector<BadCase> cases = {
      {"trailing comma in an object", "\"field\": \"inno\"},", "\"field\": \"inno\",},", "},\n              {\"id\": \"p2\"", "/projects/0",
       "expected a key, found '}' (a trailing comma is not allowed in JSON)"},
      {"trailing comma in an array", "\"languages\": [\"de\", \"en\"]", "\"languages\": [\"de\", \"en\",]", "],\n \"title\"", "/languages/2",
       "a trailing comma is not allowed"},
      {"missing comma between members", "\"version\": 1, \"id\"", "\"version\": 1 \"id\"", "\"id\": \"test-feed\"", "",
       "expected ',' or '}' after the value of \"version\", found '\"'"},
      {"single-quoted string", "\"id\": \"test-feed\"", "\"id\": 'test-feed'", "'test-feed'", "/id",
       "strings must use double quotes"},
      {"unterminated string with a line break", "\"Test feed\"}", "\"Test feed}", "\n \"fields\"", "/title/en",
       "a line break inside a string must be escaped"},
      {"invalid escape", "\"Testfeed\"", "\"Test\\xfeed\"", "\\xfeed", "/title/de", "invalid escape '\\x'"},
      {"lone surrogate escape", "\"Testfeed\"", "\"Test\\ud800feed\"", "\\ud800", "/title/de", "lone high surrogate"},
      {"invalid UTF-8", "\"Projekt eins\"", "\"Projekt \xC3\x28ins\"", "\xC3\x28", "/projects/0/title/de", "invalid UTF-8 (byte 0xC3)"},
      {"duplicate key", "\"id\": \"p1\",", "\"id\": \"p1\", \"id\": \"p9\",", "\"id\": \"p9\"", "/projects/0/id",
       "duplicate key \"id\" (first at line 6, column 16)"},
      {"leading zero in a number", "\"version\": 1,", "\"version\": 01,", "1, \"id\"", "/version", "may not start with 0"},
      {"bare word instead of a value", "\"revision\": 3", "\"revision\": three", "three", "/revision", "expected a value"},
      {"content after the document", "\n}\n", "\n}garbage\n", "garbage", "", "after the end of the JSON document"},
      {"number where a text belongs", "\"title\": \"Zweites Projekt\"", "\"title\": 42", "\"title\": 42", "/projects/1/title",
       "expected a text: a string or an object by language such as {\"de\": \"…\", \"en\": \"…\"}, found a number (42)"},
      {"figure value neither a number nor a text", "\"value\": 42", "\"value\": [42]", "\"value\": [42]", "/figures/0/value",
       "expected a number or a text such as \"≈ 100\" or {\"de\": \"100.000\", \"en\": \"100,000\"}, found an array"},
      {"figure value in one language left empty", "\"value\": 42", "\"value\": {\"de\": \"42\", \"en\": \"\"}", "\"en\": \"\"",
       "/figures/0/value/en", "expected a non-empty string, found an empty one"},
      {"string where a number belongs", "\"revision\": 3", "\"revision\": \"3\"", "\"revision\"", "/revision",
       "expected a whole number from 0 to 9007199254740991, found a string (\"3\")"},
      {"negative revision", "\"revision\": 3", "\"revision\": -1", "\"revision\"", "/revision", "found -1"},
      {"missing required key", "\"summary\": {\"de\": \"Kurz.\", \"en\": \"Short.\"}, \"field\": \"inno\"}",
       "\"field\": \"inno\"}", "{\"id\": \"p1\"", "/projects/0", "missing required key \"summary\""},
      {"wrong format marker", "\"format\": \"schaufenster-feed\"", "\"format\": \"frab\"", "\"format\"", "/format",
       "expected \"schaufenster-feed\", found \"frab\"; conference exports (pretalx, frab, iCalendar) go through `schaufenster import`"},
      {"unknown time zone", "\"Europe/Berlin\"", "\"Europe/Bärlin\"", "\"timeZone\"", "/timeZone",
       "expected an IANA time zone such as \"Europe/Berlin\", found \"Europe/Bärlin\""},
      {"no languages", "\"languages\": [\"de\", \"en\"]", "\"languages\": []", "\"languages\"", "/languages",
       "expected at least one language, found an empty list"},
      {"malformed language code", "[\"de\", \"en\"]", "[\"de\", \"English\"]", "\"English\"", "/languages/1",
       "expected a language code such as \"de\" or \"en\", found \"English\""},
      {"unknown field of action", "\"field\": \"komp\"", "\"field\": \"kultur\"", "\"field\": \"kultur\"", "/projects/1/field",
       "unknown field of action \"kultur\"; the feed defines: inno, komp"},
      {"duplicate project id", "{\"id\": \"p2\"", "{\"id\": \"p1\"", "\"id\": \"p1\", \"title\": \"Zweites", "/projects/1/id",
       "duplicate project id \"p1\"; first used at /projects/0"},
      {"invalid id characters", "{\"id\": \"p2\"", "{\"id\": \"p 2!\"", "\"id\": \"p 2!\"", "/projects/1/id",
       "expected an id of letters, digits"},
      {"event ends before it starts", "\"end\": \"2024-04-25T11:00:00+02:00\"", "\"end\": \"2024-04-25T09:00:00+02:00\"",
       "\"end\": \"2024-04-25T09", "/events/0/end", "the event ends before it starts"},
      {"time without offset", "\"start\": \"2024-04-25T10:00:00+02:00\"", "\"start\": \"2024-04-25T10:00\"", "\"start\": \"2024-04-25T10:00\"",
       "/events/0/start", "found \"2024-04-25T10:00\", which has no offset"},
      {"all-day event with a time", "\"start\": \"2024-04-26\"", "\"start\": \"2024-04-26T08:00:00+02:00\"", "\"start\": \"2024-04-26T08",
       "/events/1/start", "expected a date such as 2024-04-25, found \"2024-04-26T08:00:00+02:00\""},
      {"impossible date", "\"end\": \"2024-04-27\"", "\"end\": \"2024-02-30\"", "\"end\": \"2024-02-30\"", "/events/1/end",
       "expected a date such as 2024-04-25, found \"2024-02-30\""},
      {"event refers to an unknown project", "\"projects\": [\"p1\"]", "\"projects\": [\"p7\"]", "\"p7\"", "/events/0/projects/0",
       "unknown project \"p7\"; it must be the id of an entry in /projects"},
      {"bad colour", "\"#1565C0\"", "\"blue\"", "\"color\": \"blue\"", "/fields/1/color", "expected a colour as #RRGGBB, found \"blue\""},
      {"unknown project state", "\"state\": \"completed\"", "\"state\": \"paused\"", "\"state\"", "/projects/1/status/state",
       "expected \"running\" or \"completed\", found \"paused\""},
      {"playlist names an unknown project", "\"project\": \"p1\", \"seconds\": 12", "\"project\": \"p8\", \"seconds\": 12", "\"project\": \"p8\"",
       "/playlist/0/project", "unknown project \"p8\""},
      {"slide duration out of range", "\"seconds\": 10}", "\"seconds\": 0}", "\"seconds\": 0", "/playlist/1/seconds",
       "expected a whole number from 1 to 3600, found 0"},
      {"announcement ends before it starts", "\"end\": \"2024-04-25T12:00:00+02:00\", \"priority\"",
       "\"end\": \"2024-04-25T08:00:00+02:00\", \"priority\"", "\"end\": \"2024-04-25T08", "/announcements/0/end",
       "the announcement must end after it starts"},
      {"empty title", "\"en\": \"Project one\"", "\"en\": \"\"", "\"en\": \"\"", "/projects/0/title/en",
       "expected a non-empty string, found an empty one"},
      {"malformed link", "\"field\": \"inno\"}", "\"field\": \"inno\", \"links\": [\"www.example.org\"]}", "\"www.example.org\"",
       "/projects/0/links/0", "expected a web address starting with https:// or http://, found \"www.example.org\""},
      {"image outside the feed folder", "\"field\": \"inno\"}", "\"field\": \"inno\", \"image\": \"../../etc/passwd\"}", "\"image\"",
       "/projects/0/image", "a relative path inside the feed's folder"},
  };

  for (const auto& c : cases) {
    SECTION(c.name) {
      const std::string text = replaced(kBaseFeed, c.from, c.to);
      const auto r = parseFeed(text, "broken.json");
      INFO("case: " << c.name);
      for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
      REQUIRE_FALSE(r.feed);
      const Diagnostic* e = firstError(r);
      REQUIRE(e != nullptr);
      CAPTURE(formatDiagnostic(*e));
      const auto expected = positionOf(text, c.at);
      CHECK(e->file == "broken.json");
      CHECK(e->line == expected.line);
      CHECK(e->column == expected.column);
      CHECK(e->jsonPointer == c.pointer);
      CHECK_THAT(e->message, Catch::Contains(c.message));
    }
  }
}

TEST_CASE("structural limits refuse a feed before or while reading it", "[bad-feeds]") {
  SECTION("a feed over the size limit is refused before parsing") {
    FeedLimits small;
    small.maxBytes = 100;
    const auto r = parseFeed(kBaseFeed, "big.json", small);
    REQUIRE_FALSE(r.feed);
    REQUIRE(r.diagnostics.size() == 1);  // nothing else is looked at
    CHECK_THAT(r.diagnostics[0].message, Catch::StartsWith("the feed is ") && Catch::EndsWith("; the limit is 100 bytes"));
  }
  SECTION("deep nesting is refused") {
    const std::string deep = std::string(200, '[') + std::string(200, ']');
    const std::string text = replaced(kBaseFeed, "\"title\": {\"de\": \"Testfeed\"", "\"x\": " + deep + ", \"title\": {\"de\": \"Testfeed\"");
    const auto r = parseFeed(text, "deep.json");
    REQUIRE_FALSE(r.feed);
    const Diagnostic* e = firstError(r);
    REQUIRE(e);
    CHECK_THAT(e->message, Catch::Contains("nesting is deeper than 64 levels"));
    CHECK(e->line == 3);
    CHECK(e->jsonPointer.rfind("/x/0/0/", 0) == 0);
  }
  SECTION("an empty file") {
    const auto r = parseFeed("", "empty.json");
    REQUIRE_FALSE(r.feed);
    CHECK(r.diagnostics.at(0).message == "the input is empty; expected a JSON object");
    CHECK(r.diagnostics.at(0).line == 1);
  }
  SECTION("a document that is not an object") {
    const auto r = parseFeed("[1, 2]", "array.json");
    REQUIRE_FALSE(r.feed);
    CHECK_THAT(r.diagnostics.at(0).message, Catch::StartsWith("expected a feed object"));
    CHECK(r.diagnostics.at(0).line == 1);
    CHECK(r.diagnostics.at(0).column == 1);
  }
  SECTION("overlong strings and arrays") {
    FeedLimits lim;
    lim.maxStringBytes = 10;
    const auto r = parseFeed(kBaseFeed, "limits.json", lim);
    lim = FeedLimits{};
    lim.maxItems = 1;
    const auto r2 = parseFeed(kBaseFeed, "limits.json", lim);
    REQUIRE_FALSE(r.feed);
    REQUIRE_FALSE(r2.feed);
    bool longText = false, longArray = false;
    for (const auto& d : r.diagnostics)
      longText = longText || (d.jsonPointer == "/projects/0/title/en" && d.message == "text is 11 bytes; the limit is 10");
    for (const auto& d : r2.diagnostics)
      longArray = longArray || (d.jsonPointer == "/fields" && d.message == "array has 2 items; the limit is 1");
    CHECK(longText);
    CHECK(longArray);
  }
}

TEST_CASE("all problems of a feed are reported at once, in reading order", "[bad-feeds]") {
  std::string text = replaced(kBaseFeed, "\"field\": \"komp\"", "\"field\": \"kultur\"");
  text = replaced(text, "\"#1565C0\"", "\"blue\"");
  text = replaced(text, "\"seconds\": 10}", "\"seconds\": 0}");
  const auto r = parseFeed(text, "many.json");
  REQUIRE_FALSE(r.feed);
  std::vector<std::string> pointers;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::Error) pointers.push_back(d.jsonPointer);
  CHECK(pointers == std::vector<std::string>{"/fields/1/color", "/projects/1/field", "/playlist/1/seconds"});
  for (std::size_t i = 1; i < r.diagnostics.size(); ++i) CHECK(r.diagnostics[i - 1].line <= r.diagnostics[i].line);
}
