// The areas that used to stay empty, at every size and in both languages: the spotlight's key
// facts in its lower left (in portrait right under the summary), the detail's QR code and more
// projects of the field (tappable), portrait figures that use the screen's height, and the room
// door screen's second column.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/feed/parse.hpp"

#include "core/show/ui_text.hpp"
#include "player/player.hpp"
#include "player_fixture.hpp"

using namespace sf;

namespace {

constexpr int kVarietySizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 800}, {1024, 600}, {800, 480}, {3840, 2160}};

player::RenderResult frame(player::FrameRenderer& renderer, const core::Feed& feed, player::View view, const char* project,
                           int w, int h, const char* lang) {
  player::RenderRequest req;
  req.feed = &feed;
  req.width = w;
  req.height = h;
  req.view = view;
  req.project = project;
  req.language = lang;
  req.at = test::at("2024-04-25T10:00:00+02:00");
  req.collectText = true;
  auto out = renderer.render(req);
  REQUIRE(out.error.empty());
  for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
  const bool scrolls = view == player::View::Detail;
  for (const auto& hit : out.hits) {
    CHECK(hit.rect.w >= out.layout.minTarget - 0.5f);
    if (!scrolls) CHECK(hit.rect.h >= out.layout.minTarget - 0.5f);
  }
  return out;
}

const core::TextBox* text(const player::RenderResult& out, const std::string& label) {
  for (const auto& t : out.texts)
    if (t.label == label) return &t;
  return nullptr;
}

}  // namespace

TEST_CASE("the spotlight's lower left holds the project's key facts", "[variety][render]") {
  const core::Feed& feed = test::defaultFeed();
  // Funded, with applicants and a runtime; and one with partners and a long title.
  for (const char* id : {"amber-initiative-additive-manufacturing-berlin-brandenburg", "modell-campus-ringberlin"}) {
    for (const auto& [w, h] : kVarietySizes) {
      player::FrameRenderer renderer(w, h);
      REQUIRE(renderer.error().empty());
      for (const char* lang : {"de", "en"}) {
        INFO(id << " " << lang << " at " << w << "x" << h);
        const auto out = frame(renderer, feed, player::View::of(core::SlideKind::Spotlight), id, w, h, lang);
        const core::Project& p = feed.projects[test::projectIndex(feed, id)];
        // The facts' labels are there, on the text's side and in the lower half of the column.
        const char* label = core::ui(p.partners.empty() ? core::Ui::Applicants : core::Ui::Partners, lang);
        const core::TextBox* fact = text(out, label);
        REQUIRE(fact);
        const float columnTop = out.layout.portrait ? h * 0.38f : out.layout.content.y;
        CHECK(fact->rect.y > columnTop + (out.layout.content.bottom() - columnTop) * 0.45f);
        if (!out.layout.portrait) CHECK(fact->rect.right() < w * 0.66f);
        // The title still leads: it sits above every fact.
        const core::TextBox* title = text(out, p.title.in(lang).substr(0, 40));
        REQUIRE(title);
        CHECK(title->rect.bottom() <= fact->rect.y);
      }
    }
  }
}

TEST_CASE("the detail shows its QR code and more projects of the field, tappable", "[variety][render]") {
  const core::Feed& feed = test::defaultFeed();
  const char* id = "leichtbautechnologien-fuer-berliner-kmu";
  const std::size_t self = test::projectIndex(feed, id);
  for (const auto& [w, h] : kVarietySizes) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* lang : {"de", "en"}) {
      INFO(lang << " at " << w << "x" << h);
      const auto out = frame(renderer, feed, player::View::Detail, id, w, h, lang);
      std::size_t related = 0;
      float lowest = 0;
      for (const auto& hit : out.hits) {
        if (hit.action.kind != core::ActionKind::OpenProject) continue;
        CHECK(hit.action.index != self);
        CHECK(feed.projects[hit.action.index].field == feed.projects[self].field);
        ++related;
        lowest = std::max(lowest, hit.rect.bottom());
      }
      // On the first screen where there is room (the rest scrolls into view).
      if (h >= 1000) {
        CHECK(related >= 2);
        CHECK(text(out, core::ui(core::Ui::MoreProjects, lang)));
        CHECK(lowest > h * 0.6f);  // the lower half is used
      }
      if (w >= 1280 && h >= 1000) CHECK(text(out, core::ui(core::Ui::MoreOnline, lang)));
    }
  }
}

