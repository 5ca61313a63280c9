// Reads feed JSON into the model, reporting every structural problem at once: missing keys,
// wrong types, bad ids, times without offsets. Cross-references are checked in check.cpp.
#include "core/feed/parse.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "core/feed/check.hpp"
#include "core/feed/color.hpp"
#include "core/feed/event_fixes.hpp"
#include "core/feed/theme.hpp"
#include "core/feed/conference.hpp"
#include "core/feed/update.hpp"
#include "core/feed/venue_map.hpp"
#include "core/feed/json_reader.hpp"
#include "core/feed/json_scan.hpp"
#include "core/feed/targeting.hpp"
#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

template <class T, class F>
std::vector<T> readArray(JsonReader& r, const json& root, const std::string& key, std::string_view what, F&& readOne) {
  std::vector<T> out;
  const json* v = r.member(root, "", key, false);
  const std::string ptr = "/" + key;
  if (!v || !r.array(*v, ptr, what)) return out;
  out.reserve(v->size());
  for (std::size_t i = 0; i < v->size(); ++i) out.push_back(readOne((*v)[i], ptr + "/" + std::to_string(i)));
  return out;
}

Field readField(JsonReader& r, const json& j, const std::string& p) {
  Field f;
  if (!r.isObject(j, p, "a field of action")) return f;
  r.unknownKeys(j, p, {"id", "name", "color", "summary"});
  f.id = r.id(r.member(j, p, "id", true), p + "/id");
  f.name = r.text(r.member(j, p, "name", true), p + "/name", true, 60);
  f.summary = r.text(r.member(j, p, "summary", false), p + "/summary", false, 300);
  if (auto s = r.string(r.member(j, p, "color", true), p + "/color")) {
    if (auto c = parseHexColor(*s)) {
      f.color = *c;
    } else {
      r.error(p + "/color", "expected a colour as #RRGGBB, found " + quoteShort(*s));
    }
  }
  return f;
}

Funding readFunding(JsonReader& r, const json& j, const std::string& p) {
  Funding f;
  if (!r.isObject(j, p, "funding")) return f;
  r.unknownKeys(j, p, {"applicants", "programme", "start", "end", "fundedTitle"});
  f.applicants = r.strings(r.member(j, p, "applicants", false), p + "/applicants");
  f.programme = r.text(r.member(j, p, "programme", false), p + "/programme", false);
  f.start = r.date(r.member(j, p, "start", false), p + "/start");
  f.end = r.date(r.member(j, p, "end", false), p + "/end");
  if (auto s = r.string(r.member(j, p, "fundedTitle", false), p + "/fundedTitle")) f.fundedTitle = *s;
  if (f.start && f.end && *f.end < *f.start)
    r.error(p + "/end", "funding ends (" + formatDate(*f.end) + ") before it starts (" + formatDate(*f.start) + ")");
  return f;
}

std::vector<Link> readLinks(JsonReader& r, const json* v, const std::string& p) {
  std::vector<Link> out;
  if (!v || !r.array(*v, p, "of links")) return out;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string lp = p + "/" + std::to_string(i);
    const json& l = (*v)[i];
    Link link;
    if (l.is_string()) {
      link.url = r.url(&l, lp);
    } else if (r.isObject(l, lp, "a link: a URL string or {\"url\", \"label\"}")) {
      r.unknownKeys(l, lp, {"url", "label"});
      link.url = r.url(r.member(l, lp, "url", true), lp + "/url");
      link.label = r.text(r.member(l, lp, "label", false), lp + "/label", false, 60);
    }
    if (!link.url.empty()) out.push_back(std::move(link));
  }
  return out;
}

