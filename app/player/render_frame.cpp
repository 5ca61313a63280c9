// Single frames without a display: the offscreen SDL driver and the software renderer draw
// exactly what a screen would, for `schaufenster render`, screenshots and the layout tests.
#include <algorithm>

#include "core/feed/text_fit.hpp"
#include "core/show/player_state.hpp"
#include "core/show/programme.hpp"
#include "core/show/room_screen.hpp"
#include "core/show/schedule.hpp"
#include "feed_images.hpp"
#include "platform/display.hpp"
#include "player.hpp"
#include "show.hpp"

namespace sf::player {

struct FrameRenderer::Impl {
  std::unique_ptr<platform::Display> display;
  std::unique_ptr<FeedImages> images;  // kept across frames: previews draw many from one feed
  std::string imageBase;
  core::Layout layout;
  ~Impl() { images.reset(); }  // textures go before the display that made them
};

FrameRenderer::FrameRenderer(int width, int height, float dpi, float viewingDistance) : impl_(std::make_unique<Impl>()) {
  platform::DisplayOptions o;
  o.offscreen = true;
  o.width = width;
  o.height = height;
  impl_->display = platform::Display::open(o, error_);
  if (!impl_->display) return;
  impl_->layout = core::computeLayout(impl_->display->width(), impl_->display->height(), dpi, viewingDistance);
  impl_->images = std::make_unique<FeedImages>(*impl_->display);
  if (!impl_->display->loadFonts(impl_->layout, error_)) impl_->display.reset();
}

FrameRenderer::~FrameRenderer() = default;

std::optional<View> parseView(const std::string& n) {
  if (n == "auto" || n == "rotation") return View::Auto;
  if (n == "field-list") return View::FieldList;
  if (n == "detail") return View::Detail;
  if (n == "announcement") return View::Announcement;
  if (n == "programme") return View::Programme;
  if (n == "event") return View::Event;
  // A kind that stands for several slides has no picture of its own.
  if (const auto kind = core::slideKindNamed(n); kind && !core::slideKindInfo(*kind).expands) return View::of(*kind);
  return std::nullopt;
}

std::string viewNames() {
  std::string out = "auto";
  for (const core::SlideKindInfo& k : core::kSlideKinds)
    if (!k.expands) out.append(", ").append(k.name);
  return out + ", field-list, detail, announcement, programme, event";
}

namespace {

// The state and request that show the view `r` asks for; an error names what the feed lacks.
// `roomKey` and `eventQr` hold what the request points into.
std::string setUpView(const RenderRequest& r, const core::Feed& feed, const core::RotationPlan& plan, core::Instant at,
                      core::PlayerState& state, FrameRequest& req, std::string& roomKey, platform::QrCode& eventQr) {
  auto projectIndex = [&](const std::string& id) -> std::size_t {
    for (std::size_t i = 0; i < feed.projects.size(); ++i)
      if (feed.projects[i].id == id) return i;
    return core::kNoProject;
  };
  switch (r.view.screen) {
    case View::Screen::Slide: {
      if (r.view.slide == core::SlideKind::Room) {
        req.room = r.room;
        if (req.room.empty() && !feed.rooms.empty()) req.room = feed.rooms.front().id;
        if (req.room.empty()) {
          const auto rooms = core::programmeRooms(feed);
          if (rooms.empty()) {
            return "the feed has no rooms; name one with --room";
          }
          roomKey = rooms.front().key;
          req.room = roomKey;
        }
        break;
      }
      if (const auto k = r.view.slide; k == core::SlideKind::Image || k == core::SlideKind::Text || k == core::SlideKind::Sponsors) {
        const std::string_view name = core::slideKindInfo(k).name;
        if (r.item != core::kNoProject) {
          if (r.item >= feed.playlist.size() || feed.playlist[r.item].kind != k)
            return "playlist item " + std::to_string(r.item) + " is no " + std::string(name) + " slide";
          req.item = &feed.playlist[r.item];
        } else {
          for (const auto& it : feed.playlist)
            if (it.kind == k && !req.item) req.item = &it;
          // A sponsors slide needs no item of its own: without one it shows every sponsor.
          if (!req.item && k != core::SlideKind::Sponsors) return "the feed's playlist has no " + std::string(name) + " slide";
        }
        break;
      }
      if (r.view.slide == core::SlideKind::Map) {
        req.room = r.map;
        for (const auto& it : feed.playlist)
          if (req.room.empty() && it.kind == core::SlideKind::Map) req.room = it.map;
        if (req.room.empty() && !feed.maps.empty()) req.room = feed.maps.front().id;
        if (req.room.empty()) return "the feed has no maps";
        if (!feed.findMap(req.room)) return "no such map: " + r.map;
        break;
      }
      if (r.view.slide != core::SlideKind::Spotlight) break;
      req.project = projectIndex(r.project);
      if (req.project == core::kNoProject) {
        for (const auto& s : plan.slots)
          if (s.kind == core::SlideKind::Spotlight) {
            req.project = s.project;
            break;
          }
      }
      if (req.project == core::kNoProject && !feed.projects.empty()) req.project = 0;
      if (req.project == core::kNoProject) {
        return "the feed has no projects";
      }
      break;
    }
    case View::Screen::Detail:
      state.mode = core::Mode::Detail;
      state.project = projectIndex(r.project) != core::kNoProject ? r.project
                      : feed.projects.empty()                      ? std::string()
                                                                   : feed.projects.front().id;
      if (state.project.empty()) {
        return "no such project: " + r.project;
      }
      break;
    case View::Screen::FieldList:
      state.mode = core::Mode::FieldList;
      state.field = feed.findField(r.field) ? r.field : (feed.fields.empty() ? std::string() : feed.fields.front().id);
      if (state.field.empty()) {
        return "no such field: " + r.field;
      }
      break;
    case View::Screen::Programme: {
      state.mode = core::Mode::Programme;
      state.programme.day = r.day.empty() ? core::defaultProgrammeDay(feed, at) : core::parseDate(r.day);
      if (!state.programme.day) {
        return r.day.empty() ? "the feed has no events" : "not a date (YYYY-MM-DD): " + r.day;
      }
      state.programme.filter = {r.roomFilter, r.track};
      if (r.picker == "rooms") state.programme.picker = core::ProgrammePicker::Rooms;
      if (r.picker == "tracks") state.programme.picker = core::ProgrammePicker::Tracks;
      state.programme.grid = r.grid;
      if (!r.track.empty() && !feed.findTrack(r.track)) {
        return "no such track: " + r.track;
      }
      if (!r.roomFilter.empty()) {
        const core::RoomBinding b = core::bindRoom(feed, r.roomFilter);
        if (!b.found()) {
          return "no such room: " + r.roomFilter;
        }
        state.programme.filter.room = b.room ? b.room->id : r.roomFilter;
      }
      break;
    }
    case View::Screen::Event:
      state.mode = core::Mode::Event;
      state.event = feed.findEvent(r.event) ? r.event : feed.events.empty() || !r.event.empty() ? std::string() : feed.events.front().id;
      if (state.event.empty()) {
        return "no such event: " + r.event;
      }
      eventQr = platform::encodeQr(feed.findEvent(state.event)->link);
      break;
    case View::Screen::Announcement:
      req.announcement = core::activeAnnouncement(feed, at, r.screen);
      if (!req.announcement && !feed.announcements.empty()) {
        req.announcement = &*std::max_element(feed.announcements.begin(), feed.announcements.end(),
                                              [](const auto& a, const auto& b) { return a.priority < b.priority; });
      }
      if (!req.announcement) {
        return "the feed has no announcements";
      }
      break;
    default:
      break;
  }
  return {};
}

}  // namespace

RenderResult FrameRenderer::render(const RenderRequest& r) {
  RenderResult out;
  if (!impl_->display) {
    out.error = error_.empty() ? "no offscreen display" : error_;
    return out;
  }
  if (!r.feed) {
    out.error = "no feed";
    return out;
  }
  // Texts the fonts cannot show get their fallback, as on the screen (a copy only when needed).
  std::optional<core::Feed> fitted;
  if (!core::fitsFont(*r.feed)) core::fitFeedToFont(fitted.emplace(*r.feed));
  const core::Feed& feed = fitted ? *fitted : *r.feed;
  if (impl_->display->setExtraGlyphs(core::extraGlyphs(feed)) && !impl_->display->loadFonts(impl_->layout, out.error)) return out;
  const core::TimeZone& zone = feed.zone;
  const core::Instant at = core::toInstant(r.at);
  core::RotationPlan plan = core::buildRotation(feed, at, r.screen);
  if (!r.screenRooms.empty()) core::roomScreenRotation(plan, r.screenRooms.size());
  plan.transition = r.transition;

  core::PlayerState state;
  state.language = state.defaultLanguage = r.language;
  state.changedAt = r.at - std::chrono::minutes{1};  // at rest: no entrance animation
  FrameRequest req;
  req.view = r.view;
  std::string roomKey;  // a plain-text room chosen by default: req.room points into it
  platform::QrCode eventQr;
  const std::vector<std::string> screenRooms = r.screenRooms.empty() ? std::vector<std::string>{r.room} : r.screenRooms;
  if (std::string error = setUpView(r, feed, plan, at, state, req, roomKey, eventQr); !error.empty()) {
    out.error = std::move(error);
    return out;
  }

  state.scroll = state.scrollMax = std::max(0.f, r.scroll);  // clamped once the view has told its height

  // Images load here, blocking: a preview must show them, and there is no loop to wait in.
  if (r.loadImages) {
    if (r.imageBase != impl_->imageBase) {
      impl_->images = std::make_unique<FeedImages>(*impl_->display);
      impl_->imageBase = r.imageBase;
    }
    impl_->images->loadNow(feed, r.imageBase);
  }
  const core::Schedule schedule = core::scheduleAt(feed, at, zone);
  const platform::QrCode qr = platform::encodeQr(feed.link);
  const std::vector<platform::QrCode> projectQrs = encodeProjectQrs(feed);
  views::FrameText text;
  updateFrameText(text, at, zone, state.language, r.clockSeconds);
  views::ViewReport report;
  if (r.collectText) report.texts = &out.texts;

  core::ProgrammeListing programme;
  if (state.programme.day) core::updateProgrammeListing(programme, feed, *state.programme.day, state.programme.filter, at);
  auto draw = [&] {
    out.texts.clear();
    report.hits.clear();
    report.scrollContent = -1;
    impl_->display->beginFrame(1.f / 60);
    const views::ViewContext screen{feed, state, impl_->layout, zone, schedule, qr, at, text, report,
                                    r.loadImages ? &impl_->images->table() : nullptr, r.location, r.exitHint, &eventQr,
                                    &screenRooms, &programme, &projectQrs, r.here ? &*r.here : nullptr};
    const core::FramePlan fp = planFrame(screen, plan, r.at);
    const core::Layout layout = frameLayout(screen, fp, req);  // room for a banner
    composeFrame(views::withLayout(screen, layout), plan, fp, req);
    if (r.statusPage) views::drawStatus(screen, *r.statusPage);
    impl_->display->endFrame(0, true);
  };
  draw();
  if (report.scrollContent >= 0) core::setScrollExtent(state, report.scrollContent, report.scrollViewport);
  if (!impl_->display->readPixels(out.rgba)) out.error = "could not read the frame's pixels";
  impl_->display->present();
  out.width = impl_->display->width();
  out.height = impl_->display->height();
  out.hits = report.hits;
  out.layout = impl_->layout;
  if (r.loadImages) out.imageErrors = impl_->images->errors();
  return out;
}

}  // namespace sf::player
