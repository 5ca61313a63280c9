// schedule.xml to imported events. The instant comes from <date> where it has an offset; the
// old files have none, so the day's date, <start> and day_change place it in the venue's zone.
#include "core/import/schedule_xml.hpp"

#include <map>

#include "core/base/text_util.hpp"

namespace sf::core {
namespace {


class Reader {
 public:
  Reader(const ImportOptions& opts, ImportResult& r, std::optional<TimeZone> zone, int dayChange)
      : opts_(opts), r_(r), zone_(std::move(zone)), dayChange_(dayChange) {}

  void day(const XmlElement& day) {
    const auto date = parseDate(day.attribute("date"));
    for (const auto& c : day.children) {
      if (c.name == "event") event(c, date, "");
      if (c.name == "room") {
        addRoom(r_, c.attribute("name"), c.attribute("guid"));
        for (const auto& ev : c.children)
          if (ev.name == "event") event(ev, date, c.attribute("name"));
      }
    }
  }
  bool needsZone() const { return needZone_; }

 private:
  void event(const XmlElement& ev, std::optional<Date> day, std::string_view roomName) {
    ImportedEvent e;
    e.origin = "line " + std::to_string(ev.line);
    e.key = trimmedString(ev.attribute("guid"));
    if (e.key.empty()) e.key = trimmedString(ev.attribute("id"));
    const std::string title = trimmedString(ev.childText("title"));
    const auto start = startOf(ev, day);
    std::string why = e.key.empty() ? "it has no guid and no id" : title.empty() ? "it has no title"
                    : !start ? "its start cannot be read" : "";
    if (!why.empty()) {
      if (!needZone_) warn(ev, "event left out: " + why);
      if (!e.key.empty()) r_.refusedKeys.push_back(e.key);
      ++r_.refused;
      return;
    }
    if (seen_[e.key]++ > 0) {  // the same guid on several days: each occurrence stays
      std::string date = formatDate(zone_ ? zone_->toLocal(*start).date : floor<std::chrono::days>(*start));
      std::erase(date, '-');
      e.key += "_" + date;
      warn(ev, "the event's guid appears again; imported as " + quoteShort(e.key));
    }
    e.title = title;
    e.subtitle = trimmedString(ev.childText("subtitle"));
    e.start = *start;
    const std::string duration = trimmedString(ev.childText("duration"));
    const auto length = parseDuration(duration);
    if (!length && !duration.empty()) warn(ev, "expected a duration as HH:MM or D:HH:MM, found " + quoteShort(duration) + "; shown without a length");
    e.end = *start + length.value_or(std::chrono::minutes{0});
    e.room = trimmedString(ev.childText("room"));
    if (e.room.empty()) e.room = trimmedString(roomName);
    e.roomKey = addRoom(r_, e.room);
    e.trackKey = addTrack(r_, trimmedString(ev.childText("track")));
    e.kind = kindFromType(trimmedString(ev.childText("type")));
    e.language = languageCodeOf(trimmedString(ev.childText("language")));
    if (const XmlElement* persons = ev.child("persons"))
      for (const auto& p : persons->children)
        if (const std::string name = trimmedString(p.text.empty() ? p.childText("name") : p.text); p.name == "person" && !name.empty())
          e.speakers.push_back({name, {}});
    if (e.speakers.empty())
      if (const XmlElement* p = ev.child("person"); p && !p->text.empty()) e.speakers.push_back({trimmedString(p->text), {}});
    if (const std::string url = trimmedString(ev.childText("url")); isWebUrl(url)) e.link = url;
    e.description = describe(ev);
    r_.events.push_back(std::move(e));
  }