Project readProject(JsonReader& r, const json& j, const std::string& p, const FeedLimits& lim) {
  Project pr;
  if (!r.isObject(j, p, "a project")) return pr;
  r.unknownKeys(j, p, {"id", "title", "subtitle", "summary", "description", "field", "relatedFields", "status",
                       "funding", "partners", "links", "image", "tags", "stand"});
  pr.id = r.id(r.member(j, p, "id", true), p + "/id");
  pr.title = r.text(r.member(j, p, "title", true), p + "/title", true, lim.longTitle);
  pr.subtitle = r.text(r.member(j, p, "subtitle", false), p + "/subtitle", false, lim.longTitle);
  pr.summary = r.text(r.member(j, p, "summary", true), p + "/summary", true, lim.longSummary);
  pr.description = r.text(r.member(j, p, "description", false), p + "/description", false, 1200);
  pr.field = r.id(r.member(j, p, "field", true), p + "/field");
  pr.relatedFields = r.ids(r.member(j, p, "relatedFields", false), p + "/relatedFields");
  if (const json* st = r.member(j, p, "status", false); st && r.isObject(*st, p + "/status", "a status")) {
    const std::string sp = p + "/status";
    r.unknownKeys(*st, sp, {"state", "asOf"});
    if (auto s = r.string(r.member(*st, sp, "state", true), sp + "/state")) {
      pr.stateGiven = *s == "running" || *s == "completed";
      if (*s == "running") pr.state = ProjectState::Running;
      else if (*s == "completed") pr.state = ProjectState::Completed;
      else r.error(sp + "/state", "expected \"running\" or \"completed\", found " + quoteShort(*s));
    }
    pr.stateAsOf = r.date(r.member(*st, sp, "asOf", false), sp + "/asOf");
  }
  if (const json* f = r.member(j, p, "funding", false)) pr.funding = readFunding(r, *f, p + "/funding");
  pr.partners = r.strings(r.member(j, p, "partners", false), p + "/partners");
  pr.links = readLinks(r, r.member(j, p, "links", false), p + "/links");
  if (const json* im = r.member(j, p, "image", false)) pr.image = readImageRef(r, *im, p + "/image");
  pr.tags = r.ids(r.member(j, p, "tags", false), p + "/tags");
  if (const json* st = r.member(j, p, "stand", false)) pr.stand = readStand(r, *st, p + "/stand");
  return pr;
}

Event readEvent(JsonReader& r, const json& j, const std::string& p, const std::optional<TimeZone>& zone, const FeedLimits& lim) {
  Event e;
  if (!r.isObject(j, p, "an event")) return e;
  r.unknownKeys(j, p, {"id", "title", "subtitle", "description", "start", "end", "allDay", "place", "room", "organiser", "projects", "link",
                       "speakers", "track", "kind", "language", "cancelled"});
  e.id = r.id(r.member(j, p, "id", true), p + "/id");
  e.title = r.text(r.member(j, p, "title", true), p + "/title", true, lim.longTitle);
  e.description = r.text(r.member(j, p, "description", false), p + "/description", false, 1200);
  e.allDay = r.boolean(r.member(j, p, "allDay", false), p + "/allDay").value_or(false);
  const json* sv = r.member(j, p, "start", true);
  const json* ev = r.member(j, p, "end", true);
  if (e.allDay) {
    auto sd = r.date(sv, p + "/start");
    auto ed = r.date(ev, p + "/end");
    if (sd && ed && zone) {
      if (*ed < *sd) r.error(p + "/end", "the last day (" + formatDate(*ed) + ") is before the first (" + formatDate(*sd) + ")");
      e.start = zone->startOfDay(*sd);
      e.end = zone->startOfDay(*ed + std::chrono::days{1});
    }
  } else {
    auto s = r.instant(sv, p + "/start");
    auto en = r.instant(ev, p + "/end");
    if (s && en) {
      if (*en < *s) r.error(p + "/end", "the event ends before it starts (start " + sv->get<std::string>() + ", end " + ev->get<std::string>() + ")");
      e.start = *s;
      e.end = *en;
    }
  }
  e.place = r.text(r.member(j, p, "place", false), p + "/place", false, 80);
  e.room = r.text(r.member(j, p, "room", false), p + "/room", false, 60);
  e.organiser = r.text(r.member(j, p, "organiser", false), p + "/organiser", false, 120);
  e.projects = r.ids(r.member(j, p, "projects", false), p + "/projects");
  e.link = r.url(r.member(j, p, "link", false), p + "/link");
  readEventConference(r, j, p, e);
  return e;
}

