// The conference keys of the feed: rooms and tracks, and on events speakers, track, kind,
// language, subtitle, cancelled and link; room ids resolved to names; every message located.
#include <catch2/catch.hpp>

#include "core/base/text_util.hpp"
#include "core/feed/parse.hpp"
#include "feed_fixture.hpp"
#include "fixtures.hpp"

using namespace sf::core;
using sf::test::kBaseFeed;
using sf::test::replaced;

namespace {

std::vector<std::string> messagesAt(const ParseResult& r, Severity s, const std::string& pointer) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.severity == s && d.jsonPointer == pointer) out.push_back(d.message);
  return out;
}

// The base feed with conference parts: `rooms` and `tracks` before the events, and `event` (the
// keys after e1's id) in place of e1's title.
std::string conferenceFeed(const std::string& event, const std::string& rooms = "", const std::string& tracks = "") {
  std::string text = kBaseFeed;
  const std::string lists = (rooms.empty() ? "" : " \"rooms\": " + rooms + ",\n") + (tracks.empty() ? "" : " \"tracks\": " + tracks + ",\n");
  text = replaced(text, " \"events\": [", lists + " \"events\": [");
  return replaced(text, "\"id\": \"e1\", ", "\"id\": \"e1\", " + event + ", ");
}

const std::string kRooms =
    R"([{"id": "r2", "name": {"de": "Saal B", "en": "Hall B"}, "order": 2},
        {"id": "r1", "name": {"de": "Saal A", "en": "Hall A"}, "guid": "bab0ab8a-1111-4c4c-9b9b-0123456789ab", "capacity": 120,
         "place": {"building": {"de": "Haus 1", "en": "Building 1"}, "floor": "2"}, "order": 1},
        {"id": "r0", "name": "Foyer", "order": 2}])";
const std::string kTracks = R"([{"id": "sec", "name": {"de": "Sicherheit", "en": "Security"}, "color": "#FFB74D"}, {"id": "web", "name": "Web"}])";

}  // namespace

TEST_CASE("feeds without conference keys read as before", "[conference]") {
  const auto r = parseFeed(kBaseFeed, "base.json");
  REQUIRE(r.feed);
  CHECK(r.feed->rooms.empty());
  CHECK(r.feed->tracks.empty());
  const Event* e = r.feed->findEvent("e1");
  REQUIRE(e);
  CHECK(e->speakers.empty());
  CHECK(e->kind == EventKind::Talk);
  CHECK_FALSE(e->cancelled);
  CHECK(e->roomId.empty());
}

TEST_CASE("rooms and tracks become the model, rooms by order then name", "[conference]") {
  const auto r = parseFeed(conferenceFeed(R"("room": "r1", "track": "sec")", kRooms, kTracks), "conf.json");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  CHECK(r.diagnostics.empty());
  const Feed& f = *r.feed;
  REQUIRE(f.rooms.size() == 3);
  CHECK(f.rooms[0].id == "r1");
  CHECK(f.rooms[1].id == "r0");  // order 2: "Foyer" before "Saal B"
  CHECK(f.rooms[2].id == "r2");
  const Room* r1 = f.findRoom("r1");
  REQUIRE(r1);
  CHECK(r1->name.in("en") == "Hall A");
  CHECK(r1->guid == "bab0ab8a-1111-4c4c-9b9b-0123456789ab");
  CHECK(r1->capacity == 120);
  CHECK(r1->building.in("en") == "Building 1");
  CHECK(r1->floor.in("de") == "2");
  CHECK_FALSE(f.findRoom("r2")->capacity);
  REQUIRE(f.tracks.size() == 2);
  CHECK(f.findTrack("sec")->color == Rgb{0xFF, 0xB7, 0x4D});
  CHECK_FALSE(f.findTrack("web")->color);
  CHECK(f.findTrack("web")->name.in("en") == "Web");
}