  std::optional<Instant> startOf(const XmlElement& ev, std::optional<Date> day) {
    if (auto t = parseInstant(trimmedString(ev.childText("date")))) return t;
    const auto clock = parseClockMinutes(trimmedString(ev.childText("start")));
    if (!day || !clock) return std::nullopt;
    if (!zone_) {
      if (!needZone_)
        r_.diagnostics.push_back({Severity::Error, "", ev.line, ev.column, "",
                                  "the schedule gives local times without an offset and names no time zone; name "
                                  "the venue's zone with --time-zone, e.g. --time-zone Europe/Brussels"});
      needZone_ = true;
      return std::nullopt;
    }
    // Times before day_change belong to the night after the day they are filed under.
    const Date date = *clock < dayChange_ ? *day + std::chrono::days{1} : *day;
    return zone_->fromLocal(date, *clock / 60, *clock % 60);
  }

  std::string describe(const XmlElement& ev) const {
    std::string text = plainText(trimmedString(ev.childText("abstract")));
    if (text.empty()) text = plainText(trimmedString(ev.childText("description")));
    return shorten(text, opts_.maxDescription);
  }

  void warn(const XmlElement& at, std::string msg) {
    r_.diagnostics.push_back({Severity::Warning, "", at.line, at.column, "", std::move(msg)});
  }

  const ImportOptions& opts_;
  ImportResult& r_;
  std::optional<TimeZone> zone_;
  int dayChange_ = 0;
  bool needZone_ = false;
  std::map<std::string, int> seen_;
};

// The conference's rooms (<rooms><room name guid/>) and tracks, as <track name color/> (c3voc)
// or <tracks><track>Name</track></tracks> (FOSDEM), in the schedule's order.
void readRoomsAndTracks(const XmlElement& conf, ImportResult& r) {
  const auto track = [&](const XmlElement& t) {
    addTrack(r, trimmedString(t.attribute("name").empty() ? std::string_view(t.text) : t.attribute("name")), trimmedString(t.attribute("color")));
  };
  for (const auto& c : conf.children) {
    if (c.name == "track") track(c);
    if (c.name == "tracks")
      for (const auto& t : c.children)
        if (t.name == "track") track(t);
    if (c.name == "rooms")
      for (const auto& room : c.children)
        if (room.name == "room") addRoom(r, trimmedString(room.attribute("name").empty() ? std::string_view(room.text) : room.attribute("name")), room.attribute("guid"));
  }
}

}  // namespace

ImportResult importScheduleXml(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  const auto parsed = parseXmlSource(text, opts, r.diagnostics);
  if (!parsed) return r;
  const XmlElement& root = *parsed;
  if (root.name != "schedule") {
    r.diagnostics.push_back({Severity::Error, "", root.line, root.column, "",
                             "expected a schedule.xml: <schedule> with <conference> and <day> elements, found <" + root.name + ">"});
    return r;
  }
  const XmlElement* conf = root.child("conference");
  std::optional<TimeZone> zone;
  if (conf) {
    r.title = trimmedString(conf->childText("title"));
    r.suggestedSourceId = slugify(conf->childText("acronym"), 32);
    if (const std::string name = trimmedString(conf->childText("time_zone_name")); !name.empty()) {
      zone = TimeZone::find(name);
      if (zone) r.zoneName = name;
      else r.diagnostics.push_back({Severity::Warning, "", conf->line, conf->column, "",
                                    "unknown time_zone_name " + quoteShort(name) + "; the offsets in the times are used"});
    }
  }
  if (conf) readRoomsAndTracks(*conf, r);
  if (!zone) zone = opts.zone;
  const int dayChange = conf ? parseClockMinutes(trimmedString(conf->childText("day_change"))).value_or(0) : 0;
  Reader reader(opts, r, zone, dayChange);
  for (const auto& c : root.children)
    if (c.name == "day") reader.day(c);
  if (reader.needsZone()) r.events.clear();
  else if (r.events.empty())
    report(r.diagnostics, Severity::Error, "", "no event with an id, a title and a start was found");
  return r;
}

int recogniseScheduleXml(std::string_view text, std::string_view) {
  const std::string_view head = trimmed(withoutBom(text)).substr(0, 1024);
  return head.starts_with("<") && head.find("<schedule") != std::string_view::npos ? 4 : 0;
}

}  // namespace sf::core
