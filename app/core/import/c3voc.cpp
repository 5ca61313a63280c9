// The frab/pretalx schedule JSON (c3voc format) to imported events. An event's instant comes
// from its `date` with offset, never from day + "HH:MM": days file after-midnight events early.
#include "core/import/c3voc.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/feed/json_scan.hpp"
#include "core/import/schedule2.hpp"
#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

std::string describeValue(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::string: return "a string (" + quoteShort(v.get_ref<const std::string&>()) + ")";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "a number (" + v.dump() + ")";
  }
}

const json* member(const json& obj, std::string_view key) {
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string stringOf(const json* v) {
  return v && v->is_string() ? std::string(trimmed(v->get_ref<const std::string&>())) : std::string();
}

std::string describeEvent(const json& ev, const ImportOptions& opts) {
  std::string text = plainText(stringOf(member(ev, "abstract")));
  if (text.empty()) text = plainText(stringOf(member(ev, "description")));
  return shorten(text, opts.maxDescription);
}

// Offsets the times were written with, to judge the zone a schedule names.
struct ZoneEvidence {
  std::vector<std::pair<Instant, int>> offsets;
};

// Decides the source's zone: the named one when every written offset agrees with it, else a
// fixed-offset zone when all offsets are equal, else none. Explains every doubt as a warning.
void settleZone(ImportResult& r, const std::optional<TimeZone>& named, std::string_view namedText,
                const std::string& namePtr, const ZoneEvidence& ev, bool feedHasZone) {
  if (named) {
    std::size_t wrong = 0;
    const std::pair<Instant, int>* example = nullptr;
    for (const auto& o : ev.offsets) {
      if (named->toLocal(o.first).offsetMinutes != o.second) {
        ++wrong;
        if (!example) example = &o;
      }
    }
    if (wrong == 0) {
      r.zoneName = named->name();
      return;
    }
    report(r.diagnostics, Severity::Warning, namePtr,
           "time_zone_name says " + quoteShort(namedText) + ", but " + std::to_string(wrong) + " of " +
               std::to_string(ev.offsets.size()) + " times carry another offset (e.g. " +
               formatOffset(example->second) + " where " + std::string(namedText) + " has " +
               formatOffset(named->toLocal(example->first).offsetMinutes) +
               "); every time is read from its own offset and the named zone is not used");
  }
  std::set<int> distinct;
  for (const auto& o : ev.offsets) distinct.insert(o.second);
  if (distinct.size() == 1) {
    if (auto z = fixedOffsetZone(*distinct.begin()); z && TimeZone::find(*z)) {
      r.zoneName = *z;
      if (feedHasZone) return;  // the feed's zone is used; the fixed zone matters only for a new feed
      if (!named)
        report(r.diagnostics, Severity::Warning, namePtr,
               "no usable time_zone_name; every time carries " + formatOffset(*distinct.begin()) +
                   ", so a new feed gets the fixed zone " + *z + " unless --time-zone names the venue's zone");
      else
        report(r.diagnostics, Severity::Warning, namePtr,
               "a new feed gets the fixed zone " + *z + " (" + formatOffset(*distinct.begin()) +
                   ") unless --time-zone names the venue's zone");
      return;
    }
  }
  if (!ev.offsets.empty() && !feedHasZone)
    report(r.diagnostics, Severity::Warning, namePtr,
           "the schedule names no zone its times agree with; a new feed needs --time-zone");
}

struct PendingEvent {
  ImportedEvent event;
  std::string local;  // the start as the source writes it: "2019-08-22T14:00"
};

// "2019-08-22T14:00" -> "20190822", or with the time "20190822T1400", as iCalendar instance keys.
std::string compactLocal(std::string_view local, bool withTime) {
  std::string out;
  for (char c : local.substr(0, withTime ? 16 : 10))
    if (c != '-' && c != ':') out += c;
  return out;
}

// A guid listed at several starts is one event held several times (a workshop on four days):
// every occurrence is kept, keyed by the guid and its local start date (plus the time when one
// day holds two), keys a re-import of the same schedule gives again. A guid listed twice at the
// same start is the same event listed twice: the first is kept. An occurrence left out as
// unreadable still counts, so the others keep their keys while it is broken.
void settleRepeatedKeys(std::vector<PendingEvent>& pending, ImportResult& r) {
  std::map<std::string, std::vector<std::size_t>> byKey;
  for (std::size_t i = 0; i < pending.size(); ++i) byKey[pending[i].event.key].push_back(i);
  std::vector<bool> drop(pending.size(), false);
  for (const auto& [key, all] : byKey) {
    const bool alsoRefused = std::find(r.refusedKeys.begin(), r.refusedKeys.end(), key) != r.refusedKeys.end();
    if (all.size() + (alsoRefused ? 1 : 0) < 2) continue;
    std::map<Instant, std::size_t> firstAt;
    std::vector<std::size_t> kept;
    std::map<std::string, int> perDay;
    for (std::size_t i : all) {
      const auto& e = pending[i].event;
      if (auto [it, fresh] = firstAt.emplace(e.start, i); !fresh) {
        report(r.diagnostics, Severity::Warning, e.origin,
               "the event " + quoteShort(key) + " appears again at the same start (first at " + pending[it->second].event.origin +
                   "); only the first is imported");
        ++r.skipped;
        drop[i] = true;
        continue;
      }
      kept.push_back(i);
      ++perDay[compactLocal(pending[i].local, false)];
    }
    if (kept.size() + (alsoRefused ? 1 : 0) < 2) continue;
    if (kept.size() > 1)
      report(r.diagnostics, Severity::Warning, pending[kept[1]].event.origin,
           "the event " + quoteShort(key) + " is listed " + std::to_string(kept.size()) + " times at different starts (first at " +
                 pending[kept[0]].event.origin + "); each is imported, keyed by the guid and its start date");
    for (std::size_t i : kept) {
      const bool sameDay = perDay[compactLocal(pending[i].local, false)] > 1;
      pending[i].event.key = key + "_" + compactLocal(pending[i].local, sameDay);
    }
  }
  for (std::size_t i = 0; i < pending.size(); ++i)
    if (!drop[i]) r.events.push_back(std::move(pending[i].event));
}

// The conference's own lists, where the export has them: rooms with GUIDs (the ids that survive
// renaming) in the organiser's order, tracks with colours.
void readConferenceLists(const json& conf, ImportResult& r) {
  if (const json* rooms = member(conf, "rooms"); rooms && rooms->is_array())
    for (const auto& room : *rooms) {
      if (!room.is_object()) continue;
      const json* cap = member(room, "capacity");
      addRoom(r, stringOf(member(room, "name")), stringOf(member(room, "guid")),
              cap && cap->is_number_integer() ? std::optional<int>(cap->get<int>()) : std::nullopt);
    }
  if (const json* tracks = member(conf, "tracks"); tracks && tracks->is_array())
    for (const auto& t : *tracks)
      if (t.is_object()) addTrack(r, stringOf(member(t, "name")), stringOf(member(t, "color")));
}

class ScheduleReader {
 public:
  ScheduleReader(ImportResult& r, const ImportOptions& opts) : r_(r), opts_(opts) {}

  void error(const std::string& ptr, std::string msg) { report(r_.diagnostics, Severity::Error, ptr, std::move(msg)); }
  void warn(const std::string& ptr, std::string msg) { report(r_.diagnostics, Severity::Warning, ptr, std::move(msg)); }
  // One unreadable event must not cost the others: it is left out, and a feed keeps what an
  // earlier import brought for its key.
  void refuse(const std::string& ptr, std::string msg, const std::string& key = {}) {
    warn(ptr, std::move(msg) + "; the event is left out");
    ++r_.refused;
    if (!key.empty()) r_.refusedKeys.push_back(key);
  }
  void refuseGroup(const std::string& ptr, std::string msg) {  // a day or room that is no list of events
    warn(ptr, std::move(msg) + "; its events are left out");
    ++r_.refused;
  }

  void day(const json& d, const std::string& dp) {
    if (!d.is_object()) return refuseGroup(dp, "expected a day object, found " + describeValue(d));
    const std::string dateText = stringOf(member(d, "date"));
    dayDate_ = parseDate(dateText);
    // Events with their own date and offset do not need the day's; the others are refused alone.
    if (!dayDate_) warn(dp + "/date", "expected the day's date such as 2019-08-21, found " + (member(d, "date") ? describeValue(d["date"]) : "nothing"));
    // Times before the day's start belong to the next calendar day (a day runs e.g. 09:00–04:00).
    dayStartMinutes_ = 0;
    const std::string ds = stringOf(member(d, "day_start"));
    if (ds.size() >= 16)
      if (auto m = parseClockMinutes(std::string_view(ds).substr(11, 5))) dayStartMinutes_ = *m;
    const json* rooms = member(d, "rooms");
    if (!rooms || !rooms->is_object())
      return refuseGroup(dp + "/rooms", "expected the day's rooms as an object of room name -> events, found " + (rooms ? describeValue(*rooms) : "nothing"));
    for (auto it = rooms->begin(); it != rooms->end(); ++it) {
      const std::string rp = dp + "/rooms/" + pointerToken(it.key());
      if (it->is_null()) continue;
      if (!it->is_array()) {
        refuseGroup(rp, "expected an array of events, found " + describeValue(*it));
        continue;
      }
      for (std::size_t i = 0; i < it->size(); ++i) event((*it)[i], rp + "/" + std::to_string(i), it.key());
    }
  }

  std::optional<TimeZone> named;  // the zone time_zone_name names, if it exists
  ZoneEvidence evidence;

  // Hands the events read to the result, with the keys of repeated guids settled.
  void finish() {
    settleRepeatedKeys(pending_, r_);
    if (r_.events.empty() && r_.refused > 0)
      error("/schedule/conference/days", "no event could be read (" + std::to_string(r_.refused) +
                                             " left out, see the warnings); nothing to import");
  }

 private:
  // The id as text: a number, or a string of digits as some exports write it. Anything else is
  // reported and ignored (the guid is the key that matters).
  std::string idOf(const json& ev, const std::string& ep) {
    const json* id = member(ev, "id");
    if (!id) return {};
    if (id->is_number_integer() || id->is_number_unsigned()) return id->dump();
    const std::string expected = "expected a whole number (the schedule format's numeric event id), found " + describeValue(*id);
    if (id->is_string()) {
      const std::string text(trimmed(id->get_ref<const std::string&>()));
      const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
      if (!text.empty()) warn(ep + "/id", expected + (digits ? "; read as the id " + text : "; used as it is"));
      return text;
    }
    warn(ep + "/id", expected + "; the id is ignored");
    return {};
  }

  // Text where text is expected; a number is taken as written, with a warning.
  std::string textOf(const json& ev, const std::string& ep, std::string_view key) {
    const json* v = member(ev, key);
    if (v && v->is_number()) {
      warn(ep + "/" + std::string(key), "expected text, found " + describeValue(*v) + "; read as text");
      return v->dump();
    }
    return stringOf(v);
  }

  void event(const json& ev, const std::string& ep, const std::string& roomKey) {
    if (!ev.is_object()) return refuse(ep, "expected an event object, found " + describeValue(ev));
    ImportedEvent e;
    e.origin = ep;
    const std::string id = idOf(ev, ep);
    e.key = stringOf(member(ev, "guid"));
    if (e.key.empty()) e.key = id;
    if (e.key.empty()) return refuse(ep, "the event has neither a guid nor an id, so a re-import could not recognise it");

    const std::string title = textOf(ev, ep, "title");
    if (title.empty())
      return refuse(ep + "/title", "expected the event's title as a non-empty string, found " + (member(ev, "title") ? describeValue(ev["title"]) : "nothing"), e.key);
    e.title = title;

    std::string local;
    if (!times(ev, ep, e, local)) {
      r_.refusedKeys.push_back(e.key);
      return;
    }
    e.room = textOf(ev, ep, "room");
    if (e.room.empty()) e.room = std::string(trimmed(roomKey));
    e.roomKey = addRoom(r_, e.room);
    if (const json* ps = member(ev, "persons"); ps && ps->is_array())
      for (const auto& p : *ps) {
        std::string n = p.is_object() ? stringOf(member(p, "public_name")) : stringOf(&p);
        if (n.empty() && p.is_object()) n = stringOf(member(p, "name"));
        if (!n.empty()) e.speakers.push_back({n, {}});
      }
    e.subtitle = textOf(ev, ep, "subtitle");
    e.trackKey = addTrack(r_, textOf(ev, ep, "track"));
    e.kind = kindFromType(textOf(ev, ep, "type"));
    e.language = languageCodeOf(textOf(ev, ep, "language"));
    e.description = describeEvent(ev, opts_);
    const std::string url = stringOf(member(ev, "url"));
    if (isWebUrl(url)) e.link = url;
    pending_.push_back({std::move(e), std::move(local)});
  }

  // The start and end; `local` gets the start as the source writes it ("2019-08-22T14:00").
  bool times(const json& ev, const std::string& ep, ImportedEvent& e, std::string& local) {
    const json* date = member(ev, "date");
    const std::string dateText = stringOf(date);
    std::optional<Instant> start = parseInstant(dateText);
    if (start) {
      if (auto off = offsetMinutesOf(dateText)) evidence.offsets.emplace_back(*start, *off);
      local = dateText.substr(0, 16);
    } else if (date && !parseInstantOrLocal(dateText, TimeZone::utc())) {
      refuse(ep + "/date", "expected a date and time with offset such as 2019-08-21T11:00:00+02:00, found " + describeValue(*date));
      return false;
    } else {
      start = fromDayAndStart(ev, ep, local);  // no date, or one without offset: the older frab way
      if (!start) return false;
    }
    e.start = *start;
    const json* dur = member(ev, "duration");
    if (auto end = parseInstant(stringOf(member(ev, "end")))) {
      e.end = *end;
    } else if (const std::string durText = stringOf(dur); durText.empty()) {
      // A missing length still leaves a talk worth showing at its start.
      warn(ep + "/duration", "expected a duration as HH:MM or D:HH:MM, found " + (dur ? describeValue(*dur) : "nothing") +
                                 "; the event is shown without a length");
      e.end = e.start;
    } else if (const auto d = parseDuration(durText)) {
      e.end = e.start + *d;
    } else {
      refuse(ep + "/duration", "expected a duration as HH:MM or D:HH:MM (or an \"end\" with offset), found " + describeValue(*dur));
      return false;
    }
    if (e.end < e.start) {
      refuse(ep + "/end", "the event ends before it starts");
      return false;
    }
    return true;
  }

  std::optional<Instant> fromDayAndStart(const json& ev, const std::string& ep, std::string& local) {
    const auto m = parseClockMinutes(stringOf(member(ev, "start")));
    if (!m || !dayDate_) {
      refuse(ep + "/date", "expected \"date\" with offset such as 2019-08-21T11:00:00+02:00, or \"start\" as HH:MM on a dated day; found neither");
      return std::nullopt;
    }
    const std::optional<TimeZone>& zone = named ? named : opts_.zone;
    if (!zone) {
      refuse(ep + "/date", "the time has no offset and the schedule names no time zone; pass --time-zone");
      return std::nullopt;
    }
    Date day = *dayDate_;
    if (*m < dayStartMinutes_) day += std::chrono::days{1};  // after midnight, filed under the day before
    const Instant t = zone->fromLocal(day, *m / 60, *m % 60);
    local = formatInstant(t, *zone).substr(0, 16);
    warn(ep + "/date", "no date with offset; read as " + formatInstant(t, *zone) + " (" + zone->name() + ")");
    return t;
  }

  ImportResult& r_;
  const ImportOptions& opts_;
  std::optional<Date> dayDate_;
  int dayStartMinutes_ = 0;
  std::vector<PendingEvent> pending_;
};

}  // namespace

