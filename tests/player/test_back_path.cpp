// Back retraces the visitor's own path, not the views' hierarchy: spotlight, project, a related
// field, its list, another project, then Back step by step through exactly those, each list where
// it was scrolled; places a newer feed removed are skipped.
#include <catch2/catch.hpp>

#include "player_fixture.hpp"

using namespace sf;
using namespace std::chrono_literals;
using core::ActionKind;
using core::Mode;

namespace {

struct Path {
  core::Feed feed = test::defaultFeed();
  core::RotationPlan plan;
  core::PlayerState state;
  core::Millis now = test::at("2024-04-25T10:00:00+02:00");
  Path() { core::buildRotation(feed, core::toInstant(now), plan); }
  core::PlayerEnv env() const { return {feed, plan, now}; }
  void apply(core::Action a) {
    now += 1s;
    core::apply(state, a, env());
  }
  // The view reports its list's height, and the visitor scrolls to `y`.
  void scrollTo(float y) {
    core::setScrollExtent(state, 5000, 800);
    state.scroll = y;
  }
  std::size_t field(const std::string& id) const { return core::fieldIndex(feed, id); }
};

}  // namespace

TEST_CASE("back retraces the path a visitor took, with each list where it was left") {
  Path r;
  const std::size_t first = test::projectIndex(r.feed, "modell-campus-ringberlin");
  const std::size_t slot = core::currentSlot(r.state, r.env());
  r.apply({ActionKind::OpenProject, first});  // tapped on its spotlight
  const std::string home = r.state.project;
  const std::string related = r.feed.projects[first].relatedFields.empty() ? r.feed.fields.back().id : r.feed.projects[first].relatedFields.front();
  r.apply({ActionKind::OpenField, r.field(related)});  // a related field's chip
  REQUIRE(r.state.mode == Mode::FieldList);
  r.scrollTo(640);
  std::vector<std::size_t> inField;
  core::projectsOfField(r.feed, related, inField);
  REQUIRE(inField.size() >= 2);
  r.apply({ActionKind::OpenProject, inField[1]});
  REQUIRE(r.state.mode == Mode::Detail);
  CHECK(r.state.scroll == 0);  // a new view starts at its top

  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::FieldList);
  CHECK(r.state.field == related);
  CHECK(r.state.scroll == 640);  // where the visitor left the list
  core::setScrollExtent(r.state, 5000, 800);  // the list draws again: its place stands
  CHECK(r.state.scroll == 640);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Detail);  // not the fields overview, which the visitor never opened
  CHECK(r.state.project == home);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
  CHECK(r.state.pinnedSlot == slot);
  CHECK(core::checkConsistency(r.state, r.feed, r.plan).empty());
}

TEST_CASE("a field list opened straight from the rotation goes back to the rotation") {
  Path r;
  r.apply({ActionKind::OpenField, 0});
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
}

TEST_CASE("the fields overview, a list and a project: back through each, the overview as it was opened") {
  Path r;
  r.apply({ActionKind::BrowseFields});
  r.apply({ActionKind::OpenField, 1});
  r.scrollTo(300);
  std::vector<std::size_t> inField;
  core::projectsOfField(r.feed, r.feed.fields[1].id, inField);
  r.apply({ActionKind::OpenProject, inField.front()});
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::FieldList);
  CHECK(r.state.scroll == 300);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Fields);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
}

TEST_CASE("a place a newer feed removed is skipped on the way back") {
  Path r;
  const std::size_t a = test::projectIndex(r.feed, "modell-campus-ringberlin");
  r.apply({ActionKind::OpenProject, a});
  r.apply({ActionKind::OpenField, 0});
  std::vector<std::size_t> inField;
  core::projectsOfField(r.feed, r.feed.fields[0].id, inField);
  r.apply({ActionKind::OpenProject, inField.front()});
  // The feed changes: the first project is gone; the open one stays.
  core::Feed newer = r.feed;
  newer.projects.erase(newer.projects.begin() + static_cast<std::ptrdiff_t>(a));
  r.feed = newer;
  core::buildRotation(r.feed, core::toInstant(r.now), r.plan);
  core::onFeedSwapped(r.state, r.feed, r.plan);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::FieldList);
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);  // the removed project's detail is passed over
  CHECK(core::checkConsistency(r.state, r.feed, r.plan).empty());
}

TEST_CASE("the path is bounded and forgotten when the screen returns to the rotation") {
  Path r;
  r.apply({ActionKind::BrowseFields});
  for (int i = 0; i < 100; ++i) r.apply({ActionKind::OpenField, static_cast<std::size_t>(i) % r.feed.fields.size()});
  CHECK(r.state.history.size() == core::kHistoryDepth);
  r.apply({ActionKind::Home});
  CHECK(r.state.history.empty());
  r.apply({ActionKind::OpenProject, 0});
  r.apply({ActionKind::Back});
  CHECK(r.state.mode == Mode::Rotation);
}
