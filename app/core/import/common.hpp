// What every importer yields before it is merged into a feed (events, projects, the source's
// name and zone, located diagnostics), and the id, text and time helpers all formats share.
#pragma once
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/diagnostic.hpp"
#include "core/base/text_util.hpp"
#include "core/base/time.hpp"
#include "core/base/xml_tree.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

struct ImportFormat;  // formats.hpp: the table of formats

// What a format brings, and so which list of the feed its items are merged into.
enum class ImportItems { Events, Projects, Announcements };

struct ImportOptions {
  std::optional<TimeZone> zone;       // the feed's zone, for floating times; none: the source's own
  Instant now{};                      // recurrences are expanded up to now + horizon
  std::chrono::days horizon{366};
  std::size_t maxInstances = 1000;    // per recurring event
  bool includeBreaks = true;          // pretalx widget: slots without a submission (breaks, keynotes)
  std::size_t maxDescription = 600;   // characters; longer texts are shortened at a sentence
  XmlParser parseXml = nullptr;       // for the XML formats: the platform's parser (platform/xml.hpp)
};

struct ImportedEvent {
  std::string key;     // the source's own stable key (guid, UID[/instance], …); the id derives from it
  std::string origin;  // where in the source, for messages: a JSON pointer or "line 12"
  nlohmann::ordered_json title;  // a string, or an object by language
  std::string description;
  Instant start{};
  Instant end{};
  bool allDay = false;
  Date firstDay{};  // all-day events: the first and the last day, inclusive
  Date lastDay{};
  std::string room, place, organiser, link;
  // Conference keys, where the source has them.
  std::string roomKey;   // key of a room in ImportResult::rooms; the event's room is then that room
  std::string trackKey;  // key of a track in ImportResult::tracks
  std::string subtitle;
  std::vector<Speaker> speakers;
  std::optional<EventKind> kind;
  std::string language;  // a language code ("en"), see languageCodeOf
  bool cancelled = false;
};

// A room or track an import lists; its feed id is itemId(sourceId, key). Keys come from the
// source's GUID or from the name, never from the order, so re-imports find the same ones.
struct ImportedRoom {
  std::string key;
  std::string name;
  std::string guid;
  std::optional<int> capacity;
  int order = 0;  // the source's order of rooms
};

struct ImportedTrack {
  std::string key;
  std::string name;
  std::string color;  // "#RRGGBB", where the source gives one
};

struct ImportedProject {
  std::string key;
  std::string origin;
  nlohmann::ordered_json values = nlohmann::ordered_json::object();  // feed keys in feed order, no id
  std::vector<std::string> ownedKeys;  // keys this source writes; a re-import leaves the others alone
};

// An urgent message (from a CAP alert): texts by language, shown between start and end.
struct ImportedAnnouncement {
  std::string key;
  std::string origin;
  nlohmann::ordered_json title = nlohmann::ordered_json::object();  // language -> text
  nlohmann::ordered_json text = nlohmann::ordered_json::object();
  Instant start{};
  Instant end{};
  int priority = 100;
};

struct ImportResult {
  const ImportFormat* format = nullptr;  // the format read (formats.hpp)
  std::string title;              // conference or calendar name: a new feed's title
  std::string suggestedSourceId;  // from the acronym or calendar name; empty: the caller uses the file stem
  std::optional<std::string> zoneName;  // the source's zone, when it names one its times agree with
  std::vector<std::string> languages;   // CSV: the languages its columns carry
  std::vector<ImportedEvent> events;
  std::vector<ImportedProject> projects;
  std::vector<ImportedAnnouncement> announcements;
  std::vector<ImportedRoom> rooms;      // schedules: the rooms their events are in
  std::vector<ImportedTrack> tracks;
  std::vector<std::string> fieldIds;    // CSV: fields of action the projects use
  Diagnostics diagnostics;              // no file name: the caller adds it
  int skipped = 0;                      // items left out on purpose (breaks, cancelled), for the summary
  int refused = 0;                      // items the source lists but that could not be read (each warned about)
  // Keys of refused items, where they could be read: the merge keeps what an earlier import brought
  // for them instead of removing it, since the source still lists them.
  std::vector<std::string> refusedKeys;
};

