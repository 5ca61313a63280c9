// German and English strings and date formats. German uses the day-month order and the
// abbreviated weekday with a comma, English the British order without one.
#include "core/show/ui_text.hpp"

#include "core/show/programme.hpp"

#include <cctype>
#include <chrono>
#include <algorithm>
#include <cstdio>

namespace sf::core {
namespace {

struct Pair {
  const char* de;
  const char* en;
};

constexpr Pair kText[] = {
    {"Programm", "Programme"},
    {"Rückblick", "Looking back"},
    {"Jetzt", "Now"},
    {"Als Nächstes", "Next"},
    {"Später heute", "Later today"},
    {"Läuft gerade", "Happening now"},
    {"ganztägig", "all day"},
    {"Laufend", "Running"},
    {"Abgeschlossen", "Completed"},
    {"Stand", "as of"},
    {"Förderung", "Funding"},
    {"Programm", "Programme"},
    {"Laufzeit", "Runtime"},
    {"Zuwendungsempfänger", "Applicants"},
    {"Partner", "Partners"},
    {"Verwandte Handlungsfelder", "Related fields"},
    {"Veranstaltungen", "Events"},
    {"Entdecken", "Explore"},
    {"Zurück", "Back"},
    {"Handlungsfelder", "Fields of action"},
    {"Projekte", "Projects"},
    {"Projekte", "projects"},
    {"Projekt", "project"},
    {"Zahlen & Fakten", "Key figures"},
    {"Mehr online", "More online"},
    {"Hinweis", "Notice"},
    {"Info", "Info"},
    {"Notfall", "Emergency"},
    {"Räumung", "Evacuation"},
    {"Sie sind hier", "You are here"},
    {"Wählen Sie ein Handlungsfeld", "Choose a field of action"},
    {"Antippen für mehr", "Tap for more"},
    {"Wischen zum Blättern", "Swipe to browse"},
    {"Pause · weiter in %lld:%02lld", "Paused · resumes in %lld:%02lld"},
    {"Status dieses Bildschirms", "Status of this screen"},
    {"Tippen zum Schließen", "Tap to close"},
    {"Anzeige", "Display"},
    {"Alles in Ordnung", "All is well"},
    {"Bitte prüfen", "Needs a look"},
    {"Version", "Version"},
    {"nicht gedreht", "not rotated"},
    {"gedreht um", "rotated by"},
    {"heute", "today"},
    {"morgen", "tomorrow"},
    {"Abgesagt", "Cancelled"},
    {"Alle Räume", "All rooms"},
    {"Alle Tracks", "All tracks"},
    {"Raum", "Room"},
    {"Vortragende", "Speakers"},
    {"Track", "Track"},
    {"Sprache", "Language"},
    {"Worum es geht", "About this session"},
    {"Als Nächstes hier", "Next in this room"},
    {"Später hier", "Later in this room"},
    {"Ende für heute", "Done for today"},
    {"Heute keine Vorträge hier", "No sessions here today"},
    {"In diesem Raum ist nichts geplant", "Nothing is planned in this room"},
    {"Jetzt in anderen Räumen", "Now in other rooms"},
    {"Weiter geht es", "Next up"},
    {"Das Programm beginnt", "The programme begins"},
    {"Tag", "Day"},
    {"bis", "until"},
    {"endet", "ends"},
    {"Das Programm ist vorbei – so war es", "The programme is over – this is what it was"},
    {"Scannen für mehr", "Scan for more"},
    {"Räume", "Rooms"},
    {"Tracks", "Tracks"},
    {"Keine Einträge für diese Auswahl", "Nothing matches this choice"},
    {"Raum wählen", "Choose a room"},
    {"Track wählen", "Choose a track"},
    {"Liste", "List"},
    {"Nach Räumen", "By room"},
    {"Laufzeit endete", "Ended"},
    {"Beginnt", "Starts"},
    {"Projektseite", "Project page"},
    {"Weitere Projekte", "More projects"},
    {"Bildschirme", "Screens"},
    {"Gesamt", "Total"},
    {"Erreichbar", "Up"},
    {"Offline", "Offline"},
    {"Zu prüfen", "Need a look"},
    {"Stand", "As of"},
    {"aktualisiert sich alle 15 s", "refreshes every 15 s"},
    {"Noch hat sich kein Bildschirm gemeldet. Bildschirme melden sich mit diesem Eintrag in ihrer Konfiguration:",
     "No screen has reported yet. Screens report with this in their config:"},
    {"Letzte Änderungen", "Recent changes"},
    {"läuft", "up"},
    {"Fehler", "fault"},
    {"veraltet", "behind"},
    {"offline", "offline"},
    {"dunkel", "dark"},
    {"Zeigt", "Shows"},
    {"Zuletzt gemeldet", "Last seen"},
    {"Fehler", "Fault"},
    {"Inhalt", "Content"},
    {"Temperatur", "Temperature"},
    {"Drosselung", "Throttled"},
    {"Bildschirm", "Screen"},
    {"Läuft seit", "Up for"},
    {"ohne Gruppe", "no group"},
    {"Raum", "room"},
    {"hinter", "behind"},
    {"aktuell", "newest"},
    {"erstellt", "made"},
    {"dunkel nach Zeitplan", "dark by schedule"},
    {"Version", "version"},
    {"Unterspannung", "under-voltage"},
    {"vor %lld s", "%lld s ago"},
    {"vor %lld min", "%lld min ago"},
    {"vor %lld h", "%lld h ago"},
    {"vor %lld Tagen", "%lld days ago"},
    {"%lld min", "%lld min"},
    {"%lld h", "%lld h"},
    {"%lld Tagen", "%lld days"},
    {"neue Revision", "new revision"},
    {"Fehler", "fault"},
    {"wieder in Ordnung", "recovered"},
    {"offline", "went offline"},
    {"wieder erreichbar", "back online"},
    {"zeigte um", "showed at"},
    {"Noch kein Bildschirmfoto", "No screenshot yet"},
    {"Signatur", "Signature"},
    {"eigener Schlüssel", "own key"},
    {"keine, nur das Token", "none, token only"},
    {"Schlüssel vergessen", "key forgotten"},
    {"Mit Unterstützung von", "With the support of"},  // the sponsors slide
    {"Halle", "Hall"},
    {"Stand", "Stand"},
    {"Wo", "Where"},
    {"Räume", "Rooms"},
    {"Stände", "Stands"},
    {"Ausgang", "Exit"},
    {"Information", "Information"},
    {"WC", "Toilets"},
    {"Essen & Trinken", "Food & drink"},
    {"Treppe", "Stairs"},
    {"Aufzug", "Lift"},
    {"Erste Hilfe", "First aid"},
    {"Weitere Orte", "Other places"},
    {"Heute in diesem Raum", "Today in this room"},
};
static_assert(sizeof kText / sizeof kText[0] == static_cast<std::size_t>(Ui::Count));

constexpr const char* kWeekdayDe[] = {"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"};
constexpr const char* kWeekdayEn[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonthDe[] = {"Januar", "Februar", "März",      "April",   "Mai",      "Juni",
                                    "Juli",   "August",  "September", "Oktober", "November", "Dezember"};
constexpr const char* kMonthEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kMonthShortEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool german(std::string_view lang) { return lang == kHomeLanguage; }

struct Ymd {
  int y;
  unsigned m, d, wd;
};
Ymd ymd(Date d) {
  const std::chrono::year_month_day v{d};
  return {static_cast<int>(v.year()), static_cast<unsigned>(v.month()), static_cast<unsigned>(v.day()),
          std::chrono::weekday{d}.c_encoding()};
}

}  // namespace

const char* ui(Ui key, std::string_view lang) {
  const Pair& p = kText[static_cast<std::size_t>(key)];
  return german(lang) ? p.de : p.en;
}

void languageLabel(std::string_view code, char* out, std::size_t size) {
  std::size_t i = 0;
  for (; i + 1 < size && i < code.size(); ++i) out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(code[i])));
  if (size) out[i] = '\0';
}

