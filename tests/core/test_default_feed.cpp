// The embedded MPI feed against its source, the monitoring report in ../shared/seed: the tables
// of Anhang 1 and 2 are parsed from the report text, so the facts are checked, not copied.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/feed_parse.hpp"
#include "embedded.hpp"
#include "fixtures.hpp"

using namespace sf::core;

namespace {

std::string seedReport() {
  const std::filesystem::path dir = std::filesystem::path(SF_SOURCE_DIR) / ".." / "shared" / "seed";
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".txt") return sf::test::readText(entry.path().string());
  FAIL("no report text in " << dir);
  return {};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

const Feed& defaultFeed() {
  static const ParseResult r = parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  REQUIRE(r.feed);
  return *r.feed;
}

std::string dmyToIso(const std::string& dmy) { return dmy.substr(6, 4) + "-" + dmy.substr(3, 2) + "-" + dmy.substr(0, 2); }

}  // namespace

TEST_CASE("the embedded feed is valid without a single warning", "[default-feed]") {
  const auto r = parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  CHECK(r.diagnostics.empty());
}

TEST_CASE("the embedded feed is the file in assets/", "[default-feed]") {
  CHECK(sf::test::readText(sf::test::sourcePath("assets/feeds/mpi-berlin.json")) == sf::assets::defaultFeedJson());
}

TEST_CASE("projects, fields and completion match Anhang 2 of the report", "[default-feed]") {
  const auto rows = lines(seedReport());
  const auto head = std::find_if(rows.begin(), rows.end(), [](const std::string& l) { return l.rfind("INNOVATION\tKOMPETENZEN", 0) == 0; });
  REQUIRE(head != rows.end());
  const std::vector<std::string> columns = split(*head, '\t');
  REQUIRE(columns.size() == 4);

  // Column by column: the titles in the table's order, and which are starred (completed).
  std::vector<std::vector<std::string>> titles(4);
  std::set<std::string> completed;
  for (auto it = head + 1; it != rows.end() && it->rfind("* abgeschlossen", 0) != 0; ++it) {
    const auto cells = split(*it, '\t');
    for (std::size_t c = 0; c < cells.size() && c < 4; ++c) {
      std::string t = cells[c];
      if (t.empty()) continue;
      if (t.back() == '*') {
        t.pop_back();
        completed.insert(t);
      }
      titles[c].push_back(t);
    }
  }

  const Feed& feed = defaultFeed();
  REQUIRE(feed.fields.size() == 4);
  std::size_t total = 0;
  for (std::size_t c = 0; c < 4; ++c) {
    const Field& field = feed.fields[c];
    std::string upper = field.name.in("de");
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    CHECK(upper == columns[c]);
    std::vector<std::string> inFeed;
    for (const auto& p : feed.projects)
      if (p.field == field.id) inFeed.push_back(p.title.in("de"));
    CHECK(inFeed == titles[c]);
    total += titles[c].size();
  }
  CHECK(feed.projects.size() == total);
  for (const auto& p : feed.projects) {
    CAPTURE(p.title.in("de"));
    CHECK((p.state == ProjectState::Completed) == completed.contains(p.title.in("de")));
    CHECK(p.stateAsOf == parseDate("2024-03-01"));
  }
  // The figures the report states in its summary, as the feed carries them.
  CHECK(total == 42);
  CHECK(completed.size() == 12);
  CHECK(titles[0].size() == 15);
  CHECK(titles[1].size() == 12);
  CHECK(titles[2].size() == 6);
  CHECK(titles[3].size() == 9);
}

TEST_CASE("every funded project matches Anhang 1: applicant, field and exact runtime", "[default-feed]") {
  const std::regex row(R"(^(\d+)\.\t([^\t]+)\t([^\t]+)\t([^\t]+)\t(\d\d\.\d\d\.\d{4}) - (\d\d\.\d\d\.\d{4})\s*$)");
  const Feed& feed = defaultFeed();
  std::size_t rows = 0;
  for (const auto& l : lines(seedReport())) {
    std::smatch m;
    if (!std::regex_match(l, m, row)) continue;
    ++rows;
    const std::string applicant = m[2], name = m[3], fieldName = m[4];
    CAPTURE(name);
    const auto it = std::find_if(feed.projects.begin(), feed.projects.end(),
                                 [&](const Project& p) { return p.funding && p.funding->fundedTitle == name; });
    REQUIRE(it != feed.projects.end());
    const Funding& f = *it->funding;
    std::string applicants;
    for (const auto& a : f.applicants) applicants += (applicants.empty() ? "" : ", ") + a;
    CHECK(applicants == applicant);
    CHECK(f.start == parseDate(dmyToIso(m[5])));
    CHECK(f.end == parseDate(dmyToIso(m[6])));
    CHECK(feed.findField(it->field)->name.in("de") == fieldName);
  }
  CHECK(rows == 11);
  CHECK(std::count_if(feed.projects.begin(), feed.projects.end(), [](const Project& p) { return p.funding.has_value(); }) == 11);
}

TEST_CASE("every event's date and place are stated in the report", "[default-feed]") {
  static const char* months[] = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"};
  const std::string report = seedReport();
  const Feed& feed = defaultFeed();
  const TimeZone zone = *TimeZone::find(feed.timeZoneName);
  REQUIRE(feed.events.size() >= 6);
  for (const auto& e : feed.events) {
    CAPTURE(e.id);
    const std::chrono::year_month_day d{zone.toLocal(e.start).date};
    char numeric[16];
    std::snprintf(numeric, sizeof numeric, "%02u.%02u.%d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    const std::string spelled = std::to_string(static_cast<unsigned>(d.day())) + ". " + months[static_cast<unsigned>(d.month()) - 1] + " " +
                                std::to_string(static_cast<int>(d.year()));
    CHECK((report.find(numeric) != std::string::npos || report.find(spelled) != std::string::npos));
    CHECK(e.allDay);  // the report gives days, never hours
    // Every word of the place is in the report: nothing about where was made up.
    std::string word;
    for (char c : e.place.in("de") + " ") {
      if (c == ' ' || c == ',') {
        if (word.size() >= 3) CHECK(report.find(word) != std::string::npos);
        word.clear();
      } else {
        word += c;
      }
    }
    for (const auto& pid : e.projects) CHECK(feed.findProject(pid));
  }
}

TEST_CASE("every key figure's number appears in the report", "[default-feed]") {
  const std::string report = seedReport();
  const Feed& feed = defaultFeed();
  REQUIRE(feed.figures.size() >= 8);
  const std::regex number(R"(\d+(\.\d{3})*)");
  for (const auto& f : feed.figures) {
    const std::string& value = f.value.in("de");
    CAPTURE(f.id, value);
    std::smatch m;
    REQUIRE(std::regex_search(value, m, number));
    CHECK(std::regex_search(report, std::regex("(^|[^\\d.])" + std::regex_replace(m.str(), std::regex(R"(\.)"), "\\.") + "($|[^\\d])")));
  }
}

TEST_CASE("spotlights and every text fit a screen in both languages", "[default-feed]") {
  const Feed& feed = defaultFeed();
  std::size_t spotlights = 0;
  for (const auto& p : feed.projects) {
    CAPTURE(p.id);
    spotlights += std::count(p.tags.begin(), p.tags.end(), "spotlight");
    for (const char* lang : {"de", "en"}) {
      CHECK(p.title.has(lang));
      CHECK(p.summary.has(lang));
      CHECK(p.description.has(lang));
    }
  }
  CHECK(spotlights == 5);
}
