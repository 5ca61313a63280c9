// The screenshot rule of the kiosk loop with a clock of the test's own: a report carries one when
// what shows changed, at most once a minute, never offline or dark, and never waits long for it.
#include <catch2/catch.hpp>

#include "player/screenshot_plan.hpp"

using namespace std::chrono_literals;
using sf::player::ScreenshotPlan;
using sf::player::ShownNow;

namespace {

sf::core::ScreenReport report(const std::string& name) {
  sf::core::ScreenReport r;
  r.screen = name;
  return r;
}

ShownNow slide(std::size_t slot) {
  ShownNow s;
  s.slot = slot;
  s.revision = 7;
  s.language = "de";
  return s;
}

}  // namespace

TEST_CASE("a report carries a screenshot when what shows changed, at most once a minute", "[fleet]") {
  ScreenshotPlan plan;
  const auto t0 = ScreenshotPlan::Clock::time_point{} + 1000h;
  const sf::live::ReportDue online{true, false};
  // Nothing drawn yet: nothing to show, the report goes at once.
  CHECK(plan.due(online, false, report("a"), t0));
  plan.shown(slide(0));
  // The first picture of the screen: held for the next still frame.
  CHECK_FALSE(plan.due(online, false, report("b"), t0 + 1s));
  CHECK(plan.holding());
  CHECK(plan.deadline() == t0 + 1s + 2s);
  CHECK_FALSE(plan.wantsFrame(true, false));  // half-way through a slide change: not this frame
  CHECK_FALSE(plan.wantsFrame(false, true));  // dark: not this one
  REQUIRE(plan.wantsFrame(false, false));
  CHECK(plan.release(true, t0 + 1s).screen == "b");
  CHECK_FALSE(plan.holding());
  CHECK_FALSE(plan.deadline());

  // The same slide drawn again and again: no change, no screenshot.
  for (int i = 0; i < 100; ++i) plan.shown(slide(0));
  CHECK(plan.due(online, false, report("c"), t0 + 20s));
  // Another slide, but within the minute of the last screenshot: the report goes without one...
  plan.shown(slide(1));
  CHECK(plan.due(online, false, report("d"), t0 + 30s));
  // ... and the next beat after the minute carries it.
  CHECK_FALSE(plan.due(online, false, report("e"), t0 + 61s));
  CHECK(plan.release(true, t0 + 61s).screen == "e");

  // Any of the named things is a change: an announcement, a language, an open project, the status page.
  for (auto change : {+[](ShownNow& s) { s.takeover = "evacuation"; }, +[](ShownNow& s) { s.language = "en"; },
                      +[](ShownNow& s) { s.project = "p1"; }, +[](ShownNow& s) { s.status = true; },
                      +[](ShownNow& s) { s.revision = 8; }, +[](ShownNow& s) { s.mode = sf::core::Mode::Programme; }}) {
    ScreenshotPlan p;
    p.shown(slide(1));
    REQUIRE_FALSE(p.due(online, false, report("x"), t0));
    p.release(true, t0);
    ShownNow s = slide(1);
    p.shown(s);
    CHECK(p.due(online, false, report("x"), t0 + 70s));  // unchanged
    change(s);
    p.shown(s);
    CHECK_FALSE(p.due(online, false, report("x"), t0 + 140s));  // changed
  }
}

TEST_CASE("offline or dark no screenshot is made, a lost one is taken again, no report waits long", "[fleet]") {
  ScreenshotPlan plan;
  const auto t0 = ScreenshotPlan::Clock::time_point{} + 1000h;
  plan.shown(slide(0));
  CHECK(plan.due({false, false}, false, report("offline"), t0));  // the collector was not reached
  CHECK(plan.due({true, false}, true, report("dark"), t0));       // a dark screen shows nothing
  CHECK_FALSE(plan.due({true, false}, false, report("back"), t0));
  plan.release(true, t0);
  // That report did not arrive: the next beat that may, carries a new one, within the minute too.
  CHECK(plan.due({false, true}, false, report("still offline"), t0 + 60s));
  CHECK_FALSE(plan.due({true, false}, false, report("again"), t0 + 65s));
  // No still frame came: the loop sends it without a screenshot at the deadline, and the next
  // beat still wants one.
  REQUIRE(plan.deadline() == t0 + 67s);
  CHECK(plan.release(false, t0 + 67s).screen == "again");
  CHECK_FALSE(plan.due({true, false}, false, report("next"), t0 + 125s));
}
