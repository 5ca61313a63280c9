// The kiosk loop. Each turn: drain input, let time act on the state, draw when something
// changed, then sleep until the next thing can change (input, slide, minute, animation frame).
#include "player.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "core/feed/text_fit.hpp"
#include "core/show/player_state.hpp"
#include "core/show/screen_schedule.hpp"
#include "core/show/ui_text.hpp"
#include "feed_images.hpp"
#include "live_feed.hpp"
#include "platform/clock.hpp"
#include "platform/display.hpp"
#include "platform/display/process_tuning.hpp"
#include "platform/screen_power.hpp"
#include "platform/service_notify.hpp"
#include "redraw.hpp"
#include "screenshot_plan.hpp"
#include "show.hpp"
#include "slide_cache.hpp"

namespace sf::player {
namespace {

using core::Millis;
using std::chrono::milliseconds;
using Kind = platform::InputEvent::Kind;

// How long before a slide's end the next one is painted into its layer: just over the progress
// bar's one-second tick, so one tick does it and two layers live no longer than needed.
constexpr std::chrono::milliseconds kPaintAhead{1100};

core::Key toKey(platform::InputEvent::Key k) {
  using K = platform::InputEvent::Key;
  switch (k) {
    case K::Left: return core::Key::Left;
    case K::Right: return core::Key::Right;
    case K::Up: return core::Key::Up;
    case K::Down: return core::Key::Down;
    case K::Enter: return core::Key::Enter;
    case K::Back: return core::Key::Back;
    case K::Language: return core::Key::Language;
    case K::Fields: return core::Key::Fields;
    case K::Home: return core::Key::Home;
    default: return core::Key::None;
  }
}

core::PointerEvent::Kind toPointer(Kind k) {
  switch (k) {
    case Kind::PointerDown: return core::PointerEvent::Kind::Down;
    case Kind::PointerMove: return core::PointerEvent::Kind::Move;
    case Kind::PointerUp: return core::PointerEvent::Kind::Up;
    default: return core::PointerEvent::Kind::Cancel;
  }
}

// The screen's layout, its type legible from the configured viewing distance on its physical
// size (the config's screenDiagonal where the screen misreports it). The size the screen itself
// reports counts where the player drives it (KMS/DRM reads its EDID); a desktop's window system
// often invents one (X's 96 dpi) and may hold the player in a window, so there only the config says.
core::Layout screenLayout(const platform::Display& d, const core::Config& c) {
  const bool desktop = d.driver() == "x11" || d.driver() == "wayland";
  if (desktop && c.screenDiagonal <= 0) return core::computeLayout(d.width(), d.height(), d.dpi());
  const float dpi = core::screenDpi(d.width(), d.height(), d.dpi(), c.screenDiagonal);
  return core::computeLayout(d.width(), d.height(), dpi, core::viewingDistanceFor(c.viewingDistance, d.width(), d.height(), dpi));
}

// For the journal: from how far the screen's text is legible, or why it follows the pixels alone.
std::string describeTypeScale(const platform::Display& d, const core::Config& c) {
  const core::Layout l = screenLayout(d, c);
  char line[256];
  if (l.viewingDistance <= 0)
    std::snprintf(line, sizeof line, "type: the screen's size is unknown (no EDID, or a desktop's window); set screenDiagonal (inches) to size text for %.1f m",
                  c.viewingDistance > 0 ? c.viewingDistance : core::kFarthestDefaultM);
  else if (l.legibleDistance + 1e-3f < l.viewingDistance)
    std::snprintf(line, sizeof line, "type: the screen is too small for text legible from %.1f m; its smallest text (%.0f px) is legible from %.1f m",
                  l.viewingDistance, l.font(core::FontRole::Small), l.legibleDistance);
  else
    std::snprintf(line, sizeof line, "type: legible from %.1f m (viewingDistance %.1f m%s), smallest text %.0f px",
                  l.legibleDistance, l.viewingDistance, c.viewingDistance > 0 ? "" : ", from the screen's size",
                  l.font(core::FontRole::Small));
  return line;
}

bool isPointer(Kind k) {
  return k == Kind::PointerDown || k == Kind::PointerMove || k == Kind::PointerUp || k == Kind::PointerCancel;
}

// The player between its first frame and quitting: the live feed and what the screen shows from
// it, the visitors' state, and when to draw. Each turn drains input, lets time act, draws when
// something changed and says when to wake.
class Kiosk {
 public:
  Kiosk(const PlayerOptions& o, platform::Display& display, std::chrono::steady_clock::time_point launched);
  bool loadFonts(std::string& error) { return display_.loadFonts(layout_, error); }
  // One turn of the loop; an exit code once the player should stop.
  std::optional<int> turn();

