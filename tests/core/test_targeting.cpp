// Targeting, recurring windows and announcement levels: which screen shows what, and when,
// read from feed JSON as organisers write it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/feed/parse.hpp"
#include "core/show/config.hpp"
#include "core/show/player_state.hpp"
#include "core/show/rotation.hpp"
#include "feed_fixture.hpp"

using namespace sf::core;
using sf::test::kBaseFeed;
using sf::test::replaced;

namespace {

const std::string kPlaylist = R"("playlist": [{"slide": "spotlight", "project": "p1", "seconds": 12}, {"slide": "schedule", "seconds": 10}])";
const std::string kAnnouncements =
    R"("announcements": [{"id": "a1", "text": {"de": "Raumwechsel", "en": "Room change"}, "start": "2024-04-25T09:00:00+02:00", "end": "2024-04-25T12:00:00+02:00", "priority": 5}])";

Feed feedWith(const std::string& playlist, const std::string& announcements = "\"announcements\": []") {
  std::string text = replaced(kBaseFeed, kPlaylist, playlist);
  text = replaced(text, kAnnouncements, announcements);
  auto r = parseFeed(text, "t.json");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  return *r.feed;
}

Diagnostics diagnosticsOf(const std::string& playlist, const std::string& announcements = "\"announcements\": []") {
  std::string text = replaced(kBaseFeed, kPlaylist, playlist);
  return parseFeed(replaced(text, kAnnouncements, announcements), "t.json").diagnostics;
}

Instant utcAt(const char* text) { return *parseInstant(text); }

// The playlist items (by index) the rotation holds for `screen` utcAt `t`.
std::vector<std::size_t> items(const Feed& feed, Instant t, const ScreenIdentity& screen = {}) {
  std::vector<std::size_t> out;
  for (const auto& s : buildRotation(feed, t, screen).slots)
    if (std::find(out.begin(), out.end(), s.item) == out.end()) out.push_back(s.item);
  return out;
}

ScreenIdentity screen(std::string name, std::vector<std::string> groups, std::vector<std::string> rooms = {}) {
  return {std::move(name), std::move(groups), std::move(rooms)};
}

bool hasMessage(const Diagnostics& ds, const std::string& pointer, const std::string& part, Severity sev = Severity::Error) {
  return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) {
    return d.jsonPointer == pointer && d.severity == sev && d.message.find(part) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("targeted playlist items play on the screens they select", "[targeting]") {
  const Feed feed = feedWith(R"("playlist": [
      {"slide": "fields"},
      {"slide": "figures", "screens": ["Foyer Nord"]},
      {"slide": "spotlight", "project": "p1", "groups": ["foyer", "stand"]},
      {"slide": "schedule", "rooms": "hs1"}])");
  const Instant t = utcAt("2024-04-25T10:00:00+02:00");
  CHECK(items(feed, t) == std::vector<std::size_t>{0});  // a screen without identity: only untargeted items
  CHECK(items(feed, t, screen("Foyer Nord", {})) == std::vector<std::size_t>{0, 1});
  CHECK(items(feed, t, screen("x", {"hall-2", "stand"})) == std::vector<std::size_t>{0, 2});
  CHECK(items(feed, t, screen("", {}, {"hs2", "hs1"})) == std::vector<std::size_t>{0, 3});
  CHECK(items(feed, t, screen("Foyer Nord", {"foyer"}, {"hs1"})) == std::vector<std::size_t>{0, 1, 2, 3});
  CHECK(items(feed, t, screen("Foyer Süd", {"hall"}, {"hs"})) == std::vector<std::size_t>{0});  // no partial matches
}

TEST_CASE("a room selector reaches the room's screen whether either side names it by id, GUID or name", "[targeting]") {
  // Organisers write what they see ("Hörsaal 1"); the door screen was set up with the pretalx
  // GUID; the feed knows both as room hs1.
  std::string text = replaced(kBaseFeed, " \"events\": [",
                              " \"rooms\": [{\"id\": \"hs1\", \"guid\": \"9b1f0c7e-0000-4000-8000-00000000a001\", \"name\": {\"de\": \"Hörsaal 1\", \"en\": \"Lecture Hall 1\"}},\n"
                              "            {\"id\": \"hs2\", \"name\": {\"de\": \"Hörsaal 2\", \"en\": \"Lecture Hall 2\"}}],\n"
                              " \"events\": [");
  text = replaced(text, kPlaylist, R"("playlist": [{"slide": "fields"}, {"slide": "figures", "rooms": ["Hörsaal 1"]}, {"slide": "spotlight", "project": "p1", "rooms": ["hs2"]}])");
  text = replaced(text, kAnnouncements,
                  R"("announcements": [{"id": "move", "text": "Raumwechsel", "start": "2024-04-25T09:00:00+02:00", "end": "2024-04-25T12:00:00+02:00", "priority": 5, "rooms": ["9B1F0C7E-0000-4000-8000-00000000A001"]}])");
  auto r = parseFeed(text, "t.json");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  const Feed& feed = *r.feed;
  const Instant t = utcAt("2024-04-25T10:00:00+02:00");
  for (const char* door : {"hs1", "9b1f0c7e-0000-4000-8000-00000000a001", "lecture hall 1", "Hörsaal 1"}) {
    INFO(door);
    CHECK(items(feed, t, screen("", {}, {door})) == std::vector<std::size_t>{0, 1});
    CHECK(activeAnnouncement(feed, t, screen("", {}, {door})) == &feed.announcements[0]);
  }
  // The other room's screen, by its name: its own item, not hs1's announcement.
  CHECK(items(feed, t, screen("", {}, {"Lecture Hall 2"})) == std::vector<std::size_t>{0, 2});
  CHECK(activeAnnouncement(feed, t, screen("", {}, {"Lecture Hall 2"})) == nullptr);
  // A room no feed room is called keeps exact (case-blind) matching only.
  CHECK(items(feed, t, screen("", {}, {"Hörsaal"})) == std::vector<std::size_t>{0});
}

TEST_CASE("a room selector that names no room of the feed is warned about where it is", "[targeting]") {
  std::string text = replaced(kBaseFeed, " \"events\": [",
                              " \"rooms\": [{\"id\": \"hs1\", \"guid\": \"9b1f0c7e-0000-4000-8000-00000000a001\", \"name\": {\"de\": \"Hörsaal 1\", \"en\": \"Lecture Hall 1\"}}],\n"
                              " \"events\": [");
  text = replaced(text, kPlaylist, R"("playlist": [{"slide": "fields"}, {"slide": "figures", "rooms": ["lecture hall 1"]}, {"slide": "figures", "rooms": ["Hörsal 1"]}])");
  text = replaced(text, kAnnouncements,
                  R"("announcements": [{"id": "m", "text": "Raumwechsel", "start": "2024-04-25T09:00:00+02:00", "end": "2024-04-25T12:00:00+02:00", "priority": 5, "rooms": ["9B1F0C7E-0000-4000-8000-00000000A001", "HS 7"]}])");
  const auto r = parseFeed(text, "t.json");
  REQUIRE(r.feed);  // a warning: the feed still plays
  CHECK_FALSE(hasMessage(r.diagnostics, "/playlist/1/rooms", "no room", Severity::Warning));  // its name, in another case
  CHECK(hasMessage(r.diagnostics, "/playlist/2/rooms", "no room of this feed is called \"Hörsal 1\"", Severity::Warning));
  CHECK(hasMessage(r.diagnostics, "/announcements/0/rooms", "\"HS 7\"", Severity::Warning));
  CHECK(hasMessage(r.diagnostics, "/announcements/0/rooms", "the feed's rooms: hs1", Severity::Warning));
  CHECK(std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.message.find("no room of this feed") != std::string::npos; }) == 2);
}

