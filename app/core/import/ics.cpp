// iCalendar to imported events: unfolds and splits content lines, reads times in their TZID
// (DST-safe, via the tz database), and expands recurring series into dated single events.
#include "core/import/ics.hpp"

#include <map>
#include <set>

#include "core/import/ics_recurrence.hpp"
#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

struct Prop {
  std::string name;
  std::vector<std::pair<std::string, std::string>> params;
  std::string value;
  int line = 0;
  std::string param(std::string_view n) const {
    for (const auto& [k, v] : params)
      if (k == n) return v;
    return {};
  }
};

struct VEvent {
  int line = 0;
  std::vector<Prop> props;
  const Prop* get(std::string_view n) const {
    for (const auto& p : props)
      if (p.name == n) return &p;
    return nullptr;
  }
  std::string text(std::string_view n) const {
    const Prop* p = get(n);
    return p ? std::string(trimmed(unescapeIcsText(p->value))) : std::string();
  }
};

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// One unfolded content line: NAME;PARAM=value;PARAM="quoted:value":VALUE
std::optional<Prop> parseLine(std::string_view l, int line) {
  Prop p;
  p.line = line;
  std::size_t i = l.find_first_of(";:");
  if (i == std::string_view::npos || i == 0) return std::nullopt;
  p.name = upper(l.substr(0, i));
  while (i < l.size() && l[i] == ';') {
    const auto eq = l.find('=', i + 1);
    if (eq == std::string_view::npos) return std::nullopt;
    std::string key = upper(l.substr(i + 1, eq - i - 1)), val;
    i = eq + 1;
    while (i < l.size() && l[i] != ';' && l[i] != ':') {
      if (l[i] == '"') {
        const auto close = l.find('"', i + 1);
        if (close == std::string_view::npos) return std::nullopt;
        val += l.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        val += l[i++];
      }
    }
    p.params.emplace_back(std::move(key), std::move(val));
  }
  if (i >= l.size() || l[i] != ':') return std::nullopt;
  p.value = std::string(l.substr(i + 1));
  return p;
}

struct IcsTime {
  Date date{};
  int h = 0, m = 0, s = 0;
  bool isDate = false;
  bool utc = false;
  std::optional<TimeZone> zone;  // from TZID; none and !utc: floating
};

bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

std::optional<Date> compactDate(std::string_view v) {
  if (v.size() != 8 || !digits(v)) return std::nullopt;
  return parseDate(std::string(v.substr(0, 4)) + "-" + std::string(v.substr(4, 2)) + "-" + std::string(v.substr(6, 2)));
}

std::string compactKey(const IcsTime& t, Instant at) {  // the instance part of a recurrence's key
  if (t.isDate) {
    std::string d = formatDate(t.date);
    std::erase(d, '-');
    return d;
  }
  std::string s = formatInstant(at, TimeZone::utc()).substr(0, 19);
  std::erase(s, '-');
  std::erase(s, ':');
  return s + "Z";
}

// "P1DT2H30M", "PT45M", "P2W": exact seconds (a day counts as 24 hours).
std::optional<std::chrono::seconds> parseIcsDuration(std::string_view v) {
  if (v.starts_with('+')) v.remove_prefix(1);
  if (!v.starts_with('P')) return std::nullopt;
  long long total = 0, n = 0;
  bool inTime = false, any = false;
  for (char c : v.substr(1)) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
      continue;
    }
    long long unit = 0;
    if (c == 'T') { inTime = true; continue; }
    if (c == 'W' && !inTime) unit = 7 * 86400;
    else if (c == 'D' && !inTime) unit = 86400;
    else if (c == 'H' && inTime) unit = 3600;
    else if (c == 'M' && inTime) unit = 60;
    else if (c == 'S' && inTime) unit = 1;
    else return std::nullopt;
    total += n * unit;
    n = 0;
    any = true;
  }
  if (!any) return std::nullopt;
  return std::chrono::seconds{total};
}

class IcsReader {
 public:
  IcsReader(ImportResult& r, const ImportOptions& opts) : r_(r), opts_(opts) {}

