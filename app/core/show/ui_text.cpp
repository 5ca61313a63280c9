// German and English strings and date formats. German uses the day-month order and the
// abbreviated weekday with a comma, English the British order without one.
#include "core/show/ui_text.hpp"

#include <cctype>
#include <chrono>
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
    {"Status dieses Bildschirms", "Status of this screen"},
    {"Tippen zum Schließen", "Tap to close"},
    {"Anzeige", "Display"},
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

void formatStatus(const Project& p, std::string_view lang, char* out, std::size_t size) {
  const char* state = ui(p.state == ProjectState::Running ? Ui::Running : Ui::Completed, lang);
  if (p.state == ProjectState::Completed && p.stateAsOf) {
    const Ymd v = ymd(*p.stateAsOf);
    if (german(lang))
      std::snprintf(out, size, "%s · Stand %02u.%02u.%d", state, v.d, v.m, v.y);
    else
      std::snprintf(out, size, "%s · as of %u %s %d", state, v.d, kMonthShortEn[v.m - 1], v.y);
    return;
  }
  std::snprintf(out, size, "%s", state);
}

}  // namespace sf::core
