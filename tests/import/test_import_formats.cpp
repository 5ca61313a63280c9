// The table of import formats: every name --format takes finds its format, no two formats share
// a name, and detection picks each format by its own signature, with CSV as the last resort.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "core/import/formats.hpp"

using namespace sf::core;

TEST_CASE("every format is found by its id and its aliases, and no name is taken twice") {
  std::set<std::string> names;
  for (const auto& f : importFormats()) {
    REQUIRE(findImportFormat(f.id) == &f);
    CHECK(names.insert(std::string(f.id)).second);
    std::string aliases(f.aliases);
    for (std::size_t at = 0; at < aliases.size();) {
      const auto space = aliases.find(' ', at);
      const std::string alias = aliases.substr(at, space == std::string::npos ? std::string::npos : space - at);
      CHECK(findImportFormat(alias) == &f);
      CHECK(names.insert(alias).second);
      at = space == std::string::npos ? aliases.size() : space + 1;
    }
    CHECK(f.read != nullptr);
    CHECK_FALSE(f.description.empty());
  }
  CHECK(findImportFormat("auto") == nullptr);
  CHECK(findImportFormat("xlsx") == nullptr);
  CHECK(findImportFormat("pretalx")->id == "frab");
}

TEST_CASE("detection reads the content first and the file name only where the content says nothing") {
  CHECK(detectImportFormat("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "export.json").id == "ics");
  CHECK(detectImportFormat("\xEF\xBB\xBF  BEGIN:VCALENDAR\n", "cal.txt").id == "ics");  // BOM and spaces
  CHECK(detectImportFormat(R"({"schedule": {"conference": {}}})", "schedule.json").id == "frab");
  CHECK(detectImportFormat(R"({"talks": [], "rooms": []})", "widget.json").id == "pretalx-widget");
  // Both keys: the c3voc export, whose "schedule" may come after a "talks" list of its own.
  CHECK(detectImportFormat(R"({"talks": [], "schedule": {}})", "x.json").id == "frab");
  CHECK(detectImportFormat(R"({"x": 1})", "calendar.ics").id == "frab");  // JSON beats the name
  CHECK(detectImportFormat("not a calendar", "calendar.ICS").id == "ics");
  CHECK(detectImportFormat("id;title\n1;Foo\n", "projekte.csv").id == "csv");
  CHECK(detectImportFormat("anything", "notes.txt").id == "csv");
}

TEST_CASE("importSource reads with the named format, and refuses text that is not UTF-8 with the way to fix it") {
  ImportOptions opts;
  const auto r = importSource("id,title\n1,Caf\xE9\n", "projekte.csv", nullptr, opts);
  REQUIRE(r.format == findImportFormat("csv"));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].line == 2);
  CHECK(r.diagnostics[0].column == 6);
  CHECK_THAT(r.diagnostics[0].message, Catch::Contains("0xE9") && Catch::Contains("CSV UTF-8"));
  const auto ics = importSource("BEGIN:VCALENDAR\n\xFF", "c.ics", findImportFormat("ics"), opts);
  REQUIRE(ics.diagnostics.size() == 1);
  CHECK_THAT(ics.diagnostics[0].message, Catch::Contains("save or export it as UTF-8"));
}