 private:
  void takeChanges(Millis now);
  bool takeInput(Millis now);  // false: quit
  void advance(Millis now);
  void makeStatusRows();
  void draw(Millis now, bool dark);
  // Tells status.json which announcements are on the glass when that changes; otherwise it
  // compares two ids and allocates nothing.
  void noteShowing(const core::FramePlan& fp, bool dark);
  // After a frame is rendered, before it is presented: its pixels go with a report held for them.
  void captureFrame(const core::FramePlan& fp, bool dark);
  // Dark by the screen's off times, unless an emergency shows: it wakes the screen.
  bool dark(Millis now) const;
  void afterFirstFrame();
  core::ScreenReport reportSnapshot(bool dark);

  const PlayerOptions& o_;
  platform::Display& display_;
  const std::chrono::steady_clock::time_point launched_;
  LiveFeed live_;
  Show show_;
  const platform::WallClock clock_;
  // Textures of the feed's images, and the slides painted into layers; both go before the display.
  FeedImages images_;
  SlideCache slides_;
  core::Layout layout_;
  core::PlayerState state_;
  Redraw redraw_;
  views::ViewReport report_;
  std::vector<views::StatusRow> statusRows_;
  bool first_ = true;
  std::string showingTakeover_, showingBanner_;  // ids as last told to the live feed; empty: none
  ScreenshotPlan shots_;  // when a report carries a screenshot of the frame
  Millis lastDraw_;
  int framesThisSecond_ = 0;
  double fps_ = 0;
  double slowestFrameMs_ = 0;  // since the last fleet report
  std::chrono::steady_clock::time_point fpsSince_ = std::chrono::steady_clock::now();
  platform::ServiceNotifier service_;
  // Off times (config screenOff): the screen is dark, and powered down where the hardware allows,
  // until the period ends or a touch wakes it for the idle time. That touch does nothing else.
  platform::ScreenPower power_;
  core::ScreenPhase screenPhase_;
  bool screenPhaseStale_ = true, wakeTouch_ = false;
};

// Animations run at 60 frames/s where the GPU blends. Where the CPU blends every pixel itself
// (about 1.7 ms a 1080p frame in SDL's blitter) they get 25, television's rate: under half the
// cost of a transition, and the slow 6 % movement of a cross-fade still looks even.
Kiosk::Kiosk(const PlayerOptions& o, platform::Display& display, std::chrono::steady_clock::time_point launched)
    : o_(o), display_(display), launched_(launched),
      live_(o.config, o.startup, [d = &display] { d->wake(); }, o.live),
      clock_(o.startAt ? platform::WallClock(*o.startAt, o.clockSpeed) : platform::WallClock()),
      images_(display), slides_(display),
      layout_(screenLayout(display, o.config)),
      redraw_({milliseconds{display.softwareRendering() ? 40 : 16}, o.config.clockSeconds}),
      power_({.backlightDir = o.backlightDir, .hdmiCec = o.config.hdmiCec}) {
  // The feed can be replaced between frames by the live feed; the show is rebuilt then.
  show_.feed = live_.feed();
  images_.retain(*show_.feed);
  display_.setExtraGlyphs(core::extraGlyphs(*show_.feed));
  state_.language = state_.defaultLanguage = !o.language.empty() ? o.language : std::string(core::startLanguage(*show_.feed));
  state_.idleTimeout = o.idle;
  state_.gestures = core::gestureConfigFor(layout_);
  state_.statusCorner = layout_.minTarget * 2;
  const Millis now = clock_.now();
  show_.clockOk = o.startAt || core::clockPlausible(core::toInstant(now), live_.status().clock);
  show_.plan.transition = milliseconds{o.config.transitionMs};  // rebuilds keep it
  show_.plan.screen = core::screenIdentity(o.config);           // targeted items are matched to it
  show_.rooms = o.config.rooms;  // a room's door screen plays that room's view
  rebuildShow(show_, nullptr, now, ShowChange::Feed);
  report_.hits.reserve(64);
  lastDraw_ = now;
}

void Kiosk::takeChanges(Millis now) {
  const LiveFeed::Changes changes = live_.drain();
  if (changes.feed) {
    show_.feed = live_.feed();
    rebuildShow(show_, &state_, now, ShowChange::Feed);
    redraw_.textsStale();  // schedule and header follow the new feed at once
    images_.retain(*show_.feed);
    slides_.invalidate();
    screenPhaseStale_ = true;  // the venue's zone may have changed
    // New names may bring letters the atlas lacks (Ł, ș …): rasterised now, not shown as "?".
    std::string error;
    if (display_.setExtraGlyphs(core::extraGlyphs(*show_.feed)) && !display_.loadFonts(layout_, error))
      std::cerr << "schaufenster: " << error << '\n';
    platform::returnFreedMemory();  // the old feed, and the new one's parse tree on the feed worker
  }
  if (changes.images) {
    bool shown = false;
    for (auto& ready : live_.readyImages()) shown = images_.apply(ready) || shown;
    live_.readyImages().clear();
    if (shown) {
      slides_.invalidate();
      redraw_.request();
    }
  }
  if (changes.reportDue) {
    const bool dark = core::screenDark(screenPhase_, state_, now);
    // Without a collector (a metrics textfile alone) nobody would see a screenshot: none is read back.
    auto send = o_.config.report.url.empty() ? std::optional(reportSnapshot(dark))
                                             : shots_.due(changes.due, dark, reportSnapshot(dark), std::chrono::steady_clock::now());
    if (send) live_.sendReport(std::move(*send));
    else redraw_.request();  // held: the next turn draws, and its pixels are read before they are presented
  }
  if (changes.status) {
    const bool ok = o_.startAt || core::clockPlausible(core::toInstant(now), live_.status().clock);
    if (ok != show_.clockOk) {
      show_.clockOk = ok;
      rebuildShow(show_, &state_, now, ShowChange::ClockTrust);
      redraw_.textsStale();
      slides_.invalidate();
    }
    if (state_.statusOpen) redraw_.statusStale();
  }
  if (screenPhaseStale_ || (screenPhase_.until && core::toInstant(now) >= *screenPhase_.until)) {
    screenPhase_ = core::screenPhaseAt(o_.config.screenOff, core::toInstant(now), show_.zone());
    screenPhaseStale_ = false;
    redraw_.request();
  }
}

bool Kiosk::takeInput(Millis now) {
  platform::InputEvent ev;
  while (display_.pollEvent(ev)) {
    const core::PlayerEnv env{*show_, show_.plan, now};
    redraw_.request();  // every event may change what shows
    if (isPointer(ev.kind) && (wakeTouch_ || dark(now))) {
      if (ev.kind == Kind::PointerDown) core::wakeScreen(state_, now);
      wakeTouch_ = ev.kind == Kind::PointerDown || ev.kind == Kind::PointerMove;
      continue;
    }
    if (ev.kind == Kind::Quit) return false;
    if (isPointer(ev.kind)) {
      core::onPointer(state_, {toPointer(ev.kind), ev.x, ev.y}, report_.hits, env);
    } else if (ev.kind == Kind::Key) {
      core::onKey(state_, toKey(ev.key), env);
    } else if (ev.kind == Kind::Resized) {
      layout_ = screenLayout(display_, o_.config);
      std::string error;
      if (!display_.loadFonts(layout_, error)) std::cerr << "schaufenster: " << error << '\n';
      state_.gestures = core::gestureConfigFor(layout_);
      slides_.clear();  // layers are screen-sized
    }
  }
  return true;
}

// Time acting on the state: the idle return, the playlist's validity boundaries, the clock's
// minute and second, lost layers and the status page's second.
void Kiosk::advance(Millis now) {
  core::tick(state_, {*show_, show_.plan, now});
  if (show_.plan.changesAt && core::toInstant(now) >= *show_.plan.changesAt) {
    rebuildShow(show_, &state_, now, ShowChange::Plan);  // the same feed, a new plan: keeps what still exists
    slides_.invalidate();
  }
  const ClockTurn turn = redraw_.clockTurn(now, state_.language);
  switch (turn) {
    case ClockTurn::Minute:
    case ClockTurn::Language:
      if (!show_.clockOk && !o_.startAt) show_.clockOk = core::clockPlausible(core::toInstant(now), live_.status().clock);
      updateShowTexts(show_, now, state_.language, o_.config.clockSeconds, true);
      // Only schedule slides read the time; a new language changes every slide.
      if (turn == ClockTurn::Language) slides_.invalidate();
      else slides_.invalidateSchedule(show_.plan);
      break;
    case ClockTurn::Second:
      // Within the minute only the clock moves: the header is repainted, the slides stay.
      updateShowTexts(show_, now, state_.language, true, false);
      slides_.invalidateHeader();
      break;
    case ClockTurn::None: break;
  }
  if (display_.layersLost()) {
    slides_.clear();
    redraw_.request();
  }
  if (state_.statusOpen && redraw_.statusTurn(now)) makeStatusRows();
}

void Kiosk::makeStatusRows() {
  const auto up = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - launched_);
  // Ages are measured on the real clock: fetch times are real even when --at shifts the show.
  const auto real = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  ImageSummary summary;
  summary.named = images_.table().size();
  summary.loaded = images_.loaded();
  summary.failed = images_.failed(&summary.firstError);
  player::statusRows(live_.status(), o_.config, fps_, up, real, state_.language, statusRows_, summary);
  // What the glass is: the display path, the picture's size and how the screen is turned.
  char area[96];
  const int turn = o_.config.rotate;
  std::snprintf(area, sizeof area, "%d×%d, %s%s", layout_.width, layout_.height,
                core::ui(turn ? core::Ui::StatusRotated : core::Ui::StatusNotRotated, state_.language),
                turn ? (" " + std::to_string(turn) + "°").c_str() : "");
  statusRows_.push_back({core::ui(core::Ui::StatusDisplay, state_.language), display_.describe() + "; " + area});
}

bool Kiosk::dark(Millis now) const {
  if (!core::screenDark(screenPhase_, state_, now)) return false;
  const core::Announcement* a = core::activeAnnouncement(*show_, core::toInstant(now), show_.plan.screen);
  return !a || a->level != core::Level::Emergency;
}

void Kiosk::draw(Millis now, bool dark) {
  const auto t0 = std::chrono::steady_clock::now();
  const core::Feed& feed = *show_;
  if (state_.event != show_.eventQrFor) {  // once per opened talk, not per frame
    const core::Event* e = feed.findEvent(state_.event);
    show_.eventQr = platform::encodeQr(e ? e->link : std::string());
    show_.eventQrFor = state_.event;
  }
  if (state_.programme.day)
    core::updateProgrammeListing(show_.programme, feed, *state_.programme.day, state_.programme.filter, core::toInstant(now));
  const views::ViewContext screen{feed, state_, layout_, show_.zone(), show_.schedule, show_.qr, core::toInstant(now),
                                  show_.text, report_, &images_.table(), o_.config.location, o_.config.exitHint,
                                  &show_.eventQr, &show_.rooms, &show_.programme, &show_.projectQrs,
                                  o_.config.here ? &*o_.config.here : nullptr};
  const core::FramePlan fp = planFrame(screen, show_.plan, now);
  const core::Layout layout = frameLayout(screen, fp);  // room for a banner
  const views::ViewContext ctx = views::withLayout(screen, layout);
  noteShowing(fp, dark);
  const bool slide = fp.rotation && !fp.announcement;
  shots_.shown({state_.mode, slide ? fp.incoming.slot : std::string::npos, slide ? fp.incoming.page : 0, feed.revision,
                showingTakeover_, showingBanner_, state_.language, state_.project, state_.event, state_.field, state_.statusOpen, dark});
  // Rotation slides come from layers unless a finger is down (pressed states must show); a
  // finger dragging the slide presses nothing, and moving layers costs no painting.
  const std::vector<SlideLayer>* layers = nullptr;
  const SlideLayer* header = nullptr;
  if ((!state_.pointer.down || state_.pointer.dragging) && !dark) {
    layers = &slides_.prepare(ctx, show_.plan, fp);
    // Not on the first frame: the next slide can wait for a progress tick, the screen cannot.
    if (!first_ && !fp.moving && !layers->empty() && fp.position.slideEnd - now <= kPaintAhead)
      slides_.prepareNext(ctx, show_.plan, planFrame(ctx, show_.plan, fp.position.slideEnd));
    // The header's layer is its band alone: in portrait the controls' bar lies elsewhere, and the
    // header is drawn whole each frame.
    if (!layers->empty() && ctx.layout.controls.empty()) header = slides_.header(ctx);
  }
  display_.beginFrame(static_cast<float>((now - lastDraw_).count()) / 1000.f);
  report_.hits.clear();
  report_.scrollContent = -1;
  if (!dark) {
    composeFrame(ctx, show_.plan, fp, {}, layers, header);
    if (state_.statusOpen) views::drawStatus(ctx, statusRows_);
  }
  if (!dark) {
    // At rest only the header's clock and the band under the content (page dots, progress bar)
    // move: the display redraws just those when it finds nothing else changed.
    platform::Display::DamageBands bands;
    bands.top[0] = 0;
    bands.bottom[0] = std::ceil(ctx.layout.header.bottom());  // the header layer's whole rows
    bands.top[1] = std::floor(ctx.layout.content.y + ctx.layout.content.h);
    bands.bottom[1] = static_cast<float>(ctx.layout.height);
    bands.count = 2;
    display_.hintBands(bands);
  }
  display_.endFrame(0, !dark);  // every frame but a dark one paints the whole screen
  if (shots_.holding()) captureFrame(fp, dark);
  display_.present();
  if (report_.scrollContent >= 0) core::setScrollExtent(state_, report_.scrollContent, report_.scrollViewport);
  lastDraw_ = now;
  ++framesThisSecond_;
  const auto steadyNow = std::chrono::steady_clock::now();
  if (steadyNow - fpsSince_ >= std::chrono::seconds(10)) {
    fps_ = framesThisSecond_ / std::chrono::duration<double>(steadyNow - fpsSince_).count();
    framesThisSecond_ = 0;
    fpsSince_ = steadyNow;
    live_.setFrameRate(fps_);
  }
  if (first_) afterFirstFrame();
  const auto took = std::chrono::steady_clock::now() - t0;
  slowestFrameMs_ = std::max(slowestFrameMs_, std::chrono::duration<double, std::milli>(took).count());
  if (o_.onFrame) o_.onFrame(took, fp.moving);
  redraw_.drawn(state_, feed, show_.plan, fp, screenPhase_, dark);
}

void Kiosk::noteShowing(const core::FramePlan& fp, bool dark) {
  const std::string_view takeover = fp.announcement && !dark ? std::string_view(fp.announcement->id) : std::string_view();
  const std::string_view banner = fp.banner && !dark ? std::string_view(fp.banner->id) : std::string_view();
  if (takeover == showingTakeover_ && banner == showingBanner_) return;
  showingTakeover_ = takeover;
  showingBanner_ = banner;
  live_.setShowing(showingTakeover_, showingBanner_);
}

void Kiosk::captureFrame(const core::FramePlan& fp, bool dark) {
  if (!shots_.wantsFrame(fp.moving, dark)) return;  // the next still frame, or the deadline
  const auto t = std::chrono::steady_clock::now();
  live::Frame frame;
  frame.width = display_.width();
  frame.height = display_.height();
  // The pixels this frame already has; scaling and encoding happen on the reporter's thread.
  if (display_.readPixels(frame.rgba)) live_.sendReport(shots_.release(true, t), std::move(frame));
  else live_.sendReport(shots_.release(false, t));
}

// What only the UI thread knows, copied once a beat; the reporter adds host, version and the
// machine's facts on its own thread.
core::ScreenReport Kiosk::reportSnapshot(bool dark) {
  const live::FeedStatus& st = live_.status();
  core::ScreenReport r;
  r.screen = o_.config.screenName;
  r.groups = o_.config.groups;
  r.rooms = o_.config.rooms;
  r.feedUrl = st.feedUrl;
  r.feedId = show_.feed->id;
  r.revision = show_.feed->revision;
  const auto real = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (show_.feed->generated.time_since_epoch().count() != 0) r.contentAgeSeconds = (real - show_.feed->generated).count();
  r.fault = st.fault;
  r.faultText = st.lastError;
  r.uptimeSeconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - launched_).count();
  r.framesPerSecond = fps_;
  r.slowestFrameMs = slowestFrameMs_;
  slowestFrameMs_ = 0;
  r.dark = dark;
  return r;
}

