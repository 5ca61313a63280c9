// The kiosk loop. Each turn: drain input, let time act on the state, draw when something
// changed, then sleep until the next thing can change (input, slide, minute, animation frame).
#include "player.hpp"

#include <algorithm>
#include <iostream>

#include "core/show/player_state.hpp"
#include "core/show/schedule.hpp"
#include "core/show/screen_schedule.hpp"
#include "core/feed/text_fit.hpp"
#include "feed_images.hpp"
#include "live_feed.hpp"
#include "platform/clock.hpp"
#include "platform/display.hpp"
#include "platform/screen_power.hpp"
#include "platform/service_notify.hpp"
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

// When the screen must next be drawn even if nobody touches it.
// `frame`: the animation frame interval while something moves; `clockTick`: a minute, or a
// second when the clock shows seconds.
Millis nextDeadline(const core::PlayerState& state, const core::Feed& feed, const core::RotationPlan& plan, Millis now,
                    milliseconds frame, milliseconds clockTick) {
  const core::PlayerEnv env{feed, plan, now};
  Millis next = core::nextStateDeadline(state, env);
  if (inTransition(state, plan, now)) next = std::min(next, nextTransitionFrame(state, plan, now, frame));
  if (!core::interacting(state) && !core::activeAnnouncement(feed, core::toInstant(now))) {
    // The progress bar moves once a second; the slide changes at its end. An announcement
    // hides both, so it is drawn once a minute only (for the clock).
    const auto pos = core::rotationAt(plan, now);
    const auto elapsed = (now - pos.slideStart).count();
    next = std::min(next, pos.slideStart + milliseconds{(elapsed / 1000 + 1) * 1000});
    next = std::min(next, core::nextRotationChange(plan, now));
  }
  const auto sinceEpoch = now.time_since_epoch();
  next = std::min(next, Millis{sinceEpoch - sinceEpoch % clockTick + clockTick});
  if (auto a = core::nextAnnouncementChange(feed, core::toInstant(now)))
    next = std::min(next, std::chrono::time_point_cast<milliseconds>(*a));
  return std::max(next, now + milliseconds{1});
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
  if (!o.offscreen) std::cerr << "schaufenster: display: " << display->describe() << std::endl;
  // The feed can be replaced between frames by the live feed; everything derived from it is
  // rebuilt then (zone, rotation, QR code, schedule).
  LiveFeed live(o.config, o.startup, [d = display.get()] { d->wake(); }, o.live);
  std::shared_ptr<const core::Feed> feedPtr = live.feed();
  core::TimeZone zone = core::TimeZone::find(feedPtr->timeZoneName).value_or(core::TimeZone::utc());
  const platform::WallClock clock = o.startAt ? platform::WallClock(*o.startAt, o.clockSpeed) : platform::WallClock();

  // Textures of the feed's images, and the slides painted into layers; both go before the display.
  FeedImages images(*display);
  images.retain(*feedPtr);
  SlideCache slides(*display);

  // Animations run at 60 frames/s where the GPU blends. Where the CPU blends every pixel itself
  // (about 1.7 ms a 1080p frame in SDL's blitter) they get 25, television's rate: under half the
  // cost of a transition, and the slow 6 % movement of a cross-fade still looks even.
  const milliseconds frameInterval{display->softwareRendering() ? 40 : 16};

  core::Layout layout = core::computeLayout(display->width(), display->height(), display->dpi());
  display->setExtraGlyphs(core::extraGlyphs(*feedPtr));
  if (!display->loadFonts(layout, error)) {
    std::cerr << "schaufenster: " << error << '\n';
    return 1;
  }
  core::PlayerState state;
  state.language = state.defaultLanguage =
      !o.language.empty() ? o.language : (feedPtr->languages.empty() ? std::string("de") : feedPtr->languages.front());
  state.idleTimeout = o.idle;
  state.gestures = core::gestureConfigFor(layout);
  state.statusCorner = layout.minTarget * 2;

  Millis now = clock.now();
  // A clock before the feed was made, or far from the server's, is not trusted: no times show.
  bool clockOk = o.startAt || core::clockPlausible(core::toInstant(now), live.status().clock);
  core::RotationPlan plan;
  plan.transition = milliseconds{o.config.transitionMs};  // rebuilds keep it
  core::buildRotation(*feedPtr, core::toInstant(now), plan, clockOk);
  platform::QrCode qr = platform::encodeQr(feedPtr->link);
  core::Schedule schedule;
  views::FrameText text;
  views::ViewReport report;
  report.hits.reserve(64);
  std::vector<views::StatusRow> statusRows;
  std::int64_t shownMinute = -1, shownSecond = -1, statusSecond = -1;
  std::string shownLanguage;
  bool dirty = true, first = true;
  Millis deadline = now, lastDraw = now;
  int framesThisSecond = 0;
  double fps = 0;
  auto fpsSince = std::chrono::steady_clock::now();
  platform::ServiceNotifier service;
  // Off times (config screenOff): the screen is dark, and powered down where the hardware allows,
  // until the period ends or a touch wakes it for the idle time. That touch does nothing else.
  platform::ScreenPower power({.backlightDir = o.backlightDir, .hdmiCec = o.config.hdmiCec});
  core::ScreenPhase screenPhase;
  bool screenPhaseStale = true, wakeTouch = false;

  for (;;) {
    now = clock.now();
    const LiveFeed::Changes changes = live.drain();
    if (changes.feed) {
      feedPtr = live.feed();
      zone = core::TimeZone::find(feedPtr->timeZoneName).value_or(core::TimeZone::utc());
      core::buildRotation(*feedPtr, core::toInstant(now), plan, clockOk);
      core::onFeedSwapped(state, *feedPtr, plan);  // the open project stays if it still exists
      qr = platform::encodeQr(feedPtr->link);
      shownMinute = -1;  // schedule and header follow the new feed at once
      images.retain(*feedPtr);
      slides.invalidate();
      screenPhaseStale = true;  // the venue's zone may have changed
      // New names may bring letters the atlas lacks (Ł, ș …): rasterised now, not shown as "?".
      if (display->setExtraGlyphs(core::extraGlyphs(*feedPtr)) && !display->loadFonts(layout, error))
        std::cerr << "schaufenster: " << error << '\n';
    }
    if (changes.images) {
      bool shown = false;
      for (auto& ready : live.readyImages()) shown = images.apply(ready) || shown;
      live.readyImages().clear();
      if (shown) {
        slides.invalidate();
        dirty = true;
      }
    }
    if (changes.status) {
      const bool ok = o.startAt || core::clockPlausible(core::toInstant(now), live.status().clock);
      if (ok != clockOk) {
        clockOk = ok;
        core::buildRotation(*feedPtr, core::toInstant(now), plan, clockOk);
        core::onFeedSwapped(state, *feedPtr, plan);
        shownMinute = -1;
        slides.invalidate();
      }
      if (state.statusOpen) statusSecond = -1;
    }
    const core::Feed& feed = *feedPtr;
    if (screenPhaseStale || (screenPhase.until && core::toInstant(now) >= *screenPhase.until)) {
      screenPhase = core::screenPhaseAt(o.config.screenOff, core::toInstant(now), zone);
      screenPhaseStale = false;
      dirty = true;
    }
    platform::InputEvent ev;
    while (display->pollEvent(ev)) {
      const core::PlayerEnv env{feed, plan, now};
      const bool pointer = ev.kind == Kind::PointerDown || ev.kind == Kind::PointerMove || ev.kind == Kind::PointerUp ||
                           ev.kind == Kind::PointerCancel;
      if (pointer && (wakeTouch || core::screenDark(screenPhase, state, now))) {
        if (ev.kind == Kind::PointerDown) core::wakeScreen(state, now);
        wakeTouch = ev.kind == Kind::PointerDown || ev.kind == Kind::PointerMove;
        dirty = true;
        continue;
      }
      switch (ev.kind) {
        case Kind::Quit: service.stopping(); return 0;
        case Kind::PointerDown:
        case Kind::PointerMove:
        case Kind::PointerUp:
        case Kind::PointerCancel:
          core::onPointer(state, {toPointer(ev.kind), ev.x, ev.y}, report.hits, env);
          dirty = true;
          break;
        case Kind::Key:
          core::onKey(state, toKey(ev.key), env);
          dirty = true;
          break;
        case Kind::Resized:
          layout = core::computeLayout(display->width(), display->height(), display->dpi());
          if (!display->loadFonts(layout, error)) std::cerr << "schaufenster: " << error << '\n';
          state.gestures = core::gestureConfigFor(layout);
          slides.clear();  // layers are screen-sized
          dirty = true;
          break;
        default: dirty = true; break;
      }
    }
    const core::PlayerEnv env{feed, plan, now};
    core::tick(state, env);
    if (plan.changesAt && core::toInstant(now) >= *plan.changesAt) {
      core::buildRotation(feed, core::toInstant(now), plan, clockOk);
      core::onFeedSwapped(state, feed, plan);  // the same feed, a new plan: keeps what still exists
      slides.invalidate();
    }
    const std::int64_t minute = std::chrono::floor<std::chrono::minutes>(now).time_since_epoch().count();
    const std::int64_t second = std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count();
    if (minute != shownMinute || state.language != shownLanguage) {
      if (!clockOk && !o.startAt) clockOk = core::clockPlausible(core::toInstant(now), live.status().clock);
      schedule = clockOk ? core::scheduleAt(feed, core::toInstant(now), zone) : core::Schedule{};
      updateFrameText(text, core::toInstant(now), zone, state.language, o.config.clockSeconds);
      if (!clockOk) text.clock[0] = text.date[0] = '\0';  // say nothing about the time
      // Only schedule slides read the time; a new language changes every slide.
      if (state.language != shownLanguage) slides.invalidate();
      else slides.invalidateSchedule(plan);
      shownMinute = minute;
      shownSecond = second;
      shownLanguage = state.language;
      dirty = true;
    } else if (o.config.clockSeconds && second != shownSecond) {
      // Within the minute only the clock moves: the header is repainted, the slides stay.
      updateFrameText(text, core::toInstant(now), zone, state.language, true);
      if (!clockOk) text.clock[0] = text.date[0] = '\0';
      slides.invalidateHeader();
      shownSecond = second;
      dirty = true;
    }
    if (display->layersLost()) {
      slides.clear();
      dirty = true;
    }
    if (now >= deadline) dirty = true;
    if (state.statusOpen) {
      const std::int64_t second = std::chrono::floor<std::chrono::seconds>(now).time_since_epoch().count();
      if (second != statusSecond) {
        statusSecond = second;
        const auto up = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - launched);
        // Ages are measured on the real clock: fetch times are real even when --at shifts the show.
        const auto real = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        ImageSummary summary;
        summary.named = images.table().size();
        summary.loaded = images.loaded();
        summary.failed = images.failed(&summary.firstError);
        player::statusRows(live.status(), o.config, fps, up, real, state.language, statusRows, summary);
        statusRows.push_back({state.language == "de" ? "Anzeige" : "Display", display->describe()});
        dirty = true;
      }
    }

    const bool dark = core::screenDark(screenPhase, state, now);
    if (dark == power.on()) {
      if (auto done = power.set(!dark); !done) std::cerr << "schaufenster: screen power: " << done.error().message << '\n';
      live.setScreenDark(dark);
      dirty = true;
    }
    if (dirty) {
      const auto t0 = std::chrono::steady_clock::now();
      const bool moving = inTransition(state, plan, now);
      const views::ViewContext ctx{feed, state, layout, zone, schedule, qr, core::toInstant(now), text, report, &images.table()};
      // Rotation slides come from layers unless a finger is down (pressed states must show).
      const std::vector<SlideLayer>* layers = nullptr;
      const SlideLayer* header = nullptr;
      if (!state.pointer.down && !dark) {
        layers = &slides.prepare(ctx, plan, now);
        // Not on the first frame: the next slide can wait for a progress tick, the screen cannot.
        if (!first && !moving && !layers->empty() && core::rotationAt(plan, now).slideEnd - now <= kPaintAhead)
          slides.prepareNext(ctx, plan, now);
        if (!layers->empty()) header = slides.header(ctx);
      }
      display->beginFrame(static_cast<float>((now - lastDraw).count()) / 1000.f);
      report.hits.clear();
      report.scrollContent = -1;
      if (!dark) {
        composeFrame(ctx, plan, now, {}, layers, header);
        if (state.statusOpen) views::drawStatus(ctx, statusRows);
      }
      display->endFrame(0, !dark);  // every frame but a dark one paints the whole screen
      display->present();
      if (report.scrollContent >= 0) core::setScrollExtent(state, report.scrollContent, report.scrollViewport);
      lastDraw = now;
      dirty = false;
      ++framesThisSecond;
      const auto steadyNow = std::chrono::steady_clock::now();
      if (steadyNow - fpsSince >= std::chrono::seconds(10)) {
        fps = framesThisSecond / std::chrono::duration<double>(steadyNow - fpsSince).count();
        framesThisSecond = 0;
        fpsSince = steadyNow;
        live.setFrameRate(fps);
      }
      if (first) {
        first = false;
        if (o.onFirstFrame) o.onFirstFrame();
        live.screenUp();
        if (!o.offscreen) {
          const auto ms = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - launched).count();
          std::cerr << "schaufenster: first frame on screen " << ms << " ms after start" << std::endl;
        }
        service.ready("playing " + feed.id + " revision " + std::to_string(feed.revision));
      }
      if (o.onFrame) o.onFrame(std::chrono::steady_clock::now() - t0, moving);
      deadline = nextDeadline(state, feed, plan, now, frameInterval,
                              o.config.clockSeconds ? milliseconds{1000} : milliseconds{60000});
      if (state.statusOpen) deadline = std::min(deadline, Millis{std::chrono::floor<std::chrono::seconds>(now) + std::chrono::seconds{1}});
      // Dark, nothing moves until the off period ends; awake at night, it sleeps again when idle.
      if (dark) deadline = now + std::chrono::hours{1};
      if (screenPhase.until) deadline = std::min(deadline, Millis{*screenPhase.until});
      if (const auto sleeps = core::screenSleepsAt(screenPhase, state); sleeps && !dark) deadline = std::min(deadline, *sleeps);
    }
    if (o.runFor.count() > 0 && std::chrono::steady_clock::now() - launched >= o.runFor) return 0;
    // The watchdog ping comes from here, once per turn of the loop: if the loop hangs, it stops.
    service.alive(std::chrono::steady_clock::now());
    auto wake = std::min(clock.toSteady(deadline), service.nextPing());
    if (o.runFor.count() > 0) wake = std::min(wake, launched + o.runFor);
    display->waitUntil(wake);
  }
}

}  // namespace sf::player
