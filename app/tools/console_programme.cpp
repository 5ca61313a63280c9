// The console's Programme page: the draft's events of a day with marks (cancelled, changed since
// the release, pinned, from a sync source), and the day's fixes to one event or a new short one.
// Each fix is a pure core edit, checked as `validate` checks, written atomically and audited.
#include "console.hpp"
#include "console_internal.hpp"
#include "console_pages.hpp"
#include "console_programme_page.hpp"
#include "console_text.hpp"
#include "core/feed/changes.hpp"
#include "core/feed/programme_edit.hpp"
#include "platform/crypto.hpp"

#include <cctype>
#include <set>

namespace sf::tools {

namespace ct = console_text;
using ct::say;
using namespace console_detail;

namespace {

constexpr std::size_t kMaxProgrammeTitle = 150;  // characters, the feed's long-title mark
constexpr std::size_t kMaxSpeakers = 20, kMaxSpeakerChars = 120;
constexpr std::size_t kMaxProgrammeField = 40;

struct ProgrammeDraft {
  std::string text;
  core::Feed feed;
};

std::optional<ProgrammeDraft> readProgrammeDraft(const std::string& file) {
  auto text = platform::readFile(file, core::FeedLimits{}.maxBytes);
  if (!text) return std::nullopt;
  auto feed = readFeed(*text, file);
  if (!feed) return std::nullopt;
  return ProgrammeDraft{std::move(*text), std::move(*feed)};
}

bool mayFixProgramme(Role role) { return role == Role::Organiser || role == Role::Admin; }

std::string programmeField(const std::map<std::string, std::string>& form, const std::string& name, std::size_t max = kMaxProgrammeField) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : std::string(core::trimmed(it->second)).substr(0, max + 1);
}

std::string clockText(core::Instant t, const core::TimeZone& zone) {
  const auto l = zone.toLocal(t);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", l.hour, l.minute);
  return hm;
}

std::string dayLabel(core::Date d, const core::TimeZone& zone, const std::string& lang) {
  static constexpr const char* kDe[] = {"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"};
  static constexpr const char* kEn[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  const auto l = zone.toLocal(zone.startOfDay(d) + std::chrono::hours{12});
  const std::string iso = core::formatDate(d);  // YYYY-MM-DD
  return std::string(lang == "en" ? kEn[l.weekday] : kDe[l.weekday]) + " " + iso.substr(8, 2) + "." + iso.substr(5, 2) + ".";
}

// "14:30" on the event's day, else a moment as organisers type it elsewhere (announce_service).
std::optional<core::Instant> momentOnDay(const std::string& s, core::Date day, const core::TimeZone& zone, core::Instant now) {
  if (s.size() == 5 && s[2] == ':') return core::parseInstantOrLocal(core::formatDate(day) + "T" + s, zone);
  if (s.size() == 4 && s[1] == ':') return core::parseInstantOrLocal(core::formatDate(day) + "T0" + s, zone);
  return parseMoment(s, zone, now);
}

// One speaker per line, "Name (Organisation)".
std::optional<std::vector<core::Speaker>> speakersFromLines(const std::string& text) {
  std::vector<core::Speaker> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto eol = std::min(text.find('\n', pos), text.size());
    const std::string line(core::trimmed(std::string_view(text).substr(pos, eol - pos)));
    pos = eol + 1;
    if (line.empty()) continue;
    if (out.size() >= kMaxSpeakers || core::utf8Length(line) > kMaxSpeakerChars || core::firstInvalidUtf8(line) != std::string::npos) return std::nullopt;
    core::Speaker s{line, ""};
    if (const auto open = line.rfind(" ("); open != std::string::npos && line.back() == ')') {
      s.name = std::string(core::trimmed(line.substr(0, open)));
      s.affiliation = std::string(core::trimmed(line.substr(open + 2, line.size() - open - 3)));
    }
    if (!s.name.empty()) out.push_back(std::move(s));
  }
  return out;
}

std::string speakerLines(const std::vector<core::Speaker>& speakers) {
  std::string out;
  for (const auto& s : speakers) out += (out.empty() ? "" : "\n") + s.name + (s.affiliation.empty() ? "" : " (" + s.affiliation + ")");
  return out;
}

std::string speakerNames(const std::vector<core::Speaker>& speakers) {
  std::string out;
  for (const auto& s : speakers) out += (out.empty() ? "" : ", ") + s.name;
  return out;
}

// The title per feed language from the form; nothing (and `why`) when it cannot be used.
std::optional<core::LocalText> titlesFromForm(const std::map<std::string, std::string>& form, const core::Feed& feed, const ct::Words*& why) {
  core::LocalText t;
  std::set<std::string> distinct;
  for (const auto& l : feed.languages) {
    const std::string v = programmeField(form, "title-" + l, 4 * kMaxProgrammeTitle);
    if (core::firstInvalidUtf8(v) != std::string::npos || core::utf8Length(v) > kMaxProgrammeTitle) return why = &ct::kTitleTooLong, std::nullopt;
    if (v.empty()) continue;
    t.set(l, v);
    distinct.insert(v);
  }
  if (t.empty() || !t.has(feed.languages.front())) return why = &ct::kNeedTitle, std::nullopt;
  if (distinct.size() == 1 && t.values().size() > 1) {  // the same words in every language: one string, as people write it
    core::LocalText one;
    one.set(feed.languages.front(), *distinct.begin());
    return one;
  }
  return t;
}

std::string roomValueOf(const core::Event& e, const core::Feed& feed) {
  return e.roomId.empty() ? e.room.in(feed.languages.front()) : e.roomId;
}

ProgrammeChoices roomChoices(const core::Feed& feed, const std::string& lang) {
  ProgrammeChoices out;
  for (const auto& r : feed.rooms) out.emplace_back(r.id, r.name.in(lang).empty() ? r.id : r.name.in(lang));
  return out;
}

ProgrammeChoices languageChoices(const core::Feed& feed) {
  ProgrammeChoices out;
  for (const auto& l : feed.languages) out.emplace_back(l, languageName(l));
  return out;
}

struct ProgrammeAsk {
  core::EventChange change;
  std::string what;  // for the audit log, in English
  const ct::Words* invalid = nullptr;
};

// The change a form asks for on event `e`; `invalid` says why it cannot be made.
ProgrammeAsk programmeAskFrom(const std::string& action, const std::map<std::string, std::string>& form, const core::Feed& feed,
                              const core::Event& e, core::Instant now) {
  ProgrammeAsk a;
  const auto& zone = feed.zone;
  if (action == "cancel" || action == "uncancel") {
    a.change.cancelled = action == "cancel";
    a.what = action == "cancel" ? "cancelled" : "cancellation taken back";
  } else if (action == "move") {
    if (e.allDay) return a.invalid = &ct::kAllDayNoMove, a;
    const std::string room = programmeField(form, "room", 200), startText = programmeField(form, "start"), endText = programmeField(form, "end");
    if (room.size() > 200 || (!room.empty() && room != roomValueOf(e, feed) && !feed.findRoom(room))) return a.invalid = &ct::kBadRoom, a;
    if (room != roomValueOf(e, feed)) a.change.room = room;
    const auto start = startText.size() > kMaxProgrammeField ? std::nullopt : momentOnDay(startText, zone.toLocal(e.start).date, zone, now);
    if (!start) return a.invalid = &ct::kBadStart, a;
    std::optional<core::Instant> end;
    if (endText.size() <= kMaxProgrammeField) {
      if (const auto d = parseDuration(core::asciiLower(endText)); d && *d <= std::chrono::hours{24}) end = *start + *d;
      else end = momentOnDay(endText, zone.toLocal(*start).date, zone, now);
    }
    if (!end || *end <= *start) return a.invalid = &ct::kBadEnd, a;
    if (*start != e.start) a.change.start = *start;
    if (*end != e.end) a.change.end = *end;
    a.what = "moved " + core::formatDate(zone.toLocal(e.start).date) + " " + clockText(e.start, zone) + "-" + clockText(e.end, zone) + " " +
             roomValueOf(e, feed) + " -> " + core::formatDate(zone.toLocal(*start).date) + " " + clockText(*start, zone) + "-" +
             clockText(*end, zone) + " " + room;
  } else if (action == "title") {
    const ct::Words* why = nullptr;
    auto t = titlesFromForm(form, feed, why);
    if (!t) return a.invalid = why, a;
    a.change.title = *t;
    a.what = "title " + core::quoteShort(t->in(feed.languages.front()));
  } else if (action == "speakers") {
    const auto it = form.find("speakers");
    auto s = speakersFromLines(it == form.end() ? std::string() : it->second.substr(0, 4000));
    if (!s) return a.invalid = &ct::kSpeakersTooLong, a;
    a.what = "speakers " + core::quoteShort(speakerNames(*s));
    a.change.speakers = std::move(*s);
  } else {
    a.invalid = &ct::kBadAction;
  }
  a.change.pin = form.count("pin") && form.at("pin") == "1";
  return a;
}

std::vector<std::string> reasonsOf(const core::Diagnostics& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds)
    if (d.severity == core::Severity::Error && out.size() < 8) out.push_back(d.message);
  return out;
}

