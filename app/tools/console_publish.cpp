// The console's Publish page and its two actions: what publishing the draft would change, the
// publication itself, the history of kept releases and a rollback to one of them. Viewing is
// for every signed-in user; publishing and rolling back for admins, each audited, refusals too.
#include <map>

#include <nlohmann/json.hpp>

#include "console.hpp"
#include "console_internal.hpp"
#include "console_publish_pages.hpp"
#include "console_text.hpp"
#include "core/feed/changes.hpp"
#include "release_history.hpp"
#include "sync_state.hpp"

namespace sf::tools {

namespace ct = console_text;
using ct::say;
using namespace console_detail;

namespace {

constexpr std::size_t kListedChanges = 30;  // per list; the rest as "… and N more"

std::string releaseClock(core::Instant t, const core::TimeZone& zone) {
  const auto l = zone.toLocal(t);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", l.hour, l.minute);
  return hm;
}

std::string releaseWhen(core::Instant t, const core::TimeZone& zone) {
  return core::formatDate(zone.toLocal(t).date) + " " + releaseClock(t, zone);
}

std::string eventLine(const core::Event& e, const core::TimeZone& zone, const std::string& lang) {
  std::string line = e.title.in(lang) + " · " + releaseWhen(e.start, zone) + (e.allDay ? "" : "–" + releaseClock(e.end, zone));
  const std::string room = e.room.empty() ? e.place.in(lang) : e.room.in(lang);
  return room.empty() ? line : line + " · " + room;
}

std::string headingWithCount(const ct::Words& w, const std::string& lang, std::size_t n) {
  return std::string(say(w, lang)) + " (" + std::to_string(n) + ")";
}

void addChangeList(std::vector<ChangeList>& out, const ct::Words& heading, const std::string& lang, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  ChangeList l{headingWithCount(heading, lang, lines.size()), {}, 0};
  for (const auto& line : lines)
    if (l.lines.size() < kListedChanges) l.lines.push_back(line);
    else ++l.more;
  out.push_back(std::move(l));
}

std::string announcementWords(const core::Announcement& a, const std::string& lang) {
  std::string words = a.title.empty() ? a.text.in(lang) : a.title.in(lang) + ": " + a.text.in(lang);
  if (words.size() <= 160) return words;
  std::size_t cut = 159;  // at a character's first byte, never inside one
  while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;
  return words.substr(0, cut) + "…";
}

// What showing `after` instead of `before` changes, in lists an organiser reads. True: nothing.
bool describeReleaseChange(const core::Feed& before, const std::string& beforeText, const core::Feed& after, const std::string& afterText,
                           const std::string& lang, core::Instant now, std::vector<ChangeList>& lists, std::vector<std::string>& remarks) {
  const auto c = core::compareFeeds(before, after, lang);
  const core::TimeZone& zone = after.zone;
  std::vector<std::string> lines;
  for (const auto* e : c.added) lines.push_back(eventLine(*e, zone, lang));
  addChangeList(lists, ct::kEventsAdded, lang, lines);
  lines.clear();
  for (const auto& m : c.moved) {
    std::string from = releaseWhen(m.fromStart, zone) + (m.fromRoom.empty() ? "" : " " + m.fromRoom);
    std::string to = releaseWhen(m.toStart, zone) + (m.toRoom.empty() ? "" : " " + m.toRoom);
    lines.push_back(m.title + ": " + from + " → " + to);
  }
  addChangeList(lists, ct::kEventsMoved, lang, lines);
  lines.clear();
  for (const auto* e : c.cancelled) lines.push_back(eventLine(*e, zone, lang));
  addChangeList(lists, ct::kEventsCancelled, lang, lines);
  lines.clear();
  for (const auto* e : c.removed) lines.push_back(eventLine(*e, before.zone, lang));
  addChangeList(lists, ct::kEventsRemoved, lang, lines);
  // Announcements as countReleaseChanges counts them: on at `now`, and their words.
  std::map<std::string, const core::Announcement*> wasOn, isOn;
  for (const auto& a : before.announcements)
    if (a.end > now) wasOn[a.id] = &a;
  for (const auto& a : after.announcements)
    if (a.end > now) isOn[a.id] = &a;
  lines.clear();
  for (const auto& [id, a] : isOn) {
    const auto it = wasOn.find(id);
    if (it == wasOn.end() || announcementWords(*it->second, lang) != announcementWords(*a, lang)) lines.push_back(announcementWords(*a, lang));
  }
  addChangeList(lists, ct::kAnnouncementsAdded, lang, lines);
  lines.clear();
  for (const auto& [id, a] : wasOn)
    if (!isOn.count(id)) lines.push_back(announcementWords(*a, lang));
  addChangeList(lists, ct::kAnnouncementsEnded, lang, lines);
  const auto counts = countReleaseChanges(&before, beforeText, after, afterText, now);
  if (c.otherEventEdits > 0) remarks.push_back(std::string(say(ct::kEventsEdited, lang)) + " " + std::to_string(c.otherEventEdits));
  if (counts.otherContent) remarks.push_back(say(ct::kOtherContent, lang));
  return lists.empty() && remarks.empty();
}

std::string countsText(const ReleaseCounts& c, const std::string& lang) {
  std::vector<std::string> parts;
  if (c.first) parts.push_back(std::string(say(ct::kFirstRelease, lang)) + ", " + std::to_string(c.eventsAdded) + " " + say(ct::kCountEvents, lang));
  else {
    std::vector<std::string> events;
    const auto ev = [&](int n, const ct::Words& w) {
      if (n > 0) events.push_back(std::to_string(n) + " " + say(w, lang));
    };
    ev(c.eventsAdded, ct::kCountAdded);
    ev(c.eventsMoved, ct::kCountMoved);
    ev(c.eventsCancelled, ct::kCountCancelled);
    ev(c.eventsRemoved, ct::kCountRemoved);
    ev(c.eventsEdited, ct::kCountEdited);
    std::string e;
    for (const auto& p : events) e += (e.empty() ? "" : ", ") + p;
    parts.push_back(e.empty() ? std::string(say(ct::kNoEventChange, lang)) : std::string(say(ct::kCountEvents, lang)) + ": " + e);
  }
  const auto counted = [&](int n, const ct::Words& w) {
    if (n > 0) parts.push_back(ct::sayNumber(w, lang, n));
  };
  counted(c.announcementsAdded, ct::kCountAnnAdded);
  counted(c.announcementsEnded, ct::kCountAnnEnded);
  if (c.otherContent) parts.push_back(say(ct::kCountOther, lang));
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out;
}

std::string whoText(const ReleaseOrigin& o, const std::string& lang) {
  if (o.via == "console") return (o.by.empty() ? std::string(say(ct::kUnknown, lang)) : o.by) + " (" + say(ct::kViaConsole, lang) + ")";
  if (o.via.empty()) return say(ct::kUnknown, lang);
  return o.via + " (" + say(ct::kViaCommand, lang) + ")";
}

std::string noteText(const std::string& note, const std::string& lang) {
  if (const auto from = rollbackSource(note)) return ct::sayNumber(ct::kRollbackTo, lang, *from);
  // The notes announce_service writes ("announcement ID", "ended ID"), in the page's language.
  if (note.starts_with("announcement ")) return std::string(say(ct::kNoteAnnouncement, lang)) + note.substr(12);
  if (note.starts_with("ended ")) return std::string(say(ct::kNoteEnded, lang)) + note.substr(5);
  return note;
}

std::vector<HistoryRow> historyRows(const std::string& dir, const core::TimeZone& zone, const std::string& lang) {
  std::vector<HistoryRow> out;
  const auto current = currentRevision(dir);
  for (const auto& r : releaseHistory(dir)) {
    HistoryRow h;
    h.revision = r.revision;
    h.current = current && *current == r.revision;
    h.known = r.known;
    h.when = r.known ? releaseWhen(r.at, zone) : std::string(say(ct::kUnknown, lang));
    if (r.known) {
      h.who = whoText(r.origin, lang);
      h.note = noteText(r.origin.note, lang);
      h.counts = countsText(r.counts, lang);
    }
    out.push_back(std::move(h));
  }
  return out;
}

std::string baseOf(const std::optional<std::int64_t>& current) { return current ? std::to_string(*current) : "none"; }

// The old release's programme with the announcements as they are now: a rollback must neither
// bring back a message that was ended nor take down one that is running (an evacuation).
std::optional<std::string> withCurrentAnnouncements(const std::string& oldText, const std::string& currentText) {
  auto old = nlohmann::ordered_json::parse(oldText, nullptr, false);
  const auto now = nlohmann::ordered_json::parse(currentText, nullptr, false);
  if (!old.is_object() || !now.is_object()) return std::nullopt;
  if (now.contains("announcements")) old["announcements"] = now["announcements"];
  else old.erase("announcements");
  return old.dump(2) + "\n";
}

}  // namespace

HttpResponse Console::publishPage(Context& c, int status, const std::string& note, const std::string& error) {
  const core::Instant t = now();
  PublishView v;
  v.lang = c.lang;
  v.csrf = c.session->csrf;
  v.admin = c.session->role == Role::Admin;
  v.notice = note;
  v.error = error;
  v.current = currentRevision(o_.feed.dir);
  v.base = baseOf(v.current);
  std::optional<Release> release;
  std::optional<core::Feed> shown;
  if (v.current)
    if (auto r = readRelease(o_.feed.dir, *v.current)) {
      release = std::move(*r);
      shown = readFeed(release->text, "release");
    }
  auto draft = platform::readFile(o_.feed.feedFile, core::FeedLimits{}.maxBytes);
  core::TimeZone zone = shown ? shown->zone : core::TimeZone::utc();
  if (!draft) {
    v.problems.push_back(draft.error().message);
  } else {
    v.draftHash = contentHash(*draft);
    const auto parsed = core::parseFeed(*draft, o_.feed.feedFile);
    for (const auto& d : parsed.diagnostics)
      if (d.severity == core::Severity::Error)
        v.problems.push_back((d.line > 0 ? std::string(say(ct::kLine, c.lang)) + " " + std::to_string(d.line) + ", " : std::string()) +
                             (d.jsonPointer.empty() ? "" : d.jsonPointer + ": ") + d.message);
    if (parsed.feed) {
      zone = parsed.feed->zone;
      if (shown) v.same = describeReleaseChange(*shown, release->text, *parsed.feed, *draft, c.lang, t, v.changes, v.remarks);
      else addChangeList(v.changes, ct::kEventsAdded, c.lang, [&] {
        std::vector<std::string> lines;
        for (const auto& e : parsed.feed->events) lines.push_back(eventLine(e, parsed.feed->zone, c.lang));
        return lines;
      }());
    }
  }
  v.history = historyRows(o_.feed.dir, zone, c.lang);
  PageFrame f{c.lang, say(ct::kPublish, c.lang), "/console/publish", c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{status, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, publishMain(v))};
}

HttpResponse Console::publish(Context& c) {
  if (!c.session) return refuse(c, 403, "publish", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "publish")) return refuse(c, 403, "publish", "csrf", say(ct::kFormStale, c.lang));
  if (c.session->role != Role::Admin) return refuse(c, 403, "publish", "forbidden", say(ct::kForbidden, c.lang));
  auto draft = platform::readFile(o_.feed.feedFile, core::FeedLimits{}.maxBytes);
  if (!draft) {
    audit(c, "publish", "error", draft.error().message);
    return publishPage(c, 500, "", std::string(say(ct::kNotPublished, c.lang)) + " " + draft.error().message);
  }
  // Publish what the admin looked at: not a draft someone saved since, nor over a newer release.
  const auto current = currentRevision(o_.feed.dir);
  const std::string seenDraft = c.form.count("draft") ? c.form.at("draft") : "", seenBase = c.form.count("base") ? c.form.at("base") : "";
  if (seenDraft != contentHash(*draft) || seenBase != baseOf(current)) {
    audit(c, "publish", "stale", "shown against " + seenBase.substr(0, 24) + ", now " + baseOf(current));
    return publishPage(c, 409, "", say(ct::kStale, c.lang));
  }
  if (!core::parseFeed(*draft, o_.feed.feedFile).feed) {
    audit(c, "publish", "invalid", o_.feed.feedFile);
    return publishPage(c, 422, "", say(ct::kNotPublished, c.lang));
  }
  const auto done = publishFeedText(*draft, o_.feed.dir, o_.feed.keys, o_.feed.keyName, o_.feed.keep, o_.feed.feedFile, now(),
                                    {c.session->user, "console", ""});
  if (!done) {
    audit(c, "publish", "error", done.error().message);
    return publishPage(c, 500, "", std::string(say(ct::kNotPublished, c.lang)) + " " + done.error().message);
  }
  std::string counts;
  for (const auto& r : releaseHistory(o_.feed.dir))
    if (r.revision == done->revision) counts = countsText(r.counts, "en");
  audit(c, "publish", "ok", "revision " + std::to_string(done->revision) + (done->signed_ ? " (signed)" : "") + ": " + counts);
  return redirect("/console/publish?done=" + std::to_string(done->revision));
}

