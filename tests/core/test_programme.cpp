// The programme model and its wording: conference days (after midnight, DST), slots of parallel
// talks, filters by room and track, the now line, and day-aware times, "+N more", "in 12 min".
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "conference_fixture.hpp"
#include "core/show/programme.hpp"
#include "core/show/ui_text.hpp"

using namespace sf::core;
using sf::test::ConferenceBuilder;
using sf::test::localAt;

namespace {

Feed conference() {
  ConferenceBuilder b;
  b.room("r1", "Saal 1", "Hall 1", "6f1b3c2e-0000-4000-8000-000000000001").room("r2", "Werkstatt", "Workshop room");
  b.track("sec", "Security", {200, 60, 60}).track("web", "Web", {60, 120, 220});
  b.event("open", "2024-11-22T10:00", "2024-11-22T10:30", "r1").track = "sec";
  b.event("a", "2024-11-22T11:00", "2024-11-22T11:45", "r1").track = "web";
  b.event("b", "2024-11-22T11:00", "2024-11-22T12:00", "r2").track = "sec";
  b.event("c", "2024-11-22T11:00", "2024-11-22T11:30", "Foyer");
  b.event("late", "2024-11-23T00:30", "2024-11-23T01:30", "r2");  // after midnight: still Friday
  b.event("sat", "2024-11-23T10:40", "2024-11-23T11:10", "r1");
  return b.done();
}

std::vector<std::string> slotIds(const Feed& f, const ProgrammeSlot& s) {
  std::vector<std::string> out;
  for (std::size_t i : s.events) out.push_back(f.events[i].id);
  return out;
}

const char* tz = "Europe/Berlin";

// Counts this test program's allocations, so a test can show that a code path makes none.
std::atomic<long> allocations{0};

}  // namespace

// AddressSanitizer brings its own operator new, which it checks against its delete: there the
// count is not kept (the optimised and the arm64 runs of these tests keep it).
#if !defined(__SANITIZE_ADDRESS__)
constexpr bool kCountsAllocations = true;
void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#else
constexpr bool kCountsAllocations = false;
#endif

TEST_CASE("conference days file talks after midnight under the day before", "[programme]") {
  const Feed f = conference();
  CHECK(programmeDays(f) == std::vector<Date>{*parseDate("2024-11-22"), *parseDate("2024-11-23")});
  CHECK(conferenceDay(localAt(f.zone, "2024-11-23T00:30"), f.zone) == *parseDate("2024-11-22"));
  CHECK(conferenceDay(localAt(f.zone, "2024-11-23T05:00"), f.zone) == *parseDate("2024-11-23"));

  Programme p;
  buildProgramme(f, *parseDate("2024-11-22"), {}, localAt(f.zone, "2024-11-22T11:10"), p);
  REQUIRE(p.slots.size() == 3);
  CHECK(slotIds(f, p.slots[0]) == std::vector<std::string>{"open"});
  CHECK(slotIds(f, p.slots[1]) == std::vector<std::string>{"a", "b", "c"});  // three parallel talks share a slot
  CHECK(slotIds(f, p.slots[2]) == std::vector<std::string>{"late"});
  CHECK(p.today);
  CHECK(p.nowSlot == 2);  // the line sits after the 11:00 talks, before the one after midnight

  buildProgramme(f, *parseDate("2024-11-23"), {}, localAt(f.zone, "2024-11-22T11:10"), p);
  REQUIRE(p.slots.size() == 1);
  CHECK_FALSE(p.today);
  CHECK(p.nowSlot == 0);
}