  void error(int line, std::string msg) { add(Severity::Error, line, std::move(msg)); }
  void warn(int line, std::string msg) { add(Severity::Warning, line, std::move(msg)); }

  bool read(std::string_view text) {
    std::vector<std::pair<std::string, int>> lines;  // unfolded, with the line each starts on
    int lineNo = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
      auto nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view l = text.substr(pos, nl - pos);
      if (l.ends_with('\r')) l.remove_suffix(1);
      ++lineNo;
      pos = nl + 1;
      if ((l.starts_with(' ') || l.starts_with('\t')) && !lines.empty()) lines.back().first += l.substr(1);
      else if (!l.empty()) lines.emplace_back(std::string(l), lineNo);
    }
    std::vector<std::string> stack;
    for (const auto& [l, n] : lines) {
      auto p = parseLine(l, n);
      if (!p) {
        error(n, "expected a content line NAME[;PARAM=VALUE]:VALUE, found " + quoteShort(l));
        return false;
      }
      if (p->name == "BEGIN") {
        const std::string what = upper(p->value);
        if (stack.empty() && what != "VCALENDAR") {
          error(n, "expected BEGIN:VCALENDAR, found BEGIN:" + what);
          return false;
        }
        stack.push_back(what);
        if (what == "VEVENT" && stack.size() == 2) events_.push_back(VEvent{n, {}});
      } else if (p->name == "END") {
        if (stack.empty() || stack.back() != upper(p->value)) {
          error(n, "END:" + upper(p->value) + (stack.empty() ? " outside any component" : " where END:" + stack.back() + " was expected"));
          return false;
        }
        stack.pop_back();
      } else if (stack.size() == 1) {
        top_.push_back(std::move(*p));
      } else if (stack.size() == 2 && stack.back() == "VEVENT") {
        events_.back().props.push_back(std::move(*p));
      }  // VTIMEZONE (the tz database knows the zones), VALARM, VTODO: not shown on screens
    }
    if (lines.empty() || lines.front().first.find("VCALENDAR") == std::string::npos) {
      error(1, "expected an iCalendar file starting with BEGIN:VCALENDAR");
      return false;
    }
    if (!stack.empty()) {
      error(lineNo, "the file ends inside " + stack.back() + "; expected END:" + stack.back() + " (is it cut short?)");
      return false;
    }
    return true;
  }

  void run() {
    for (const auto& p : top_) {
      if ((p.name == "X-WR-CALNAME" || p.name == "NAME") && r_.title.empty()) r_.title = std::string(trimmed(unescapeIcsText(p.value)));
      if (p.name == "X-WR-TIMEZONE") calendarZone_ = TimeZone::find(trimmed(p.value));
    }
    r_.suggestedSourceId = slugify(r_.title);
    for (const auto& ev : events_)
      for (const auto& p : ev.props)
        if (!calendarZone_ && !p.param("TZID").empty()) calendarZone_ = zoneFor(p.param("TZID"), p.line);
    if (calendarZone_) r_.zoneName = calendarZone_->name();
    floatingZone_ = opts_.zone ? *opts_.zone : calendarZone_ ? *calendarZone_ : TimeZone::utc();

    // A series is its master plus the RECURRENCE-ID overrides that share its UID.
    std::vector<std::string> order;
    std::map<std::string, std::pair<const VEvent*, std::vector<const VEvent*>>> series;
    for (const auto& ev : events_) {
      std::string uid = ev.text("UID");
      if (uid.empty()) {
        warn(ev.line, "the event has no UID; its id is derived from its start and title, so editing either in the source makes it a new event");
        uid = "nouid-" + (ev.get("DTSTART") ? ev.get("DTSTART")->value : "") + "-" + ev.text("SUMMARY");
      }
      auto [it, fresh] = series.try_emplace(uid);
      if (fresh) order.push_back(uid);
      if (ev.get("RECURRENCE-ID")) it->second.second.push_back(&ev);
      else if (!it->second.first) it->second.first = &ev;
      else warn(ev.line, "UID " + quoteShort(uid) + " is used again (first at line " + std::to_string(it->second.first->line) + "); only the first is imported");
    }
    for (const auto& uid : order) expand(uid, series[uid].first, series[uid].second);
    if (floatingCount_ > 0)
      warn(firstFloatingLine_, std::to_string(floatingCount_) + (floatingCount_ == 1 ? " time has" : " times have") +
                                   " no TZID and no Z (floating); read in " + floatingZone_.name());
  }

 private:
  void add(Severity s, int line, std::string msg) {
    Diagnostic d;
    d.severity = s;
    d.line = line;
    d.column = line > 0 ? 1 : 0;
    d.message = std::move(msg);
    r_.diagnostics.push_back(std::move(d));
  }

  std::optional<TimeZone> zoneFor(const std::string& tzid, int line) {
    if (auto it = zones_.find(tzid); it != zones_.end()) return it->second;
    std::optional<TimeZone> z = TimeZone::find(tzid);
    // Some exporters prefix a vendor path ("/mozilla.org/20050126_1/Europe/Berlin").
    for (std::size_t cut = tzid.find('/'); !z && cut != std::string::npos; cut = tzid.find('/', cut + 1))
      z = TimeZone::find(std::string_view(tzid).substr(cut + 1));
    if (!z) warn(line, "unknown time zone TZID=" + quoteShort(tzid) + "; its times are read in the feed's zone");
    zones_[tzid] = z;
    return z;
  }

  std::optional<IcsTime> timeOf(const Prop& p, std::string_view value) {
    IcsTime t;
    const bool dateOnly = upper(p.param("VALUE")) == "DATE" || value.size() == 8;
    if (dateOnly) {
      auto d = compactDate(value);
      if (!d) return std::nullopt;
      t.date = *d;
      t.isDate = true;
      return t;
    }
    if (value.size() < 15 || value[8] != 'T' || !digits(value.substr(9, 6))) return std::nullopt;
    auto d = compactDate(value.substr(0, 8));
    if (!d || (value.size() == 16 && value[15] != 'Z') || value.size() > 16) return std::nullopt;
    t.date = *d;
    t.h = std::stoi(std::string(value.substr(9, 2)));
    t.m = std::stoi(std::string(value.substr(11, 2)));
    t.s = std::stoi(std::string(value.substr(13, 2)));
    if (t.h > 23 || t.m > 59 || t.s > 60) return std::nullopt;
    t.utc = value.size() == 16;
    if (!t.utc && !p.param("TZID").empty()) t.zone = zoneFor(p.param("TZID"), p.line);
    return t;
  }

  const TimeZone& zoneOf(const IcsTime& t) {
    static const TimeZone utc = TimeZone::utc();
    return t.utc ? utc : t.zone ? *t.zone : floatingZone_;
  }

  Instant instantOf(const IcsTime& t, Date d) {
    if (t.isDate) return TimeZone::utc().startOfDay(d);
    return zoneOf(t).fromLocal(d, t.h, t.m, t.s);
  }

  struct Timing {
    IcsTime start;
    std::chrono::seconds length{0};  // all-day: whole days
  };

  std::optional<Timing> timingOf(const VEvent& ev) {
    const Prop* ds = ev.get("DTSTART");
    if (!ds) {
      error(ev.line, "the event has no DTSTART; expected e.g. DTSTART;TZID=Europe/Berlin:20240615T100000");
      return std::nullopt;
    }
    auto start = timeOf(*ds, trimmed(ds->value));
    if (!start) {
      error(ds->line, "expected DTSTART as 20240615T100000, 20240615T080000Z or 20240615 (VALUE=DATE), found " + quoteShort(ds->value));
      return std::nullopt;
    }
    if (!start->isDate && !start->utc && !start->zone && ds->param("TZID").empty() && floatingCount_++ == 0) firstFloatingLine_ = ds->line;
    Timing t{*start, start->isDate ? std::chrono::seconds{86400} : std::chrono::seconds{0}};
    if (const Prop* de = ev.get("DTEND")) {
      auto end = timeOf(*de, trimmed(de->value));
      if (!end) {
        error(de->line, "expected DTEND in the form of DTSTART, found " + quoteShort(de->value));
        return std::nullopt;
      }
      const auto a = instantOf(t.start, t.start.date), b = end->isDate ? TimeZone::utc().startOfDay(end->date) : instantOf(*end, end->date);
      if (b > a) t.length = b - a;
    } else if (const Prop* du = ev.get("DURATION")) {
      auto d = parseIcsDuration(trimmed(du->value));
      if (!d) {
        error(du->line, "expected DURATION such as PT1H30M or P1D, found " + quoteShort(du->value));
        return std::nullopt;
      }
      t.length = *d;
    }
    return t;
  }

  // One ImportedEvent from `ev`'s texts, starting on local date `d` of its DTSTART's zone.
  void emit(const VEvent& ev, const Timing& t, Date d, std::string key) {
    ImportedEvent e;
    e.key = std::move(key);
    e.origin = "line " + std::to_string(ev.line);
    e.title = ev.text("SUMMARY");
    if (e.title.get_ref<const std::string&>().empty()) {
      warn(ev.line, "the event has no SUMMARY (title); it is left out");
      ++r_.skipped;
      return;
    }
    e.description = shorten(plainText(ev.text("DESCRIPTION")), opts_.maxDescription);
    // In a conference's calendar LOCATION is the room; CATEGORIES (its first) the track.
    e.room = ev.text("LOCATION");
    e.roomKey = addRoom(r_, e.room);
    std::string category = ev.text("CATEGORIES");
    if (const auto comma = category.find(','); comma != std::string::npos) category.resize(comma);
    e.trackKey = addTrack(r_, category);
    if (const Prop* o = ev.get("ORGANIZER")) e.organiser = std::string(trimmed(o->param("CN")));
    if (const std::string url = ev.text("URL"); isWebUrl(url)) e.link = url;
    e.allDay = t.start.isDate;
    if (e.allDay) {
      const auto n = std::max<long long>(1, (t.length.count() + 86399) / 86400);
      e.firstDay = d;
      e.lastDay = d + std::chrono::days{n - 1};
      e.start = TimeZone::utc().startOfDay(e.firstDay);
      e.end = TimeZone::utc().startOfDay(e.lastDay + std::chrono::days{1});
    } else {
      e.start = instantOf(t.start, d);
      e.end = e.start + t.length;
    }
    r_.events.push_back(std::move(e));
  }

  bool cancelled(const VEvent& ev) { return upper(ev.text("STATUS")) == "CANCELLED"; }

  std::int64_t instanceKey(const IcsTime& t, Date d) {
    return t.isDate ? d.time_since_epoch().count() : instantOf(t, d).time_since_epoch().count();
  }

  void expand(const std::string& uid, const VEvent* master, const std::vector<const VEvent*>& overrides) {
    std::map<std::int64_t, const VEvent*> byInstance;  // RECURRENCE-ID -> override
    for (const VEvent* o : overrides) {
      const Prop* rid = o->get("RECURRENCE-ID");
      auto t = timeOf(*rid, trimmed(rid->value));
      if (!t) {
        error(rid->line, "expected RECURRENCE-ID in the form of DTSTART, found " + quoteShort(rid->value));
        continue;
      }
      byInstance[instanceKey(*t, t->date)] = o;
    }
    std::set<std::int64_t> used;
    if (master && cancelled(*master)) {
      ++r_.skipped;
      return;
    }
    const auto timing = master ? timingOf(*master) : std::nullopt;
    const Prop* rrule = master ? master->get("RRULE") : nullptr;
    std::optional<RecurrenceRule> rule;
    if (rrule) {
      std::string why;
      std::vector<std::string> ignored;
      rule = parseRecurrenceRule(trimmed(rrule->value), why, ignored);
      if (!rule) warn(rrule->line, "RRULE " + quoteShort(rrule->value) + ": " + why + "; only the first instance is imported");
      for (const auto& part : ignored) warn(rrule->line, "RRULE part " + part + " is not supported and is ignored; the series may differ from the source");
    }
    if (timing && !rule) emit(*master, *timing, timing->start.date, uid);
    if (timing && rule) {
      const IcsTime& st = timing->start;
      std::set<std::int64_t> exdates;
      for (const auto& p : master->props) {
        if (p.name != "EXDATE") continue;
        std::size_t pos = 0;
        while (pos <= p.value.size()) {
          auto comma = p.value.find(',', pos);
          if (comma == std::string::npos) comma = p.value.size();
          if (auto t = timeOf(p, trimmed(std::string_view(p.value).substr(pos, comma - pos)))) exdates.insert(instanceKey(*t, t->date));
          else warn(p.line, "EXDATE value " + quoteShort(p.value.substr(pos, comma - pos)) + " is not a date or date-time; ignored");
          pos = comma + 1;
        }
      }
      std::optional<IcsTime> until;
      if (!rule->until.empty()) {
        if (auto u = timeOf(Prop{}, rule->until)) until = u;
        else warn(rrule->line, "UNTIL=" + rule->until + " is not a date or date-time; the series runs to the horizon");
      }
      const Instant horizon = opts_.now + opts_.horizon;
      std::size_t generated = 0, produced = 0;
      bool cutCap = false, cutHorizon = false;
      forEachRecurrenceDate(*rule, st.date, [&](Date d) {
        const Instant at = instantOf(st, d);
        if (until) {
          // A date-time UNTIL without Z is local time in DTSTART's zone; a date is the whole day.
          const bool past = until->isDate ? d > until->date
                                          : at > (until->utc ? TimeZone::utc() : zoneOf(st)).fromLocal(until->date, until->h, until->m, until->s);
          if (past) return false;
        }
        if (rule->count && generated >= static_cast<std::size_t>(*rule->count)) return false;
        if (at > horizon) return !(cutHorizon = true);
        if (produced >= opts_.maxInstances) return !(cutCap = true);
        ++generated;
        const std::int64_t k = instanceKey(st, d);
        if (exdates.contains(k)) return true;
        ++produced;
        const std::string key = uid + "_" + compactKey(st, at);
        if (auto o = byInstance.find(k); o != byInstance.end()) {
          used.insert(k);
          if (cancelled(*o->second)) ++r_.skipped;
          else if (auto ot = timingOf(*o->second)) emit(*o->second, *ot, ot->start.date, key);
          return true;
        }
        emit(*master, *timing, d, key);
        return true;
      });
      if (cutCap)
        warn(rrule->line, "the series " + quoteShort(uid) + " was stopped after " + std::to_string(opts_.maxInstances) + " instances");
      if (cutHorizon)
        warn(rrule->line, "the series " + quoteShort(uid) + " continues after " + formatDate(std::chrono::floor<std::chrono::days>(horizon)) +
                              "; later instances are left out (a later import adds them)");
    }
    // Overrides that match no generated instance (a moved instance past the horizon, or no master).
    for (const auto& [k, o] : byInstance) {
      if (used.contains(k) || cancelled(*o)) continue;
      const Prop* rid = o->get("RECURRENCE-ID");
      auto rt = timeOf(*rid, trimmed(rid->value));
      if (auto ot = timingOf(*o); ot && rt) emit(*o, *ot, ot->start.date, uid + "_" + compactKey(*rt, instantOf(*rt, rt->date)));
    }
  }

  ImportResult& r_;
  const ImportOptions& opts_;
  std::vector<Prop> top_;
  std::vector<VEvent> events_;
  std::map<std::string, std::optional<TimeZone>> zones_;
  std::optional<TimeZone> calendarZone_;
  TimeZone floatingZone_ = TimeZone::utc();
  int floatingCount_ = 0;
  int firstFloatingLine_ = 0;
};

}  // namespace

std::string unescapeIcsText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    out += (c == 'n' || c == 'N') ? '\n' : c;  // \\ \; \, and anything else: the character itself
  }
  return out;
}

ImportResult importIcs(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  IcsReader reader(r, opts);
  if (reader.read(withoutBom(text))) reader.run();
  return r;
}

int recogniseIcs(std::string_view text, std::string_view lowerName) {
  if (trimmed(withoutBom(text)).starts_with("BEGIN:VCALENDAR")) return 4;
  return lowerName.ends_with(".ics") || lowerName.ends_with(".ical") ? 1 : 0;
}

}  // namespace sf::core