void formatClock(const LocalDateTime& t, char* out, std::size_t size, bool seconds) {
  if (seconds) std::snprintf(out, size, "%02d:%02d:%02d", t.hour, t.minute, t.second);
  else std::snprintf(out, size, "%02d:%02d", t.hour, t.minute);
}

void formatLongDate(Date d, std::string_view lang, char* out, std::size_t size) {
  const Ymd v = ymd(d);
  if (german(lang))
    std::snprintf(out, size, "%s, %u. %s %d", kWeekdayDe[v.wd], v.d, kMonthDe[v.m - 1], v.y);
  else
    std::snprintf(out, size, "%s %u %s %d", kWeekdayEn[v.wd], v.d, kMonthEn[v.m - 1], v.y);
}

void formatShortDate(Date d, std::string_view lang, char* out, std::size_t size) {
  const Ymd v = ymd(d);
  if (german(lang))
    std::snprintf(out, size, "%s, %02u.%02u.%d", kWeekdayDe[v.wd], v.d, v.m, v.y);
  else
    std::snprintf(out, size, "%s %u %s %d", kWeekdayEn[v.wd], v.d, kMonthShortEn[v.m - 1], v.y);
}

void formatRuntime(const std::optional<Date>& start, const std::optional<Date>& end, char* out, std::size_t size) {
  char a[16] = "", b[16] = "";
  if (start) std::snprintf(a, sizeof a, "%02u/%d", ymd(*start).m, ymd(*start).y);
  if (end) std::snprintf(b, sizeof b, "%02u/%d", ymd(*end).m, ymd(*end).y);
  if (start && end) std::snprintf(out, size, "%s – %s", a, b);
  else if (start) std::snprintf(out, size, "%s –", a);
  else if (end) std::snprintf(out, size, "– %s", b);
  else if (size) out[0] = '\0';
}