HttpResponse Console::rollbackPage(Context& c) {
  if (!c.session) return redirect("/console/login");
  if (c.session->role != Role::Admin) return refuse(c, 403, "rollback", "forbidden", say(ct::kForbidden, c.lang));
  const std::string asked = c.req.query ? c.req.query("revision") : std::string();
  const auto current = currentRevision(o_.feed.dir);
  const bool number = !asked.empty() && asked.size() <= 16 && asked.find_first_not_of("0123456789") == std::string::npos;
  const std::int64_t revision = number ? std::stoll(asked) : -1;
  const auto old = number && (!current || *current != revision) ? readRelease(o_.feed.dir, revision) : core::Result<Release>(core::fail("none"));
  const auto now_ = current ? readRelease(o_.feed.dir, *current) : core::Result<Release>(core::fail("none"));
  const auto oldFeed = old ? readFeed(old->text, "release") : std::nullopt;
  const auto nowFeed = now_ ? readFeed(now_->text, "release") : std::nullopt;
  if (!oldFeed || !nowFeed) return refuse(c, 404, "rollback", "no-release", say(ct::kNoSuchRelease, c.lang));
  RollbackView v;
  v.lang = c.lang;
  v.csrf = c.session->csrf;
  v.revision = revision;
  v.base = baseOf(current);
  for (const auto& r : releaseHistory(o_.feed.dir))
    if (r.revision == revision) {
      v.when = r.known ? releaseWhen(r.at, nowFeed->zone) : std::string(say(ct::kUnknown, c.lang));
      v.who = r.known ? whoText(r.origin, c.lang) : std::string();
    }
  const auto merged = withCurrentAnnouncements(old->text, now_->text);
  const auto mergedFeed = merged ? readFeed(*merged, "release") : std::nullopt;
  if (!mergedFeed) return refuse(c, 404, "rollback", "no-release", say(ct::kNoSuchRelease, c.lang));
  v.same = describeReleaseChange(*nowFeed, now_->text, *mergedFeed, *merged, c.lang, now(), v.changes, v.remarks);
  PageFrame f{c.lang, ct::sayNumber(ct::kRollbackTo, c.lang, revision), "/console/rollback?revision=" + std::to_string(revision),
              c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{200, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, rollbackMain(v))};
}