std::string programmeQuery(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_') out += static_cast<char>(ch);
    else out += std::string("%") + hex[ch >> 4] + hex[ch & 15];
  }
  return out;
}

}  // namespace

std::string Console::syncSourceOf(const std::string& eventId) const {
  for (const auto& s : o_.syncSources)
    if (eventId.size() > s.size() && eventId.starts_with(s + ":")) return s;
  return {};
}

HttpResponse Console::programme(Context& c) {
  const std::string& p = c.req.path;
  const bool post = c.req.method == "POST";
  if (p == "/console/programme" && c.get) return programmeList(c);
  if (p == "/console/programme/event" && c.get) {
    if (!c.session) return redirect("/console/login");
    const std::string done = c.req.query ? c.req.query("done") : std::string();
    const std::string note = done == "saved" ? say(ct::kSaved, c.lang) : done == "pinned" ? say(ct::kSavedPinned, c.lang)
                           : done == "unpinned" ? say(ct::kSavedUnpinned, c.lang) : done == "added" ? say(ct::kAdded, c.lang) : "";
    return programmeEventPage(c, 200, c.req.query ? c.req.query("id") : std::string(), note, "", {}, false);
  }
  if (p == "/console/programme/event" && post) return programmeChange(c);
  if (p == "/console/programme/new" && c.get) {
    if (!c.session) return redirect("/console/login");
    return programmeNewPage(c, 200, "", {});
  }
  if (p == "/console/programme/new" && post) return programmeAdd(c);
  if (p == "/console/programme" || p == "/console/programme/event" || p == "/console/programme/new")
    return HttpResponse{405, {{"Allow", p == "/console/programme" ? "GET, HEAD" : "GET, HEAD, POST"}, {"Content-Type", "text/plain; charset=utf-8"}},
                        "wrong method\n"};
  PageFrame f{c.lang, say(ct::kNotFound, c.lang), "/console/programme"};
  return HttpResponse{404, {{"Content-Type", "text/html; charset=utf-8"}},
                      consolePage(f, messageMain(c.lang, say(ct::kNotFound, c.lang), say(ct::kNotFound, c.lang)))};
}