TEST_CASE("a screen with nothing for it plays the field overview", "[targeting]") {
  const Feed feed = feedWith(R"("playlist": [{"slide": "figures", "groups": ["foyer"]}])");
  const auto plan = buildRotation(feed, utcAt("2024-04-25T10:00:00+02:00"), screen("door", {"doors"}));
  REQUIRE(plan.slots.size() == 1);
  CHECK(plan.slots[0].kind == SlideKind::Fields);
}

TEST_CASE("the screen's identity comes from its config", "[targeting]") {
  const auto c = parseConfig(R"({"screenName": "Tür HS1", "room": "hs1", "groups": ["doors", "hall-1"]})", "c.json");
  REQUIRE(c.diagnostics.empty());
  const ScreenIdentity id = screenIdentity(c.config);
  CHECK(id.name == "Tür HS1");
  CHECK(id.groups == std::vector<std::string>{"doors", "hall-1"});
  CHECK(id.rooms == std::vector<std::string>{"hs1"});
}

TEST_CASE("weekday windows follow the venue's calendar", "[recurring]") {
  // The lunch menu on weekdays from 11:30 to 14:00 (venue time, Europe/Berlin).
  const Feed feed = feedWith(R"("playlist": [{"slide": "fields"}, {"slide": "figures", "days": ["mon", "tue", "wed", "thu", "fri"], "from": "11:30", "until": "14:00"}])");
  CHECK(items(feed, utcAt("2024-04-25T11:29:59+02:00")) == std::vector<std::size_t>{0});  // Thursday
  CHECK(items(feed, utcAt("2024-04-25T11:30:00+02:00")) == std::vector<std::size_t>{0, 1});
  CHECK(items(feed, utcAt("2024-04-25T13:59:59+02:00")) == std::vector<std::size_t>{0, 1});
  CHECK(items(feed, utcAt("2024-04-25T14:00:00+02:00")) == std::vector<std::size_t>{0});
  CHECK(items(feed, utcAt("2024-04-27T12:00:00+02:00")) == std::vector<std::size_t>{0});  // Saturday
  // 11:45 in Berlin is 09:45 UTC: the window is read in the venue's zone, not in UTC.
  CHECK(items(feed, utcAt("2024-04-26T09:45:00Z")) == std::vector<std::size_t>{0, 1});
  // The plan says when to look again: utcAt the window's start, and utcAt its end.
  CHECK(*buildRotation(feed, utcAt("2024-04-25T08:00:00+02:00")).changesAt == utcAt("2024-04-25T11:30:00+02:00"));
  CHECK(*buildRotation(feed, utcAt("2024-04-25T12:00:00+02:00")).changesAt == utcAt("2024-04-25T14:00:00+02:00"));
  // Friday afternoon: the next change is Monday's start, past a weekend of midnights utcAt most.
  Instant t = utcAt("2024-04-26T15:00:00+02:00");
  for (int guard = 0; guard < 5 && items(feed, t).size() == 1; ++guard) t = *buildRotation(feed, t).changesAt;
  CHECK(t == utcAt("2024-04-29T11:30:00+02:00"));
}