HttpResponse Console::rollback(Context& c) {
  if (!c.session) return refuse(c, 403, "rollback", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "rollback")) return refuse(c, 403, "rollback", "csrf", say(ct::kFormStale, c.lang));
  if (c.session->role != Role::Admin) return refuse(c, 403, "rollback", "forbidden", say(ct::kForbidden, c.lang));
  const std::string asked = c.form.count("revision") ? c.form.at("revision") : "";
  const auto current = currentRevision(o_.feed.dir);
  if (asked.empty() || asked.size() > 16 || asked.find_first_not_of("0123456789") != std::string::npos || !current ||
      std::to_string(*current) == asked)
    return refuse(c, 404, "rollback", "no-release", say(ct::kNoSuchRelease, c.lang));
  if ((c.form.count("base") ? c.form.at("base") : "") != baseOf(current)) {
    audit(c, "rollback", "stale", "r" + asked + " shown against another release, now " + baseOf(current));
    return publishPage(c, 409, "", say(ct::kStale, c.lang));
  }
  const std::int64_t revision = std::stoll(asked);
  const auto old = readRelease(o_.feed.dir, revision);
  const auto shown = readRelease(o_.feed.dir, *current);
  const auto text = old && shown ? withCurrentAnnouncements(old->text, shown->text) : std::nullopt;
  if (!text) return refuse(c, 404, "rollback", "no-release", say(ct::kNoSuchRelease, c.lang));
  const std::string what = o_.feed.dir + "/releases/" + asked + "/feed.json";
  const auto done = publishFeedText(*text, o_.feed.dir, o_.feed.keys, o_.feed.keyName, o_.feed.keep, what, now(),
                                    {c.session->user, "console", rollbackNote(revision)});
  if (!done) {
    audit(c, "rollback", "error", "r" + asked + ": " + done.error().message);
    return publishPage(c, 500, "", std::string(say(ct::kNotPublished, c.lang)) + " " + done.error().message);
  }
  audit(c, "rollback", "ok", "content of revision " + asked + " as revision " + std::to_string(done->revision));
  return redirect("/console/publish?rolledback=" + std::to_string(done->revision));
}

}  // namespace sf::tools
