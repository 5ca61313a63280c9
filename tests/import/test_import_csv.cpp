// Projects from CSV: quoting, separators, BOM, the documented columns, and cell errors that
// name the line and column a person would look at in their spreadsheet.
#include <catch2/catch.hpp>

#include "core/import/csv.hpp"
#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "core/feed/parse.hpp"
#include "import/import_support.hpp"

using namespace sf::core;

TEST_CASE("CSV cells: quotes, doubled quotes, separators and line breaks inside quotes", "[import][csv]") {
  const auto t = parseCsv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nplain,,last\n");
  REQUIRE_FALSE(t.error);
  CHECK(t.separator == ',');
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1][0].text == "x, y");
  CHECK(t.rows[1][1].text == "say \"hi\"");
  CHECK(t.rows[1][2].text == "two\nlines");
  CHECK(t.rows[2][0].line == 4);  // the quoted line break moved the next row down
  CHECK(t.rows[2][1].text.empty());
  CHECK(t.rows[2][2].column == 8);
}

TEST_CASE("CSV with a BOM and semicolons, as German spreadsheets save it", "[import][csv]") {
  const auto t = parseCsv("\xEF\xBB\xBFid;title;summary\n1;\"A; B\";\xC3\x9C" "ber\n\n");
  REQUIRE_FALSE(t.error);
  CHECK(t.separator == ';');
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][0].text == "id");  // no BOM left in the first header
  CHECK(t.rows[1][1].text == "A; B");
  CHECK(t.rows[1][2].text == "\xC3\x9C" "ber");
  const auto unclosed = parseCsv("id,title\n1,\"never closed\n");
  REQUIRE(unclosed.error);
  CHECK(unclosed.error->line == 2);
}

TEST_CASE("the documented columns become projects", "[import][csv]") {
  const std::string csv =
      "\xEF\xBB\xBFid;title_de;title_en;summary_de;summary_en;description_de;field;related_fields;status;status_as_of;"
      "applicants;programme_de;programme_en;funding_start;funding_end;partners;link;image;tags\n"
      "solar;Solarbank;Solar bench;Eine Bank, die l\xC3\xA4" "dt.;A bench that charges.;\"Aus Altholz;\nzwei Module.\";make;learn;laufend;01.03.2024;"
      "Werkstatt e.V.|Schule;Kiezfonds;Neighbourhood fund;2024-01-01;2024-12-31;Stadtteilschule;https://example.org/solar;images/solar.jpg;energy|spotlight\n"
      "quiz;Quiz;;Kurz.;;;learn;;completed;;;;;;;;;;\n";
  const auto r = importSource(csv, "projekte.csv", nullptr, sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.format->id == "csv");
  REQUIRE(r.projects.size() == 2);
  CHECK(r.languages == std::vector<std::string>{"de", "en"});
  CHECK(r.fieldIds == std::vector<std::string>{"learn", "make"});
  const auto& p = r.projects[0].values;
  CHECK(r.projects[0].key == "solar");
  CHECK(p["title"] == nlohmann::ordered_json{{"de", "Solarbank"}, {"en", "Solar bench"}});
  CHECK(p["description"]["de"] == "Aus Altholz;\nzwei Module.");
  CHECK(p["relatedFields"] == nlohmann::ordered_json{"learn"});
  CHECK(p["status"] == nlohmann::ordered_json{{"state", "running"}, {"asOf", "2024-03-01"}});
  CHECK(p["funding"]["applicants"] == nlohmann::ordered_json{"Werkstatt e.V.", "Schule"});
  CHECK(p["funding"]["programme"]["en"] == "Neighbourhood fund");
  CHECK(p["funding"]["end"] == "2024-12-31");
  CHECK(p["links"] == nlohmann::ordered_json{"https://example.org/solar"});
  CHECK(p["image"] == "images/solar.jpg");
  CHECK(p["tags"] == nlohmann::ordered_json{"energy", "spotlight"});
  CHECK(r.projects[1].values["title"] == nlohmann::ordered_json{{"de", "Quiz"}});
  CHECK_FALSE(r.projects[1].values.contains("funding"));

  // A new feed gets placeholder fields, so the result validates.
  const auto zone = *TimeZone::find("Europe/Berlin");
  const auto m = mergeImport(newFeedJson({"campus", zone, r.languages, "", sf::test::utc("2024-01-01T00:00:00Z")}), r, "projekte",
                             "projekte.csv", zone, true);
  CHECK(m.addedFields == std::vector<std::string>{"learn", "make"});
  const auto parsed = parseFeed(serializeFeed(m.feed), "campus.json");
  INFO(sf::test::allMessages(parsed.diagnostics));
  REQUIRE(parsed.feed);
  REQUIRE(parsed.feed->findProject("projekte:solar"));
  CHECK(parsed.feed->findProject("projekte:solar")->funding->applicants.size() == 2);
}

