// Playlist expansion and the clock-to-slide mapping. The epoch is the Unix epoch, so two
// screens agree without talking to each other as long as their clocks agree.
#include "core/show/rotation.hpp"

#include <algorithm>
#include <utility>

#include "core/show/rotation_mix.hpp"

namespace sf::core {
namespace {

bool validAt(const PlaylistItem& item, const TimeZone& zone, Instant now) {
  if (item.validFrom && now < *item.validFrom) return false;
  if (item.validUntil && now >= *item.validUntil) return false;
  return recursAt(item.recurring, zone, now);
}

// Whether `a` outranks `b` (null): level first, then priority, then the later start, since the
// newest message of equal weight is the most likely to matter.
bool outranks(const Announcement& a, const Announcement* b) {
  if (!b) return true;
  if (a.level != b->level) return a.level > b->level;
  if (a.priority != b->priority) return a.priority > b->priority;
  return a.start > b->start;
}

void noteBoundary(std::optional<Instant>& next, const std::optional<Instant>& t, Instant now) {
  if (t && *t > now && (!next || *t < *next)) next = *t;
}

bool hasTag(const Project& p, const std::string& tag) {
  return std::find(p.tags.begin(), p.tags.end(), tag) != p.tags.end();
}

}  // namespace

void buildRotation(const Feed& feed, Instant now, RotationPlan& out, bool withSchedule) {
  const ScreenIdentity& screen = out.screen;
  out.slots.clear();
  out.cycle = std::chrono::milliseconds{0};
  out.figureSlots = 0;
  out.changesAt.reset();
  // The items named one by one keep their order; the spotlights a `spotlights` item stands for
  // are arranged by mixSlots.
  std::vector<RotationSlot> written, generated;
  auto push = [&](std::vector<RotationSlot>& to, SlideKind kind, std::size_t project, int seconds, std::size_t item) {
    to.push_back({kind, project, std::chrono::milliseconds{std::max(1, seconds) * 1000}, item});
  };

  for (std::size_t i = 0; i < feed.playlist.size(); ++i) {
    const PlaylistItem& item = feed.playlist[i];
    noteBoundary(out.changesAt, item.validFrom, now);
    noteBoundary(out.changesAt, item.validUntil, now);
    if (!shownOn(item.targets, screen, feed)) continue;
    noteBoundary(out.changesAt, nextRecurrenceChange(item.recurring, feed.zone, now), now);
    if (!validAt(item, feed.zone, now)) continue;
    if (!withSchedule && (item.kind == SlideKind::Schedule || item.kind == SlideKind::Room)) continue;
    switch (item.kind) {
      case SlideKind::Spotlight:
        for (std::size_t p = 0; p < feed.projects.size(); ++p)
          if (feed.projects[p].id == item.project) push(written, SlideKind::Spotlight, p, item.seconds, i);
        break;
      case SlideKind::Spotlights:
        for (std::size_t p = 0; p < feed.projects.size(); ++p) {
          const Project& pr = feed.projects[p];
          if (!item.field.empty() && pr.field != item.field) continue;
          if (!item.tag.empty() && !hasTag(pr, item.tag)) continue;
          push(generated, SlideKind::Spotlight, p, item.seconds, i);
        }
        break;
      case SlideKind::Sponsors:  // nothing to show: skipped, as the check warned
        if (std::any_of(feed.sponsors.begin(), feed.sponsors.end(), [&](const Sponsor& s) { return item.tier.empty() || s.tier == item.tier; }))
          push(written, item.kind, kNoProject, item.seconds, i);
        break;
      default:
        push(written, item.kind, kNoProject, item.seconds, i);
    }
  }
  // The schedule's frequency follows the events: often while one is near, once a cycle otherwise.
  const bool anySchedule = std::any_of(written.begin(), written.end(), [](const RotationSlot& s) { return s.kind == SlideKind::Schedule; });
  const bool near = anySchedule && eventsNear(feed, now);
  if (anySchedule) {
    noteBoundary(out.changesAt, nextEventsNearChange(feed, now), now);
    if (!near) {
      bool seen = false;
      std::erase_if(written, [&](const RotationSlot& s) {
        if (s.kind != SlideKind::Schedule) return false;
        return std::exchange(seen, true);
      });
    }
  }
  mixSlots(feed, written, generated, out.slots);
  if (near) addScheduleSlots(out.slots, kScheduleEvery);
  if (out.slots.empty()) push(out.slots, SlideKind::Fields, kNoProject, 15, 0);
  std::size_t serial[kSlideKinds.size()] = {};  // one counter per kind
  for (RotationSlot& s : out.slots) {
    s.kindSerial = serial[static_cast<std::size_t>(s.kind)]++;
    out.cycle += s.duration;
  }
  out.figureSlots = serial[static_cast<std::size_t>(SlideKind::Figures)];
}

RotationPlan buildRotation(const Feed& feed, Instant now, const ScreenIdentity& screen) {
  RotationPlan plan;
  plan.screen = screen;
  buildRotation(feed, now, plan, true);
  return plan;
}

void roomScreenRotation(RotationPlan& out, std::size_t rooms, std::chrono::milliseconds each) {
  out.slots.clear();
  out.figureSlots = 0;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, rooms); ++i) {
    RotationSlot s;
    s.kind = SlideKind::Room;
    s.duration = each;
    s.item = kNoProject;
    s.kindSerial = i;
    s.room = i;
    out.slots.push_back(s);
  }
  out.cycle = each * static_cast<int>(out.slots.size());
}

