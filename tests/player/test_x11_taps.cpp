// A visitor's walk through the conference programme on the real player in a private Xvfb: taps
// reach the window as X events, and what the window shows is compared with the renderer's frames.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/feed/parse.hpp"
#include "core/show/programme.hpp"
#include "player/player.hpp"
#include "x11_probe.hpp"

using namespace sf;
using namespace std::chrono;

namespace {

constexpr int kW = 1280, kH = 800;
constexpr const char* kAt = "2027-03-18T10:05:00+01:00";  // the first morning of the conference

std::string feedPath() { return std::string(SF_SOURCE_DIR) + "/assets/examples/conference-feed.json"; }

core::Feed conferenceFeed() {
  std::ifstream in(feedPath());
  std::stringstream text;
  text << in.rdbuf();
  auto r = core::parseFeed(text.str(), "conference-feed.json");
  REQUIRE(r.feed);
  return std::move(*r.feed);
}

// Share of pixels in `area` (all when empty) where the window and the frame differ visibly; 1 when
// there is no window yet.
double difference(const std::vector<std::uint32_t>& window, const player::RenderResult& frame, core::Rect area = {}) {
  if (window.size() != static_cast<std::size_t>(kW) * kH || frame.width != kW || frame.height != kH) return 1;
  if (area.w <= 0) area = {0, 0, static_cast<float>(kW), static_cast<float>(kH)};
  const int x0 = static_cast<int>(area.x), y0 = static_cast<int>(area.y);
  const int x1 = std::min(kW, static_cast<int>(area.x + area.w)), y1 = std::min(kH, static_cast<int>(area.y + area.h));
  std::size_t differ = 0, all = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x, ++all) {
      const std::uint32_t p = window[static_cast<std::size_t>(y) * kW + x];
      const std::uint8_t* q = &frame.rgba[(static_cast<std::size_t>(y) * kW + x) * 4];
      const int dr = std::abs(static_cast<int>(p >> 16) - q[0]), dg = std::abs(static_cast<int>((p >> 8) & 255) - q[1]),
                db = std::abs(static_cast<int>(p & 255) - q[2]);
      if (std::max({dr, dg, db}) > 32) ++differ;
    }
  }
  return all ? static_cast<double>(differ) / static_cast<double>(all) : 1;
}

// Waits (generously: a loaded machine, a sanitizer build) until the window shows `frame` in `area`
// to within `tolerance`; returns the last difference seen.
double waitForFrame(const test::Xvfb& x, const player::RenderResult& frame, double tolerance, core::Rect area = {}) {
  double d = 1;
  for (const auto until = steady_clock::now() + 30s; steady_clock::now() < until;) {
    d = difference(test::windowImage(x.name(), kW, kH), frame, area);
    if (d <= tolerance) break;
    std::this_thread::sleep_for(100ms);
  }
  return d;
}

// The middle of the first target doing `kind` (and `index`, when given); none: (-1, -1).
std::pair<int, int> targetOf(const player::RenderResult& frame, core::ActionKind kind, std::optional<std::size_t> index = {}) {
  for (const auto& h : frame.hits) {
    if (h.action.kind == kind && (!index || h.action.index == *index))
      return {static_cast<int>(h.rect.x + h.rect.w / 2), static_cast<int>(h.rect.y + h.rect.h / 2)};
  }
  return {-1, -1};
}

using sf::test::PlayerProcess;

}  // namespace

