// CAP alerts from three public warning systems: an update in two languages, a fire warning with
// every element prefixed, and an Atom feed embedding a signed alert; and a Cancel that ends one.
#include <catch2/catch.hpp>

#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "import_support.hpp"
#include "platform/xml.hpp"

using namespace sf::core;
using sf::test::utc;

namespace {

ImportResult importCapText(const std::string& text, const std::string& name) {
  auto opts = sf::test::fixedOptions();
  opts.parseXml = sf::platform::parseXml;
  return importSource(text, name, nullptr, opts);
}

}  // namespace

TEST_CASE("CAP: Environment Canada's update, in English and French, for its hour") {
  const auto r = importCapText(sf::test::sample("cap/ec-canada-2012.cap"), "ec-canada-2012.cap");
  REQUIRE(r.format->id == "cap");
  CHECK_FALSE(hasErrors(r.diagnostics));
  REQUIRE(r.announcements.size() == 1);
  const auto& a = r.announcements[0];
  CHECK(a.key == "2.49.0.1.124.6bddbc91.2012");
  CHECK(a.title["en"] == "severe thunderstorm watch");
  CHECK(a.title["fr"] == "veille d'orages violents");
  CHECK_THAT(a.text["en"].get<std::string>(), Catch::Contains("This is a test") && Catch::Contains("Monitor local conditions"));
  CHECK(a.start == utc("2012-05-02T23:20:00Z"));
  CHECK(a.end == utc("2012-05-03T00:20:00Z"));
  CHECK(a.priority == 100);  // Minor
}

TEST_CASE("CAP: the NSW fire alert with cap: prefixes, and the Atom feed's embedded snowfall warning") {
  const auto fire = importCapText(sf::test::sample("cap/rfs-nsw-2011.cap"), "rfs.cap");
  CHECK_FALSE(hasErrors(fire.diagnostics));
  REQUIRE(fire.announcements.size() == 1);
  CHECK(fire.announcements[0].title["en"] == "Yerong Creek Structure Fire");
  CHECK(fire.announcements[0].start == utc("2011-10-05T13:04:00Z"));
  CHECK(fire.announcements[0].end == utc("2011-10-06T13:04:00Z"));
  CHECK_FALSE(fire.announcements[0].text["en"].get<std::string>().find("<br") != std::string::npos);

  const auto atom = importCapText(sf::test::sample("cap/naads-canada-signed.atom"), "feed.atom");
  REQUIRE(atom.format->id == "cap");
  CHECK_FALSE(hasErrors(atom.diagnostics));
  REQUIRE(atom.announcements.size() == 1);
  const auto& snow = atom.announcements[0];
  CHECK(snow.key == "2.49.0.1.124.f2c83f5f.2013");
  CHECK(snow.title["en"] == "snowfall warning");  // the alert's own, not the entry's "rainfall" title
  CHECK(snow.title["fr"] == "avertissement de neige");
  CHECK(snow.priority == 200);  // Moderate
  CHECK(snow.end == utc("2013-01-25T13:26:00Z"));
}

TEST_CASE("CAP: a Cancel ends the alert it references, merged, the feed's announcement goes") {
  auto alert = [](const std::string& id, const std::string& type, const std::string& refs) {
    return "<entry><content type=\"text/xml\"><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>" + id +
           "</identifier><sender>s</sender><sent>2024-06-01T10:00:00+02:00</sent><status>Actual</status><msgType>" + type +
           "</msgType><references>" + refs + "</references><info><language>de-DE</language><severity>Severe</severity>"
           "<headline>Unwetter</headline><description>Halle 2 räumen.</description><expires>2024-06-01T18:00:00+02:00</expires>"
           "</info></alert></content></entry>";
  };
  const std::string head = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\">";
  const auto on = importCapText(head + alert("a1", "Alert", "") + "</feed>", "alerts.atom");
  REQUIRE(on.announcements.size() == 1);
  CHECK(on.announcements[0].priority == 300);
  CHECK(on.announcements[0].start == utc("2024-06-01T08:00:00Z"));  // no onset or effective: sent

  const auto zone = *TimeZone::find("Europe/Berlin");
  NewFeed nf;
  nf.id = "fair";
  nf.zone = zone;
  nf.languages = {"de", "en"};
  auto merged = mergeImport(newFeedJson(nf), on, "cap", "alerts.atom", zone, true);
  REQUIRE(merged.feed["announcements"].size() == 1);
  CHECK(merged.feed["announcements"][0]["id"] == "cap:a1");
  CHECK(merged.feed["announcements"][0]["text"]["de"] == "Halle 2 räumen.");

  const auto off = importCapText(head + alert("a1", "Alert", "") + alert("c1", "Cancel", "s,a1,2024-06-01T10:00:00+02:00") + "</feed>",
                                 "alerts.atom");
  CHECK(off.announcements.empty());
  CHECK(off.skipped == 2);
  CHECK_FALSE(hasErrors(off.diagnostics));
  merged = mergeImport(merged.feed, off, "cap", "alerts.atom", zone, false);
  CHECK(merged.feed["announcements"].empty());
  CHECK(merged.announcements.removed == 1);
}
