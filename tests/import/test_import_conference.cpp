// Every sample schedule imports with its rooms, tracks and speakers: counts and one concrete
// event per file; the merged feed ties events to rooms and tracks by stable ids.
#include <catch2/catch.hpp>

#include <set>

#include "core/base/text_util.hpp"
#include "core/feed/parse.hpp"
#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "import/import_support.hpp"
#include "platform/xml.hpp"

using namespace sf::core;
using sf::test::eventByKey;
using sf::test::sample;

namespace {

ImportResult importConferenceSample(const std::string& rel, std::optional<TimeZone> zone = std::nullopt) {
  auto opts = sf::test::fixedOptions();
  opts.parseXml = sf::platform::parseXml;
  opts.zone = zone;
  return importSource(sample(rel), rel, nullptr, opts);
}

std::size_t distinctSpeakers(const ImportResult& r) {
  std::set<std::string> names;
  for (const auto& e : r.events)
    for (const auto& s : e.speakers) names.insert(s.name);
  return names.size();
}

std::vector<std::string> speakerNames(const ImportedEvent& e) {
  std::vector<std::string> out;
  for (const auto& s : e.speakers) out.push_back(s.name);
  return out;
}

const ImportedRoom& roomOf(const ImportResult& r, const ImportedEvent& e) {
  for (const auto& room : r.rooms)
    if (room.key == e.roomKey) return room;
  FAIL("the event " << e.key << " has no room (key " << e.roomKey << ")");
  throw std::logic_error("unreachable");
}

std::string trackOf(const ImportResult& r, const ImportedEvent& e) {
  for (const auto& t : r.tracks)
    if (t.key == e.trackKey) return t.name;
  return {};
}

// Every event's room and track is one the import lists, so the merged feed resolves them all.
void checkReferences(const ImportResult& r) {
  std::set<std::string> rooms, tracks;
  for (const auto& room : r.rooms) CHECK(rooms.insert(room.key).second);
  for (const auto& t : r.tracks) CHECK(tracks.insert(t.key).second);
  for (const auto& e : r.events) {
    if (!e.roomKey.empty()) CHECK(rooms.contains(e.roomKey));
    if (!e.trackKey.empty()) CHECK(tracks.contains(e.trackKey));
  }
}

}  // namespace

