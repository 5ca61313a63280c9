// The schedule at chosen instants: now, next (with parallel tracks), later today, just ended,
// the review when nothing lies ahead, all-day events and a day with a DST change.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "core/feed/parse.hpp"
#include "core/show/schedule.hpp"

using namespace sf::core;

namespace {

std::string event(const std::string& id, const std::string& start, const std::string& end, bool allDay = false) {
  return R"({"id": ")" + id + R"(", "title": ")" + id + R"(", "start": ")" + start + R"(", "end": ")" + end + "\"" +
         (allDay ? ", \"allDay\": true" : "") + "}";
}

Feed feedWith(const std::vector<std::string>& events) {
  std::string list;
  for (const auto& e : events) list += (list.empty() ? "" : ",") + e;
  const std::string text = R"({"format": "schaufenster-feed", "version": 1, "id": "s", "revision": 1,
    "generated": "2024-01-01T00:00:00Z", "timeZone": "Europe/Berlin", "languages": ["de"], "events": [)" + list + "]}";
  auto r = parseFeed(text, "schedule.json");
  REQUIRE(r.feed);
  return std::move(*r.feed);
}

std::vector<std::string> ids(const std::vector<const Event*>& es) {
  std::vector<std::string> out;
  for (const auto* e : es) out.push_back(e->id);
  return out;
}

using sf::test::berlin;

Instant at(const char* local) { return *parseInstantOrLocal(local, berlin()); }

}  // namespace

TEST_CASE("a conference day: now, next with parallel tracks, later today, just ended", "[schedule]") {
  const Feed f = feedWith({
      event("keynote", "2024-04-25T09:00:00+02:00", "2024-04-25T10:00:00+02:00"),
      event("talk-a", "2024-04-25T10:30:00+02:00", "2024-04-25T11:15:00+02:00"),
      event("talk-b", "2024-04-25T10:30:00+02:00", "2024-04-25T11:00:00+02:00"),
      event("lunch", "2024-04-25T12:00:00+02:00", "2024-04-25T13:00:00+02:00"),
      event("party", "2024-04-25T22:00:00+02:00", "2024-04-26T02:00:00+02:00"),
      event("day-two", "2024-04-26T09:00:00+02:00", "2024-04-26T10:00:00+02:00"),
  });

  SECTION("during the keynote") {
    const auto s = scheduleAt(f, at("2024-04-25T09:30"), berlin());
    CHECK(ids(s.now) == std::vector<std::string>{"keynote"});
    CHECK(ids(s.next) == std::vector<std::string>{"talk-b", "talk-a"});  // same start; shorter first
    CHECK(ids(s.laterToday) == std::vector<std::string>{"lunch", "party"});
    CHECK(s.justEnded.empty());
    CHECK_FALSE(s.isReview());
  }
  SECTION("just after the keynote") {
    const auto s = scheduleAt(f, at("2024-04-25T10:10"), berlin());
    CHECK(s.now.empty());
    CHECK(ids(s.justEnded) == std::vector<std::string>{"keynote"});
    CHECK(ids(s.next) == std::vector<std::string>{"talk-b", "talk-a"});
  }
  SECTION("an event that ended drops off after the window") {
    const auto s = scheduleAt(f, at("2024-04-25T10:31"), berlin());
    CHECK(s.justEnded.empty());
    CHECK(ids(s.now) == std::vector<std::string>{"talk-b", "talk-a"});
  }
  SECTION("after midnight the party still runs and tomorrow is next") {
    const auto s = scheduleAt(f, at("2024-04-26T01:00"), berlin());
    CHECK(ids(s.now) == std::vector<std::string>{"party"});
    CHECK(ids(s.next) == std::vector<std::string>{"day-two"});
    CHECK(s.laterToday.empty());
  }
  SECTION("the start instant is now, the end instant is not") {
    CHECK(ids(scheduleAt(f, at("2024-04-25T12:00"), berlin()).now) == std::vector<std::string>{"lunch"});
    CHECK(scheduleAt(f, at("2024-04-25T13:00"), berlin()).now.empty());
  }
  SECTION("when everything is over, the most recent events are shown as a review") {
    const auto s = scheduleAt(f, at("2024-05-01T12:00"), berlin());
    CHECK(s.isReview());
    CHECK(ids(s.review) == std::vector<std::string>{"day-two", "party", "lunch", "talk-a", "talk-b", "keynote"});
  }
  SECTION("the review is capped") {
    ScheduleOptions o;
    o.maxReview = 2;
    CHECK(ids(scheduleAt(f, at("2024-05-01T12:00"), berlin(), o).review) == std::vector<std::string>{"day-two", "party"});
  }
}

TEST_CASE("all-day events run over their whole local days", "[schedule]") {
  const Feed f = feedWith({event("fair", "2024-04-25", "2024-04-26", true)});
  CHECK(scheduleAt(f, at("2024-04-24T23:59"), berlin()).next.size() == 1);
  CHECK(scheduleAt(f, at("2024-04-25T00:00"), berlin()).now.size() == 1);
  CHECK(scheduleAt(f, at("2024-04-26T23:59"), berlin()).now.size() == 1);
  CHECK(scheduleAt(f, at("2024-04-27T00:00"), berlin()).now.empty());
}

TEST_CASE("later today ends at local midnight on a 23-hour day", "[schedule]") {
  // 31 March 2024: clocks jump from 02:00 to 03:00 in Berlin.
  const Feed f = feedWith({
      event("early", "2024-03-31T01:00:00+01:00", "2024-03-31T01:30:00+01:00"),
      event("after-jump", "2024-03-31T03:30:00+02:00", "2024-03-31T04:00:00+02:00"),
      event("late", "2024-03-31T23:30:00+02:00", "2024-03-31T23:45:00+02:00"),
      event("tomorrow", "2024-04-01T00:15:00+02:00", "2024-04-01T01:00:00+02:00"),
  });
  const auto s = scheduleAt(f, at("2024-03-31T00:30"), berlin());
  CHECK(ids(s.next) == std::vector<std::string>{"early"});
  CHECK(ids(s.laterToday) == std::vector<std::string>{"after-jump", "late"});
}

TEST_CASE("an empty feed has an empty review, not a crash", "[schedule]") {
  const Feed f = feedWith({});
  const auto s = scheduleAt(f, at("2024-03-31T00:30"), berlin());
  CHECK(s.isReview());
  CHECK(s.review.empty());
}
