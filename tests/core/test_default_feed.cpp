// The embedded MPI feed against its source, the monitoring report in ../shared/seed: the tables
// of Anhang 1 and 2 are parsed from the report text, so the facts are checked, not copied.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "core/feed/parse.hpp"
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

const char* const kMonthsDe[] = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"};
const char* const kMonthsEn[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};

// The date of the report: what happens after it can only be planned.
const Date kReportDate = *parseDate("2024-03-01");

// A date as the report writes it, in figures ("01.03.2024") or spelled ("1. März 2024").
bool reportStatesDate(const std::string& report, int day, int month, int year) {
  char numeric[48];
  std::snprintf(numeric, sizeof numeric, "%02d.%02d.%d", day, month, year);
  const std::string spelled = std::to_string(day) + ". " + kMonthsDe[month - 1] + " " + std::to_string(year);
  return report.find(numeric) != std::string::npos || report.find(spelled) != std::string::npos;
}

// Every text a screen shows of the feed, in both languages, with where it is for messages.
struct Shown {
  std::string where, lang, text;
};

std::vector<Shown> shownTexts(const Feed& feed) {
  std::vector<Shown> out;
  const auto add = [&](const std::string& where, const LocalText& t) {
    if (t.empty()) return;
    for (const char* lang : {"de", "en"}) out.push_back({where, lang, t.in(lang)});
  };
  add("/title", feed.title);
  add("/source", feed.source);
  for (const auto& f : feed.fields) add("fields " + f.id + " name", f.name), add("fields " + f.id + " summary", f.summary);
  for (const auto& p : feed.projects) {
    add("projects " + p.id + " title", p.title);
    add("projects " + p.id + " summary", p.summary);
    add("projects " + p.id + " description", p.description);
  }
  for (const auto& e : feed.events) {
    add("events " + e.id + " title", e.title);
    add("events " + e.id + " description", e.description);
    add("events " + e.id + " place", e.place);
    add("events " + e.id + " organiser", e.organiser);
  }
  for (const auto& f : feed.figures) {
    add("figures " + f.id + " label", f.label);
    add("figures " + f.id + " value", f.value);
    add("figures " + f.id + " note", f.note);
  }
  return out;
}