HttpResponse Console::programmeList(Context& c) {
  if (!c.session) return redirect("/console/login");
  if (!mayFixProgramme(c.session->role)) return refuse(c, 403, "programme", "forbidden", say(ct::kForbidden, c.lang));
  ProgrammeListPage pg;
  pg.lang = c.lang;
  PageFrame f{c.lang, say(ct::kProgramme, c.lang), "/console/programme", c.session->user, c.session->role, c.session->csrf};
  const auto draft = readProgrammeDraft(o_.feed.feedFile);
  if (!draft) {
    pg.error = say(ct::kFeedUnreadable, c.lang);
    return HttpResponse{500, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, programmeListMain(pg))};
  }
  const core::Feed& feed = draft->feed;
  const auto& zone = feed.zone;
  const core::Date today = zone.toLocal(now()).date;
  const auto asked = core::parseDate(c.req.query ? c.req.query("day") : std::string());
  const core::Date day = asked ? *asked : today;
  pg.day = core::formatDate(day);
  pg.room = c.req.query ? c.req.query("room").substr(0, 200) : std::string();
  std::set<core::Date> days{today, day};
  for (const auto& e : feed.events)
    if (!e.allDay) days.insert(zone.toLocal(e.start).date);
  for (const auto& d : days)
    pg.days.emplace_back(core::formatDate(d), dayLabel(d, zone, c.lang) + (d == today ? std::string(" (") + say(ct::kToday, c.lang) + ")" : ""));

  // Marks against what screens show now (the current release).
  std::set<std::string> changed, added;
  const auto shown = shownFeed(o_.feed);
  if (shown) {
    const auto diff = core::compareFeeds(*shown, feed, c.lang);
    for (const auto* e : diff.added) added.insert(e->id);
    for (const auto* e : diff.cancelled) changed.insert(e->id);
    for (const auto* e : diff.edited) changed.insert(e->id);
    for (const auto& m : diff.moved) changed.insert(m.id);
  }
  const auto pins = core::pinnedFixes(draft->text);
  const core::Instant from = zone.startOfDay(day), to = zone.startOfDay(day + std::chrono::days{1});
  std::set<std::string> roomKeys;
  for (const auto& e : feed.events) {
    if (!(e.start < to && (e.end > from || (e.end == e.start && e.start >= from)))) continue;
    const std::string key = roomValueOf(e, feed);
    if (!key.empty() && roomKeys.insert(key).second) pg.rooms.emplace_back(key, e.room.in(c.lang));
    if (!pg.room.empty() && key != pg.room) continue;
    ProgrammeRow r;
    r.id = e.id;
    r.time = e.allDay ? say(ct::kAllDay, c.lang) : clockText(e.start, zone) + "–" + clockText(e.end, zone);
    r.room = e.room.empty() ? e.place.in(c.lang) : e.room.in(c.lang);
    r.title = e.title.in(c.lang);
    r.speakers = speakerNames(e.speakers);
    r.source = syncSourceOf(e.id);
    r.cancelled = e.cancelled;
    r.changed = changed.contains(e.id);
    r.added = added.contains(e.id);
    r.pinned = pins.contains(e.id);
    pg.rows.push_back(std::move(r));
  }
  return HttpResponse{200, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, programmeListMain(pg))};
}