void Kiosk::afterFirstFrame() {
  first_ = false;
  platform::returnFreedMemory();  // the start's parse trees and font files
  if (o_.onFirstFrame) o_.onFirstFrame();
  live_.screenUp();
  if (!o_.offscreen) {
    const auto ms = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - launched_).count();
    std::cerr << "schaufenster: first frame on screen " << ms << " ms after start" << std::endl;
  }
  service_.ready("playing " + show_.feed->id + " revision " + std::to_string(show_.feed->revision));
}

std::optional<int> Kiosk::turn() {
  const Millis now = clock_.now();
  takeChanges(now);
  if (!takeInput(now)) {
    service_.stopping();
    return 0;
  }
  advance(now);
  const bool dark = this->dark(now);
  if (dark == power_.on()) {
    if (const auto done = power_.set(!dark); !done) std::cerr << "schaufenster: screen power: " << done.error().message << '\n';
    live_.setScreenDark(dark);
    redraw_.request();
  }
  if (redraw_.due(now)) draw(now, dark);
  if (const auto until = shots_.deadline(); until && std::chrono::steady_clock::now() >= *until)
    live_.sendReport(shots_.release(false, *until));  // no still frame came: the report goes without a screenshot
  const auto steadyNow = std::chrono::steady_clock::now();
  if (o_.runFor.count() > 0 && steadyNow - launched_ >= o_.runFor) return 0;
  // The watchdog ping comes from here, once per turn of the loop: if the loop hangs, it stops.
  service_.alive(steadyNow);
  auto wake = std::min(clock_.toSteady(redraw_.deadline()), service_.nextPing());
  if (o_.runFor.count() > 0) wake = std::min(wake, launched_ + o_.runFor);
  if (const auto until = shots_.deadline()) wake = std::min(wake, *until);
  display_.waitUntil(wake);
  return std::nullopt;
}

}  // namespace