TEST_CASE("CSV cell errors name line and column", "[import][csv]") {
  const std::string csv = "id,title,summary,field,status,status_as_of,link,tags\n"
                          "a,A,Kurz.,make,ongoing,2024-13-01,ftp://x,ok|not ok\n"
                          ",B,Kurz.,make,,,,\n"
                          "a,C,,make,,,,\n";
  const auto r = importCsv(csv, sf::test::fixedOptions());
  const std::string all = sf::test::allMessages(r.diagnostics);
  CHECK_THAT(all, Catch::Contains(":2:16: error: column \"status\": expected running or completed"));
  CHECK_THAT(all, Catch::Contains(":2:24: error: column \"status_as_of\": expected a date such as 2024-03-01"));
  CHECK_THAT(all, Catch::Contains(":2:35: error: column \"link\": expected a web address"));
  CHECK_THAT(all, Catch::Contains(":2:43: error: column \"tags\": expected ids") && Catch::Contains("found \"not ok\""));
  CHECK_THAT(all, Catch::Contains(":3:1: error: the row has no id"));
  CHECK_THAT(all, Catch::Contains(":4:1: error: the row has no summary"));
  CHECK_THAT(all, Catch::Contains(":4:1: error: id \"a\" is used again (first on line 2)"));
  const auto missing = importCsv("id;title\n1;x\n", sf::test::fixedOptions());
  CHECK_THAT(sf::test::allMessages(missing.diagnostics), Catch::Contains("missing column \"summary\"") && Catch::Contains("missing column \"field\""));
  const auto unknown = importCsv("id,title,summary,field,colour\n1,x,y,make,red\n", sf::test::fixedOptions());
  CHECK_FALSE(hasErrors(unknown.diagnostics));
  CHECK_THAT(sf::test::allMessages(unknown.diagnostics), Catch::Contains(":1:24: warning: unknown column \"colour\" is ignored"));
}

TEST_CASE("a CSV saved as Windows-1252 is refused at its first non-UTF-8 byte, with how to save UTF-8", "[import][csv]") {
  // "Straße" and "für" as Excel's plain "CSV" saves them: 0xDF and 0xFC, single bytes.
  const std::string csv = "id;title_de;summary_de;field\nweg;Stra\xDF" "e;Kurz.;make\nrad;Rad f\xFCr alle;Kurz.;make\n";
  const auto r = importSource(csv, "projekte.csv", nullptr, sf::test::fixedOptions());
  REQUIRE(hasErrors(r.diagnostics));
  CHECK(r.projects.empty());
  const Diagnostic& d = r.diagnostics.front();
  CHECK(d.line == 2);
  CHECK(d.column == 9);
  CHECK_THAT(d.message, Catch::Contains("not UTF-8 (byte 0xDF)") && Catch::Contains("CSV UTF-8"));
}