// Numbers as written ("42", "100.000", "4.0", "01.03.2024"); English thousands commas become
// German points, so "100,000" is looked for as the report writes it.
std::set<std::string> numbersIn(const std::string& text, bool english = false) {
  static const std::regex number(R"(\d+(?:[.,]\d+)*)");
  std::set<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), number), end; it != end; ++it) {
    std::string n = it->str();
    if (english) std::replace(n.begin(), n.end(), ',', '.');
    out.insert(n);
  }
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

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
  const std::string report = seedReport();
  const Feed& feed = defaultFeed();
  const TimeZone zone = *TimeZone::find(feed.timeZoneName);
  REQUIRE(feed.events.size() >= 6);
  for (const auto& e : feed.events) {
    CAPTURE(e.id);
    const std::chrono::year_month_day d{zone.toLocal(e.start).date};
    char numeric[16];
    std::snprintf(numeric, sizeof numeric, "%02u.%02u.%d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    const std::string spelled = std::to_string(static_cast<unsigned>(d.day())) + ". " + kMonthsDe[static_cast<unsigned>(d.month()) - 1] + " " +
                                std::to_string(static_cast<int>(d.year()));
    CHECK((report.find(numeric) != std::string::npos || report.find(spelled) != std::string::npos));
    CHECK(e.allDay);  // the report gives days, never hours
    // Every part of the place, in both languages, is named so in the report: nothing about where
    // was made up or stretched ("Impact Hub Berlin" for the report's "Impact Hub"). A place the
    // report only plans says so, and only an event after the report can be planned.
    std::string places[2];
    for (int i = 0; i < 2 && !e.place.empty(); ++i) {
      std::string place = e.place.in(i == 0 ? "de" : "en");
      const std::string planned = i == 0 ? " (geplant)" : " (planned)";
      if (place.ends_with(planned)) {
        place.resize(place.size() - planned.size());
        CHECK(zone.toLocal(e.start).date > kReportDate);
      }
      CAPTURE(place);
      for (const auto& part : split(place, ',')) CHECK(report.find(part.substr(part.starts_with(" ") ? 1 : 0)) != std::string::npos);
      places[i] = place;
    }
    CHECK(places[0] == places[1]);  // a place is a name: the same in both languages
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

TEST_CASE("every organiser and partner is named so in the report", "[default-feed]") {
  const std::string report = seedReport();
  const Feed& feed = defaultFeed();
  for (const auto& e : feed.events) {
    CAPTURE(e.id);
    for (const char* lang : {"de", "en"})
      if (!e.organiser.empty()) CHECK(report.find(e.organiser.in(lang)) != std::string::npos);
  }
  for (const auto& p : feed.projects) {
    CAPTURE(p.id);
    for (const auto& partner : p.partners) CHECK(report.find(partner) != std::string::npos);
  }
}

TEST_CASE("every date and number in a text is stated in the report", "[default-feed]") {
  const std::string report = seedReport();
  const std::set<std::string> reportNumbers = numbersIn(report);
  const std::string reportLower = lower(report);
  const std::regex dateDe(R"((\d{1,2})\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) (\d{4}))");
  const std::regex dateEn(R"((\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4}))");
  const std::regex spelledDe(R"(\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\b)");
  const std::regex spelledEn(R"(\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)");
  static const char* const wordsDe[] = {"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"};
  static const char* const wordsEn[] = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
  std::size_t dates = 0, numbers = 0;
  for (const auto& [where, lang, original] : shownTexts(defaultFeed())) {
    CAPTURE(where, lang, original);
    const bool en = lang == "en";
    std::string text = original;
    // Dates first, as a whole: "1. Juni 2023" is a date the report must give, not three numbers.
    for (std::smatch m; std::regex_search(text, m, en ? dateEn : dateDe);) {
      const auto& months = en ? kMonthsEn : kMonthsDe;
      const int month = static_cast<int>(std::find(std::begin(months), std::end(months), m[2].str()) - std::begin(months)) + 1;
      CAPTURE(m.str());
      CHECK(reportStatesDate(report, std::stoi(m[1]), month, std::stoi(m[3])));
      text.replace(static_cast<std::size_t>(m.position()), static_cast<std::size_t>(m.length()), " ");
      ++dates;
    }
    for (const auto& n : numbersIn(text, en)) {
      CAPTURE(n);
      CHECK(reportNumbers.contains(n));
      ++numbers;
    }
    // Numbers in words ("zwölf Projekte", "three quarters"): the report has the number or the word.
    const std::string l = lower(text);
    const auto& words = en ? wordsEn : wordsDe;
    for (std::sregex_iterator it(l.begin(), l.end(), en ? spelledEn : spelledDe), end; it != end; ++it) {
      const auto n = std::find(std::begin(words), std::end(words), it->str()) - std::begin(words) + 2;
      CAPTURE(it->str());
      CHECK((reportNumbers.contains(std::to_string(n)) || std::regex_search(reportLower, std::regex("\\b" + std::string(wordsDe[n - 2]) + "\\b"))));
      ++numbers;
    }
  }
  CHECK(dates > 50);  // the funded runtimes, the events and "as of" in both languages: the check ran
  CHECK(numbers > 100);
}

TEST_CASE("every key figure is written as each language writes numbers", "[default-feed]") {
  const Feed& feed = defaultFeed();
  const std::regex germanThousands(R"(\d\.\d{3}(?!\d))"), englishThousands(R"(\d,\d{3}(?!\d))");
  const auto digits = [](const std::string& s) {
    std::string out;
    for (char c : s)
      if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    return out;
  };
  for (const auto& f : feed.figures) {
    const std::string de = f.value.in("de"), en = f.value.in("en");
    CAPTURE(f.id, de, en);
    CHECK(f.value.has("de"));
    // "100.000 m²" and "67 %" in German, "100,000 m²" and "67%" in English.
    CHECK_FALSE(std::regex_search(de, englishThousands));
    CHECK_FALSE(std::regex_search(en, germanThousands));
    CHECK((de.find("%") == std::string::npos || de.find(" %") != std::string::npos));
    CHECK(en.find(" %") == std::string::npos);
    CHECK(digits(de) == digits(en));  // the same quantity in both
  }
}

TEST_CASE("a summary says a project's state in one form, and the right one", "[default-feed]") {
  for (const auto& p : defaultFeed().projects) {
    CAPTURE(p.id);
    const bool running = p.state == ProjectState::Running;
    const std::string de = lower(p.summary.in("de")), en = p.summary.in("en");  // "Ein laufendes Projekt" may open a sentence
    // Running is "ein laufendes Projekt" / "an ongoing project", never clipped to "laufend".
    CHECK(occurrences(de, "laufend") == occurrences(de, "ein laufendes projekt"));
    CHECK(occurrences(en, "ongoing") == occurrences(en, "an ongoing project"));
    if (occurrences(de, "laufend") + occurrences(en, "ongoing") > 0) CHECK(running);
    if (occurrences(de, "abgeschlossen") + occurrences(en, "completed") > 0) CHECK_FALSE(running);
    for (const auto& d : {p.description.in("de"), p.description.in("en")}) {
      if (d.find("in der Umsetzung") != std::string::npos || d.find("under way") != std::string::npos) CHECK(running);
      if (d.find("abgeschlossen") != std::string::npos || d.find("has been completed") != std::string::npos) CHECK_FALSE(running);
    }
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
