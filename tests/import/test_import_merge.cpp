// Merging imports into a feed: hand-written items and unknown keys survive, a re-import changes
// nothing, vanished items go, updates happen in place, and an invalid result names its origin.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "core/feed_fixture.hpp"
#include "core/feed/parse.hpp"
#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "core/import/splice.hpp"
#include "core/base/text_util.hpp"
#include "import/import_support.hpp"

using namespace sf::core;
using ojson = nlohmann::ordered_json;

namespace {

using sf::test::berlin;

// The test fixture feed with unknown keys where a newer tool might have put them.
ojson handWritten() {
  ojson feed = ojson::parse(sf::test::kBaseFeed);
  feed["x-editor"] = {{"name", "Anna"}};
  feed["events"][0]["x-color"] = "red";
  return feed;
}

ImportResult importText(const std::string& text, const std::string& name) {
  auto r = importSource(text, name, nullptr, sf::test::fixedOptions());
  INFO(sf::test::allMessages(r.diagnostics));
  REQUIRE_FALSE(hasErrors(r.diagnostics));
  return r;
}

std::vector<std::string> idsOf(const ojson& feed, const char* key = "events") {
  std::vector<std::string> out;
  for (const auto& item : feed[key]) out.push_back(item["id"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("hand-written items and unknown keys survive, a second import changes nothing", "[import][merge]") {
  const auto frab = importText(sf::test::sample("schedules/frab-camp2019.json"), "camp.json");
  const ojson before = handWritten();
  const auto first = mergeImport(before, frab, "camp2019", "camp.json", berlin(), false);
  CHECK(first.events.added == 79);
  CHECK(first.feed["events"].size() == 81);
  CHECK(first.feed["events"][0] == before["events"][0]);  // e1 with its unknown key, untouched and first
  CHECK(first.feed["events"][1] == before["events"][1]);
  CHECK(first.feed["x-editor"] == before["x-editor"]);
  CHECK(first.feed["revision"] == 3);  // publishing raises it, not the import
  for (const char* key : {"format", "projects", "fields", "figures", "playlist", "announcements"}) CHECK(first.feed[key] == before[key]);
  const std::string text = serializeFeed(first.feed);
  const auto parsed = parseFeed(text, "merged.json");
  INFO(sf::test::allMessages(parsed.diagnostics));
  REQUIRE(parsed.feed);
  CHECK(parsed.feed->events.size() == 81);
  const auto* late = parsed.feed->findEvent("camp2019:ed4b6c75-14f4-49fe-a11e-3762bd6b54e3");
  REQUIRE(late);
  CHECK(sf::test::utcText(late->start) == "2019-08-22T21:00:00+00:00");
  CHECK(first.feed["events"][2]["start"].get<std::string>().ends_with("+02:00"));  // written in the feed's zone

  const auto second = mergeImport(first.feed, frab, "camp2019", "camp.json", berlin(), false);
  CHECK(second.events.unchanged == 79);
  CHECK(second.events.added + second.events.updated + second.events.removed == 0);
  CHECK(second.feed == first.feed);
  CHECK(serializeFeed(second.feed) == text);  // byte for byte
}

TEST_CASE("a re-import updates in place, adds, removes, and leaves other sources alone", "[import][merge]") {
  auto source = nlohmann::json::parse(sf::test::sample("schedules/pretalx-democon.json"));
  const auto democon = importText(source.dump(), "democon.json");
  const auto camp = importText(sf::test::sample("schedules/frab-camp2019.json"), "camp.json");
  auto feed = mergeImport(handWritten(), democon, "democon", "democon.json", berlin(), false).feed;
  feed = mergeImport(feed, camp, "camp2019", "camp.json", berlin(), false).feed;
  const auto campIds = [&](const ojson& f) {
    std::vector<std::string> out;
    for (const auto& id : idsOf(f))
      if (id.starts_with("camp2019:")) out.push_back(id);
    return out;
  };
  const auto campBefore = campIds(feed);
  // A hand-added link to a project on an imported event is not the import's key: it stays.
  const std::string firstDemo = "democon:8079583e-8321-506c-95af-fd2903a5f075";
  auto& demoEvents = feed["events"];
  const auto at = std::find_if(demoEvents.begin(), demoEvents.end(), [&](const auto& e) { return e["id"] == firstDemo; }) - demoEvents.begin();
  demoEvents[at]["projects"] = {"p1"};

  auto& rooms = source["schedule"]["conference"]["days"][0]["rooms"];
  auto& gray = rooms["Gray Room"];
  const std::string removedGuid = gray[1]["guid"];
  gray.erase(1);                                  // vanished from the source
  gray[0]["title"] = "Renamed talk";              // changed in the source
  auto added = gray[0];
  added["guid"] = "00000000-0000-4000-8000-000000000001";
  gray.push_back(added);                          // new in the source
  const auto again = importText(source.dump(), "democon.json");
  const auto m = mergeImport(feed, again, "democon", "democon.json", berlin(), false);
  CHECK(m.events.removed == 1);
  CHECK(m.events.added == 1);
  CHECK(m.events.updated == 1);
  CHECK(m.events.unchanged == 34);
  const auto ids = idsOf(m.feed);
  CHECK(std::find(ids.begin(), ids.end(), "democon:" + removedGuid) == ids.end());
  CHECK(ids.back() == "democon:00000000-0000-4000-8000-000000000001");
  CHECK(m.feed["events"][at]["id"] == firstDemo);  // updated where it was
  CHECK(m.feed["events"][at]["title"] == "Renamed talk");
  CHECK(m.feed["events"][at]["projects"] == ojson{"p1"});
  CHECK(campIds(m.feed) == campBefore);
  CHECK(ids[0] == "e1");
  CHECK(parseFeed(serializeFeed(m.feed), "m.json").feed);
}

TEST_CASE("a merge that would make the feed invalid is reported with the item's origin", "[import][merge]") {
  const auto csv = importText("id,title,summary,field\nbench,Bank,Kurz.,kultur\n", "projekte.csv");
  const auto m = mergeImport(handWritten(), csv, "projekte", "projekte.csv", berlin(), false);
  CHECK(m.addedFields.empty());  // an existing feed's fields are hand-written: never added to
  const auto ds = checkMergedFeed(serializeFeed(m.feed), "feed.json", m.feed, m.origins);
  CHECK(hasErrors(ds));
  CHECK_THAT(sf::test::allMessages(ds), Catch::Contains("/projects/2/field: error: unknown field of action \"kultur\"; the feed defines: inno, komp (imported from projekte.csv line 2)"));
}

TEST_CASE("ids: clean keys are kept, others are slugged and hashed, source ids from names", "[import][ids]") {
  CHECK(itemId("camp", "a0a0fcfe-b7fb") == "camp:a0a0fcfe-b7fb");
  const std::string odd = itemId("cal", "Meeting@example.org/2024");
  CHECK(odd.starts_with("cal:Meeting-example.org-2024-"));
  CHECK(isValidId(odd));
  CHECK(itemId("cal", "a b") != itemId("cal", "a/b"));  // same slug, different hash
  const std::string longId = itemId("cal", std::string(300, 'x'));
  CHECK(longId.size() <= 128);
  CHECK(isValidId(longId));
  CHECK(sourceIdFromName("https://pretalx.com/pycon-au-2024/schedule/export/schedule.json") == "pycon-au-2024");
  CHECK(sourceIdFromName("/data/Projekte 2024.csv") == "projekte-2024");
  CHECK(sourceIdFromName("https://pretalx.com/democon/widgets/schedule.json?lang=en") == "democon");
  CHECK(slugify("Camp2019") == "camp2019");
  CHECK(isValidSourceId("pycon-au-2024"));
  CHECK_FALSE(isValidSourceId("a:b"));
}

TEST_CASE("rewriting keeps the exact text of everything the import did not change", "[import][merge]") {
  const std::string original = sf::test::readText(sf::test::sourcePath("assets/examples/small-feed.json"));
  const ojson before = ojson::parse(original);
  const auto camp = importText(sf::test::sample("schedules/frab-camp2019.json"), "camp.json");
  const auto m = mergeImport(before, camp, "camp2019", "camp.json", berlin(), false);
  const std::string text = rewriteFeedText(original, before, m.feed);
  CHECK(ojson::parse(text) == m.feed);
  // Everything before the events array, the hand-written events and everything after stay as written.
  const auto eventsAt = original.find("\"events\": [");
  CHECK(text.substr(0, eventsAt) == original.substr(0, eventsAt));
  const auto welcome = original.substr(original.find("{\n      \"id\": \"welcome\""), original.find("    {\n      \"id\": \"exhibition\"") - original.find("{\n      \"id\": \"welcome\""));
  CHECK(text.find(welcome) != std::string::npos);
  const auto figuresAt = original.find("  \"figures\"");
  CHECK(text.substr(text.size() - (original.size() - figuresAt)) == original.substr(figuresAt));
  CHECK(parseFeed(text, "small.json").feed);

  // Removing imported items again gives back the original bytes.
  ImportResult empty;
  empty.format = findImportFormat("frab");
  const auto back = mergeImport(m.feed, empty, "camp2019", "camp.json", berlin(), false);
  CHECK(back.events.removed == 79);
  CHECK(rewriteFeedText(text, m.feed, back.feed) == original);

  // A member the feed lacked is added before the closing brace.
  const std::string bare = "{\"format\": \"schaufenster-feed\", \"version\": 1, \"id\": \"x\", \"revision\": 1,\n"
                           " \"generated\": \"2024-01-01T00:00:00Z\", \"timeZone\": \"Europe/Berlin\", \"languages\": [\"de\"]}\n";
  const auto withEvents = mergeImport(ojson::parse(bare), camp, "camp2019", "camp.json", berlin(), false);
  const std::string added = rewriteFeedText(bare, ojson::parse(bare), withEvents.feed);
  CHECK(added.starts_with(bare.substr(0, bare.size() - 2)));
  CHECK(ojson::parse(added) == withEvents.feed);
}