TEST_CASE("sizes read in the status page's language: Byte and the decimal comma in German", "[text]") {
  CHECK(formatBytes(512) == "512 bytes");
  CHECK(formatBytes(512, "de") == "512 Byte");
  CHECK(formatBytes(1536) == "1.5 KiB");
  CHECK(formatBytes(1536, "de") == "1,5 KiB");
  CHECK(formatBytes(5u << 20, "de") == "5,0 MiB");
}

TEST_CASE("room names with numbers sort as people count", "[conference]") {
  CHECK(naturalLess("Saal 2", "Saal 10"));
  CHECK_FALSE(naturalLess("Saal 10", "Saal 2"));
  CHECK(naturalLess("Saal 9", "Saal 09a"));   // the same number: the shorter rest first
  CHECK(naturalLess("Halle 3.2", "Halle 3.10"));
  CHECK(naturalLess("Aula", "Saal 1"));
  CHECK_FALSE(naturalLess("Saal 1", "Saal 1"));
  CHECK(naturalLess("HS 1", "HS 1 Empore"));
  CHECK(naturalLess("Raum 007", "Raum 8"));
}

TEST_CASE("an event's room names a room by id, by name, or is plain text", "[conference]") {
  SECTION("by id: the room's name in every language") {
    const auto r = parseFeed(conferenceFeed(R"("room": "r1")", kRooms), "id.json");
    REQUIRE(r.feed);
    const Event* e = r.feed->findEvent("e1");
    CHECK(e->roomId == "r1");
    CHECK(e->room.in("de") == "Saal A");
    CHECK(e->room.in("en") == "Hall A");
  }
  SECTION("by name") {
    const auto r = parseFeed(conferenceFeed(R"("room": {"de": "Saal B", "en": "Hall B"})", kRooms), "name.json");
    REQUIRE(r.feed);
    CHECK(r.feed->findEvent("e1")->roomId == "r2");
  }
  SECTION("a text that is no room stays as it is, without a message") {
    const auto r = parseFeed(conferenceFeed(R"("room": "Garten")", kRooms), "text.json");
    REQUIRE(r.feed);
    CHECK(r.diagnostics.empty());
    const Event* e = r.feed->findEvent("e1");
    CHECK(e->roomId.empty());
    CHECK(e->room.in("en") == "Garten");
  }
}

