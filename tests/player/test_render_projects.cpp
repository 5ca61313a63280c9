// A project as visitors see it: the status pill follows the runtime and the screen's day, and the
// spotlight's QR code leads to the project's own page when it has one, saying where it leads.
#include <catch2/catch.hpp>

#include <algorithm>

#include "player/player.hpp"
#include "player_fixture.hpp"

using namespace sf;

namespace {

// The texts of one frame of `view` for `project`, at `size`, on 6 December 2026; text boxes checked.
std::vector<std::string> shown(const core::Feed& feed, player::View view, const std::string& project, int w, int h,
                               const char* lang = "de") {
  player::FrameRenderer renderer(w, h);
  REQUIRE(renderer.error().empty());
  player::RenderRequest req;
  req.feed = &feed;
  req.width = w;
  req.height = h;
  req.view = view;
  req.project = project;
  req.language = lang;
  req.at = test::at("2026-12-06T10:00:00+01:00");
  req.collectText = true;
  const auto out = renderer.render(req);
  for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
  std::vector<std::string> labels;
  for (const auto& t : out.texts) labels.push_back(t.label);
  return labels;
}

bool has(const std::vector<std::string>& labels, const std::string& s) {
  return std::find(labels.begin(), labels.end(), s) != labels.end();
}

const core::Project& named(const core::Feed& feed, const std::string& id) {
  const auto it = std::find_if(feed.projects.begin(), feed.projects.end(), [&](const core::Project& p) { return p.id == id; });
  REQUIRE(it != feed.projects.end());
  return *it;
}

constexpr int kSizes[][2] = {{1920, 1080}, {1080, 1920}, {800, 480}};

}  // namespace

TEST_CASE("a project whose funding ended reads so on its spotlight and detail, not running") {
  const core::Feed feed = test::defaultFeed();
  const std::string id = "leichtbautechnologien-fuer-berliner-kmu";  // "running" in the feed, funded until 02/2025
  REQUIRE(named(feed, id).state == core::ProjectState::Running);
  for (const auto& [w, h] : kSizes) {
    INFO(w << "x" << h);
    for (const player::View kind : {player::View::of(core::SlideKind::Spotlight), player::View::Detail}) {
      const auto de = shown(feed, kind, id, w, h);
      CHECK(has(de, "Laufzeit endete 02/2025"));
      CHECK_FALSE(has(de, "Laufend"));
    }
    CHECK(has(shown(feed, player::View::of(core::SlideKind::Spotlight), id, w, h, "en"), "Ended 02/2025"));
  }
}

TEST_CASE("a project that states nothing shows no status, a running one shows its as-of date") {
  core::Feed feed = test::defaultFeed();
  core::Project& quiet = feed.projects[0];
  quiet.stateGiven = false;
  quiet.stateAsOf.reset();
  quiet.funding.reset();
  core::Project& running = feed.projects[1];
  running.stateGiven = true;
  running.state = core::ProjectState::Running;
  running.stateAsOf = core::parseDate("2026-03-01");
  running.funding.reset();
  for (const auto& [w, h] : kSizes) {
    INFO(w << "x" << h);
    const auto silent = shown(feed, player::View::Detail, quiet.id, w, h);
    for (const auto& label : silent) {
      CHECK(label.find("Laufend") == std::string::npos);
      CHECK(label.find("Abgeschlossen") == std::string::npos);
    }
    CHECK(has(shown(feed, player::View::Detail, running.id, w, h), "Laufend · Stand 01.03.2026"));
  }
}

TEST_CASE("a spotlight's QR code leads to the project's own page when it has one, and says where") {
  core::Feed feed = test::defaultFeed();
  REQUIRE(feed.link == "https://www.berlin.de/industriestadt");
  core::Project& linked = feed.projects[2];
  linked.links = {{"https://www.cu-ev.de/projekte/leichtbau/", {}}};
  for (const auto& [w, h] : kSizes) {
    INFO(w << "x" << h);
    const auto own = shown(feed, player::View::of(core::SlideKind::Spotlight), linked.id, w, h);
    CHECK(has(own, "Projektseite"));
    CHECK(has(own, "cu-ev.de/projekte/leichtbau"));
    CHECK_FALSE(has(own, "berlin.de/industriestadt"));
    const auto general = shown(feed, player::View::of(core::SlideKind::Spotlight), feed.projects[3].id, w, h, "en");
    CHECK(has(general, "More online"));
    CHECK(has(general, "berlin.de/industriestadt"));
  }
}
