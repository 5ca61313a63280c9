// Browsing the programme through the player state: open it, pick a day, a room and a track,
// scroll, open a talk, and Back returns to the same day, filter and scroll; the idle return resets.
#include <catch2/catch.hpp>

#include "conference_fixture.hpp"
#include "core/show/player_state.hpp"

using namespace sf::core;
using namespace std::chrono_literals;
using sf::test::ConferenceBuilder;
using sf::test::localAt;

namespace {

struct Rig {
  Feed feed;
  RotationPlan plan;
  PlayerState state;
  Millis now;
  Rig() {
    ConferenceBuilder b;
    b.room("r1", "Saal 1", "Hall 1").room("r2", "Werkstatt", "Workshop room");
    b.track("sec", "Security", {200, 60, 60});
    b.event("a", "2024-11-22T10:00", "2024-11-22T11:00", "r1").track = "sec";
    b.event("b", "2024-11-22T10:00", "2024-11-22T11:00", "r2");
    b.event("c", "2024-11-23T10:00", "2024-11-23T11:00", "r2");
    feed = b.done();
    feed.playlist = {PlaylistItem{SlideKind::Schedule}};
    now = Millis{localAt(feed.zone, "2024-11-22T09:00")};
    buildRotation(feed, toInstant(now), plan);
  }
  PlayerEnv env() const { return {feed, plan, now}; }
  void apply(Action a) { sf::core::apply(state, a, env()); }
};

}  // namespace

TEST_CASE("Back from a talk returns to the same day, filter and scroll position", "[programme][state]") {
  Rig r;
  r.apply({ActionKind::OpenProgramme});
  REQUIRE(r.state.mode == Mode::Programme);
  CHECK(r.state.programme.day == *parseDate("2024-11-22"));
  CHECK(r.state.pinnedSlot.has_value());  // the rotation waits

  r.apply({ActionKind::ProgrammeDay, 1});
  CHECK(r.state.programme.day == *parseDate("2024-11-23"));
  r.apply({ActionKind::ProgrammeRoom, 1});  // Werkstatt
  CHECK(r.state.programme.filter.room == "r2");
  r.apply({ActionKind::ProgrammeTrack, 0});
  CHECK(r.state.programme.filter.track == "sec");
  r.apply({ActionKind::ProgrammeTrack, 0});  // tapping the chosen track again clears it
  CHECK(r.state.programme.filter.track.empty());
  setScrollExtent(r.state, 3000, 800);
  r.state.scroll = 640;
  const ProgrammePlace before{r.state.programme.day, r.state.programme.filter, 0};

  r.apply({ActionKind::OpenEvent, 2});
  REQUIRE(r.state.mode == Mode::Event);
  CHECK(r.state.event == "c");
  CHECK(r.state.scroll == 0);  // the talk's page starts at its top
  CHECK(checkConsistency(r.state, r.feed, r.plan).empty());

  r.apply({ActionKind::Back});
  REQUIRE(r.state.mode == Mode::Programme);
  CHECK(r.state.programme.day == before.day);
  CHECK(r.state.programme.filter == before.filter);
  CHECK(r.state.scroll == 640);
  CHECK(r.state.event.empty());
  CHECK(checkConsistency(r.state, r.feed, r.plan).empty());
  // The view reports the list's height again; the place stands when it still fits.
  setScrollExtent(r.state, 3000, 800);
  CHECK(r.state.scroll == 640);

  SECTION("a new day starts at the top") {
    r.apply({ActionKind::ProgrammeDay, 0});
    CHECK(r.state.scroll == 0);
    CHECK(r.state.programme.filter.room == "r2");  // the filter stays
  }
  SECTION("the idle return resets the programme") {
    r.now += r.state.idleTimeout + 1s;
    tick(r.state, r.env());
    CHECK(r.state.mode == Mode::Rotation);
    CHECK(r.state.programme == ProgrammePlace{});
    CHECK_FALSE(r.state.pinnedSlot.has_value());
  }
  SECTION("Back from the programme goes to the rotation") {
    r.apply({ActionKind::Back});
    CHECK(r.state.mode == Mode::Rotation);
    CHECK(r.state.programme == ProgrammePlace{});
  }
}

