// Room door screens: binding a config entry to a room by id, name (any language) or GUID, and
// plain-text rooms; the screen's state before, during, between, done for today, not today and
// with no talks; cancelled talks; what runs in the other rooms.
#include <catch2/catch.hpp>

#include "conference_fixture.hpp"
#include "core/show/room_screen.hpp"

using namespace sf::core;
using sf::test::ConferenceBuilder;
using sf::test::localAt;

namespace {

Feed roomConference() {
  ConferenceBuilder b;
  b.room("r1", "Saal 1", "Hall 1", "6F1B3C2E-0000-4000-8000-000000000001").room("r2", "Werkstatt", "Workshop room");
  b.room("empty", "Abstellraum", "Store room");
  b.event("open", "2024-11-22T10:00", "2024-11-22T10:30", "r1");
  b.event("a", "2024-11-22T11:00", "2024-11-22T11:45", "r1");
  b.event("gone", "2024-11-22T13:00", "2024-11-22T13:30", "r1").cancelled = true;
  b.event("b", "2024-11-22T14:00", "2024-11-22T15:00", "r1");
  b.event("w", "2024-11-22T11:00", "2024-11-22T12:30", "r2");
  b.event("foyer", "2024-11-22T10:15", "2024-11-22T11:15", "Foyer");
  b.event("late", "2024-11-23T00:30", "2024-11-23T01:30", "r1");
  b.event("sat", "2024-11-23T10:40", "2024-11-23T11:10", "r1");
  b.event("sun", "2024-11-24T10:00", "2024-11-24T11:00", "r2");
  return b.done();
}

std::vector<std::string> eventIds(const std::vector<const Event*>& es) {
  std::vector<std::string> out;
  for (const auto* e : es) out.push_back(e->id);
  return out;
}

}  // namespace

TEST_CASE("a config room entry binds by id, by GUID, by name in any language, or to plain text", "[room]") {
  const Feed f = roomConference();
  CHECK(bindRoom(f, "r1").room == f.findRoom("r1"));
  CHECK(bindRoom(f, "6f1b3c2e-0000-4000-8000-000000000001").room == f.findRoom("r1"));  // GUIDs in any case
  CHECK(bindRoom(f, "Hall 1").room == f.findRoom("r1"));
  CHECK(bindRoom(f, "saal 1").room == f.findRoom("r1"));
  CHECK(bindRoom(f, "Workshop room").room == f.findRoom("r2"));
  const RoomBinding foyer = bindRoom(f, "Foyer");
  CHECK(foyer.room == nullptr);
  REQUIRE(foyer.found());
  CHECK(foyer.name->in("de") == "Foyer");
  CHECK(inRoom(*f.findEvent("foyer"), foyer));
  CHECK_FALSE(inRoom(*f.findEvent("a"), foyer));
  CHECK_FALSE(bindRoom(f, "Keller").found());
  // A room listed by the feed also takes events that name it by text.
  Event byText;
  byText.room.set("en", "Hall 1");
  CHECK(inRoom(byText, bindRoom(f, "r1")));
}

TEST_CASE("the room screen's state through a day", "[room]") {
  const Feed f = roomConference();
  const RoomBinding r1 = bindRoom(f, "r1");

  SECTION("before the first talk") {
    const RoomScreen s = roomScreenAt(f, r1, localAt(f.zone, "2024-11-22T09:00"));
    CHECK(s.phase == RoomPhase::BeforeFirst);
    REQUIRE(s.next);
    CHECK(s.next->id == "open");
    CHECK(eventIds(s.laterToday) == std::vector<std::string>{"a", "gone", "b", "late"});
    CHECK(s.otherRoomsNow.empty());
  }
  SECTION("during a talk: progress, and the other rooms now") {
    const RoomScreen s = roomScreenAt(f, r1, localAt(f.zone, "2024-11-22T11:09"));
    CHECK(s.phase == RoomPhase::During);
    REQUIRE(s.current);
    CHECK(s.current->id == "a");
    CHECK(s.progress == Approx(9.0 / 45));
    REQUIRE(s.next);
    CHECK(s.next->id == "b");  // the cancelled talk is not next
    CHECK(eventIds(s.cancelledToday) == std::vector<std::string>{"gone"});
    CHECK(eventIds(s.otherRoomsNow) == std::vector<std::string>{"foyer", "w"});
    // The strip of the day: past, on, cancelled and the night's talk, by start.
    CHECK(eventIds(s.today) == std::vector<std::string>{"open", "a", "gone", "b", "late"});
  }
  SECTION("between talks") {
    const RoomScreen s = roomScreenAt(f, r1, localAt(f.zone, "2024-11-22T10:45"));
    CHECK(s.phase == RoomPhase::Between);
    CHECK_FALSE(s.current);
    REQUIRE(s.next);
    CHECK(s.next->id == "a");
  }
  SECTION("the night's talk after midnight is still today's") {
    const RoomScreen s = roomScreenAt(f, r1, localAt(f.zone, "2024-11-22T23:00"));
    CHECK(s.phase == RoomPhase::Between);
    REQUIRE(s.next);
    CHECK(s.next->id == "late");
  }
  SECTION("done for today, with the next day's first talk") {
    const RoomScreen s = roomScreenAt(f, r1, localAt(f.zone, "2024-11-23T02:00"));
    CHECK(s.phase == RoomPhase::DoneForToday);
    CHECK_FALSE(s.next);
    REQUIRE(s.nextDayFirst);
    CHECK(s.nextDayFirst->id == "sat");
  }
  SECTION("done for good") {
    const RoomScreen s = roomScreenAt(f, r1, localAt(f.zone, "2024-11-23T12:00"));
    CHECK(s.phase == RoomPhase::DoneForToday);
    CHECK_FALSE(s.nextDayFirst);
  }
  SECTION("nothing today, a later day has talks") {
    const RoomScreen s = roomScreenAt(f, bindRoom(f, "r2"), localAt(f.zone, "2024-11-23T09:00"));
    CHECK(s.phase == RoomPhase::NotToday);
    REQUIRE(s.nextDayFirst);
    CHECK(s.nextDayFirst->id == "sun");
  }
  SECTION("a room without talks, and an entry that names no room") {
    CHECK(roomScreenAt(f, bindRoom(f, "empty"), localAt(f.zone, "2024-11-22T11:00")).phase == RoomPhase::NoTalks);
    const RoomScreen s = roomScreenAt(f, bindRoom(f, "Keller"), localAt(f.zone, "2024-11-22T11:09"));
    CHECK(s.phase == RoomPhase::NoTalks);
    CHECK(s.otherRoomsNow.size() == 3);  // still says what is on everywhere
  }
}