void formatEventTime(const Event& e, const TimeZone& zone, std::string_view lang, char* out, std::size_t size) {
  const LocalDateTime s = zone.toLocal(e.start);
  if (e.allDay) {
    const Date last = zone.toLocal(e.end - std::chrono::seconds{1}).date;
    char a[40], b[40];
    formatShortDate(s.date, lang, a, sizeof a);
    if (last == s.date) {
      std::snprintf(out, size, "%s", a);
    } else {
      formatShortDate(last, lang, b, sizeof b);
      std::snprintf(out, size, "%s – %s", a, b);
    }
    return;
  }
  const LocalDateTime en = zone.toLocal(e.end);
  std::snprintf(out, size, "%02d:%02d – %02d:%02d", s.hour, s.minute, en.hour, en.minute);
}

void formatDayTab(Date day, std::string_view lang, char* out, std::size_t size) {
  const Ymd v = ymd(day);
  if (german(lang)) std::snprintf(out, size, "%s %u.%u.", kWeekdayDe[v.wd], v.d, v.m);
  else std::snprintf(out, size, "%s %u %s", kWeekdayEn[v.wd], v.d, kMonthShortEn[v.m - 1]);
}

void formatDayLabel(Date day, Date today, std::string_view lang, char* out, std::size_t size) {
  if (day == today) std::snprintf(out, size, "%s", ui(Ui::Today, lang));
  else if (day == today + std::chrono::days{1}) std::snprintf(out, size, "%s", ui(Ui::Tomorrow, lang));
  else formatDayTab(day, lang, out, size);
}

