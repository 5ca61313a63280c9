// The change summary a publication is logged with: events matched by id; a move is a new time
// or room, a cancellation the cancelled flag newly set, anything else an edit.
#include "core/feed/changes.hpp"

#include <cstdio>
#include <map>

namespace sf::core {
namespace {

bool sameText(const LocalText& a, const LocalText& b) { return a.values() == b.values(); }

std::string roomOf(const Event& e, std::string_view lang) {
  if (!e.room.empty()) return e.room.in(lang);
  return e.place.in(lang);
}

bool sameSpeakers(const Event& a, const Event& b) {
  if (a.speakers.size() != b.speakers.size()) return false;
  for (std::size_t i = 0; i < a.speakers.size(); ++i)
    if (a.speakers[i].name != b.speakers[i].name || a.speakers[i].affiliation != b.speakers[i].affiliation) return false;
  return true;
}

bool sameOtherwise(const Event& a, const Event& b) {
  return sameText(a.title, b.title) && sameText(a.description, b.description) && sameText(a.subtitle, b.subtitle) &&
         sameText(a.organiser, b.organiser) && a.link == b.link && a.track == b.track && a.kind == b.kind &&
         a.language == b.language && a.projects == b.projects && sameSpeakers(a, b) && a.allDay == b.allDay;
}

std::string clock(Instant t, const TimeZone& z) {
  const auto l = z.toLocal(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", l.hour, l.minute);
  return buf;
}

std::string span(Instant start, Instant end, const TimeZone& z) {
  return formatDate(z.toLocal(start).date) + " " + clock(start, z) + "–" + clock(end, z);
}

std::string when(const Event& e, const TimeZone& z) {
  if (e.allDay) return formatDate(z.toLocal(e.start).date) + " (all day)";
  return span(e.start, e.end, z);
}

std::string plural(std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

}  // namespace

FeedChanges compareFeeds(const Feed& before, const Feed& after, std::string_view lang) {
  FeedChanges c;
  std::map<std::string_view, const Event*> old;
  for (const auto& e : before.events) old.emplace(e.id, &e);
  std::map<std::string_view, bool> seen;
  for (const auto& e : after.events) {
    auto it = old.find(e.id);
    if (it == old.end()) {
      c.added.push_back(&e);
      continue;
    }
    seen[e.id] = true;
    const Event& was = *it->second;
    bool edit = !sameOtherwise(was, e);
    if (e.cancelled && !was.cancelled) {
      c.cancelled.push_back(&e);
      continue;
    }
    edit = edit || e.cancelled != was.cancelled;  // brought back: an edit, not a move
    const std::string fromRoom = roomOf(was, lang), toRoom = roomOf(e, lang);
    if (was.start != e.start || was.end != e.end || fromRoom != toRoom) {
      c.moved.push_back({e.id, e.title.in(lang), was.start, was.end, e.start, e.end, fromRoom, toRoom});
      continue;
    }
    if (edit) {
      ++c.otherEventEdits;
      c.edited.push_back(&e);
    }
  }
  for (const auto& e : before.events)
    if (!seen.contains(e.id)) c.removed.push_back(&e);
  return c;
}

std::string changeCounts(const FeedChanges& c) {
  std::vector<std::string> parts;
  if (!c.added.empty()) parts.push_back(plural(c.added.size(), "event added", "events added"));
  if (!c.moved.empty()) parts.push_back(plural(c.moved.size(), "moved", "moved"));
  if (!c.cancelled.empty()) parts.push_back(plural(c.cancelled.size(), "cancelled", "cancelled"));
  if (!c.removed.empty()) parts.push_back(plural(c.removed.size(), "removed", "removed"));
  if (c.otherEventEdits > 0) parts.push_back(plural(static_cast<std::size_t>(c.otherEventEdits), "edited", "edited"));
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  if (out.empty()) out = "no change in events";
  if (c.otherContent) out += "; other content changed";
  return out;
}

std::vector<std::string> describeChanges(const FeedChanges& c, const TimeZone& zone, std::string_view lang,
                                         std::size_t maxLines) {
  std::vector<std::string> lines;
  std::size_t total = 0;
  auto add = [&](std::string line) {
    if (++total <= maxLines) lines.push_back(std::move(line));
  };
  auto where = [](const std::string& room) { return room.empty() ? std::string() : " " + room; };
  for (const auto& m : c.moved)
    add("moved: " + m.title + " " + span(m.fromStart, m.fromEnd, zone) + where(m.fromRoom) + " → " +
        span(m.toStart, m.toEnd, zone) + where(m.toRoom));
  for (const auto* e : c.added) add("added: " + e->title.in(lang) + " " + when(*e, zone) + where(roomOf(*e, lang)));
  for (const auto* e : c.cancelled) add("cancelled: " + e->title.in(lang) + " " + when(*e, zone));
  for (const auto* e : c.removed) add("removed: " + e->title.in(lang) + " " + when(*e, zone));
  if (total > maxLines) lines.push_back("… and " + std::to_string(total - maxLines) + " more");
  return lines;
}

}  // namespace sf::core