TEST_CASE("an overnight window belongs to the day it began", "[recurring]") {
  // Friday and Saturday nights, 22:00 to 02:00.
  const Feed feed = feedWith(R"("playlist": [{"slide": "fields"}, {"slide": "figures", "days": ["fri", "sat"], "from": "22:00", "until": "02:00"}])");
  CHECK(items(feed, utcAt("2024-04-26T21:59:00+02:00")).size() == 1);  // Friday
  CHECK(items(feed, utcAt("2024-04-26T22:00:00+02:00")).size() == 2);
  CHECK(items(feed, utcAt("2024-04-27T01:59:00+02:00")).size() == 2);  // Saturday morning: Friday's night
  CHECK(items(feed, utcAt("2024-04-27T02:00:00+02:00")).size() == 1);
  CHECK(items(feed, utcAt("2024-04-27T23:00:00+02:00")).size() == 2);  // Saturday night
  CHECK(items(feed, utcAt("2024-04-28T01:00:00+02:00")).size() == 2);  // Sunday morning: Saturday's night
  CHECK(items(feed, utcAt("2024-04-28T23:00:00+02:00")).size() == 1);  // Sunday night is not chosen
  CHECK(items(feed, utcAt("2024-04-26T01:00:00+02:00")).size() == 1);  // Friday morning: Thursday's night
  CHECK(*buildRotation(feed, utcAt("2024-04-26T23:00:00+02:00")).changesAt <= utcAt("2024-04-27T02:00:00+02:00"));
}