TEST_CASE("the example spreadsheet imports into the example feed without a warning", "[import][csv][docs]") {
  const std::string csv = sf::test::readText(sf::test::sourcePath("assets/examples/projects.csv"));
  const auto r = importSource(csv, "projects.csv", nullptr, sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.projects.size() == 2);
  const auto feed = nlohmann::ordered_json::parse(sf::test::readText(sf::test::sourcePath("assets/examples/small-feed.json")));
  const auto zone = *TimeZone::find("Europe/Berlin");
  const auto m = mergeImport(feed, r, "projects", "projects.csv", zone, false);
  const auto parsed = parseFeed(serializeFeed(m.feed), "small-feed.json");
  INFO(sf::test::allMessages(parsed.diagnostics));
  REQUIRE(parsed.feed);
  CHECK(parsed.diagnostics.empty());
  const auto* club = parsed.feed->findProject("projects:code-club");
  REQUIRE(club);
  CHECK(club->state == ProjectState::Completed);
  CHECK(formatDate(*club->stateAsOf) == "2024-03-01");
  CHECK(club->description.in("en") == "Once a week, \"no experience needed\".\nNo sign-up.");
  CHECK(parsed.feed->findProject("solar-bench"));  // the hand-written project stays

  // Every column the example uses is documented in the guide's table.
  const std::string guide = sf::test::readText(sf::test::sourcePath("assets/feed-format.md"));
  const std::string importing = guide.substr(guide.find("## Importing"));
  const CsvTable table = parseCsv(csv);
  for (const auto& cell : table.rows[0]) {
    std::string name = cell.text;
    for (const char* text : {"title_", "subtitle_", "summary_", "description_", "programme_"})
      if (name.starts_with(text)) name = std::string(text) + "XX";
    INFO(name);
    CHECK(importing.find("`" + name + "`") != std::string::npos);
  }
}

TEST_CASE("a fair's stand from the columns hall and stand", "[import][csv]") {
  const std::string csv =
      "id;title;summary;field;hall;stand\n"
      "a;A;Kurz.;make;2;B14\n"
      "b;B;Kurz.;make;;C3\n"
      "c;C;Kurz.;make;4;\n"
      "d;D;Kurz.;make;;\n";
  const auto r = importSource(csv, "aussteller.csv", findImportFormat("csv"), sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.projects.size() == 4);
  CHECK(r.projects[0].values["stand"] == nlohmann::ordered_json{{"hall", "2"}, {"number", "B14"}});
  CHECK(r.projects[1].values["stand"] == nlohmann::ordered_json{{"number", "C3"}});
  CHECK(r.projects[2].values["stand"] == nlohmann::ordered_json{{"hall", "4"}});
  CHECK_FALSE(r.projects[3].values.contains("stand"));
  // The import owns "stand" when either column is there, so a stand taken out of the sheet goes.
  CHECK(std::count(r.projects[3].ownedKeys.begin(), r.projects[3].ownedKeys.end(), "stand") == 1);
  const auto hallOnly = importSource("id;title;summary;field;hall\na;A;Kurz.;make;2\n", "x.csv", findImportFormat("csv"), sf::test::fixedOptions());
  REQUIRE(hallOnly.projects.size() == 1);
  CHECK(hallOnly.projects[0].values["stand"] == nlohmann::ordered_json{{"hall", "2"}});

  // A stand number that is really a sentence: named at its line and column.
  const auto bad = importSource("id;title;summary;field;stand\na;A;Kurz.;make;" + std::string(50, 'x') + "\n", "x.csv",
                                findImportFormat("csv"), sf::test::fixedOptions());
  REQUIRE(hasErrors(bad.diagnostics));
  CHECK(bad.diagnostics.front().line == 2);
  CHECK(bad.diagnostics.front().column == 16);
  CHECK_THAT(bad.diagnostics.front().message, Catch::Contains("column \"stand\""));

  // Through the merge into a feed, the stand reads as the feed's projects have it.
  const auto feed = nlohmann::ordered_json::parse(sf::test::readText(sf::test::sourcePath("assets/examples/small-feed.json")));
  const auto m = mergeImport(feed, r, "fair", "aussteller.csv", *TimeZone::find("Europe/Berlin"), false);
  const auto parsed = parseFeed(serializeFeed(m.feed), "merged.json");
  INFO(sf::test::allMessages(parsed.diagnostics));
  REQUIRE(parsed.feed);
  const Project* a = parsed.feed->findProject("fair:a");
  REQUIRE(a);
  REQUIRE(a->stand);
  CHECK(a->stand->hall == "2");
  CHECK(a->stand->number == "B14");
}