Figure readFigure(JsonReader& r, const json& j, const std::string& p) {
  Figure f;
  if (!r.isObject(j, p, "a key figure")) return f;
  r.unknownKeys(j, p, {"id", "label", "value", "note"});
  f.id = r.id(r.member(j, p, "id", true), p + "/id");
  f.label = r.text(r.member(j, p, "label", true), p + "/label", true, 80);
  f.note = r.text(r.member(j, p, "note", false), p + "/note", false, 120);
  // A number reads the same in every language; a text may differ by language, since languages
  // write numbers differently ("100.000 m²" / "100,000 m²", "67 %" / "67%").
  if (const json* v = r.member(j, p, "value", true)) {
    if (v->is_number()) f.value.set(r.languages.front(), v->dump());
    else if (v->is_string() || v->is_object()) f.value = r.text(v, p + "/value", true);
    else r.error(p + "/value", "expected a number or a text such as \"≈ 100\" or {\"de\": \"100.000\", \"en\": \"100,000\"}, found " + describeJson(*v));
  }
  return f;
}

// "spotlight, spotlights, schedule, fields and figures": the kinds this player shows.
std::string slideKindList() {
  std::string out;
  for (std::size_t i = 0; i < kSlideKinds.size(); ++i) {
    if (i) out += i + 1 == kSlideKinds.size() ? " and " : ", ";
    out += kSlideKinds[i].name;
  }
  return out;
}

// The keys of the organiser's own slides (image, text, sponsors); on another kind they are
// reported as belonging elsewhere, not silently ignored.
void readOwnSlide(JsonReader& r, const json& j, const std::string& p, PlaylistItem& it) {
  const bool image = it.kind == SlideKind::Image, text = it.kind == SlideKind::Text, sponsors = it.kind == SlideKind::Sponsors;
  const std::string_view kind = slideKindInfo(it.kind).name;
  auto only = [&](const char* key, bool ok, const char* kinds) {
    if (!ok && j.contains(key))
      r.warn(p + "/" + key, std::string("only ") + kinds + " slide reads \"" + key + "\"; this one is " + std::string(kind) + ", so it is ignored");
    return ok;
  };
  if (only("image", image, "an image")) {
    if (const json* im = r.member(j, p, "image", true)) it.image = readImageRef(r, *im, p + "/image");
  }
  if (only("fit", image, "an image")) {
    if (auto s = r.string(r.member(j, p, "fit", false), p + "/fit")) {
      if (*s == "fill") it.fit = ImageFit::Fill;
      else if (*s != "fit") r.error(p + "/fit", "expected \"fit\" (the whole picture, letterboxed) or \"fill\" (the whole screen, cropped), found " + quoteShort(*s));
    }
  }
  if (only("caption", image, "an image")) it.caption = r.text(r.member(j, p, "caption", false), p + "/caption", false, 120);
  if (only("headline", text || sponsors, "a text or a sponsors")) it.headline = r.text(r.member(j, p, "headline", text), p + "/headline", text, 80);
  if (only("body", text, "a text")) it.body = r.text(r.member(j, p, "body", false), p + "/body", false);
  if (only("tier", sponsors, "a sponsors")) {
    if (const json* t = r.member(j, p, "tier", false)) it.tier = r.id(t, p + "/tier");
  }
}

std::optional<PlaylistItem> readSlide(JsonReader& r, const json& j, const std::string& p) {
  PlaylistItem it;
  if (!r.isObject(j, p, "a playlist item")) return it;
  r.unknownKeys(j, p, {"slide", "project", "field", "tag", "seconds", "validFrom", "validUntil", "days", "from", "until",
                       "screens", "groups", "rooms", "room", "image", "fit", "caption", "headline", "body", "tier", "map"});
  bool known = false;  // without a valid kind, kind-specific keys are not asked for
  if (auto s = r.string(r.member(j, p, "slide", true), p + "/slide")) {
    known = true;
    if (const auto kind = slideKindNamed(*s)) {
      it.kind = *kind;
    } else {
      r.warn(p + "/slide", "unknown slide " + quoteShort(*s) + " is skipped; this player shows " + slideKindList());
      return std::nullopt;
    }
  }
  if (known && it.kind == SlideKind::Spotlight) it.project = r.id(r.member(j, p, "project", true), p + "/project");
  if (known && it.kind == SlideKind::Room) it.room = r.string(r.member(j, p, "room", true), p + "/room").value_or("");
  if (known) readOwnSlide(r, j, p, it);
  if (known && it.kind == SlideKind::Map) it.map = r.id(r.member(j, p, "map", true), p + "/map");
  if (const json* f = r.member(j, p, "field", false)) it.field = r.id(f, p + "/field");
  if (const json* t = r.member(j, p, "tag", false)) it.tag = r.id(t, p + "/tag");
  it.seconds = static_cast<int>(r.integer(r.member(j, p, "seconds", false), p + "/seconds", 1, 3600).value_or(10));
  it.validFrom = r.instant(r.member(j, p, "validFrom", false), p + "/validFrom");
  it.validUntil = r.instant(r.member(j, p, "validUntil", false), p + "/validUntil");
  if (it.validFrom && it.validUntil && *it.validUntil <= *it.validFrom)
    r.error(p + "/validUntil", "validUntil must be after validFrom");
  it.recurring = readRecurrence(r, j, p);
  it.targets = readTargets(r, j, p);
  return it;
}