int runPlayer(const PlayerOptions& o) {
  if (!o.startup.feed) return 1;
  if (!o.offscreen) {
    if (const std::string why = platform::headlessReason(); !why.empty()) {
      std::cerr << "schaufenster: " << why << '\n';
      return 2;
    }
  }
  const auto launched = std::chrono::steady_clock::now();
  platform::DisplayOptions dopt;
  dopt.offscreen = o.offscreen;
  dopt.width = o.width;
  dopt.height = o.height;
  dopt.rotation = o.rotation;
  std::string error;
  auto display = platform::Display::open(dopt, error);
  if (!display) {
    std::cerr << "schaufenster: " << error << "\n  Try `schaufenster --window 1280x800` on a desktop, or "
                 "`schaufenster render -o frame.png` without a display.\n";
    return 1;
  }
  // The first thing to read in the journal of a screen that stays black.
  if (!o.offscreen) std::cerr << "schaufenster: display: " << display->describe() << "\nschaufenster: "
                               << describeTypeScale(*display, o.config) << std::endl;
  Kiosk kiosk(o, *display, launched);
  if (!kiosk.loadFonts(error)) {
    std::cerr << "schaufenster: " << error << '\n';
    return 1;
  }
  for (;;)
    if (const auto code = kiosk.turn()) return *code;
}

}  // namespace sf::player