HttpResponse Console::programmeEventPage(Context& c, int status, const std::string& id, const std::string& note, const std::string& error,
                                         const std::vector<std::string>& reasons, bool keepForm) {
  if (!mayFixProgramme(c.session->role)) return refuse(c, 403, "programme", "forbidden", say(ct::kForbidden, c.lang));
  const auto draft = readProgrammeDraft(o_.feed.feedFile);
  if (!draft) return refuse(c, 500, "programme", "error", say(ct::kFeedUnreadable, c.lang));
  const core::Event* e = id.size() <= 200 ? draft->feed.findEvent(id) : nullptr;
  if (!e) return refuse(c, 404, "programme", "unknown-event", say(ct::kNoSuchEvent, c.lang));
  const core::Feed& feed = draft->feed;
  const auto& zone = feed.zone;
  ProgrammeEventPage pg;
  pg.lang = c.lang;
  pg.csrf = c.session->csrf;
  pg.id = e->id;
  pg.day = core::formatDate(zone.toLocal(e->start).date);
  pg.heading = e->title.in(c.lang);
  pg.when = dayLabel(zone.toLocal(e->start).date, zone, c.lang) + " " +
            (e->allDay ? std::string(say(ct::kAllDay, c.lang)) : clockText(e->start, zone) + "–" + clockText(e->end, zone));
  pg.room = e->room.empty() ? e->place.in(c.lang) : e->room.in(c.lang);
  pg.source = syncSourceOf(e->id);
  if (const auto pins = core::pinnedFixes(draft->text); pins.contains(e->id)) pg.pinned = pins.at(e->id);
  pg.cancelled = e->cancelled;
  pg.allDay = e->allDay;
  pg.languages = languageChoices(feed);
  pg.rooms = roomChoices(feed, c.lang);
  pg.notice = note;
  pg.error = error;
  pg.reasons = reasons;
  pg.form["room"] = roomValueOf(*e, feed);
  pg.form["start"] = clockText(e->start, zone);
  pg.form["end"] = zone.toLocal(e->end).date == zone.toLocal(e->start).date
                       ? clockText(e->end, zone)
                       : core::formatDate(zone.toLocal(e->end).date) + "T" + clockText(e->end, zone);
  for (const auto& l : feed.languages) pg.form["title-" + l] = e->title.in(l);
  pg.form["speakers"] = speakerLines(e->speakers);
  if (keepForm)  // what was typed stays for another try
    for (const auto& [k, v] : c.form)
      if (k != "csrf" && pg.form.contains(k)) pg.form[k] = v.substr(0, 4000);
  // The language links lead to the list: the frame's links carry no id.
  PageFrame f{c.lang, e->title.in(c.lang), "/console/programme", c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{status, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, programmeEventMain(pg))};
}

