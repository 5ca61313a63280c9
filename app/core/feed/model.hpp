// The feed as the player and the tools use it: fields of action, projects, events, figures,
// playlist and announcements. Built only by parseFeed, so every value here has been checked.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/time.hpp"

namespace sf::core {

// A text in several languages. A plain JSON string is the same text in every language.
class LocalText {
 public:
  void set(std::string lang, std::string text) { values_.emplace_back(std::move(lang), std::move(text)); }
  // The text in `lang`, else in the first language that has one; empty if none.
  const std::string& in(std::string_view lang) const;
  bool has(std::string_view lang) const;
  bool empty() const { return values_.empty(); }
  const std::vector<std::pair<std::string, std::string>>& values() const { return values_; }
  std::vector<std::pair<std::string, std::string>>& values() { return values_; }  // (language, text)

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

struct Field {
  std::string id;
  LocalText name;
  Rgb color;
  LocalText summary;
};

enum class ProjectState { Running, Completed };

struct Funding {
  std::vector<std::string> applicants;
  LocalText programme;
  std::optional<Date> start;
  std::optional<Date> end;
  std::string fundedTitle;  // the name the funding decision uses, where it differs
};

struct Link {
  std::string url;
  LocalText label;
};

struct ImageRef {
  std::string src;  // URL or a path relative to the feed
  LocalText alt;
};

// Where an exhibitor shows a project at a fair: the hall and the stand number, either may be
// missing ("Halle 2 · Stand B14").
struct Stand {
  std::string hall;
  std::string number;
  bool operator==(const Stand&) const = default;
};

struct Project {
  std::string id;
  LocalText title;
  LocalText subtitle;
  LocalText summary;      // one or two sentences for a slide
  LocalText description;  // a paragraph for the detail view
  std::string field;
  std::vector<std::string> relatedFields;
  ProjectState state = ProjectState::Running;
  bool stateGiven = false;  // the feed said running or completed; otherwise the runtime tells
  std::optional<Date> stateAsOf;
  std::optional<Funding> funding;
  std::vector<std::string> partners;
  std::vector<Link> links;
  std::optional<ImageRef> image;
  std::vector<std::string> tags;
  std::optional<Stand> stand;
};

// A room of the venue. Events name it by id; screens at its door are bound to it by id, name or
// GUID (frab and pretalx give rooms GUIDs that survive renaming).
struct Room {
  std::string id;
  LocalText name;
  std::string guid;               // frab/pretalx room GUID, where the source had one
  std::optional<int> capacity;    // seats
  LocalText building;             // the room's place: building and floor, as visitors read them
  LocalText floor;
  int order = 0;                  // rooms are listed by order, then by name
};

// A track (theme) of a conference: its name and the colour its talks are marked with.
struct Track {
  std::string id;
  LocalText name;
  std::optional<Rgb> color;
};

struct Speaker {
  std::string name;
  std::string affiliation;  // organisation, where given
};

// What kind of programme item an event is: breaks and socials are shown apart from talks.
enum class EventKind { Talk, Workshop, Break, Social, Other };
std::string_view eventKindName(EventKind kind);
std::optional<EventKind> eventKindNamed(std::string_view name);

struct Event {
  std::string id;
  LocalText title;
  LocalText description;
  Instant start{};
  Instant end{};  // all-day events: the start of the day after the last day
  bool allDay = false;
  LocalText place;
  LocalText room;      // the room's name as shown (from `rooms` when roomId is set)
  std::string roomId;  // id in Feed::rooms; empty when the feed names the room by plain text
  LocalText organiser;
  std::vector<std::string> projects;
  std::string link;
  LocalText subtitle;
  std::vector<Speaker> speakers;
  std::string track;     // id in Feed::tracks; empty: no track
  EventKind kind = EventKind::Talk;
  std::string language;  // the language the talk is given in ("en"), where known
  bool cancelled = false;
};

struct Figure {
  std::string id;
  LocalText label;
  LocalText value;  // as written, per language where numbers are written differently ("100.000" / "100,000")
  LocalText note;
};

// The kinds of slide a playlist holds. A new kind is its value here and its entry in kSlideKinds,
// its options in PlaylistItem and the parser, and its view with its entry in app/views/slides.cpp.
enum class SlideKind { Spotlight, Spotlights, Schedule, Fields, Figures, Room, Image, Text, Sponsors, Map };

struct SlideKindInfo {
  SlideKind kind;
  std::string_view name;    // in a feed's playlist ("slide") and for `render --view`
  bool readsClock = false;  // shows what the minute changes (the schedule): painted again each minute
  bool paged = false;       // shows one page of a longer list, the next slide of its kind the next page
  bool expands = false;     // stands for several slides in the rotation (one spotlight per project)
};

// In the order of the enum: kSlideKinds[static_cast<std::size_t>(kind)] describes `kind`.
inline constexpr std::array<SlideKindInfo, 10> kSlideKinds{{
    {SlideKind::Spotlight, "spotlight"},
    {SlideKind::Spotlights, "spotlights", false, false, true},
    {SlideKind::Schedule, "schedule", true},
    {SlideKind::Fields, "fields"},
    {SlideKind::Figures, "figures", false, true},
    {SlideKind::Room, "room", true},
    // The organiser's own slides: a poster or photo, a text, the sponsors' logos.
    {SlideKind::Image, "image"},
    {SlideKind::Text, "text"},
    {SlideKind::Sponsors, "sponsors"},
    {SlideKind::Map, "map", true},  // the talks now and next are marked on it
}};
constexpr const SlideKindInfo& slideKindInfo(SlideKind kind) { return kSlideKinds[static_cast<std::size_t>(kind)]; }
std::optional<SlideKind> slideKindNamed(std::string_view name);

// Which screens an item is for. A screen shows it when one selector names the screen (its
// screenName, one of its groups, one of its rooms), or when no selector is given.
struct Targets {
  std::vector<std::string> screens;
  std::vector<std::string> groups;
  std::vector<std::string> rooms;
  bool any() const { return !screens.empty() || !groups.empty() || !rooms.empty(); }
};

// A window that comes back: on some weekdays, within a daily span of the venue's local time.
// `from` > `until` crosses midnight, and the night then belongs to the day it began on.
struct Recurrence {
  std::uint8_t days = 0x7f;  // bit 0 Sunday … bit 6 Saturday (as LocalDateTime::weekday)
  int from = 0;              // minutes after local midnight
  int until = 24 * 60;       // minutes after local midnight; 1440: the end of the day
  bool always() const { return days == 0x7f && from == 0 && until == 24 * 60; }
};

// How an image slide's picture meets the screen: whole and letterboxed on the background (posters,
// the default), or filling the screen and cropped (photos).
enum class ImageFit { Fit, Fill };

struct PlaylistItem {
  SlideKind kind = SlideKind::Spotlight;
  std::string project;  // Spotlight: the project shown
  std::string field;    // Spotlights: optional filter by primary field
  std::string tag;      // Spotlights: optional filter by tag
  int seconds = 10;
  std::optional<Instant> validFrom;
  std::optional<Instant> validUntil;
  Recurrence recurring;
  Targets targets;
  std::string room;     // Room: a room id, name or GUID (as a screen's config names one)
  // The organiser's own slides (image, text, sponsors): their content lives in the item.
  std::optional<ImageRef> image;  // Image: the poster or photo
  ImageFit fit = ImageFit::Fit;   // Image
  LocalText caption;              // Image: optional, over or below the picture
  LocalText headline;             // Text; Sponsors: optional, instead of the default heading
  LocalText body;                 // Text: paragraphs split by a blank line, "- " lines a list
  std::string tier;               // Sponsors: only this tier's sponsors (an id in sponsorTiers)
  std::string map;      // Map: the id of one of Feed::maps
};

// A sponsor's level ("gold", "silver"); sponsorTiers lists them, the highest first.
struct SponsorTier {
  std::string id;
  LocalText name;
};

// A sponsor: its name (shown in type when the logo cannot be) and its logo.
struct Sponsor {
  std::string name;
  std::optional<ImageRef> logo;
  std::string tier;  // an id in Feed::sponsorTiers; empty: after every tier
};

// How urgent an announcement is. An emergency beats an important one beats an info banner,
// whatever their priorities; priority orders announcements of one level.
enum class Level { Info, Important, Emergency };
std::string_view levelName(Level level);
std::optional<Level> levelNamed(std::string_view name);

// How an emergency looks: white on red (alarm), or the ISO 7010 green of escape routes.
enum class EmergencyStyle { Alarm, Evacuation };
// The built-in pictograms an emergency may show (drawn as shapes, no image files).
enum class Pictogram { None, Exit, AssemblyPoint, NoEntry, FirstAid };
std::string_view pictogramName(Pictogram p);
std::optional<Pictogram> pictogramNamed(std::string_view name);

struct Announcement {
  std::string id;
  LocalText title;
  LocalText text;
  Instant start{};
  Instant end{};
  int priority = 0;  // the highest valid one of the highest level shows
  Level level = Level::Important;  // what announcements were before levels existed: a takeover
  EmergencyStyle style = EmergencyStyle::Alarm;
  Pictogram pictogram = Pictogram::None;
  bool bannerTop = false;  // an info banner at the top of the screen instead of the bottom
  Recurrence recurring;
  Targets targets;
};

// The feed's look (`theme`, theme.hpp): a dark or light base, an accent, a logo per base, and
// the feed's own words for its groups. A feed without a theme looks as screens always did.
// The palette views draw with; its defaults are the dark base's colours.
struct Palette {
  Rgb bg{14, 17, 22};
  Rgb surface{24, 28, 36};
  Rgb surfaceHigh{34, 40, 51};
  Rgb text{244, 245, 247};
  Rgb muted{178, 186, 198};  // 9.7:1 on bg
  Rgb faint{140, 149, 162};  // 6.3:1 on bg, 5.6:1 on surface
  Rgb line{52, 59, 71};
  Rgb live{255, 107, 107};
  Rgb amber{255, 196, 77};
  Rgb accent{244, 245, 247};  // selected tabs, the progress bar, highlights; text colour without a theme
  Rgb onAccent{14, 17, 22};   // text on an accent fill
  bool operator==(const Palette&) const = default;
};

enum class ThemeBase { Dark, Light };

struct Theme {
  bool given = false;  // the feed has a `theme`; colour checks against the base apply then
  ThemeBase base = ThemeBase::Dark;
  std::optional<Rgb> accent;  // as the feed writes it; the palette may hold a corrected one
  std::string logoDark;       // made for dark backgrounds: drawn on the dark base
  std::string logoLight;      // made for light backgrounds: drawn on the light base
  LocalText logoAlt;
  LocalText fieldsLabel;      // the feed's name for its groups: "Hallen" / "Halls"
  LocalText fieldLabel;       // one of them: "Halle" / "Hall"
  Palette palette;            // resolved by parseFeed (core::paletteFor)
  // The logo src for the base (the other variant when only that one is given); empty for none.
  const std::string& logo() const {
    const std::string& own = base == ThemeBase::Light ? logoLight : logoDark;
    return own.empty() ? (base == ThemeBase::Light ? logoDark : logoLight) : own;
  }
};

// A floor plan of the venue with markers in relative coordinates of its image: (0, 0) is the
// image's top-left corner, (1, 1) its bottom-right, so markers stay put whatever size it is drawn.
enum class MarkerKind { Room, Stand, Exit, Info, Toilets, Food, Stairs, Lift, FirstAid, Other };
std::string_view markerKindName(MarkerKind kind);
std::optional<MarkerKind> markerKindNamed(std::string_view name);

struct MapMarker {
  std::string id;
  MarkerKind kind = MarkerKind::Other;
  LocalText label;
  std::string room;  // Room markers: an id of Feed::rooms, whose talks now and next are marked
  Stand stand;       // Stand markers: the stand whose projects it shows
  double x = 0, y = 0;
};

struct VenueMap {
  std::string id;
  LocalText name;
  std::optional<ImageRef> image;  // none: the markers on a plain grid
  std::vector<MapMarker> markers;
};

struct Feed {
  int version = 1;
  std::string id;
  std::int64_t revision = 0;
  Instant generated{};
  std::string timeZoneName;          // as the feed writes it, for texts
  TimeZone zone = TimeZone::utc();   // the venue's zone, resolved once by the parser
  std::vector<std::string> languages;
  LocalText title;
  LocalText source;
  std::string link;
  std::vector<Field> fields;
  std::vector<Project> projects;
  std::vector<Room> rooms;    // in display order (order, then name)
  std::vector<Track> tracks;
  std::vector<Event> events;  // sorted by start, then end, then id
  std::vector<Figure> figures;
  std::vector<PlaylistItem> playlist;  // never empty: a feed without one gets the default
  std::vector<Announcement> announcements;
  Theme theme;
  std::vector<Sponsor> sponsors;          // in the feed's order within each tier
  std::vector<SponsorTier> sponsorTiers;  // the highest first
  std::vector<VenueMap> maps;
  nlohmann::json unknown = nlohmann::json::object();  // unknown keys by pointer, kept for tools

  const Field* findField(std::string_view id) const;
  const Project* findProject(std::string_view id) const;
  const Event* findEvent(std::string_view id) const;
  const Room* findRoom(std::string_view id) const;
  const Track* findTrack(std::string_view id) const;
  const VenueMap* findMap(std::string_view id) const;
};

// The language a screen speaks when nobody chose one: the feed's first, else German, the
// format's own. The one place that fallback is written.
inline constexpr std::string_view kHomeLanguage = "de";
std::string_view startLanguage(const Feed& feed);

// Every image src the feed names, each once, in the feed's order: what the player loads, the
// image worker fetches and `pack` copies. A new place for an image in the format is added here
// (and in rewriteImageSources, which edits the same places in a feed's text).
std::vector<std::string> imageSources(const Feed& feed);

}  // namespace sf::core