TEST_CASE("the programme filters by room (id or plain text) and by track", "[programme]") {
  const Feed f = conference();
  const auto rooms = programmeRooms(f);
  REQUIRE(rooms.size() == 3);
  CHECK(rooms[0].key == "r1");
  CHECK(rooms[1].key == "r2");
  CHECK(rooms[2].key == "Foyer");  // plain-text rooms after the listed ones
  CHECK(rooms[2].room == nullptr);
  CHECK(programmeTracks(f).size() == 2);

  Programme p;
  const Date fri = *parseDate("2024-11-22");
  buildProgramme(f, fri, {"r2", ""}, localAt(f.zone, "2024-11-22T09:00"), p);
  REQUIRE(p.slots.size() == 2);
  CHECK(slotIds(f, p.slots[0]) == std::vector<std::string>{"b"});
  buildProgramme(f, fri, {"Foyer", ""}, localAt(f.zone, "2024-11-22T09:00"), p);
  REQUIRE(p.slots.size() == 1);
  CHECK(slotIds(f, p.slots[0]) == std::vector<std::string>{"c"});
  buildProgramme(f, fri, {"", "sec"}, localAt(f.zone, "2024-11-22T09:00"), p);
  REQUIRE(p.slots.size() == 2);
  CHECK(slotIds(f, p.slots[1]) == std::vector<std::string>{"b"});
  buildProgramme(f, fri, {"r1", "sec"}, localAt(f.zone, "2024-11-22T09:00"), p);
  REQUIRE(p.slots.size() == 1);
  CHECK(slotIds(f, p.slots[0]) == std::vector<std::string>{"open"});
}

TEST_CASE("the programme opens on today, else the next day with events, else the last", "[programme]") {
  const Feed f = conference();
  CHECK(defaultProgrammeDay(f, localAt(f.zone, "2024-11-01T12:00")) == *parseDate("2024-11-22"));
  CHECK(defaultProgrammeDay(f, localAt(f.zone, "2024-11-23T02:00")) == *parseDate("2024-11-22"));  // still Friday's night
  CHECK(defaultProgrammeDay(f, localAt(f.zone, "2024-11-23T12:00")) == *parseDate("2024-11-23"));
  CHECK(defaultProgrammeDay(f, localAt(f.zone, "2024-12-24T12:00")) == *parseDate("2024-11-23"));
  CHECK_FALSE(defaultProgrammeDay(Feed{}, localAt(f.zone, "2024-12-24T12:00")));
}

TEST_CASE("day-aware wording: today, tomorrow, a date, in N min under half an hour", "[programme][wording]") {
  const Feed f = conference();
  const Event& sat = *f.findEvent("sat");
  const Event& late = *f.findEvent("late");
  char out[96];
  const Date fri = *parseDate("2024-11-22");

  formatEventWhen(sat, fri, f.zone, "de", out, sizeof out);
  CHECK(std::string(out) == "morgen 10:40 – 11:10");
  formatEventWhen(sat, fri, f.zone, "en", out, sizeof out);
  CHECK(std::string(out) == "tomorrow 10:40 – 11:10");
  formatEventWhen(sat, fri - std::chrono::days{1}, f.zone, "de", out, sizeof out);
  CHECK(std::string(out) == "Sa 23.11. 10:40 – 11:10");
  formatEventWhen(sat, fri - std::chrono::days{1}, f.zone, "en", out, sizeof out);
  CHECK(std::string(out) == "Sat 23 Nov 10:40 – 11:10");
  formatEventWhen(sat, *parseDate("2024-11-23"), f.zone, "en", out, sizeof out);
  CHECK(std::string(out) == "10:40 – 11:10");
  // The talk at 00:30 is tonight's, not tomorrow's.
  formatEventWhen(late, fri, f.zone, "en", out, sizeof out);
  CHECK(std::string(out) == "00:30 – 01:30");
  formatDayLabel(fri, fri, "de", out, sizeof out);
  CHECK(std::string(out) == "heute");

  CHECK(formatStartsIn(sat.start, sat.start - std::chrono::seconds{11 * 60 + 30}, kSoonWindow, out, sizeof out));
  CHECK(std::string(out) == "in 12 min");
  CHECK_FALSE(formatStartsIn(sat.start, sat.start - std::chrono::minutes{30}, kSoonWindow, out, sizeof out));
  CHECK_FALSE(formatStartsIn(sat.start, sat.start, kSoonWindow, out, sizeof out));

  formatMore(2, "de", out, sizeof out);
  CHECK(std::string(out) == "+2 weitere");
  formatMore(2, "en", out, sizeof out);
  CHECK(std::string(out) == "+2 more");
}