TEST_CASE("daily windows keep their wall-clock hours across DST nights", "[recurring]") {
  // Every night 01:00 to 05:00 in Berlin; DST starts 2024-03-31 (02:00 -> 03:00) and ends
  // 2024-10-27 (03:00 -> 02:00).
  const Feed feed = feedWith(R"("playlist": [{"slide": "fields"}, {"slide": "figures", "from": "01:00", "until": "05:00"}])");
  CHECK(items(feed, utcAt("2024-03-31T00:59:00+01:00")).size() == 1);
  CHECK(items(feed, utcAt("2024-03-31T01:30:00+01:00")).size() == 2);
  CHECK(items(feed, utcAt("2024-03-31T04:59:00+02:00")).size() == 2);  // 4 h of wall clock, 3 h of real time
  CHECK(items(feed, utcAt("2024-03-31T05:00:00+02:00")).size() == 1);
  CHECK(*buildRotation(feed, utcAt("2024-03-31T02:00:00+02:00")).changesAt == utcAt("2024-03-31T05:00:00+02:00"));
  CHECK(items(feed, utcAt("2024-10-27T02:30:00+02:00")).size() == 2);   // the first 02:30
  CHECK(items(feed, utcAt("2024-10-27T02:30:00+01:00")).size() == 2);   // the repeated one
  CHECK(items(feed, utcAt("2024-10-27T04:59:00+01:00")).size() == 2);
  CHECK(items(feed, utcAt("2024-10-27T05:00:00+01:00")).size() == 1);  // 5 h of real time
  CHECK(*buildRotation(feed, utcAt("2024-10-27T03:00:00+01:00")).changesAt == utcAt("2024-10-27T05:00:00+01:00"));

  // A window starting in the skipped hour opens when the clock jumps over it.
  const Feed skipped = feedWith(R"("playlist": [{"slide": "fields"}, {"slide": "figures", "from": "02:30", "until": "06:00"}])");
  CHECK(items(skipped, utcAt("2024-03-31T01:59:59+01:00")).size() == 1);
  CHECK(items(skipped, utcAt("2024-03-31T03:00:00+02:00")).size() == 2);
  CHECK(*buildRotation(skipped, utcAt("2024-03-31T01:00:00+01:00")).changesAt == utcAt("2024-03-31T03:00:00+02:00"));
}

TEST_CASE("absolute and recurring windows both have to hold", "[recurring]") {
  const Feed feed = feedWith(R"("playlist": [{"slide": "fields"}, {"slide": "figures", "validFrom": "2024-04-25T00:00:00+02:00",
      "validUntil": "2024-04-27T00:00:00+02:00", "from": "09:00", "until": "17:00"}])");
  CHECK(items(feed, utcAt("2024-04-24T10:00:00+02:00")).size() == 1);  // in the daily window, before validFrom
  CHECK(items(feed, utcAt("2024-04-25T10:00:00+02:00")).size() == 2);
  CHECK(items(feed, utcAt("2024-04-25T18:00:00+02:00")).size() == 1);  // valid, outside the daily window
  CHECK(items(feed, utcAt("2024-04-26T16:00:00+02:00")).size() == 2);
  CHECK(items(feed, utcAt("2024-04-27T10:00:00+02:00")).size() == 1);  // after validUntil
}