TEST_CASE("on X11 a visitor taps programme, second day, a talk and Back, and is on that day again", "[x11]") {
  const core::Feed feed = conferenceFeed();
  const auto days = core::programmeDays(feed);
  REQUIRE(days.size() >= 2);
  const core::Millis at{*core::parseInstant(kAt)};

  // What each step must show, from the renderer at the same size, moment and language.
  player::FrameRenderer renderer(kW, kH);
  REQUIRE(renderer.error().empty());
  auto render = [&](player::View view, const std::string& day, const std::string& event) {
    player::RenderRequest req;
    req.feed = &feed;
    req.width = kW;
    req.height = kH;
    req.view = view;
    req.day = day;
    req.event = event;
    req.language = "de";
    req.at = at;
    auto out = renderer.render(req);
    REQUIRE(out.error.empty());
    return out;
  };
  const auto rotation = render(player::View::Auto, "", "");
  const auto firstDay = render(player::View::Programme, "", "");
  const auto secondDay = render(player::View::Programme, core::formatDate(days[1]), "");
  const auto openProgramme = targetOf(rotation, core::ActionKind::OpenProgramme);
  const auto dayTab = targetOf(firstDay, core::ActionKind::ProgrammeDay, 1);
  REQUIRE(openProgramme.first >= 0);
  REQUIRE(dayTab.first >= 0);
  std::size_t talk = feed.events.size();
  const core::Rect& list = secondDay.layout.content;  // a talk wholly in view
  for (const auto& h : secondDay.hits)
    if (h.action.kind == core::ActionKind::OpenEvent && talk == feed.events.size() && h.rect.y >= list.y &&
        h.rect.y + h.rect.h <= list.y + list.h)
      talk = h.action.index;
  REQUIRE(talk < feed.events.size());
  const auto talkTarget = targetOf(secondDay, core::ActionKind::OpenEvent, talk);
  const auto detail = render(player::View::Event, "", feed.events[talk].id);
  const auto back = targetOf(detail, core::ActionKind::Back);
  REQUIRE(back.first >= 0);
  // The frames tell the screens apart: a window matching one cannot match another.
  auto pixels = [](const player::RenderResult& r) {
    std::vector<std::uint32_t> p(static_cast<std::size_t>(kW) * kH);
    for (std::size_t i = 0; i < p.size(); ++i) p[i] = (r.rgba[i * 4] << 16) | (r.rgba[i * 4 + 1] << 8) | r.rgba[i * 4 + 2];
    return p;
  };
  CHECK(difference(pixels(firstDay), secondDay) > 0.015);
  CHECK(difference(pixels(secondDay), detail) > 0.015);

  test::Xvfb x(kW, kH);
  REQUIRE(x.running());
  const auto cache = std::filesystem::temp_directory_path() / ("sf-taps-" + std::to_string(::getpid()));
  std::filesystem::create_directories(cache);
  PlayerProcess player;
  player.pid = ::fork();
  REQUIRE(player.pid >= 0);
  if (player.pid == 0) {
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::execl(SF_BINARY, SF_BINARY, "--feed", feedPath().c_str(), "--at", kAt, "--lang", "de", "--idle", "600",
            "--cache-dir", cache.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }

  // Full screen, the header drawn: its programme entry is where the renderer put it.
  const core::Rect header{0, 0, static_cast<float>(kW), rotation.layout.header.h};
  INFO("header " << header.h);
  REQUIRE(header.h > 0);
  REQUIRE(waitForFrame(x, rotation, 0.005, header) <= 0.005);

  const double tolerance = 0.005;  // the clock runs on: the header's time may have turned a minute
  REQUIRE(test::tapWindow(x.name(), openProgramme.first, openProgramme.second));
  REQUIRE(waitForFrame(x, firstDay, tolerance) <= tolerance);

  REQUIRE(test::tapWindow(x.name(), dayTab.first, dayTab.second));
  REQUIRE(waitForFrame(x, secondDay, tolerance) <= tolerance);

  INFO("talk " << feed.events[talk].id);
  REQUIRE(test::tapWindow(x.name(), talkTarget.first, talkTarget.second));
  REQUIRE(waitForFrame(x, detail, tolerance) <= tolerance);

  // Back: the programme again, on the second day (not today's, where it opened), at the top.
  REQUIRE(test::tapWindow(x.name(), back.first, back.second));
  REQUIRE(waitForFrame(x, secondDay, tolerance) <= tolerance);
  CHECK(difference(test::windowImage(x.name(), kW, kH), firstDay) > 0.015);

  int status = 0;
  CHECK(::waitpid(player.pid, &status, WNOHANG) == 0);  // still running: nothing crashed on the way
  std::filesystem::remove_all(cache);
}
