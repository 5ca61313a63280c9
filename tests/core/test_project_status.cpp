// A project's status as visitors read it: the feed's word, checked against its runtime and the
// screen's day; no status made up where the feed says nothing; counts in the right number.
#include <catch2/catch.hpp>

#include "core/feed/parse.hpp"
#include "core/show/ui_text.hpp"
#include "embedded.hpp"

using namespace sf::core;

namespace {

Date day(const char* iso) { return *parseDate(iso); }

Project project(std::optional<ProjectState> state, const char* asOf, const char* start, const char* end) {
  Project p;
  p.id = "p";
  if (state) {
    p.state = *state;
    p.stateGiven = true;
  }
  if (asOf) p.stateAsOf = day(asOf);
  if (start || end) {
    p.funding = Funding{};
    if (start) p.funding->start = day(start);
    if (end) p.funding->end = day(end);
  }
  return p;
}

std::string status(const Project& p, const char* today, const char* lang, bool withAsOf = true) {
  char out[96];
  formatStatus(p, day(today), lang, out, sizeof out, withAsOf);
  return out;
}

}  // namespace

TEST_CASE("a running project shows when its status was checked") {
  const Project p = project(ProjectState::Running, "2026-03-01", "2024-01-01", "2027-12-31");
  CHECK(projectPhase(p, day("2026-12-06")) == ProjectPhase::Running);
  CHECK(status(p, "2026-12-06", "de") == "Laufend · Stand 01.03.2026");
  CHECK(status(p, "2026-12-06", "en") == "Running · as of 1 Mar 2026");
  CHECK(status(p, "2026-12-06", "de", false) == "Laufend");  // a list row, with the runtime beside it
}

TEST_CASE("a project whose runtime is over no longer reads running") {
  const Project p = project(ProjectState::Running, "2024-06-14", "2021-03-01", "2025-02-28");
  CHECK(projectPhase(p, day("2026-12-06")) == ProjectPhase::Ended);
  CHECK(status(p, "2026-12-06", "de") == "Laufzeit endete 02/2025");
  CHECK(status(p, "2026-12-06", "en") == "Ended 02/2025");
  // On its last day it still runs.
  CHECK(projectPhase(p, day("2025-02-28")) == ProjectPhase::Running);
  // Completed in the feed's words wins, with its date.
  const Project done = project(ProjectState::Completed, "2025-03-10", "2021-03-01", "2025-02-28");
  CHECK(status(done, "2026-12-06", "de") == "Abgeschlossen · Stand 10.03.2025");
  CHECK(status(done, "2026-12-06", "en") == "Completed · as of 10 Mar 2025");
}

TEST_CASE("a project without a status takes it from its runtime, and without either shows none") {
  CHECK(status(project(std::nullopt, nullptr, "2027-04-01", "2029-03-31"), "2026-12-06", "de") == "Beginnt 04/2027");
  CHECK(status(project(std::nullopt, nullptr, "2027-04-01", nullptr), "2026-12-06", "en") == "Starts 04/2027");
  CHECK(status(project(std::nullopt, nullptr, "2024-01-01", "2027-12-31"), "2026-12-06", "de") == "Laufend");
  CHECK(status(project(std::nullopt, nullptr, nullptr, "2025-06-30"), "2026-12-06", "de") == "Laufzeit endete 06/2025");
  const Project silent = project(std::nullopt, nullptr, nullptr, nullptr);
  CHECK(projectPhase(silent, day("2026-12-06")) == ProjectPhase::Unstated);
  CHECK(status(silent, "2026-12-06", "de").empty());
  CHECK(status(silent, "2026-12-06", "en").empty());
  // An as-of date without a state word dates nothing the visitor sees.
  CHECK(status(project(std::nullopt, "2026-01-01", "2024-01-01", "2027-12-31"), "2026-12-06", "de") == "Laufend");
}

TEST_CASE("the feed's status word is kept apart from a status it did not give") {
  auto parsed = parseFeed(sf::assets::defaultFeedJson(), sf::assets::defaultFeedName);
  REQUIRE(parsed.feed);
  int given = 0, ended = 0;
  for (const auto& p : parsed.feed->projects) {
    given += p.stateGiven;
    ended += projectPhase(p, day("2026-12-06")) == ProjectPhase::Ended;
  }
  CHECK(given == static_cast<int>(parsed.feed->projects.size()));
  CHECK(ended > 0);  // the built-in feed has projects whose funding ended before today
}

TEST_CASE("counts of projects are in the singular for one") {
  char out[48];
  formatProjectCount(1, "de", out, sizeof out);
  CHECK(std::string(out) == "1 Projekt");
  formatProjectCount(1, "en", out, sizeof out);
  CHECK(std::string(out) == "1 project");
  formatProjectCount(0, "de", out, sizeof out);
  CHECK(std::string(out) == "0 Projekte");
  formatProjectCount(12, "en", out, sizeof out);
  CHECK(std::string(out) == "12 projects");
}