TEST_CASE("selectors and windows are checked with located messages", "[recurring][targeting]") {
  auto ds = diagnosticsOf(R"("playlist": [{"slide": "fields", "days": ["mon", "funday"], "from": "25:00", "until": "7:30", "groups": [3]}])");
  CHECK(hasMessage(ds, "/playlist/0/days/1", "expected a weekday"));
  CHECK(hasMessage(ds, "/playlist/0/from", "expected a local time \"HH:MM\""));
  CHECK(hasMessage(ds, "/playlist/0/until", "found \"7:30\""));
  CHECK(hasMessage(ds, "/playlist/0/groups/0", "expected a string"));
  ds = diagnosticsOf(R"("playlist": [{"slide": "fields", "from": "10:00", "until": "10:00", "days": []}])");
  CHECK(hasMessage(ds, "/playlist/0/until", "is empty"));
  CHECK(hasMessage(ds, "/playlist/0/days", "at least one weekday"));
  ds = diagnosticsOf(R"("playlist": [{"slide": "fields", "screens": []}])");
  CHECK(hasMessage(ds, "/playlist/0/screens", "selects no screen", Severity::Warning));
  // Each message carries the line it is on.
  for (const auto& d : ds) CHECK(d.line > 0);
}

TEST_CASE("announcements are chosen by level, then priority, for the screen they target", "[levels]") {
  const Feed feed = feedWith(kPlaylist, R"("announcements": [
      {"id": "lunch", "level": "info", "text": "Mittagessen im Foyer", "start": "2024-04-25T11:00:00+02:00", "end": "2024-04-25T15:00:00+02:00", "priority": 900},
      {"id": "menu", "level": "info", "text": "Menü", "start": "2024-04-25T11:00:00+02:00", "end": "2024-04-25T15:00:00+02:00", "priority": 10, "groups": ["foyer"]},
      {"id": "move", "text": "Raumwechsel HS1", "start": "2024-04-25T12:00:00+02:00", "end": "2024-04-25T14:00:00+02:00", "priority": 500, "rooms": ["hs1"]},
      {"id": "fire", "level": "emergency", "text": "Bitte Halle 2 verlassen", "start": "2024-04-25T13:00:00+02:00", "end": "2024-04-25T13:30:00+02:00", "priority": -5, "groups": ["hall-2"]},
      {"id": "fire2", "level": "emergency", "style": "evacuation", "pictogram": "exit", "text": "Evakuierung", "start": "2024-04-25T13:10:00+02:00", "end": "2024-04-25T13:20:00+02:00", "priority": 20, "groups": ["hall-2"]}])");
  const ScreenIdentity door = screen("Tür HS1", {"hall-2"}, {"hs1"});
  const ScreenIdentity foyer = screen("Foyer", {"foyer"});

  // An info banner only: the rotation plays beneath it. The higher priority wins among banners.
  auto s = announcementsAt(feed, utcAt("2024-04-25T11:30:00+02:00"), door);
  CHECK(!s.takeover);
  REQUIRE(s.banner);
  CHECK(s.banner->id == "lunch");
  // An important announcement beats a banner of higher priority and hides it.
  s = announcementsAt(feed, utcAt("2024-04-25T12:30:00+02:00"), door);
  REQUIRE(s.takeover);
  CHECK(s.takeover->id == "move");
  CHECK(!s.banner);
  // Not on the foyer screen, which keeps its banner.
  s = announcementsAt(feed, utcAt("2024-04-25T12:30:00+02:00"), foyer);
  CHECK(!s.takeover);
  REQUIRE(s.banner);
  CHECK(s.banner->id == "lunch");
  // An emergency of lower priority beats the important one.
  s = announcementsAt(feed, utcAt("2024-04-25T13:05:00+02:00"), door);
  REQUIRE(s.takeover);
  CHECK(s.takeover->id == "fire");
  CHECK(s.takeover->level == Level::Emergency);
  // Two emergencies: by priority.
  s = announcementsAt(feed, utcAt("2024-04-25T13:15:00+02:00"), door);
  REQUIRE(s.takeover);
  CHECK(s.takeover->id == "fire2");
  CHECK(s.takeover->style == EmergencyStyle::Evacuation);
  CHECK(s.takeover->pictogram == Pictogram::Exit);
  CHECK(!announcementsAt(feed, utcAt("2024-04-25T13:15:00+02:00"), foyer).takeover);
  // Without a level an announcement is important, as announcements were before levels.
  CHECK(feed.findProject("p1"));
  CHECK(std::find_if(feed.announcements.begin(), feed.announcements.end(), [](const auto& a) { return a.id == "move"; })->level == Level::Important);
}