// How an announcement shows: its level, and the keys only some levels read.
void readPresentation(JsonReader& r, const json& j, const std::string& p, Announcement& a) {
  if (auto s = r.string(r.member(j, p, "level", false), p + "/level")) {
    if (auto l = levelNamed(*s)) a.level = *l;
    else r.error(p + "/level", "expected \"info\" (a banner), \"important\" (takes over the screen) or \"emergency\", found " + quoteShort(*s));
  }
  const bool emergency = a.level == Level::Emergency;
  if (auto s = r.string(r.member(j, p, "style", false), p + "/style")) {
    if (*s == "alarm") a.style = EmergencyStyle::Alarm;
    else if (*s == "evacuation") a.style = EmergencyStyle::Evacuation;
    else r.error(p + "/style", "expected \"alarm\" (white on red) or \"evacuation\" (white on escape-route green), found " + quoteShort(*s));
    if (!emergency) r.warn(p + "/style", "only an emergency has a style; this announcement is " + std::string(levelName(a.level)));
  }
  if (auto s = r.string(r.member(j, p, "pictogram", false), p + "/pictogram")) {
    if (auto pg = pictogramNamed(*s)) a.pictogram = *pg;
    else r.error(p + "/pictogram", "expected \"exit\", \"assembly-point\", \"no-entry\" or \"first-aid\", found " + quoteShort(*s));
    if (!emergency) r.warn(p + "/pictogram", "only an emergency shows a pictogram; this announcement is " + std::string(levelName(a.level)));
  }
  if (auto s = r.string(r.member(j, p, "position", false), p + "/position")) {
    if (*s == "top") a.bannerTop = true;
    else if (*s != "bottom") r.error(p + "/position", "expected \"top\" or \"bottom\", found " + quoteShort(*s));
    if (a.level != Level::Info) r.warn(p + "/position", "only an info banner has a position; this announcement is " + std::string(levelName(a.level)));
  }
}

SponsorTier readSponsorTier(JsonReader& r, const json& j, const std::string& p) {
  SponsorTier t;
  if (!r.isObject(j, p, "a sponsor tier")) return t;
  r.unknownKeys(j, p, {"id", "name"});
  t.id = r.id(r.member(j, p, "id", true), p + "/id");
  t.name = r.text(r.member(j, p, "name", true), p + "/name", true, 40);
  return t;
}

Sponsor readSponsor(JsonReader& r, const json& j, const std::string& p) {
  Sponsor s;
  if (!r.isObject(j, p, "a sponsor")) return s;
  r.unknownKeys(j, p, {"name", "logo", "tier"});
  s.name = r.string(r.member(j, p, "name", true), p + "/name").value_or("");
  if (const json* im = r.member(j, p, "logo", false)) s.logo = readImageRef(r, *im, p + "/logo");
  if (const json* t = r.member(j, p, "tier", false)) s.tier = r.id(t, p + "/tier");
  return s;
}