TEST_CASE("frab camp2019: rooms and tracks from the events, persons as speakers", "[import][conference]") {
  const auto r = importConferenceSample("schedules/frab-camp2019.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 2);
  CHECK(r.tracks.size() == 7);
  CHECK(distinctSpeakers(r) == 90);
  const auto& opening = eventByKey(r, "a0a0fcfe-b7fb-46e3-84b6-97a5406016b4");
  CHECK(speakerNames(opening) == std::vector<std::string>{"jinxx", "smtw"});
  CHECK(roomOf(r, opening).name == "Curie");
  CHECK(roomOf(r, opening).key == "curie");  // no GUID in this export: the name
  CHECK(trackOf(r, opening) == "CCC");
  CHECK(opening.kind == EventKind::Talk);  // "lecture"
  CHECK(opening.language == "en");
  CHECK(opening.description == "A hearty welcome me lasses and lads!");  // the speakers have their own key now
}

TEST_CASE("pretalx PyCon AU 2024: rooms by GUID, tracks with colours", "[import][conference]") {
  const auto r = importConferenceSample("schedules/pretalx-pycon-au-2024.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 3);
  CHECK(r.tracks.size() == 8);
  CHECK(distinctSpeakers(r) == 64);
  const auto& talk = eventByKey(r, "ed823c0f-8cec-5340-8a77-ece07f476685");
  CHECK(speakerNames(talk) == std::vector<std::string>{"Tom Eastman"});
  CHECK(roomOf(r, talk).name == "Goldfields Theatre");
  CHECK(roomOf(r, talk).key == "ca871299-987f-53fa-80e8-60519b36cb31");
  CHECK(roomOf(r, talk).guid == "ca871299-987f-53fa-80e8-60519b36cb31");
  CHECK(trackOf(r, talk) == "DevOops");
  CHECK(r.tracks.front().color == "#FC0101");
  CHECK(r.rooms.front().order == 1);
}

TEST_CASE("pretalx democon: two rooms share one GUID, the second is keyed by its name", "[import][conference]") {
  const auto r = importConferenceSample("schedules/pretalx-democon.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  REQUIRE(r.rooms.size() == 2);
  CHECK(r.rooms[0].key == "b379c473-93b9-4eae-9a09-d482e86cede3");
  CHECK(r.rooms[1].key == "tan-room");
  CHECK(r.rooms[1].guid.empty());
  CHECK(r.tracks.size() == 2);
  CHECK(distinctSpeakers(r) == 27);
  const auto& first = eventByKey(r, "8079583e-8321-506c-95af-fd2903a5f075");
  CHECK(speakerNames(first) == std::vector<std::string>{"Brian Robinson"});
  CHECK(roomOf(r, first).name == "Gray Room");
  CHECK(trackOf(r, first) == "Phased");
  const auto workshops = std::count_if(r.events.begin(), r.events.end(), [](const auto& e) { return e.kind == EventKind::Workshop; });
  CHECK(workshops == 9);
}

TEST_CASE("pretalx rc3: session types become kinds, languages are kept", "[import][conference]") {
  const auto r = importConferenceSample("schedules/pretalx-rc3.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 5);
  CHECK(r.tracks.size() == 5);
  CHECK(distinctSpeakers(r) == 56);
  const auto& talk = eventByKey(r, "c3642671-4c1f-5109-81ba-0535c1cc8428");
  CHECK(speakerNames(talk) == std::vector<std::string>{"Chris Fiege", "Kasa"});
  CHECK(roomOf(r, talk).name == "r3s - Monheim/Rhein");
  CHECK(trackOf(r, talk) == "MON r3s Rhein VHS");
  CHECK(talk.kind == EventKind::Talk);  // "Talk 30 min + 10min Q&A"
  CHECK(talk.language == "de");
  const auto workshops = std::count_if(r.events.begin(), r.events.end(), [](const auto& e) { return e.kind == EventKind::Workshop; });
  CHECK(workshops == 2);
}

TEST_CASE("pretalx widget: rooms, tracks and speakers, a break held in every room is one break", "[import][conference]") {
  const auto r = importConferenceSample("schedules/pretalx-widget-pycon-au-2024.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 3);
  CHECK(r.tracks.size() == 4);
  CHECK(distinctSpeakers(r) == 64);
  const auto& talk = eventByKey(r, "ZCKWM3");
  CHECK(speakerNames(talk) == std::vector<std::string>{"Tom Eastman"});
  CHECK(roomOf(r, talk).name == "Goldfields Theatre");
  CHECK(trackOf(r, talk) == "DevOops");
  // 37 slots without a talk, 19 distinct: the 9 listed in several rooms become one each.
  const auto breaks = std::count_if(r.events.begin(), r.events.end(), [](const auto& e) { return e.key.starts_with("break-"); });
  CHECK(breaks == 19);
  const auto& morning = eventByKey(r, "break-20241121T2330Z-morning-break");
  CHECK(morning.kind == EventKind::Break);
  CHECK(morning.roomKey.empty());
}

TEST_CASE("iCalendar PyCon AU 2023: LOCATION is the room", "[import][conference]") {
  const auto r = importConferenceSample("ics/pretalx-pycon-au-2023.ics");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 4);
  CHECK(r.tracks.empty());  // the export has no CATEGORIES
  const auto& opening = eventByKey(r, "pretalx-pyconau-2023-EJWEMK@pretalx.com");
  CHECK(roomOf(r, opening).name == "Hall C (Plenary)");
  CHECK(roomOf(r, opening).key == "hall-c-plenary");
}

TEST_CASE("schedule.xml FOSDEM 2007: persons, rooms and tracks of the oldest export", "[import][conference]") {
  const auto r = importConferenceSample("xml/fosdem-2007.xml", TimeZone::find("Europe/Brussels"));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 18);
  CHECK(r.tracks.size() == 25);
  CHECK(distinctSpeakers(r) == 204);
  const auto& aiglx = eventByKey(r, "0");
  CHECK(speakerNames(aiglx) == std::vector<std::string>{"Kristian Høgsberg"});
  CHECK(roomOf(r, aiglx).name == "Chavanne");
  CHECK(trackOf(r, aiglx) == "Desktop Applications");
  CHECK_FALSE(aiglx.kind);  // <type></type>
}

TEST_CASE("schedule.xml FOSDEM 2026: 30 rooms, 62 tracks, persons with <name>", "[import][conference]") {
  const auto r = importConferenceSample("xml/fosdem-2026.xml");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 30);
  CHECK(r.tracks.size() == 62);
  CHECK(distinctSpeakers(r) == 927);
  const auto& welcome = eventByKey(r, "9c3ebb8c-7716-5130-b9fe-ff8544f5636d");
  CHECK(speakerNames(welcome) == std::vector<std::string>{"FOSDEM Staff"});
  CHECK(roomOf(r, welcome).name == "Janson");
  CHECK(trackOf(r, welcome) == "Main Track");
  CHECK(eventByKey(r, "abcff329-9d4a-58cc-814b-f9f10c4f761c").kind == EventKind::Workshop);
}

TEST_CASE("schedule.xml 38C3: rooms by GUID, coloured tracks, the first of two languages", "[import][conference]") {
  const auto r = importConferenceSample("xml/hub-38c3.xml");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 72);
  CHECK(r.tracks.size() == 7);
  CHECK(distinctSpeakers(r) == 567);
  const auto& opening = eventByKey(r, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
  CHECK(speakerNames(opening) == std::vector<std::string>{"Gabriela Bogk", "Senficon", "Aline Blankertz"});
  CHECK(roomOf(r, opening).name == "Saal 1");
  CHECK(roomOf(r, opening).key == "ba692ba3-421b-5371-8309-60acc34a3c05");
  const auto bilingual = std::find_if(r.events.begin(), r.events.end(), [](const auto& e) { return e.language == "de"; });
  CHECK(bilingual != r.events.end());
  CHECK(std::none_of(r.events.begin(), r.events.end(), [](const auto& e) { return e.language.find(',') != std::string::npos; }));
}

TEST_CASE("schedule2 38C3: rooms by GUID with capacity, speakers by role", "[import][conference]") {
  const auto r = importConferenceSample("schedule2/hub-38c3-example.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 5);
  CHECK(r.tracks.size() == 7);
  CHECK(distinctSpeakers(r) >= 2);
  const auto& opening = eventByKey(r, "270fa44c-821a-577f-8ca3-33e8d4a8c2a7");
  CHECK(speakerNames(opening) == std::vector<std::string>{"Gabriela Bogk", "Aline Blankertz"});
  const auto& saal = roomOf(r, opening);
  CHECK(saal.name == "Saal 1");
  CHECK(saal.key == "ba692ba3-421b-5371-8309-60acc34a3c05");
  CHECK(saal.capacity == 3025);
  CHECK(opening.language == "en");
  CHECK(opening.kind == EventKind::Other);  // "OTHER"
}

TEST_CASE("Sessionize 2021: rooms in their order, the Track category as tracks, Language as language", "[import][conference]") {
  const auto r = importConferenceSample("sessionize/global-azure-austria-2021.json", TimeZone::find("Europe/Vienna"));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 5);
  CHECK(r.rooms.front().name == "Dev");
  CHECK(r.tracks.size() == 5);
  CHECK(distinctSpeakers(r) == 40);
  const auto& ama = eventByKey(r, "248343");
  CHECK(speakerNames(ama).size() == 5);
  CHECK(std::find(speakerNames(ama).begin(), speakerNames(ama).end(), "Rainer Stropek") != speakerNames(ama).end());
  CHECK(roomOf(r, ama).name == "Dev");
  CHECK(trackOf(r, ama) == "Cloud Dev");
  CHECK(ama.language == "de");
}

TEST_CASE("Sessionize 2024: rooms and speakers", "[import][conference]") {
  const auto r = importConferenceSample("sessionize/global-azure-austria-2024.json", TimeZone::find("Europe/Vienna"));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.size() == 4);
  CHECK(r.tracks.empty());
  CHECK(distinctSpeakers(r) == 16);
  const auto& keynote = eventByKey(r, "658419");
  CHECK(speakerNames(keynote) == std::vector<std::string>{"Ed Burns", "Sandra Ahlgrimm"});
  CHECK(roomOf(r, keynote).name == "Aula");
}

TEST_CASE("Indico XDC 2021: speakers with affiliations, tracks, kinds from the tracks", "[import][conference]") {
  const auto r = importConferenceSample("indico/xdc2021.json");
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  CHECK(r.rooms.empty());  // an online conference: no contribution has a room
  CHECK(r.tracks.size() == 5);
  CHECK(distinctSpeakers(r) == 33);
  const auto& testing = eventByKey(r, "12");
  REQUIRE(testing.speakers.size() == 1);
  CHECK(testing.speakers[0].name == "Martin Peres");
  CHECK(testing.speakers[0].affiliation == "X.Org");
  CHECK(trackOf(r, testing) == "Talk (half slot) (CLOSED)");
  CHECK(testing.kind == EventKind::Talk);
}

namespace {

MergeResult mergeNew(const ImportResult& r, const std::string& sourceId) {
  REQUIRE(r.zoneName);
  const auto zone = TimeZone::find(*r.zoneName);
  NewFeed nf{"test", *zone, {"de", "en"}, r.title, sf::test::utc("2024-01-01T00:00:00Z")};
  return mergeImport(newFeedJson(nf), r, sourceId, "sample", *zone, true);
}

}  // namespace

TEST_CASE("the merged feed lists rooms and tracks before its events, and events name them by id", "[import][conference][merge]") {
  const auto r = importConferenceSample("schedules/pretalx-pycon-au-2024.json");
  const auto m = mergeNew(r, "pycon-au-2024");
  CHECK(m.rooms.added == 3);
  CHECK(m.tracks.added == 8);
  std::vector<std::string> keys;
  for (auto it = m.feed.begin(); it != m.feed.end(); ++it) keys.push_back(it.key());
  const auto at = [&](const char* k) { return std::find(keys.begin(), keys.end(), k) - keys.begin(); };
  CHECK(at("rooms") < at("tracks"));
  CHECK(at("tracks") < at("events"));
  const auto parsed = parseFeed(serializeFeed(m.feed), "merged.json");
  INFO(sf::test::allMessages(parsed.diagnostics));
  REQUIRE(parsed.feed);
  const Feed& f = *parsed.feed;
  CHECK(f.rooms.size() == 3);
  CHECK(f.tracks.size() == 8);
  const Event* talk = f.findEvent("pycon-au-2024:ed823c0f-8cec-5340-8a77-ece07f476685");
  REQUIRE(talk);
  CHECK(talk->roomId == "pycon-au-2024:ca871299-987f-53fa-80e8-60519b36cb31");
  CHECK(talk->room.in("en") == "Goldfields Theatre");
  CHECK(f.findRoom(talk->roomId)->guid == "ca871299-987f-53fa-80e8-60519b36cb31");
  CHECK(talk->track == "pycon-au-2024:devoops");
  REQUIRE(talk->speakers.size() == 1);
  CHECK(talk->speakers[0].name == "Tom Eastman");
  CHECK(talk->kind == EventKind::Talk);
  CHECK(talk->language == "en");
}

TEST_CASE("a re-import keeps room and track ids and the organiser's translations and colours", "[import][conference][merge]") {
  const auto r = importConferenceSample("schedules/frab-camp2019.json");
  auto first = mergeNew(r, "camp");
  // The organiser translates a room and colours a track by hand.
  for (auto& room : first.feed["rooms"])
    if (room["id"] == "camp:curie") room["name"] = {{"de", "Curie-Zelt"}, {"en", "Curie"}};
  for (auto& t : first.feed["tracks"])
    if (t["id"] == "camp:ccc") t["color"] = "#FFB74D";
  const auto zone = TimeZone::find("Europe/Berlin");
  const auto again = mergeImport(first.feed, r, "camp", "sample", *zone, false);
  CHECK(again.rooms.added == 0);
  CHECK(again.rooms.removed == 0);
  CHECK(again.tracks.added == 0);
  CHECK(again.events.updated == 0);
  const auto parsed = parseFeed(serializeFeed(again.feed), "again.json");
  REQUIRE(parsed.feed);
  const Room* curie = parsed.feed->findRoom("camp:curie");
  REQUIRE(curie);
  CHECK(curie->name.in("de") == "Curie-Zelt");
  CHECK(parsed.feed->findTrack("camp:ccc")->color == Rgb{0xFF, 0xB7, 0x4D});
  CHECK(parsed.feed->findEvent("camp:a0a0fcfe-b7fb-46e3-84b6-97a5406016b4")->room.in("de") == "Curie-Zelt");
}

TEST_CASE("every sample merges into a valid feed whose events resolve their rooms", "[import][conference][merge]") {
  for (const auto& [rel, zone] : std::vector<std::pair<std::string, std::string>>{
           {"schedules/frab-camp2019.json", ""}, {"schedules/pretalx-democon.json", ""}, {"schedules/pretalx-rc3.json", ""},
           {"schedules/pretalx-widget-pycon-au-2024.json", ""}, {"ics/pretalx-pycon-au-2023.ics", ""},
           {"xml/fosdem-2007.xml", "Europe/Brussels"}, {"xml/fosdem-2026.xml", ""}, {"xml/hub-38c3.xml", ""},
           {"schedule2/hub-38c3-example.json", ""}, {"sessionize/global-azure-austria-2021.json", "Europe/Vienna"},
           {"indico/xdc2021.json", ""}}) {
    INFO(rel);
    auto r = importConferenceSample(rel, zone.empty() ? std::nullopt : TimeZone::find(zone));
    if (!r.zoneName) r.zoneName = zone;
    REQUIRE(TimeZone::find(*r.zoneName));
    const auto m = mergeNew(r, "src");
    const auto parsed = parseFeed(serializeFeed(m.feed), "merged.json");
    INFO(sf::test::allMessages(parsed.diagnostics));
    REQUIRE(parsed.feed);
    CHECK(parsed.feed->rooms.size() == r.rooms.size());
    for (const auto& e : parsed.feed->events)
      if (!e.room.empty() && !r.rooms.empty()) CHECK_FALSE(e.roomId.empty());
    for (const auto& d : parsed.diagnostics) CHECK_FALSE(d.jsonPointer.ends_with("/track"));  // every track resolves
  }
}

TEST_CASE("room and track keys: GUIDs where unique, names otherwise, never two alike", "[import][conference]") {
  ImportResult r;
  CHECK(addRoom(r, "Saal 1", "BA692BA3-421B-5371-8309-60ACC34A3C05", 3025) == "ba692ba3-421b-5371-8309-60acc34a3c05");
  CHECK(addRoom(r, "Saal 2", "ba692ba3-421b-5371-8309-60acc34a3c05") == "saal-2");  // the GUID is taken
  CHECK(addRoom(r, "saal-2") != "saal-2");                                          // so is the slug
  CHECK(isValidId(itemId("src", addRoom(r, "saal-2"))));
  CHECK(addRoom(r, "  Saal 1 ") == "ba692ba3-421b-5371-8309-60acc34a3c05");          // seen again
  CHECK(addRoom(r, "Bühne", {}, 5000000) == "b-hne");
  CHECK_FALSE(r.rooms.back().capacity);  // more seats than a feed allows: left out
  CHECK(addRoom(r, "") == "");
  CHECK(r.rooms.size() == 4);
  CHECK(r.rooms[0].capacity == 3025);
  CHECK(r.rooms[3].order == 4);
  CHECK(addTrack(r, "Art & Beauty", "#F9B000") == "art-beauty");
  CHECK(addTrack(r, "Art & Beauty") == "art-beauty");
  CHECK(addTrack(r, "Science", "green") == "science");
  CHECK(r.tracks[0].color == "#F9B000");
  CHECK(r.tracks[1].color.empty());  // not a colour a feed can carry
}

TEST_CASE("source types become kinds, source languages codes", "[import][conference]") {
  CHECK(kindFromType("lecture") == EventKind::Talk);
  CHECK(kindFromType("Talk 30 min + 10min Q&A") == EventKind::Talk);
  CHECK(kindFromType("Workshop 110min") == EventKind::Workshop);
  CHECK(kindFromType("Morning break") == EventKind::Break);
  CHECK(kindFromType("Kaffeepause") == EventKind::Break);
  CHECK(kindFromType("Social event") == EventKind::Social);
  CHECK(kindFromType("DJ Set") == EventKind::Other);
  CHECK_FALSE(kindFromType("  "));
  CHECK(languageCodeOf("EN") == "en");
  CHECK(languageCodeOf("de-DE") == "de");
  CHECK(languageCodeOf("de, en") == "de");
  CHECK(languageCodeOf("German") == "de");
  CHECK(languageCodeOf("Klingon") == "");
  CHECK(languageCodeOf("") == "");
}

TEST_CASE("iCalendar CATEGORIES: the first is the event's track", "[import][conference]") {
  const std::string ics =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:talk-1\r\nDTSTAMP:20240101T000000Z\r\n"
      "DTSTART:20240615T080000Z\r\nDTEND:20240615T090000Z\r\nSUMMARY:Offene Daten\r\nLOCATION:Saal 2\r\n"
      "CATEGORIES:Verwaltung,Daten\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  const auto r = importSource(ics, "talks.ics", nullptr, sf::test::fixedOptions());
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  checkReferences(r);
  const auto& talk = eventByKey(r, "talk-1");
  CHECK(roomOf(r, talk).name == "Saal 2");
  CHECK(trackOf(r, talk) == "Verwaltung");
  CHECK(r.tracks.size() == 1);
}

TEST_CASE("pretalx widget: the conference's name where the data carries one", "[import][conference]") {
  const std::string widget = R"({"event": {"name": {"en": "DemoCon"}}, "talks": [{"code": "ABC123", "title": "Hello",
    "start": "2024-11-22T09:20:00+11:00", "end": "2024-11-22T09:50:00+11:00", "room": 1, "speakers": ["S1"]}],
    "rooms": [{"id": 1, "name": {"en": "Main"}}], "speakers": [{"code": "S1", "name": "Ada"}], "timezone": "Australia/Melbourne"})";
  const auto r = importSource(widget, "widget.json", nullptr, sf::test::fixedOptions());
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  CHECK(r.title == "DemoCon");
  const auto& talk = eventByKey(r, "ABC123");
  CHECK(speakerNames(talk) == std::vector<std::string>{"Ada"});
  CHECK(roomOf(r, talk).name == "Main");
}