// Scans and parses a JSON source, reporting syntax errors with line and column. False (with
// diagnostics) when the text is not JSON.
bool parseJsonSource(std::string_view text, nlohmann::json& out, Diagnostics& ds);
// The root element of an XML source read with opts.parseXml; nullopt (with located diagnostics)
// when it cannot be read, or when no parser was handed in.
std::optional<XmlElement> parseXmlSource(std::string_view text, const ImportOptions& opts, Diagnostics& ds);

// A member of a JSON object; nullptr when it is missing, null, or `obj` is no object.
const nlohmann::json* jsonMember(const nlohmann::json& obj, std::string_view key);
// Text as the importers keep it: without surrounding white space.
inline std::string trimmedString(std::string_view s) { return std::string(trimmed(s)); }

// A value as the importers take text: a string trimmed, a whole number as its digits (ids are
// written either way), anything else empty.
std::string jsonText(const nlohmann::json* v);

// "HH:MM" (any number of hours) or "D:HH:MM", as frab, pretalx and schedule.xml write durations.
std::optional<std::chrono::minutes> parseDuration(std::string_view s);
// "HH:MM" or "HH:MM:SS" as minutes after midnight (seconds dropped).
std::optional<int> parseClockMinutes(std::string_view s);

// Lowercase ASCII letters and digits with single '-' between words; "" when nothing is left.
std::string slugify(std::string_view s, std::size_t maxLen = 48);
// A feed id for `key` within `sourceId`: "<sourceId>:<key>" when the key already obeys the id
// rule, else a readable slug plus a hash of the key, so distinct keys never collide.
std::string itemId(std::string_view sourceId, std::string_view key);
bool isValidSourceId(std::string_view s);  // an id without ':' (':' separates it from the key)
// A default source id from a path or URL: the file stem, skipping generic names such as
// "schedule.json" or "export" in favour of the folder that names the event.
std::string sourceIdFromName(std::string_view pathOrUrl);

// HTML-ish text to plain text: <br>/<p> become line breaks, other tags go, entities are decoded,
// whitespace is tidied.
std::string plainText(std::string_view s);
// At most `maxChars` characters: cut at a sentence end or a word, with "…".
std::string shorten(std::string_view s, std::size_t maxChars);
// The UTC offset written in an ISO date-time ("…+11:00" -> 660, "…Z" -> 0), if any.
std::optional<int> offsetMinutesOf(std::string_view isoDateTime);
// "Etc/GMT-1" for +01:00: the IANA zone of a fixed whole-hour offset, if there is one.
std::optional<std::string> fixedOffsetZone(int offsetMinutes);
std::string formatOffset(int offsetMinutes);  // "+01:00"

// The room `name` of `r`, added when new; returns its key ("" for an empty name). The key is the
// room's GUID where the source gives one no other room has, else derived from the name. A room
// seen again gets the GUID and capacity it lacked.
std::string addRoom(ImportResult& r, std::string_view name, std::string_view guid = {}, std::optional<int> capacity = {});
// The track `name`, added when new; its key derives from the name. Returns the key.
std::string addTrack(ImportResult& r, std::string_view name, std::string_view color = {});
// What kind of item a source's type names: "Talk", "lecture", "Workshop", "Break", "Pause",
// "Social event"… nullopt when the type is empty; `Other` for types no kind fits.
std::optional<EventKind> kindFromType(std::string_view type);
// A language code from what sources write: "en", "EN", "de-DE" (-> "de"), "English", "Deutsch";
// "" when unknown.
std::string languageCodeOf(std::string_view s);

// Strips a UTF-8 byte order mark.
std::string_view withoutBom(std::string_view s);

}  // namespace sf::core