TEST_CASE("portrait figures use the screen's height", "[variety][render]") {
  const core::Feed& feed = test::defaultFeed();
  for (const auto& [w, h] : kVarietySizes) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* lang : {"de", "en"}) {
      INFO(lang << " at " << w << "x" << h);
      const auto out = frame(renderer, feed, player::View::of(core::SlideKind::Figures), "", w, h, lang);
      const float full = out.layout.font(core::FontRole::Figure);
      // Portrait cells are tall: labels take the larger title size there, the heading size elsewhere.
      const float labelSize = out.layout.font(out.layout.portrait ? core::FontRole::Title : core::FontRole::Heading);
      std::size_t values = 0;
      float bottom = 0;
      for (const auto& f : feed.figures) {
        const core::TextBox* label = text(out, f.label.in(lang).substr(0, 40));
        if (!label) continue;  // on another page
        const core::TextBox* value = text(out, f.value.in(lang).substr(0, 40));
        REQUIRE(value);
        ++values;
        CHECK(value->rect.h <= full + 0.5f);  // numbers at their own size: never scaled up and blurred
        CHECK(label->rect.h >= labelSize - 0.5f);
        CHECK(label->rect.y > value->rect.bottom());
        bottom = std::max(bottom, label->rect.bottom());
      }
      REQUIRE(values >= 4);
      if (out.layout.portrait) CHECK(bottom > out.layout.content.y + out.layout.content.h * 0.7f);
    }
  }
}

TEST_CASE("a portrait spotlight's facts follow its summary, with no band between them", "[variety][render]") {
  const core::Feed& feed = test::defaultFeed();
  for (const auto& [w, h] : {std::pair{1080, 1920}, {480, 800}, {2160, 3840}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* id : {"modell-campus-ringberlin", "amber-initiative-additive-manufacturing-berlin-brandenburg"}) {
      for (const char* lang : {"de", "en"}) {
        INFO(id << " " << lang << " at " << w << "x" << h);
        const auto out = frame(renderer, feed, player::View::of(core::SlideKind::Spotlight), id, w, h, lang);
        const core::Project& p = feed.projects[test::projectIndex(feed, id)];
        const core::TextBox* summary = text(out, p.summary.in(lang).substr(0, 40));
        const char* label = core::ui(p.partners.empty() ? core::Ui::Applicants : core::Ui::Partners, lang);
        const core::TextBox* fact = text(out, label);
        REQUIRE(summary);
        REQUIRE(fact);
        // Between them: the rule's gap and the status pill, no more.
        const core::Layout& l = out.layout;
        const float pillAndGaps = l.gap * 1.8f + std::round(l.font(core::FontRole::Small) * 1.75f) + l.font(core::FontRole::Body);
        CHECK(fact->rect.y > summary->rect.bottom());
        CHECK(fact->rect.y - summary->rect.bottom() <= pillAndGaps);
        // The facts' last line stays above the controls' bar.
        for (const auto& t : out.texts)
          if (t.rect.y > fact->rect.y && t.rect.y < l.controls.y) CHECK(t.rect.bottom() <= l.controls.y);
      }
    }
  }
}

namespace {

core::Feed doorScreenFeed() {
  std::ifstream in(std::string(SF_SOURCE_DIR) + "/assets/examples/conference-feed.json");
  std::stringstream body;
  body << in.rdbuf();
  auto r = core::parseFeed(body.str(), "conference-feed.json");
  REQUIRE(r.feed);
  return std::move(*r.feed);
}

}  // namespace

TEST_CASE("a wide room door screen sets the next talk beside the one on now", "[variety][render]") {
  const core::Feed feed = doorScreenFeed();
  const core::Event* now = nullptr;
  const core::Event* next = nullptr;
  for (const auto& e : feed.events) {
    if (e.id == "haushalt-offen") now = &e;
    if (e.id == "takt-fahrplan") next = &e;
  }
  REQUIRE(now);
  REQUIRE(next);
  for (const auto& [w, h] : kVarietySizes) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* lang : {"de", "en"}) {
      INFO(lang << " at " << w << "x" << h);
      player::RenderRequest req;
      req.feed = &feed;
      req.width = w;
      req.height = h;
      req.view = player::View::of(core::SlideKind::Room);
      req.room = "saal-1";
      req.language = lang;
      req.at = test::at("2027-03-18T10:05:00+01:00");
      req.collectText = true;
      const auto out = renderer.render(req);
      REQUIRE(out.error.empty());
      for (const auto& p : core::checkTextBoxes(out.texts, w, h)) FAIL_CHECK(p.message);
      const core::TextBox* nowTitle = text(out, now->title.in(lang).substr(0, 40));
      const core::TextBox* nextTitle = text(out, next->title.in(lang).substr(0, 40));
      REQUIRE(nowTitle);
      REQUIRE(nextTitle);
      const bool wide = !out.layout.portrait && w >= 1000;
      if (wide) {
        // The right half holds the next talk, level with the card, and the talk on now says
        // what it is about.
        CHECK(nextTitle->rect.x > out.layout.content.x + out.layout.content.w * 0.5f);
        CHECK(nextTitle->rect.y < nowTitle->rect.bottom());
        if (h >= 800) CHECK(text(out, now->description.in(lang).substr(0, 40)));
      } else {
        CHECK(nextTitle->rect.y > nowTitle->rect.bottom());
      }
    }
  }
}