RotationPosition rotationAt(const RotationPlan& plan, Millis now) {
  RotationPosition pos;
  const std::int64_t cycle = std::max<std::int64_t>(1, plan.cycle.count());
  const std::int64_t t = now.time_since_epoch().count();
  // Floor division, so instants before 1970 still land on a valid slot.
  pos.cycleNumber = t >= 0 ? t / cycle : -((-t + cycle - 1) / cycle);
  std::int64_t offset = t - pos.cycleNumber * cycle;
  const Millis cycleStart{std::chrono::milliseconds{pos.cycleNumber * cycle}};
  std::int64_t acc = 0;
  for (std::size_t i = 0; i < plan.slots.size(); ++i) {
    const std::int64_t d = plan.slots[i].duration.count();
    if (offset < acc + d || i + 1 == plan.slots.size()) {
      pos.index = i;
      pos.previous = i == 0 ? plan.slots.size() - 1 : i - 1;
      pos.slideStart = cycleStart + std::chrono::milliseconds{acc};
      pos.slideEnd = pos.slideStart + plan.slots[i].duration;
      pos.progress = std::clamp(static_cast<double>(offset - acc) / static_cast<double>(d), 0.0, 1.0);
      break;
    }
    acc += d;
  }
  return pos;
}

Millis nextRotationChange(const RotationPlan& plan, Millis now) {
  Millis next = rotationAt(plan, now).slideEnd;
  if (plan.changesAt) {
    const Millis c = std::chrono::time_point_cast<std::chrono::milliseconds>(*plan.changesAt);
    if (c > now && c < next) next = c;
  }
  return next;
}

std::size_t figuresPage(const RotationPlan& plan, const RotationPosition& pos, std::size_t slot,
                        std::size_t figureCount, std::size_t perPage) {
  if (figureCount == 0 || perPage == 0 || slot >= plan.slots.size()) return 0;
  const std::size_t pages = (figureCount + perPage - 1) / perPage;
  const std::int64_t perCycle = static_cast<std::int64_t>(std::max<std::size_t>(1, plan.figureSlots));
  const std::int64_t serial = pos.cycleNumber * perCycle + static_cast<std::int64_t>(plan.slots[slot].kindSerial);
  const std::int64_t p = static_cast<std::int64_t>(pages);
  return static_cast<std::size_t>(((serial % p) + p) % p);
}

bool announcementShows(const Announcement& a, const Feed& feed, Instant now, const ScreenIdentity& screen) {
  if (now < a.start || now >= a.end) return false;
  return shownOn(a.targets, screen, feed) && recursAt(a.recurring, feed.zone, now);
}

ShownAnnouncements announcementsAt(const Feed& feed, Instant now, const ScreenIdentity& screen) {
  ShownAnnouncements out;
  for (const Announcement& a : feed.announcements) {
    if (!announcementShows(a, feed, now, screen)) continue;
    const Announcement*& slot = a.level == Level::Info ? out.banner : out.takeover;
    if (outranks(a, slot)) slot = &a;
  }
  if (out.takeover) out.banner = nullptr;
  return out;
}

const Announcement* activeAnnouncement(const Feed& feed, Instant now, const ScreenIdentity& screen) {
  return announcementsAt(feed, now, screen).takeover;
}

std::optional<Instant> nextAnnouncementChange(const Feed& feed, Instant now) {
  std::optional<Instant> next;
  for (const Announcement& a : feed.announcements) {
    if (a.end <= now) continue;
    noteBoundary(next, a.start, now);
    noteBoundary(next, a.end, now);
    if (auto r = nextRecurrenceChange(a.recurring, feed.zone, std::max(now, a.start)); r && *r < a.end)
      noteBoundary(next, r, now);
  }
  return next;
}

}  // namespace sf::core