Announcement readAnnouncement(JsonReader& r, const json& j, const std::string& p) {
  Announcement a;
  if (!r.isObject(j, p, "an announcement")) return a;
  r.unknownKeys(j, p, {"id", "title", "text", "start", "end", "priority", "level", "style", "pictogram", "position", "days",
                       "from", "until", "screens", "groups", "rooms"});
  a.id = r.id(r.member(j, p, "id", true), p + "/id");
  a.title = r.text(r.member(j, p, "title", false), p + "/title", false, 80);
  a.text = r.text(r.member(j, p, "text", true), p + "/text", true, 400);
  auto s = r.instant(r.member(j, p, "start", true), p + "/start");
  auto e = r.instant(r.member(j, p, "end", true), p + "/end");
  if (s && e) {
    if (*e <= *s) r.error(p + "/end", "the announcement must end after it starts");
    a.start = *s;
    a.end = *e;
  }
  a.priority = static_cast<int>(r.integer(r.member(j, p, "priority", false), p + "/priority", -1000, 1000).value_or(0));
  readPresentation(r, j, p, a);
  a.recurring = readRecurrence(r, j, p);
  a.targets = readTargets(r, j, p);
  return a;
}

void readHeader(JsonReader& r, const json& root, Feed& feed, std::optional<TimeZone>& zone) {
  if (auto s = r.string(r.member(root, "", "format", true), "/format")) {
    if (*s != kFeedFormat)
      r.error("/format", "expected \"" + std::string(kFeedFormat) + "\", found " + quoteShort(*s) +
                             "; conference exports (pretalx, frab, iCalendar) go through `schaufenster import`");
  }
  if (auto v = r.integer(r.member(root, "", "version", true), "/version", 1, 1000)) {
    feed.version = static_cast<int>(*v);
    if (*v > kFeedVersion)
      r.warn("/version", "format version " + std::to_string(*v) + " is newer than this player's " + std::to_string(kFeedVersion) + "; what it understands is shown");
  }
  feed.id = r.id(r.member(root, "", "id", true), "/id");
  if (auto v = r.integer(r.member(root, "", "revision", true), "/revision", 0, kMaxRevision)) feed.revision = *v;
  if (auto g = r.instant(r.member(root, "", "generated", true), "/generated")) feed.generated = *g;
  if (auto tz = r.string(r.member(root, "", "timeZone", true), "/timeZone")) {
    zone = TimeZone::find(*tz);
    if (zone) {
      feed.timeZoneName = *tz;
      feed.zone = *zone;
    }
    else r.error("/timeZone", "expected an IANA time zone such as \"Europe/Berlin\", found " + quoteShort(*tz));
  }
  if (const json* langs = r.member(root, "", "languages", true); langs && r.array(*langs, "/languages", "of language codes")) {
    std::vector<std::string> ok;
    for (std::size_t i = 0; i < langs->size(); ++i) {
      const std::string p = "/languages/" + std::to_string(i);
      auto s = r.string(&(*langs)[i], p);
      if (!s) continue;
      if (!isLanguageCode(*s)) r.error(p, "expected a language code such as \"de\" or \"en\", found " + quoteShort(*s));
      else if (std::find(ok.begin(), ok.end(), *s) != ok.end()) r.error(p, "language " + quoteShort(*s) + " is listed twice");
      else ok.push_back(*s);
    }
    if (langs->empty()) r.error("/languages", "expected at least one language, found an empty list");
    if (!ok.empty()) r.languages = ok;
  }
  feed.languages = r.languages;
  feed.title = r.text(r.member(root, "", "title", false), "/title", false, 80);
  feed.source = r.text(r.member(root, "", "source", false), "/source", false, 200);
  feed.link = r.url(r.member(root, "", "link", false), "/link");
}

}  // namespace