TEST_CASE("days with a DST change: 25 and 23 hours, wording and minutes by the instant", "[programme][dst]") {
  ConferenceBuilder b(tz);
  // 27 Oct 2024: clocks go back at 03:00 (Berlin). 31 Mar 2024: forward at 02:00.
  b.event("night", "2024-10-27T01:30", "2024-10-27T02:30");
  b.event("morning", "2024-10-27T09:00", "2024-10-27T10:00");
  b.event("spring", "2024-03-31T01:30", "2024-03-31T03:30");
  b.event("early", "2024-10-27T03:05", "2024-10-27T03:30");
  const Feed f = b.done();
  const Date oct26 = *parseDate("2024-10-26"), oct27 = *parseDate("2024-10-27");
  CHECK(conferenceDayEnd(oct26, f.zone) - conferenceDayStart(oct26, f.zone) == std::chrono::hours{25});
  CHECK(conferenceDayEnd(*parseDate("2024-03-30"), f.zone) - conferenceDayStart(*parseDate("2024-03-30"), f.zone) ==
        std::chrono::hours{23});
  CHECK(conferenceDay(f.findEvent("night")->start, f.zone) == oct26);
  CHECK(conferenceDay(f.findEvent("morning")->start, f.zone) == oct27);
  char out[96];
  // At 02:40 summer time (the first 02:40 of the night) the 03:05 winter-time talk is 85 minutes
  // away, not 25: the clock goes back an hour in between.
  CHECK_FALSE(formatStartsIn(f.findEvent("early")->start, localAt(f.zone, "2024-10-27T02:40"), kSoonWindow, out, sizeof out));
  CHECK(formatStartsIn(f.findEvent("early")->start, localAt(f.zone, "2024-10-27T02:40") + std::chrono::hours{1}, kSoonWindow, out,
                       sizeof out));
  CHECK(std::string(out) == "in 25 min");
  CHECK(formatStartsIn(f.findEvent("morning")->start, localAt(f.zone, "2024-10-27T08:50"), kSoonWindow, out, sizeof out));
  CHECK(std::string(out) == "in 10 min");
  formatEventWhen(*f.findEvent("night"), oct26, f.zone, "en", out, sizeof out);
  CHECK(std::string(out) == "01:30 – 02:30");
  Programme p;
  buildProgramme(f, oct26, {}, localAt(f.zone, "2024-10-27T04:00"), p);
  REQUIRE(p.slots.size() == 2);  // 04:00 on the long night still belongs to the 26th
  CHECK(p.today);
  CHECK(p.nowSlot == 2);
}

TEST_CASE("speakers are joined, with affiliations where asked", "[programme][wording]") {
  Event e;
  e.speakers = {{"Ada Lovelace", "Analytical Society"}, {"Grace Hopper", ""}};
  char out[128];
  formatSpeakers(e, out, sizeof out);
  CHECK(std::string(out) == "Ada Lovelace, Grace Hopper");
  formatSpeakers(e, out, sizeof out, true);
  CHECK(std::string(out) == "Ada Lovelace (Analytical Society), Grace Hopper");
  e.speakers.clear();
  formatSpeakers(e, out, sizeof out);
  CHECK(std::string(out).empty());
}