TEST_CASE("a cancelled talk on now is not the current one", "[room]") {
  ConferenceBuilder b;
  b.room("r1", "Saal 1", "Hall 1");
  b.event("x", "2024-11-22T10:00", "2024-11-22T11:00", "r1").cancelled = true;
  b.event("y", "2024-11-22T11:00", "2024-11-22T12:00", "r1");
  const Feed f = b.done();
  const RoomScreen s = roomScreenAt(f, bindRoom(f, "r1"), localAt(f.zone, "2024-11-22T10:30"));
  CHECK_FALSE(s.current);
  CHECK(s.phase == RoomPhase::Between);
  REQUIRE(s.next);
  CHECK(s.next->id == "y");
}

TEST_CASE("the door screen's day strip places talks by the clock, then by need", "[room]") {
  ConferenceBuilder b;
  b.room("r", "Saal", "Hall");
  b.event("t9", "2024-11-22T09:00", "2024-11-22T10:00", "r");
  b.event("t10", "2024-11-22T10:00", "2024-11-22T11:00", "r");
  b.event("t12", "2024-11-22T12:00", "2024-11-22T13:00", "r");
  b.event("short", "2024-11-22T13:00", "2024-11-22T13:05", "r");
  const Feed f = b.done();
  auto talks = [&](std::initializer_list<const char*> ids) {
    std::vector<const Event*> v;
    for (const char* id : ids) v.push_back(f.findEvent(id));
    return v;
  };
  DayBlock out[8];
  SECTION("by the clock: an hour's gap shows as a gap") {
    REQUIRE(placeDayBlocks(talks({"t9", "t10", "t12"}), 100, 800, 50, 0, out, 8));
    CHECK(out[0].x == Approx(100));
    CHECK(out[0].w == Approx(200));
    CHECK(out[1].x == Approx(300));
    CHECK(out[2].x == Approx(700));
    CHECK(out[2].x + out[2].w == Approx(900));
  }
  SECTION("a five-minute talk at the end gets its minimum width, and the one before gives way") {
    REQUIRE(placeDayBlocks(talks({"t12", "short"}), 0, 650, 100, 10, out, 8));
    CHECK(out[1].w == Approx(100));
    CHECK(out[1].x + out[1].w == Approx(650));
    CHECK(out[0].x == Approx(0));
    CHECK(out[0].x + out[0].w == Approx(540));  // ends a gap before the short one
  }
  SECTION("too full for the clock: equal widths; too full for those: refused") {
    REQUIRE(placeDayBlocks(talks({"t9", "t10", "t12", "short"}), 0, 430, 100, 10, out, 8));
    for (int i = 0; i < 4; ++i) CHECK(out[i].w == Approx(100));
    CHECK(out[3].x == Approx(330));
    CHECK_FALSE(placeDayBlocks(talks({"t9", "t10", "t12", "short"}), 0, 420, 100, 10, out, 8));
    CHECK_FALSE(placeDayBlocks(talks({"t9", "t10", "t12", "short"}), 0, 4000, 100, 10, out, 3));  // more than `out` holds
  }
}