ParseResult parseFeed(std::string_view text, std::string_view fileName, const FeedLimits& limits) {
  ParseResult result;
  auto& ds = result.diagnostics;
  auto finish = [&]() {
    for (auto& d : ds) d.file = fileName;
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return std::move(result);
  };

  if (text.size() > limits.maxBytes) {
    report(ds, Severity::Error, "", "the feed is " + formatBytes(text.size()) + "; the limit is " + formatBytes(limits.maxBytes));
    return finish();
  }
  ds = scanJson(text);
  if (hasErrors(ds)) return finish();  // positions already set by the scanner

  json root;
  try {
    root = json::parse(text);
  } catch (const std::exception& e) {  // the scanner should have caught it; never let it escape
    report(ds, Severity::Error, "", std::string("the JSON could not be read: ") + e.what());
    return finish();
  }

  Feed feed;
  JsonReader r(ds, {limits.maxItems, limits.maxStringBytes}, feed.unknown);
  if (!root.is_object()) {
    r.error("", "expected a feed object {\"format\": \"schaufenster-feed\", …}, found " + describeJson(root));
    locatePointers(text, ds);
    return finish();
  }
  r.unknownKeys(root, "", {"format", "version", "id", "revision", "generated", "timeZone", "languages", "title", "source",
                           "link", "fields", "projects", "rooms", "tracks", "events", "figures", "playlist", "announcements",
                           "theme", "sponsors", "sponsorTiers", "maps", "eventFixes"});
  std::optional<TimeZone> zone;
  readHeader(r, root, feed, zone);
  feed.theme = readTheme(r, root);  // after the header: its texts need the feed's languages
  feed.fields = readArray<Field>(r, root, "fields", "of fields of action", [&](const json& j, const std::string& p) { return readField(r, j, p); });
  feed.projects = readArray<Project>(r, root, "projects", "of projects", [&](const json& j, const std::string& p) { return readProject(r, j, p, limits); });
  feed.rooms = readArray<Room>(r, root, "rooms", "of rooms", [&](const json& j, const std::string& p) { return readRoom(r, j, p); });
  feed.tracks = readArray<Track>(r, root, "tracks", "of tracks", [&](const json& j, const std::string& p) { return readTrack(r, j, p); });
  feed.events = readArray<Event>(r, root, "events", "of events", [&](const json& j, const std::string& p) { return readEvent(r, j, p, zone, limits); });
  readEventFixes(r, root, feed);  // after the events: a fix names one
  feed.figures = readArray<Figure>(r, root, "figures", "of key figures", [&](const json& j, const std::string& p) { return readFigure(r, j, p); });
  feed.maps = readArray<VenueMap>(r, root, "maps", "of maps", [&](const json& j, const std::string& p) { return readMap(r, j, p); });
  feed.announcements = readArray<Announcement>(r, root, "announcements", "of announcements", [&](const json& j, const std::string& p) { return readAnnouncement(r, j, p); });
  feed.sponsorTiers = readArray<SponsorTier>(r, root, "sponsorTiers", "of sponsor tiers", [&](const json& j, const std::string& p) { return readSponsorTier(r, j, p); });
  feed.sponsors = readArray<Sponsor>(r, root, "sponsors", "of sponsors", [&](const json& j, const std::string& p) { return readSponsor(r, j, p); });
  // Playlist items keep their JSON index until checked, so pointers stay right; skipped ones
  // (unknown kinds from newer feeds) are dropped afterwards.
  const auto slides = readArray<std::optional<PlaylistItem>>(r, root, "playlist", "of slides", [&](const json& j, const std::string& p) { return readSlide(r, j, p); });
  for (const auto& s : slides) feed.playlist.push_back(s.value_or(PlaylistItem{SlideKind::Spotlight, "", "", "", -1}));

  resolveConference(feed, ds);
  checkFeed(feed, ds);

  std::erase_if(feed.playlist, [](const PlaylistItem& it) { return it.seconds < 0; });
  if (feed.playlist.empty()) {
    if (root.contains("playlist")) r.warn("/playlist", "no playable slide; the default rotation plays");
    feed.playlist = defaultPlaylist(feed);
  }
  sortRooms(feed);
  std::stable_sort(feed.events.begin(), feed.events.end(), [](const Event& a, const Event& b) {
    return a.start != b.start ? a.start < b.start : a.end != b.end ? a.end < b.end : a.id < b.id;
  });

  locatePointers(text, ds);
  if (!hasErrors(ds)) result.feed = std::move(feed);
  return finish();
}

std::vector<PlaylistItem> defaultPlaylist(const Feed& feed) {
  std::vector<PlaylistItem> out;
  if (!feed.projects.empty()) out.push_back({SlideKind::Spotlights, "", "", "", 10});
  if (!feed.events.empty()) out.push_back({SlideKind::Schedule, "", "", "", 12});
  if (!feed.figures.empty()) out.push_back({SlideKind::Figures, "", "", "", 10});
  if (!feed.fields.empty()) out.push_back({SlideKind::Fields, "", "", "", 10});
  if (out.empty()) out.push_back({SlideKind::Schedule, "", "", "", 12});  // shows the feed's title and clock
  return out;
}

}  // namespace sf::core