TEST_CASE("the open programme's listing is made once, a frame with the clock moving allocates nothing", "[programme]") {
  const Feed f = conference();
  const Date fri = *parseDate("2024-11-22");
  ProgrammeListing l;
  updateProgrammeListing(l, f, fri, {}, localAt(f.zone, "2024-11-22T09:00"));
  REQUIRE(l.days.size() == 2);
  REQUIRE(l.rooms.size() == 3);
  REQUIRE(l.programme.slots.size() == 3);
  CHECK(l.programme.nowSlot == 0);
  const ProgrammeSlot* slots = l.programme.slots.data();

  // The frames of an untouched programme through the day: the now line moves, nothing is made.
  const Instant nine = localAt(f.zone, "2024-11-22T09:00");
  const ProgrammeFilter all;
  const long before = allocations.load();
  for (int minute = 0; minute < 16 * 60; minute += 5) updateProgrammeListing(l, f, fri, all, nine + std::chrono::minutes(minute));
  if (kCountsAllocations) CHECK(allocations.load() == before);
  CHECK(l.programme.slots.data() == slots);
  CHECK(l.programme.nowSlot == 3);  // 01:00 on Saturday: Friday's slots have all begun ("late" is at 00:30)
  CHECK(l.programme.today);

  // A filter or another day makes the talks anew; the lists stay.
  updateProgrammeListing(l, f, fri, {"r2", ""}, localAt(f.zone, "2024-11-22T11:10"));
  REQUIRE(l.programme.slots.size() == 2);
  CHECK(slotIds(f, l.programme.slots[0]) == std::vector<std::string>{"b"});
  CHECK(l.programme.nowSlot == 1);
  updateProgrammeListing(l, f, *parseDate("2024-11-23"), {}, localAt(f.zone, "2024-11-22T11:10"));
  REQUIRE(l.programme.slots.size() == 1);
  CHECK(!l.programme.today);

  // Another feed: its lists, once reset (the old feed's address may be the new one's).
  const Feed other = [] {
    ConferenceBuilder b;
    b.room("x", "Aula", "Great hall");
    b.event("only", "2024-11-22T10:00", "2024-11-22T11:00", "x");
    return b.done();
  }();
  l.reset();
  updateProgrammeListing(l, other, fri, {}, localAt(other.zone, "2024-11-22T09:00"));
  REQUIRE(l.rooms.size() == 1);
  CHECK(l.rooms[0].key == "x");
  REQUIRE(l.programme.slots.size() == 1);
}

TEST_CASE("parallel talks are listed in the rooms' order, whatever order the feed has them in", "[programme]") {
  ConferenceBuilder b;
  b.room("s1", "Saal 1", "Hall 1").room("s2", "Saal 2", "Hall 2").room("s10", "Saal 10", "Hall 10");
  b.event("in-10", "2024-11-22T10:00", "2024-11-22T11:00", "s10");
  b.event("foyer", "2024-11-22T10:00", "2024-11-22T11:00", "Foyer");
  b.event("in-2", "2024-11-22T10:00", "2024-11-22T11:00", "s2");
  b.event("in-1", "2024-11-22T10:00", "2024-11-22T11:00", "s1");
  const Feed f = b.done();
  Programme p;
  buildProgramme(f, *parseDate("2024-11-22"), {}, localAt(f.zone, "2024-11-22T09:00"), p);
  REQUIRE(p.slots.size() == 1);
  CHECK(slotIds(f, p.slots[0]) == std::vector<std::string>{"in-1", "in-2", "in-10", "foyer"});
}

TEST_CASE("the grid puts each timed talk in its room's column, rooms in their order, over whole hours", "[programme][grid]") {
  const Feed f = conference();
  const Date fri = *parseDate("2024-11-22");
  ProgrammeListing l;
  updateProgrammeListing(l, f, fri, {}, localAt(f.zone, "2024-11-22T09:00"));
  // Friday uses Saal 1, Werkstatt and the plain-text Foyer: three columns, in the rooms' order.
  REQUIRE(l.gridRooms.size() == 3);
  CHECK(l.rooms[l.gridRooms[0]].key == "r1");
  CHECK(l.rooms[l.gridRooms[1]].key == "r2");
  CHECK(l.rooms[l.gridRooms[2]].key == "Foyer");
  auto columnOf = [&](const char* id) { return l.column[eventIndex(f, id)]; };
  CHECK(columnOf("open") == 0);
  CHECK(columnOf("a") == 0);
  CHECK(columnOf("b") == 1);
  CHECK(columnOf("c") == 2);
  CHECK(columnOf("late") == 1);   // 00:30 after midnight, still Friday's, in the Werkstatt
  CHECK(columnOf("sat") == -1);   // another day
  CHECK(l.gridFrom == localAt(f.zone, "2024-11-22T10:00"));
  CHECK(l.gridTo == localAt(f.zone, "2024-11-23T01:30"));

  // Filtered to one room: one column, the others' talks out of it.
  updateProgrammeListing(l, f, fri, {"r2", ""}, localAt(f.zone, "2024-11-22T09:00"));
  REQUIRE(l.gridRooms.size() == 1);
  CHECK(l.rooms[l.gridRooms[0]].key == "r2");
  CHECK(columnOf("b") == 0);
  CHECK(columnOf("a") == -1);
}
