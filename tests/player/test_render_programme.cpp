// The conference views at the five reference sizes, from the example conference feed: the
// programme (a day, by room, by track), a talk, the room screen in each state and the schedule
// slide before, during and after; text stays on screen without overlaps, targets are big enough.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "core/feed/parse.hpp"
#include "player/player.hpp"

using namespace sf;

namespace {

core::Feed conferenceFeed() {
  std::ifstream in(std::string(SF_SOURCE_DIR) + "/assets/examples/conference-feed.json");
  std::stringstream text;
  text << in.rdbuf();
  auto r = core::parseFeed(text.str(), "conference-feed.json");
  REQUIRE(r.feed);
  return std::move(*r.feed);
}

struct ProgrammeCase {
  const char* name;
  player::View view;
  const char* at;
  const char* room = "";
  const char* track = "";
  const char* event = "";
  const char* day = "";
  bool grid = false;        // the grid of rooms by time (drawn on wide screens; the list elsewhere)
  const char* picker = "";  // "rooms" or "tracks": the picker over the talks
};

}  // namespace

TEST_CASE("conference views at every size: text on screen, no overlaps, big targets", "[render][programme]") {
  const core::Feed feed = conferenceFeed();
  const auto room = player::View::of(core::SlideKind::Room);
  const auto schedule = player::View::of(core::SlideKind::Schedule);
  const ProgrammeCase cases[] = {
      {"programme-day", player::View::Programme, "2027-03-18T10:05:00+01:00"},
      {"programme-room", player::View::Programme, "2027-03-18T10:05:00+01:00", "saal-1"},
      {"programme-track", player::View::Programme, "2027-03-18T10:05:00+01:00", "", "mobilitaet"},
      {"programme-day-2", player::View::Programme, "2027-03-18T10:05:00+01:00", "", "", "", "2027-03-19"},
      {"programme-grid", player::View::Programme, "2027-03-18T10:05:00+01:00", "", "", "", "", true},
      {"programme-grid-track", player::View::Programme, "2027-03-18T10:05:00+01:00", "", "mobilitaet", "", "", true},
      {"programme-picker", player::View::Programme, "2027-03-18T10:05:00+01:00", "", "", "", "", false, "rooms"},
      {"event", player::View::Event, "2027-03-18T09:30:00+01:00", "", "", "haushalt-offen"},
      {"event-cancelled", player::View::Event, "2027-03-18T09:30:00+01:00", "", "", "sensor-netze"},
      {"room-before", room, "2027-03-18T08:00:00+01:00", "saal-1"},
      {"room-during", room, "2027-03-18T10:05:00+01:00", "saal-1"},
      {"room-between", room, "2027-03-18T10:40:00+01:00", "saal-1"},
      {"room-done", room, "2027-03-18T13:00:00+01:00", "saal-1"},
      {"room-not-today", room, "2027-03-17T12:00:00+01:00", "raum-204"},
      {"room-none", room, "2027-03-18T10:05:00+01:00", "Keller"},
      {"schedule-before", schedule, "2027-03-17T18:00:00+01:00"},
      {"schedule-during", schedule, "2027-03-18T09:50:00+01:00"},
      {"schedule-after", schedule, "2027-03-25T12:00:00+01:00"},
  };
  for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const ProgrammeCase& c : cases) {
      for (const char* lang : {"de", "en"}) {
        player::RenderRequest req;
        req.feed = &feed;
        req.width = w;
        req.height = h;
        req.view = c.view;
        req.room = c.room;
        if (c.view == player::View::Programme) {
          req.roomFilter = c.room;
          req.room.clear();
        }
        req.track = c.track;
        req.event = c.event;
        req.day = c.day;
        req.grid = c.grid;
        req.picker = c.picker;
        req.language = lang;
        req.at = core::Millis{*core::parseInstant(c.at)};
        req.collectText = true;
        const auto out = renderer.render(req);
        INFO(c.name << " " << lang << " at " << w << "x" << h);
        REQUIRE(out.error.empty());
        CHECK(out.texts.size() >= 4);
        for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
        std::size_t ink = 0;
        const std::size_t n = static_cast<std::size_t>(w) * h;
        for (std::size_t i = 0; i < n; i += 7) {
          const std::uint8_t* px = &out.rgba[i * 4];
          if (px[0] != 14 || px[1] != 17 || px[2] != 22) ++ink;
        }
        CHECK(ink * 7 > n / 50);
        const bool scrolls = c.view == player::View::Programme || c.view == player::View::Event;
        for (const auto& hit : out.hits) {
          CHECK(hit.rect.w >= out.layout.minTarget - 0.5f);
          if (!scrolls) CHECK(hit.rect.h >= out.layout.minTarget - 0.5f);
        }
      }
    }
  }
}

TEST_CASE("the programme's targets open talks, pick days and filter", "[render][programme]") {
  const core::Feed feed = conferenceFeed();
  player::FrameRenderer renderer(1920, 1080);
  REQUIRE(renderer.error().empty());
  player::RenderRequest req;
  req.feed = &feed;
  req.view = player::View::Programme;
  req.language = "en";
  req.at = core::Millis{*core::parseInstant("2027-03-18T10:05:00+01:00")};
  const auto out = renderer.render(req);
  REQUIRE(out.error.empty());
  std::set<std::size_t> events, days;
  bool rooms = false, tracks = false, header = false;
  for (const auto& hit : out.hits) {
    if (hit.action.kind == core::ActionKind::OpenEvent) events.insert(hit.action.index);
    if (hit.action.kind == core::ActionKind::ProgrammeDay) days.insert(hit.action.index);
    rooms = rooms || hit.action.kind == core::ActionKind::ProgrammeRoom;
    tracks = tracks || hit.action.kind == core::ActionKind::ProgrammeTrack;
    header = header || hit.action.kind == core::ActionKind::Back;
  }
  CHECK(days == std::set<std::size_t>{0, 1});
  CHECK(rooms);
  CHECK(tracks);
  CHECK(header);
  CHECK(events.size() >= 6);  // the first day's talks that fit
  for (std::size_t i : events) CHECK(feed.events[i].start < *core::parseInstant("2027-03-19T05:00:00+01:00"));
}