HttpResponse Console::programmeChange(Context& c) {
  const std::string action = programmeField(c.form, "action", 20);
  const bool knownAction = action == "cancel" || action == "uncancel" || action == "move" || action == "title" || action == "speakers";
  const std::string auditAction = knownAction ? "programme-" + action : "programme";
  if (!c.session) return refuse(c, 403, auditAction, "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, auditAction)) return refuse(c, 403, auditAction, "csrf", say(ct::kFormStale, c.lang));
  if (!mayFixProgramme(c.session->role)) return refuse(c, 403, auditAction, "forbidden", say(ct::kForbidden, c.lang));
  const std::string id = programmeField(c.form, "id", 200);
  if (!knownAction) return refuse(c, 400, auditAction, "invalid", say(ct::kBadAction, c.lang));
  const auto draft = readProgrammeDraft(o_.feed.feedFile);
  if (!draft) {
    audit(c, auditAction, "error", "the draft cannot be read");
    return refuse(c, 500, auditAction, "error", say(ct::kFeedUnreadable, c.lang));
  }
  const core::Event* e = core::isValidId(id) ? draft->feed.findEvent(id) : nullptr;
  if (!e) return refuse(c, 404, auditAction, "unknown-event", say(ct::kNoSuchEvent, c.lang));
  const auto ask = programmeAskFrom(action, c.form, draft->feed, *e, now());
  if (ask.invalid) {
    audit(c, auditAction, "invalid", id + ": " + say(*ask.invalid, "en"));
    return programmeEventPage(c, 422, id, "", say(*ask.invalid, c.lang), {}, true);
  }
  const auto edited = core::changeEvent(draft->text, id, ask.change);
  if (!edited.text) {
    const auto reasons = reasonsOf(edited.diagnostics);
    audit(c, auditAction, "refused", id + ": " + ask.what + ": " + (reasons.empty() ? std::string("invalid") : reasons.front()));
    return programmeEventPage(c, 422, id, "", say(ct::kRefusedEdit, c.lang), reasons, true);
  }
  if (auto done = platform::writeFileAtomic(o_.feed.feedFile, *edited.text); !done) {
    audit(c, auditAction, "error", id + ": " + done.error().message);
    return programmeEventPage(c, 500, id, "", std::string(say(ct::kRefusedEdit, c.lang)) + " " + done.error().message, {}, true);
  }
  const std::string source = syncSourceOf(id);
  audit(c, auditAction, "ok", id + ": " + ask.what + (ask.change.pin ? ", pinned" : source.empty() ? "" : ", not pinned (source " + source + ")"));
  const char* done = ask.change.pin ? "pinned" : source.empty() ? "saved" : "unpinned";
  return redirect("/console/programme/event?id=" + programmeQuery(id) + "&done=" + done);
}

HttpResponse Console::programmeNewPage(Context& c, int status, const std::string& error, const std::vector<std::string>& reasons) {
  if (!mayFixProgramme(c.session->role)) return refuse(c, 403, "programme-add", "forbidden", say(ct::kForbidden, c.lang));
  const auto draft = readProgrammeDraft(o_.feed.feedFile);
  if (!draft) return refuse(c, 500, "programme-add", "error", say(ct::kFeedUnreadable, c.lang));
  ProgrammeNewPage pg;
  pg.lang = c.lang;
  pg.csrf = c.session->csrf;
  pg.languages = languageChoices(draft->feed);
  pg.rooms = roomChoices(draft->feed, c.lang);
  pg.error = error;
  pg.reasons = reasons;
  const auto day = core::parseDate(c.req.query ? c.req.query("day") : std::string());
  pg.form["day"] = core::formatDate(day ? *day : draft->feed.zone.toLocal(now()).date);
  pg.form["duration"] = "30m";
  if (c.req.method == "POST")
    for (const auto& [k, v] : c.form)
      if (k != "csrf") pg.form[k] = v.substr(0, 4000);
  PageFrame f{c.lang, say(ct::kAddEvent, c.lang), "/console/programme/new", c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{status, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, programmeNewMain(pg))};
}

HttpResponse Console::programmeAdd(Context& c) {
  if (!c.session) return refuse(c, 403, "programme-add", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "programme-add")) return refuse(c, 403, "programme-add", "csrf", say(ct::kFormStale, c.lang));
  if (!mayFixProgramme(c.session->role)) return refuse(c, 403, "programme-add", "forbidden", say(ct::kForbidden, c.lang));
  const auto draft = readProgrammeDraft(o_.feed.feedFile);
  if (!draft) {
    audit(c, "programme-add", "error", "the draft cannot be read");
    return refuse(c, 500, "programme-add", "error", say(ct::kFeedUnreadable, c.lang));
  }
  const core::Feed& feed = draft->feed;
  const auto invalid = [&](const ct::Words& why) {
    audit(c, "programme-add", "invalid", say(why, "en"));
    return programmeNewPage(c, 422, say(why, c.lang), {});
  };
  const ct::Words* why = nullptr;
  const auto title = titlesFromForm(c.form, feed, why);
  if (!title) return invalid(*why);
  core::NewEvent n;
  n.title = *title;
  n.room = programmeField(c.form, "room", 200);
  if (!n.room.empty() && !feed.findRoom(n.room)) return invalid(ct::kBadRoom);
  const auto day = core::parseDate(programmeField(c.form, "day"));
  const auto start = day ? momentOnDay(programmeField(c.form, "start"), *day, feed.zone, now()) : std::nullopt;
  if (!start) return invalid(ct::kBadStart);
  const auto length = parseDuration(core::asciiLower(programmeField(c.form, "duration", 20)));
  if (!length || *length > std::chrono::hours{24}) return invalid(ct::kBadEnd);
  n.start = *start;
  n.end = *start + *length;
  const auto it = c.form.find("speakers");
  auto speakers = speakersFromLines(it == c.form.end() ? std::string() : it->second.substr(0, 4000));
  if (!speakers) return invalid(ct::kSpeakersTooLong);
  n.speakers = std::move(*speakers);
  n.id = "console-" + platform::randomHex(4);
  if (n.id.size() != 16) return refuse(c, 503, "programme-add", "no-randomness", "no random numbers");
  const std::string what = n.id + ": added " + core::quoteShort(n.title.in(feed.languages.front())) + " " +
                           core::formatInstant(n.start, feed.zone) + " for " + std::to_string(length->count() / 60) + " min" +
                           (n.room.empty() ? "" : " in " + n.room);
  const auto edited = core::addEvent(draft->text, n);
  if (!edited.text) {
    const auto reasons = reasonsOf(edited.diagnostics);
    audit(c, "programme-add", "refused", what + ": " + (reasons.empty() ? std::string("invalid") : reasons.front()));
    return programmeNewPage(c, 422, say(ct::kRefusedEdit, c.lang), reasons);
  }
  if (auto done = platform::writeFileAtomic(o_.feed.feedFile, *edited.text); !done) {
    audit(c, "programme-add", "error", what + ": " + done.error().message);
    return programmeNewPage(c, 500, std::string(say(ct::kRefusedEdit, c.lang)) + " " + done.error().message, {});
  }
  audit(c, "programme-add", "ok", what);
  return redirect("/console/programme/event?id=" + programmeQuery(n.id) + "&done=added");
}

}  // namespace sf::tools