bool formatStartsIn(Instant start, Instant now, std::chrono::minutes window, char* out, std::size_t size) {
  if (start <= now || start - now >= window) return false;
  const auto minutes = std::chrono::ceil<std::chrono::minutes>(start - now).count();
  std::snprintf(out, size, "in %d min", static_cast<int>(minutes));
  return true;
}

void formatEventWhen(const Event& e, Date today, const TimeZone& zone, std::string_view lang, char* out, std::size_t size) {
  char time[64];
  formatEventTime(e, zone, lang, time, sizeof time);
  if (e.allDay) {
    const Date first = zone.toLocal(e.start).date, last = zone.toLocal(e.end - std::chrono::seconds{1}).date;
    if (first <= today && today <= last) std::snprintf(out, size, "%s, %s", ui(Ui::Today, lang), ui(Ui::AllDay, lang));
    else std::snprintf(out, size, "%s", time);
    return;
  }
  // The conference day, not the calendar date: a talk at 00:30 is still "today" in the evening.
  const Date day = conferenceDay(e.start, zone);
  if (day == today) {
    std::snprintf(out, size, "%s", time);
    return;
  }
  char label[40];
  formatDayLabel(day, today, lang, label, sizeof label);
  std::snprintf(out, size, "%s %s", label, time);
}

void formatMore(std::size_t n, std::string_view lang, char* out, std::size_t size) {
  std::snprintf(out, size, german(lang) ? "+%zu weitere" : "+%zu more", n);
}

void formatEnds(Instant end, const TimeZone& zone, std::string_view lang, char* out, std::size_t size) {
  const LocalDateTime l = zone.toLocal(end);
  std::snprintf(out, size, "%s %02d:%02d", ui(Ui::Ends, lang), l.hour, l.minute);
}

void formatSpeakers(const Event& e, char* out, std::size_t size, bool affiliations) {
  std::size_t n = 0;
  if (size) out[0] = '\0';
  for (const Speaker& s : e.speakers) {
    if (n + 4 >= size) break;
    const bool aff = affiliations && !s.affiliation.empty();
    const int w = aff ? std::snprintf(out + n, size - n, "%s%s (%s)", n ? ", " : "", s.name.c_str(), s.affiliation.c_str())
                      : std::snprintf(out + n, size - n, "%s%s", n ? ", " : "", s.name.c_str());
    if (w > 0) n = std::min(size - 1, n + static_cast<std::size_t>(w));
  }
}

ProjectPhase projectPhase(const Project& p, Date today) {
  if (p.stateGiven && p.state == ProjectState::Completed) return ProjectPhase::Completed;
  const Funding* f = p.funding ? &*p.funding : nullptr;
  if (f && f->end && *f->end < today) return ProjectPhase::Ended;
  if (f && f->start && *f->start > today) return ProjectPhase::Upcoming;
  if (p.stateGiven || (f && (f->start || f->end))) return ProjectPhase::Running;
  return ProjectPhase::Unstated;
}

void formatStatus(const Project& p, Date today, std::string_view lang, char* out, std::size_t size, bool withAsOf) {
  if (size) out[0] = '\0';
  const ProjectPhase phase = projectPhase(p, today);
  auto monthYear = [](Date d, const char* label, char* o, std::size_t n) {
    const Ymd v = ymd(d);
    std::snprintf(o, n, "%s %02u/%d", label, v.m, v.y);
  };
  switch (phase) {
    case ProjectPhase::Unstated: return;
    case ProjectPhase::Ended: return monthYear(*p.funding->end, ui(Ui::RuntimeEnded, lang), out, size);
    case ProjectPhase::Upcoming: return monthYear(*p.funding->start, ui(Ui::Starts, lang), out, size);
    case ProjectPhase::Running:
    case ProjectPhase::Completed: break;
  }
  const char* state = ui(phase == ProjectPhase::Running ? Ui::Running : Ui::Completed, lang);
  if (!withAsOf || !p.stateAsOf || !p.stateGiven) {
    std::snprintf(out, size, "%s", state);
    return;
  }
  // The date the feed's status was last checked: what "Laufend" is worth.
  const Ymd v = ymd(*p.stateAsOf);
  if (german(lang))
    std::snprintf(out, size, "%s · Stand %02u.%02u.%d", state, v.d, v.m, v.y);
  else
    std::snprintf(out, size, "%s · as of %u %s %d", state, v.d, kMonthShortEn[v.m - 1], v.y);
}

