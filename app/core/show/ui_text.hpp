// The player's own words in German and English, and date/time formats per language, written
// into caller buffers so a frame that shows them allocates nothing.
#pragma once
#include <chrono>
#include <cstddef>
#include <string_view>

#include "core/feed/model.hpp"
#include "core/base/time.hpp"

namespace sf::core {

enum class Ui {
  Schedule, LookingBack, Now, Next, LaterToday, HappeningNow, AllDay,
  Running, Completed, AsOf, Funding, Programme, Runtime, Applicants, Partners,
  RelatedFields, RelatedEvents, Explore, Back, Fields, Projects, ProjectsCount, ProjectCountOne, KeyFigures,
  MoreOnline, Notice, Info, Emergency, Evacuation, YouAreHere, FieldsIntro, TapToOpen, SwipeHint,
  PausedResumes,  // printf pattern: minutes, seconds until the paused rotation goes on
  StatusTitle, StatusClose, StatusDisplay,  // the organisers' status page
  StatusOk, StatusProblem, StatusVersion, StatusNotRotated, StatusRotated,
  Today, Tomorrow, Cancelled, AllRooms, AllTracks, Room, Speakers, Track, Language, AboutTalk,
  NextInRoom, RestOfDay, DoneForToday, NotToday, NoTalksHere, OtherRoomsNow, NextDay, FirstDay,
  Day, Until, Ends, ProgrammeOver, ScanForMore, RoomFilter, TrackFilter, NothingMatches,
  ChooseRoom, ChooseTrack,
  ProgrammeList, ProgrammeByRoom,  // the programme's two arrangements
  RuntimeEnded, Starts, ProjectPage,             // a project's status from its runtime: "Laufzeit endete", "Beginnt"
  MoreProjects,  // the detail view's other projects of the same field
  // The organisers' fleet page (`serve --fleet`); the Fleet*Ago and duration entries are printf
  // patterns taking one long long.
  FleetTitle, FleetScreens, FleetUp, FleetOffline, FleetNeedLook, FleetAsOf, FleetRefreshes, FleetEmpty, FleetRecent,
  FleetStateUp, FleetStateFault, FleetStateBehind, FleetStateOffline, FleetStateDark,
  FleetShows, FleetLastSeen, FleetFault, FleetContent, FleetTemperature, FleetThrottled, FleetScreen, FleetUpFor,
  FleetNoGroup, FleetRoom, FleetBehind, FleetNewest, FleetMade, FleetDarkBySchedule, FleetVersion, FleetUnderVoltage,
  FleetSecondsAgo, FleetMinutesAgo, FleetHoursAgo, FleetDaysAgo, FleetMinutes, FleetHours, FleetDays,
  FleetEventRevision, FleetEventFault, FleetEventRecovered, FleetEventOffline, FleetEventOnline,
  FleetShowedAt, FleetNoShot,  // a card's screenshot: "<screen> showed at <time>", or none yet
  FleetSignature, FleetOwnKey, FleetTokenOnly, FleetEventKeyForgotten,
  SponsorsThanks,  // the sponsors slide's heading when the item gives none
  // Stands and the venue map: "Halle 2 · Stand B14", the legend's marker kinds (MarkerKind's order)
  Hall, Stand, Where, MarkerRoom, MarkerStand, MarkerExit, MarkerInfo, MarkerToilets, MarkerFood, MarkerStairs, MarkerLift,
  MarkerFirstAid, MarkerOther,
  TodayInRoom,  // the door screen's strip of the room's whole day
  Count
};

// Languages other than German fall back to English.
const char* ui(Ui key, std::string_view lang);
// The name a language switch shows for a language code ("DE", "EN", else the code upper-cased).
void languageLabel(std::string_view code, char* out, std::size_t size);

// Header clock "14:05" ("14:05:09" with seconds) and date: de "Do, 25. April 2024", en "Thu 25 April 2024".
void formatClock(const LocalDateTime& t, char* out, std::size_t size, bool seconds = false);
void formatLongDate(Date d, std::string_view lang, char* out, std::size_t size);
// Short dates in lists: de "Do, 25.04.2024", en "Thu 25 Apr 2024".
void formatShortDate(Date d, std::string_view lang, char* out, std::size_t size);
// Funding runtime "04/2022 – 07/2024" (either end may be missing).
void formatRuntime(const std::optional<Date>& start, const std::optional<Date>& end, char* out, std::size_t size);
// An event's time: "10:00 – 12:00", or its date(s) for all-day events.
void formatEventTime(const Event& e, const TimeZone& zone, std::string_view lang, char* out, std::size_t size);
// Conference days: "heute"/"today", "morgen"/"tomorrow", else "Sa 23.11."/"Sat 23 Nov".
void formatDayLabel(Date day, Date today, std::string_view lang, char* out, std::size_t size);
// A day tab: "Sa 23.11."/"Sat 23 Nov" always (tabs show dates; the current one is marked apart).
void formatDayTab(Date day, std::string_view lang, char* out, std::size_t size);
// "in 12 min" when `start` lies under `window` ahead of `now` (rounded up to whole minutes);
// returns false and writes nothing otherwise.
bool formatStartsIn(Instant start, Instant now, std::chrono::minutes window, char* out, std::size_t size);
// An event's time as a visitor at `now` reads it: "10:40 – 11:10" today, "morgen 10:40 – 11:10",
// "Sa 23.11. 10:40 – 11:10" further off; `today` is the conference day of now.
void formatEventWhen(const Event& e, Date today, const TimeZone& zone, std::string_view lang, char* out, std::size_t size);
// "+2 weitere" / "+2 more": parallel talks that did not fit.
void formatMore(std::size_t n, std::string_view lang, char* out, std::size_t size);
// "endet 11:30" / "ends 11:30".
void formatEnds(Instant end, const TimeZone& zone, std::string_view lang, char* out, std::size_t size);
// Speakers' names joined: "Ada Lovelace, Grace Hopper"; with `affiliations` "Ada Lovelace (Analytical)".
void formatSpeakers(const Event& e, char* out, std::size_t size, bool affiliations = false);
// Where a project stands on `today`, from its status and its runtime. A runtime that is over
// outweighs a "running" the feed has not updated; a project that says nothing and has no
// runtime is Unstated, and shows no status rather than a made-up "Running".
enum class ProjectPhase { Running, Completed, Ended, Upcoming, Unstated };
ProjectPhase projectPhase(const Project& p, Date today);
// Status pill text: "Laufend · Stand 01.03.2024", "Abgeschlossen · Stand 01.03.2024", "Laufzeit
// endete 02/2025", "Beginnt 04/2027"; "" when Unstated. `withAsOf` false leaves the date out
// (a list row, which shows the runtime beside it).
void formatStatus(const Project& p, Date today, std::string_view lang, char* out, std::size_t size, bool withAsOf = true);
// A link as people type it under a QR code: no scheme, no "www.", no trailing slash
// ("berlin.de/industriestadt").
void formatLinkShort(std::string_view url, char* out, std::size_t size);
// A feed fault's kind (live::FeedStatus::fault: "network", "invalid-feed" …) in plain words of
// the page's language, ahead of the technical detail: the status page speaks one language.
const char* faultSummary(std::string_view kind, std::string_view lang);
// The words for the feed's groups (Ui::Fields, RelatedFields, FieldsIntro): the theme's labels
// (`theme.labels.fields` / `field`) where the feed gives them, else ui(key, lang). Returns `out`
// or the built-in text; other keys give ui(key, lang).
const char* groupText(const Feed& feed, Ui key, std::string_view lang, char* out, std::size_t size);
// "1 Projekt" / "3 Projekte", "1 project" / "3 projects".
void formatProjectCount(std::size_t n, std::string_view lang, char* out, std::size_t size);

}  // namespace sf::core