ImportResult importC3voc(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  json root;
  if (!parseJsonSource(text, root, r.diagnostics)) return r;
  auto finish = [&]() {
    locatePointers(withoutBom(text), r.diagnostics);
    return std::move(r);
  };
  const json* sch = root.is_object() ? member(root, "schedule") : nullptr;
  if (!sch || !sch->is_object()) {
    report(r.diagnostics, Severity::Error, root.is_object() ? "/schedule" : "",
           "expected a frab/pretalx schedule: an object with \"schedule\": {\"conference\": {\"days\": […]}}");
    return finish();
  }
  // A flat event list is schedule2, whatever its $schema says (or when it says nothing).
  if (const json* flat = member(*sch, "events"); flat && flat->is_array()) return importSchedule2(text, opts);
  if (sch->contains("rooms"))
    report(r.diagnostics, Severity::Error, "/schedule/rooms",
           "rooms are not allowed here: the schedule format lists them in /schedule/conference/rooms");
  const json* conf = member(*sch, "conference");
  if (!conf || !conf->is_object()) {
    report(r.diagnostics, Severity::Error, "/schedule/conference",
           "expected the conference object with its days, found " + (conf ? describeValue(*conf) : "nothing"));
    return finish();
  }
  r.title = stringOf(member(*conf, "title"));
  r.suggestedSourceId = slugify(stringOf(member(*conf, "acronym")));
  readConferenceLists(*conf, r);
  ScheduleReader reader(r, opts);
  const std::string tzText = stringOf(member(*conf, "time_zone_name"));
  if (!tzText.empty()) {
    reader.named = TimeZone::find(tzText);
    if (!reader.named)
      report(r.diagnostics, Severity::Warning, "/schedule/conference/time_zone_name",
             "unknown time zone " + quoteShort(tzText) + "; times are read from their own offsets");
  }
  const json* days = member(*conf, "days");
  if (!days || !days->is_array()) {
    report(r.diagnostics, Severity::Error, "/schedule/conference/days",
           "expected an array of days, found " + (days ? describeValue(*days) : "nothing"));
    return finish();
  }
  if (const json* count = member(*conf, "daysCount"); count && count->is_number_integer() && count->get<std::int64_t>() != static_cast<std::int64_t>(days->size()))
    report(r.diagnostics, Severity::Error, "/schedule/conference/daysCount",
           "daysCount is " + count->dump() + " but /schedule/conference/days lists " + std::to_string(days->size()) +
               (days->size() == 1 ? " day" : " days") + "; expected them to agree (is the export cut short?)");
  for (std::size_t d = 0; d < days->size(); ++d) reader.day((*days)[d], "/schedule/conference/days/" + std::to_string(d));
  reader.finish();
  settleZone(r, reader.named, tzText, "/schedule/conference/time_zone_name", reader.evidence, opts.zone.has_value());
  return finish();
}

int recogniseC3voc(std::string_view text, std::string_view) {
  return trimmed(withoutBom(text)).starts_with("{") ? 2 : 0;
}

}  // namespace sf::core