void formatLinkShort(std::string_view url, char* out, std::size_t size) {
  for (std::string_view prefix : {"https://", "http://"})
    if (url.starts_with(prefix)) url.remove_prefix(prefix.size());
  if (url.starts_with("www.")) url.remove_prefix(4);
  while (url.ends_with('/')) url.remove_suffix(1);
  std::snprintf(out, size, "%.*s", static_cast<int>(url.size()), url.data());
}

const char* faultSummary(std::string_view kind, std::string_view lang) {
  struct Words {
    std::string_view kind;
    const char *de, *en;
  };
  static constexpr Words kFaults[] = {
      {"network", "Der Feed-Server ist nicht erreichbar", "The feed server cannot be reached"},
      {"timeout", "Der Feed-Server antwortet zu langsam", "The feed server answers too slowly"},
      {"http", "Der Feed-Server meldet einen Fehler", "The feed server reports an error"},
      {"tls", "Die sichere Verbindung zum Feed-Server scheitert", "The secure connection to the feed server fails"},
      {"too-large", "Der Feed ist zu groß", "The feed is too large"},
      {"truncated", "Der Feed kam unvollständig an", "The feed arrived incomplete"},
      {"redirects", "Zu viele Weiterleitungen", "Too many redirects"},
      {"invalid-feed", "Der veröffentlichte Feed ist fehlerhaft", "The published feed has errors"},
      {"older-revision", "Der Server liefert eine ältere Revision", "The server sends an older revision"},
      {"revision-jump", "Die Revision springt unerwartet weit", "The revision jumps unexpectedly far"},
      {"other-feed", "Der Server liefert einen anderen Feed", "The server sends another feed"},
      {"signature", "Die Signatur des Feeds stimmt nicht", "The feed's signature does not match"},
      {"cache", "Der Zwischenspeicher lässt sich nicht schreiben", "The cache cannot be written"},
  };
  for (const auto& w : kFaults)
    if (w.kind == kind) return german(lang) ? w.de : w.en;
  return german(lang) ? "Ein Fehler ist aufgetreten" : "Something went wrong";
}

void formatProjectCount(std::size_t n, std::string_view lang, char* out, std::size_t size) {
  std::snprintf(out, size, "%zu %s", n, ui(n == 1 ? Ui::ProjectCountOne : Ui::ProjectsCount, lang));
}

}  // namespace sf::core

namespace sf::core {

// The feed's groups in its own words (theme labels): "Hallen", "Verwandte Hallen", "Halle wählen".
const char* groupText(const Feed& feed, Ui key, std::string_view lang, char* out, std::size_t size) {
  const std::string& many = feed.theme.fieldsLabel.in(lang);
  const std::string& one = feed.theme.fieldLabel.in(lang);
  const bool de = german(lang);
  int n = -1;
  if (key == Ui::Fields && !many.empty()) n = std::snprintf(out, size, "%s", many.c_str());
  else if (key == Ui::RelatedFields && !many.empty()) n = std::snprintf(out, size, de ? "Verwandte %s" : "Related %s", many.c_str());
  else if (key == Ui::FieldsIntro && !one.empty()) n = std::snprintf(out, size, de ? "%s wählen" : "Select %s", one.c_str());
  else if (key == Ui::FieldsIntro && !many.empty()) n = std::snprintf(out, size, "%s", ui(Ui::TapToOpen, lang));
  if (n < 0 || size == 0) return ui(key, lang);
  return out;
}

}  // namespace sf::core