TEST_CASE("an event's conference keys become the model", "[conference]") {
  const auto r = parseFeed(conferenceFeed(R"("subtitle": {"de": "Ein Einstieg", "en": "A primer"},
      "speakers": ["Ada Lovelace", {"name": "Grace Hopper", "affiliation": "US Navy"}], "track": "web", "kind": "workshop",
      "language": "en", "cancelled": true, "link": "https://example.org/talks/1")", "", kTracks), "event.json");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  CHECK(r.diagnostics.empty());
  const Event* e = r.feed->findEvent("e1");
  REQUIRE(e);
  CHECK(e->subtitle.in("en") == "A primer");
  REQUIRE(e->speakers.size() == 2);
  CHECK(e->speakers[0].name == "Ada Lovelace");
  CHECK(e->speakers[0].affiliation.empty());
  CHECK(e->speakers[1].name == "Grace Hopper");
  CHECK(e->speakers[1].affiliation == "US Navy");
  CHECK(e->track == "web");
  CHECK(e->kind == EventKind::Workshop);
  CHECK(e->language == "en");
  CHECK(e->cancelled);
  CHECK(e->link == "https://example.org/talks/1");
}

TEST_CASE("every kind is read by its name", "[conference]") {
  for (auto kind : {EventKind::Talk, EventKind::Workshop, EventKind::Break, EventKind::Social, EventKind::Other}) {
    const std::string name(eventKindName(kind));
    const auto r = parseFeed(conferenceFeed("\"kind\": \"" + name + "\""), "kind.json");
    REQUIRE(r.feed);
    CHECK(r.feed->findEvent("e1")->kind == kind);
    CHECK(eventKindNamed(name) == kind);
  }
}

TEST_CASE("conference problems are reported where they are", "[conference]") {
  SECTION("an unknown track is a warning and is dropped, so the talk still plays") {
    const auto text = conferenceFeed(R"("track": "ai")", "", kTracks);
    const auto r = parseFeed(text, "track.json");
    REQUIRE(r.feed);
    CHECK(r.feed->findEvent("e1")->track.empty());
    const auto w = messagesAt(r, Severity::Warning, "/events/0/track");
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "unknown track \"ai\" is left out; the feed defines: sec, web");
    CHECK(r.diagnostics.at(0).line == sf::test::positionOf(text, "\"track\": \"ai\"").line);
  }
  SECTION("a track without any /tracks says so") {
    const auto r = parseFeed(conferenceFeed(R"("track": "ai")"), "track.json");
    REQUIRE(r.feed);
    CHECK(messagesAt(r, Severity::Warning, "/events/0/track") == std::vector<std::string>{"unknown track \"ai\" is left out; the feed defines: none (add /tracks)"});
  }
  SECTION("duplicate room and track ids are errors") {
    const auto r = parseFeed(conferenceFeed(R"("room": "r1")", R"([{"id": "r1", "name": "A"}, {"id": "r1", "name": "B"}])",
                                            R"([{"id": "t", "name": "T"}, {"id": "t", "name": "U"}])"), "dup.json");
    CHECK_FALSE(r.feed);
    CHECK(messagesAt(r, Severity::Error, "/rooms/1/id") == std::vector<std::string>{"duplicate room id \"r1\"; first used at /rooms/0"});
    CHECK(messagesAt(r, Severity::Error, "/tracks/1/id") == std::vector<std::string>{"duplicate track id \"t\"; first used at /tracks/0"});
  }
  SECTION("speakers that are not a list are an error") {
    const auto text = conferenceFeed(R"("speakers": "Ada Lovelace")");
    const auto r = parseFeed(text, "speakers.json");
    CHECK_FALSE(r.feed);
    const auto e = messagesAt(r, Severity::Error, "/events/0/speakers");
    REQUIRE(e.size() == 1);
    CHECK_THAT(e[0], Catch::StartsWith("expected an array of speakers"));
    CHECK(r.diagnostics.at(0).line == sf::test::positionOf(text, "\"speakers\"").line);
  }
  SECTION("a speaker without a name is an error") {
    const auto r = parseFeed(conferenceFeed(R"("speakers": [{"affiliation": "ACME"}, 7])"), "speaker.json");
    CHECK_FALSE(r.feed);
    CHECK(messagesAt(r, Severity::Error, "/events/0/speakers/0") == std::vector<std::string>{"missing required key \"name\""});
    CHECK(messagesAt(r, Severity::Error, "/events/0/speakers/1").size() == 1);
  }
  SECTION("an unknown kind is a warning and shows as other") {
    const auto r = parseFeed(conferenceFeed(R"("kind": "keynote")"), "kind.json");
    REQUIRE(r.feed);
    CHECK(r.feed->findEvent("e1")->kind == EventKind::Other);
    const auto w = messagesAt(r, Severity::Warning, "/events/0/kind");
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "unknown kind \"keynote\" is shown as \"other\"; known kinds: \"talk\", \"workshop\", \"break\", \"social\", \"other\"");
  }
  SECTION("a language that is no language code is a warning and left out") {
    const auto r = parseFeed(conferenceFeed(R"("language": "English")"), "lang.json");
    REQUIRE(r.feed);
    CHECK(r.feed->findEvent("e1")->language.empty());
    CHECK(messagesAt(r, Severity::Warning, "/events/0/language").size() == 1);
  }
  SECTION("cancelled must be true or false") {
    const auto r = parseFeed(conferenceFeed(R"("cancelled": "yes")"), "cancelled.json");
    CHECK_FALSE(r.feed);
    CHECK(messagesAt(r, Severity::Error, "/events/0/cancelled").size() == 1);
  }
  SECTION("a track colour unreadable on the dark background is a warning") {
    const auto r = parseFeed(conferenceFeed(R"("track": "t")", "", R"([{"id": "t", "name": "T", "color": "#1A237E"}])"), "dark.json");
    REQUIRE(r.feed);
    const auto w = messagesAt(r, Severity::Warning, "/tracks/0/color");
    REQUIRE(w.size() == 1);
    CHECK_THAT(w[0], Catch::Contains("WCAG AA needs 4.5:1"));
  }
  SECTION("a track colour that is no colour is an error") {
    const auto r = parseFeed(conferenceFeed(R"("track": "t")", "", R"([{"id": "t", "name": "T", "color": "orange"}])"), "colour.json");
    CHECK_FALSE(r.feed);
    CHECK(messagesAt(r, Severity::Error, "/tracks/0/color") == std::vector<std::string>{"expected a colour as #RRGGBB, found \"orange\""});
  }
  SECTION("rooms need an id and a name; capacity and place are checked") {
    const auto r = parseFeed(conferenceFeed(R"("room": "x")", R"([{"name": "A", "capacity": 0, "place": "upstairs"}, {"id": "b"}])"), "rooms.json");
    CHECK_FALSE(r.feed);
    CHECK(messagesAt(r, Severity::Error, "/rooms/0") == std::vector<std::string>{"missing required key \"id\""});
    CHECK(messagesAt(r, Severity::Error, "/rooms/0/capacity").size() == 1);
    CHECK(messagesAt(r, Severity::Error, "/rooms/0/place").size() == 1);
    CHECK(messagesAt(r, Severity::Error, "/rooms/1") == std::vector<std::string>{"missing required key \"name\""});
  }
  SECTION("rooms and tracks must be lists") {
    const auto r = parseFeed(conferenceFeed(R"("room": "x")", R"({"id": "a"})", R"("web")"), "lists.json");
    CHECK_FALSE(r.feed);
    CHECK(messagesAt(r, Severity::Error, "/rooms").size() == 1);
    CHECK(messagesAt(r, Severity::Error, "/tracks").size() == 1);
  }
  SECTION("unknown keys in rooms and tracks are kept with a warning") {
    const auto r = parseFeed(conferenceFeed(R"("room": "a")", R"([{"id": "a", "name": "A", "stream": "https://x"}])"), "unknown.json");
    REQUIRE(r.feed);
    CHECK(messagesAt(r, Severity::Warning, "/rooms/0/stream").size() == 1);
    CHECK(r.feed->unknown.contains("/rooms/0/stream"));
  }
}

TEST_CASE("the conference example is valid without warnings", "[conference][docs]") {
  const std::string text = sf::test::readText(sf::test::sourcePath("assets/examples/conference-feed.json"));
  const auto r = parseFeed(text, "conference-feed.json");
  for (const auto& d : r.diagnostics) INFO(formatDiagnostic(d));
  REQUIRE(r.feed);
  CHECK(r.diagnostics.empty());
  const Feed& f = *r.feed;
  CHECK(f.rooms.size() == 3);
  CHECK(f.tracks.size() == 2);
  int breaks = 0, cancelled = 0, withSpeakers = 0, inRooms = 0;
  for (const auto& e : f.events) {
    breaks += e.kind == EventKind::Break;
    cancelled += e.cancelled;
    withSpeakers += !e.speakers.empty();
    inRooms += !e.roomId.empty();
  }
  CHECK(breaks >= 1);
  CHECK(cancelled >= 1);
  CHECK(withSpeakers >= 6);
  CHECK(inRooms >= 6);
  CHECK(f.events.front().start < f.events.back().start - std::chrono::hours(20));  // two days
}
