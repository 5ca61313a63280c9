// The organisers' status page: a verdict beside the title, one language throughout (the fault's
// kind in plain words ahead of its technical detail), the error whole, the version, and the
// display's size and turn; on screen at three sizes. With SF_STATUS_SHOTS set, the frames are
// written there as PNGs to look at.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "live/feed_worker_status.hpp"
#include "player/live_feed.hpp"
#include "player/player.hpp"
#include "platform/image_encode.hpp"
#include "player_fixture.hpp"
#include "core/show/ui_text.hpp"
#include "views/views.hpp"

using namespace sf;

namespace {

std::string joined(const std::vector<core::TextBox>& texts) {
  std::string all;
  for (const auto& t : texts) all += t.label + "\n";
  return all;
}

}  // namespace

TEST_CASE("the status page says at once whether all is well, in the page's language, with the error whole") {
  const core::Feed& feed = test::defaultFeed();
  live::FeedStatus failing;
  failing.feedUrl = "https://fair.example.org/stand-12/feed.json";
  failing.origin = live::FeedOrigin::Cache;
  failing.feedId = feed.id;
  failing.revision = 41;
  failing.generated = core::toInstant(test::at("2024-04-25T08:00:00+02:00"));
  failing.fault = "network";
  failing.lastError = "https://fair.example.org/stand-12/feed.json: could not connect to the server (Connection refused); "
                      "the last good revision keeps playing";
  live::FeedStatus fine = failing;
  fine.fault.clear();
  fine.lastError.clear();
  core::Config config;
  config.screenName = "Stand 12 links";
  const core::Instant now = core::toInstant(test::at("2024-04-25T10:00:00+02:00"));
  for (auto [w, h] : {std::pair{1920, 1080}, {1080, 1920}, {800, 480}}) {
    player::FrameRenderer renderer(w, h);
    REQUIRE(renderer.error().empty());
    for (const char* lang : {"de", "en"}) {
      for (const bool broken : {true, false}) {
        INFO(w << "x" << h << " " << lang << (broken ? " failing" : " fine"));
        std::vector<views::StatusRow> rows;
        player::statusRows(broken ? failing : fine, config, 1.0, std::chrono::seconds{3600}, now, lang, rows);
        rows.push_back({core::ui(core::Ui::StatusDisplay, lang), "offscreen, software renderer; 1920×1080, not rotated"});
        player::RenderRequest req;
        req.feed = &feed;
        req.width = w;
        req.height = h;
        req.language = lang;
        req.at = test::at("2024-04-25T10:00:00+02:00");
        req.collectText = true;
        req.statusPage = &rows;
        const auto out = renderer.render(req);
        REQUIRE(out.error.empty());
        const bool de = std::string(lang) == "de";
        // Only the page's own text boxes: the rotation behind is covered.
        std::vector<core::TextBox> page;
        bool title = false;
        for (const auto& t : out.texts) {
          title = title || t.label == (de ? "Status dieses Bildschirms" : "Status of this screen");
          if (title) page.push_back(t);
        }
        for (const auto& p : core::checkTextBoxes(page, w, h)) FAIL_CHECK(p.message);
        const std::string all = joined(page);
        CHECK_THAT(all, Catch::Contains(broken ? (de ? "Bitte prüfen" : "Needs a look") : (de ? "Alles in Ordnung" : "All is well")));
        CHECK_THAT(all, Catch::Contains(de ? "Version" : "Version"));
        if (broken) {
          CHECK_THAT(all, Catch::Contains(de ? "Der Feed-Server ist nicht erreichbar." : "The feed server cannot be reached."));
          // Not cut off at two lines: the error's box holds every line its words need.
          const auto error = std::find_if(page.begin(), page.end(), [&](const core::TextBox& t) {
            return t.label.starts_with(de ? "Der Feed-Server" : "The feed server");
          });
          REQUIRE(error != page.end());
          // At 800x480 (two columns of about 360 px) it needs more than two lines.
          if (w == 800) CHECK(error->rect.h > 2.5f * out.layout.font(core::FontRole::Body));
        }
        if (const char* dir = std::getenv("SF_STATUS_SHOTS")) {
          auto png = platform::encodeImage(out.rgba, out.width, out.height, platform::ImageFormat::Png);
          REQUIRE(png);
          std::ofstream(std::string(dir) + "/status-" + lang + (broken ? "-fault-" : "-ok-") + std::to_string(w) + "x" +
                            std::to_string(h) + ".png", std::ios::binary) << *png;
        }
      }
    }
  }
}