TEST_CASE("an emergency ignores touch, a banner leaves browsing alone", "[levels]") {
  const Feed feed = feedWith(kPlaylist, R"("announcements": [
      {"id": "lunch", "level": "info", "text": "Mittagessen", "start": "2024-04-25T11:00:00+02:00", "end": "2024-04-25T12:00:00+02:00"},
      {"id": "move", "text": "Raumwechsel", "start": "2024-04-25T12:00:00+02:00", "end": "2024-04-25T13:00:00+02:00"},
      {"id": "fire", "level": "emergency", "text": "Feuer", "start": "2024-04-25T13:00:00+02:00", "end": "2024-04-25T14:00:00+02:00"}])");
  auto tryBrowse = [&](const char* when) {
    const RotationPlan plan = buildRotation(feed, utcAt(when));
    PlayerState st;
    const PlayerEnv env{feed, plan, std::chrono::time_point_cast<std::chrono::milliseconds>(utcAt(when))};
    apply(st, {ActionKind::BrowseFields}, env);
    apply(st, {ActionKind::ToggleLanguage}, env);
    return st;
  };
  const PlayerState banner = tryBrowse("2024-04-25T11:30:00+02:00");
  CHECK(banner.mode == Mode::Fields);
  CHECK(banner.language == "en");
  const PlayerState important = tryBrowse("2024-04-25T12:30:00+02:00");
  CHECK(important.mode == Mode::Rotation);
  CHECK(important.language == "en");  // the language still follows visitors
  const PlayerState emergency = tryBrowse("2024-04-25T13:30:00+02:00");
  CHECK(emergency.mode == Mode::Rotation);
  CHECK(emergency.language == "de");
  CHECK(!emergency.lastInput);
}

TEST_CASE("recurring announcements show in their window and say when it changes", "[levels][recurring]") {
  const Feed feed = feedWith(kPlaylist, R"("announcements": [
      {"id": "lunch", "level": "info", "text": "Mittagessen", "start": "2024-04-22T00:00:00+02:00", "end": "2024-04-27T00:00:00+02:00",
       "days": ["mon", "tue", "wed", "thu", "fri"], "from": "11:30", "until": "14:00", "position": "top"}])");
  CHECK(!announcementsAt(feed, utcAt("2024-04-25T11:00:00+02:00")).banner);
  REQUIRE(announcementsAt(feed, utcAt("2024-04-25T12:00:00+02:00")).banner);
  CHECK(announcementsAt(feed, utcAt("2024-04-25T12:00:00+02:00")).banner->bannerTop);
  CHECK(*nextAnnouncementChange(feed, utcAt("2024-04-25T11:00:00+02:00")) == utcAt("2024-04-25T11:30:00+02:00"));
  CHECK(*nextAnnouncementChange(feed, utcAt("2024-04-25T12:00:00+02:00")) == utcAt("2024-04-25T14:00:00+02:00"));
}

TEST_CASE("announcement levels and their keys are checked", "[levels]") {
  auto ds = diagnosticsOf(kPlaylist, R"("announcements": [
      {"id": "x", "level": "urgent", "text": "t", "start": "2024-04-25T11:00:00+02:00", "end": "2024-04-25T12:00:00+02:00"},
      {"id": "y", "level": "info", "style": "evacuation", "pictogram": "fire", "text": "t", "start": "2024-04-25T11:00:00+02:00", "end": "2024-04-25T12:00:00+02:00"},
      {"id": "z", "level": "emergency", "style": "blue", "position": "middle", "text": "t", "start": "2024-04-25T11:00:00+02:00", "end": "2024-04-25T12:00:00+02:00"}])");
  CHECK(hasMessage(ds, "/announcements/0/level", "expected \"info\""));
  CHECK(hasMessage(ds, "/announcements/1/style", "only an emergency", Severity::Warning));
  CHECK(hasMessage(ds, "/announcements/1/pictogram", "\"first-aid\", found \"fire\""));
  CHECK(hasMessage(ds, "/announcements/2/style", "\"evacuation\""));
  CHECK(hasMessage(ds, "/announcements/2/position", "expected \"top\" or \"bottom\""));
}