TEST_CASE("a talk opened from the rotation goes back to the rotation", "[programme][state]") {
  Rig r;
  r.apply({ActionKind::OpenEvent, 0});
  REQUIRE(r.state.mode == Mode::Event);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
  CHECK(checkConsistency(r.state, r.feed, r.plan).empty());
}

TEST_CASE("a feed without the open talk steps back to the programme", "[programme][state]") {
  Rig r;
  r.apply({ActionKind::OpenProgramme});
  r.apply({ActionKind::OpenEvent, 1});
  r.feed.events.erase(r.feed.events.begin() + 1);
  onFeedSwapped(r.state, r.feed, r.plan);
  CHECK(r.state.mode == Mode::Programme);
  CHECK(checkConsistency(r.state, r.feed, r.plan).empty());
  r.feed.events.clear();
  onFeedSwapped(r.state, r.feed, r.plan);
  CHECK(r.state.mode == Mode::Rotation);
}

TEST_CASE("a feed without events has no programme to open", "[programme][state]") {
  Rig r;
  r.feed.events.clear();
  r.apply({ActionKind::OpenProgramme});
  CHECK(r.state.mode == Mode::Rotation);
}

TEST_CASE("the room picker lies over the talks: a choice filters, Back closes it where the list was", "[programme][state]") {
  Rig r;
  r.apply({ActionKind::OpenProgramme});
  setScrollExtent(r.state, 3000, 800);
  r.state.scroll = 420;

  r.apply({ActionKind::ProgrammePicker, 0});
  CHECK(r.state.programme.picker == ProgrammePicker::Rooms);
  CHECK(r.state.scroll == 0);  // the picker starts at its top
  CHECK(r.state.mode == Mode::Programme);
  r.apply({ActionKind::Back});  // closes the picker only
  CHECK(r.state.mode == Mode::Programme);
  CHECK(r.state.programme.picker == ProgrammePicker::None);
  CHECK(r.state.scroll == 420);

  r.apply({ActionKind::ProgrammePicker, 1});
  CHECK(r.state.programme.picker == ProgrammePicker::Tracks);
  r.apply({ActionKind::ProgrammePicker, 1});  // its chip again closes it, too
  CHECK(r.state.programme.picker == ProgrammePicker::None);
  CHECK(r.state.scroll == 420);

  r.apply({ActionKind::ProgrammePicker, 0});
  r.apply({ActionKind::ProgrammeRoom, 1});  // Werkstatt, chosen in the picker
  CHECK(r.state.programme.picker == ProgrammePicker::None);
  CHECK(r.state.programme.filter.room == "r2");
  CHECK(r.state.scroll == 0);  // other talks: their list from the top

  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
  CHECK(r.state.programme.picker == ProgrammePicker::None);
}

TEST_CASE("the grid and its pages of rooms are part of the visitor's place", "[programme][state]") {
  Rig r;
  r.apply({ActionKind::OpenProgramme});
  r.apply({ActionKind::ProgrammeGrid, 1});
  CHECK(r.state.programme.grid);
  r.apply({ActionKind::ProgrammeRoomPage, 2});
  CHECK(r.state.programme.roomPage == 2);
  setScrollExtent(r.state, 3000, 800);
  r.state.scroll = 300;

  r.apply({ActionKind::OpenEvent, 0});
  REQUIRE(r.state.mode == Mode::Event);
  r.apply({ActionKind::Back});  // the same grid, page and place
  CHECK(r.state.mode == Mode::Programme);
  CHECK(r.state.programme.grid);
  CHECK(r.state.programme.roomPage == 2);
  CHECK(r.state.scroll == 300);

  r.apply({ActionKind::ProgrammeDay, 1});  // another day: its rooms from the first page
  CHECK(r.state.programme.roomPage == 0);
  CHECK(r.state.programme.grid);
  r.apply({ActionKind::ProgrammeGrid, 0});
  CHECK_FALSE(r.state.programme.grid);
  CHECK(r.state.scroll == 0);
}
