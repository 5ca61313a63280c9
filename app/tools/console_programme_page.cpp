// Server-rendered HTML for the Programme page: phone first (one column of rows, forms one under
// another), every control labelled, every form a plain POST with the session's CSRF token.
#include "console_programme_page.hpp"

#include "console_pages.hpp"
#include "console_text.hpp"
#include "fleet_view.hpp"

namespace sf::tools {
namespace {

namespace ct = console_text;
using ct::say;

// A query value: letters, digits and -._~ as they are, every other byte %-encoded.
std::string programmeUrlPart(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~')
      out += static_cast<char>(ch);
    else out += std::string("%") + hex[ch >> 4] + hex[ch & 15];
  }
  return out;
}

std::string programmeNotes(const std::string& notice, const std::string& error, const std::vector<std::string>& reasons) {
  std::string out;
  out += htmlNotice(notice, false);
  if (!error.empty() || !reasons.empty()) {
    out += "<div class=\"note error\" role=\"alert\"><p>" + escapeHtml(error) + "</p>";
    if (!reasons.empty()) {
      out += "<ul>";
      for (const auto& r : reasons) out += "<li>" + escapeHtml(r) + "</li>";
      out += "</ul>";
    }
    out += "</div>";
  }
  return out;
}

std::string programmeValue(const std::map<std::string, std::string>& form, const std::string& key) {
  const auto it = form.find(key);
  return it == form.end() ? std::string() : it->second;
}

std::string programmeInput(const std::string& id, const std::string& label, const std::string& value, const std::string& hint,
                           const std::string& extra, const std::string& lang) {
  std::string out = "<label for=\"" + id + "\">" + escapeHtml(label) + "</label><input id=\"" + id + "\" name=\"" + id + "\" value=\"" + escapeHtml(value) +
                    "\"" + extra + (lang.empty() ? "" : " lang=\"" + escapeHtml(lang) + "\"") + (hint.empty() ? "" : " aria-describedby=\"" + id + "-hint\"") + ">";
  if (!hint.empty()) out += "<p class=\"hint\" id=\"" + id + "-hint\">" + escapeHtml(hint) + "</p>";
  return out;
}

std::string programmeRoomSelect(const std::string& id, const ProgrammeChoices& rooms, const std::string& current, const std::string& lang) {
  std::string out = "<label for=\"" + id + "\">" + std::string(say(ct::kRoomFilter, lang)) + "</label><select id=\"" + id + "\" name=\"room\">";
  out += "<option value=\"\"" + std::string(current.empty() ? " selected" : "") + ">" + say(ct::kNoRoom, lang) + "</option>";
  bool found = current.empty();
  for (const auto& [value, label] : rooms) {
    found = found || value == current;
    out += "<option value=\"" + escapeHtml(value) + "\"" + (value == current ? " selected" : "") + ">" + escapeHtml(label) + "</option>";
  }
  if (!found) out += "<option value=\"" + escapeHtml(current) + "\" selected>" + escapeHtml(current) + "</option>";  // a room named by text
  return out + "</select>";
}

std::string programmePin(const std::string& form, const std::string& lang) {
  return "<label class=\"pin\" for=\"pin-" + form + "\"><input type=\"checkbox\" id=\"pin-" + form + "\" name=\"pin\" value=\"1\"><span>" +
         say(ct::kPin, lang) + "</span></label>";
}

std::string programmeTitles(const ProgrammeChoices& languages, const std::map<std::string, std::string>& form, const std::string& lang) {
  std::string out;
  bool first = true;
  for (const auto& [code, name] : languages) {
    out += programmeInput("title-" + code, std::string(say(ct::kTitle, lang)) + " (" + name + ")", programmeValue(form, "title-" + code), "",
                          std::string(" maxlength=\"150\"") + (first ? " required" : ""), code);
    first = false;
  }
  return out;
}

std::string programmeSpeakersField(const std::map<std::string, std::string>& form, const std::string& lang) {
  return "<label for=\"speakers\">" + std::string(say(ct::kSpeakers, lang)) + "</label><textarea id=\"speakers\" name=\"speakers\" rows=\"3\" "
         "maxlength=\"2500\" aria-describedby=\"speakers-hint\">" + escapeHtml(programmeValue(form, "speakers")) + "</textarea><p class=\"hint\" "
         "id=\"speakers-hint\">" + say(ct::kSpeakersHint, lang) + "</p>";
}

}  // namespace

std::string programmeListMain(const ProgrammeListPage& p) {
  const std::string& lang = p.lang;
  std::string out = "<h1>" + std::string(say(ct::kProgramme, lang)) + "</h1><p class=\"lead\">" + say(ct::kProgrammeLead, lang) + "</p>";
  out += programmeNotes("", p.error, {});
  out += "<p><a class=\"button primary\" href=\"/console/programme/new?day=" + programmeUrlPart(p.day) + "\">" + say(ct::kAddEvent, lang) + "</a></p>";
  const auto link = [&](const std::string& day, const std::string& room) {
    return "/console/programme?day=" + programmeUrlPart(day) + (room.empty() ? "" : "&amp;room=" + programmeUrlPart(room));
  };
  out += "<nav class=\"chips\" aria-label=\"" + std::string(say(ct::kDays, lang)) + "\">";
  for (const auto& [day, label] : p.days)
    out += "<a href=\"" + link(day, "") + "\"" + (day == p.day ? " aria-current=\"page\"" : "") + ">" + escapeHtml(label) + "</a>";
  out += "</nav>";
  if (p.rooms.size() > 1) {
    out += "<nav class=\"chips rooms\" aria-label=\"" + std::string(say(ct::kRoomFilter, lang)) + "\"><a href=\"" + link(p.day, "") + "\"" +
           (p.room.empty() ? " aria-current=\"page\"" : "") + ">" + say(ct::kAllRooms, lang) + "</a>";
    for (const auto& [key, label] : p.rooms)
      out += "<a href=\"" + link(p.day, key) + "\"" + (key == p.room ? " aria-current=\"page\"" : "") + ">" + escapeHtml(label) + "</a>";
    out += "</nav>";
  }
  if (p.rows.empty()) return out + "<p class=\"empty\">" + say(ct::kNoEvents, lang) + "</p>";
  out += "<ul class=\"programme\">";
  for (const auto& r : p.rows) {
    out += "<li class=\"prow" + std::string(r.cancelled ? " cancelled" : "") + "\"><a href=\"/console/programme/event?id=" + programmeUrlPart(r.id) +
           "\"><span class=\"ptime\">" + escapeHtml(r.time) + "</span><span class=\"pbody\"><span class=\"ptitle\">" + escapeHtml(r.title) + "</span>";
    std::string meta = r.room;
    if (!r.speakers.empty()) meta += (meta.empty() ? "" : " · ") + r.speakers;
    if (!meta.empty()) out += "<span class=\"pmeta\">" + escapeHtml(meta) + "</span>";
    std::string marks;
    if (r.cancelled) marks += "<span class=\"mark cancelled\">" + std::string(say(ct::kCancelledMark, lang)) + "</span>";
    if (r.added) marks += "<span class=\"mark new\" title=\"" + std::string(say(ct::kChangedHint, lang)) + "\">" + say(ct::kNewMark, lang) + "</span>";
    if (r.changed) marks += "<span class=\"mark changed\" title=\"" + std::string(say(ct::kChangedHint, lang)) + "\">" + say(ct::kChangedMark, lang) + "</span>";
    if (r.pinned) marks += "<span class=\"mark pinned\">" + std::string(say(ct::kPinnedMark, lang)) + "</span>";
    if (!r.source.empty()) marks += "<span class=\"mark source\">" + std::string(say(ct::kFromSource, lang)) + ": " + escapeHtml(r.source) + "</span>";
    if (!marks.empty()) out += "<span class=\"marks\">" + marks + "</span>";
    out += "</span></a></li>";
  }
  return out + "</ul>";
}

std::string programmeEventMain(const ProgrammeEventPage& p) {
  const std::string& lang = p.lang;
  std::string out = "<p class=\"back\"><a href=\"/console/programme?day=" + programmeUrlPart(p.day) + "\">← " + say(ct::kToList, lang) + "</a></p>";
  out += "<h1>" + escapeHtml(p.heading) + "</h1><p class=\"lead\">" + escapeHtml(p.when) + (p.room.empty() ? "" : " · " + escapeHtml(p.room)) + "</p>";
  if (p.cancelled) out += "<p class=\"mark cancelled big\">" + std::string(say(ct::kIsCancelled, lang)) + "</p>";
  out += programmeNotes(p.notice, p.error, p.reasons);
  if (!p.source.empty()) {
    std::string note = say(ct::kSyncNote, lang);
    const auto at = note.find("%s");
    out += "<p class=\"note warn\">" + escapeHtml(note.substr(0, at)) + escapeHtml(p.source) + escapeHtml(note.substr(at + 2)) + "</p>";
  }
  if (!p.pinned.empty()) {
    std::string keys;
    for (const auto& k : p.pinned) keys += (keys.empty() ? "" : ", ") + k;
    out += "<p class=\"hint\">" + std::string(say(ct::kPinnedNote, lang)) + " " + escapeHtml(keys) + "</p>";
  }
  const std::string pin = p.source.empty() ? "" : "x";
  const auto form = [&](const std::string& action, const std::string& heading, const std::string& body, const std::string& button,
                        const std::string& buttonClass) {
    return "<section class=\"card\" aria-labelledby=\"h-" + action + "\"><h2 id=\"h-" + action + "\">" + escapeHtml(heading) + "</h2>" +
           "<form method=\"post\" action=\"/console/programme/event\">" + htmlHidden("csrf", p.csrf) + htmlHidden("id", p.id) +
           htmlHidden("action", action) + body + (pin.empty() ? "" : programmePin(action, lang)) + "<button type=\"submit\" class=\"" +
           buttonClass + "\">" + escapeHtml(button) + "</button></form></section>";
  };
  if (p.cancelled) out += form("uncancel", say(ct::kUncancel, lang), "", say(ct::kUncancel, lang), "primary");
  else out += form("cancel", say(ct::kCancelEvent, lang), "<p class=\"hint\">" + std::string(say(ct::kCancelHint, lang)) + "</p>",
                   say(ct::kCancelEvent, lang), "danger");
  if (p.allDay) {
    out += "<section class=\"card\"><h2>" + std::string(say(ct::kMove, lang)) + "</h2><p class=\"hint\">" + say(ct::kAllDayNoMove, lang) + "</p></section>";
  } else {
    const std::string body = programmeRoomSelect("room", p.rooms, programmeValue(p.form, "room"), lang) +
                             programmeInput("start", say(ct::kStart, lang), programmeValue(p.form, "start"), say(ct::kStartHint, lang),
                                            " maxlength=\"40\" required inputmode=\"numeric\" autocomplete=\"off\"", "") +
                             programmeInput("end", say(ct::kEndOrLength, lang), programmeValue(p.form, "end"), say(ct::kEndHint, lang),
                                            " maxlength=\"40\" required autocomplete=\"off\"", "");
    out += form("move", say(ct::kMove, lang), body, say(ct::kSaveMove, lang), "primary");
  }
  out += form("title", say(ct::kTitle, lang), programmeTitles(p.languages, p.form, lang), say(ct::kSaveTitle, lang), "primary");
  out += form("speakers", say(ct::kSpeakers, lang), programmeSpeakersField(p.form, lang), say(ct::kSaveSpeakers, lang), "primary");
  return out;
}

std::string programmeNewMain(const ProgrammeNewPage& p) {
  const std::string& lang = p.lang;
  const std::string day = programmeValue(p.form, "day");
  std::string out = "<p class=\"back\"><a href=\"/console/programme?day=" + programmeUrlPart(day) + "\">← " + say(ct::kToList, lang) + "</a></p>";
  out += "<h1>" + std::string(say(ct::kAddEvent, lang)) + "</h1>" + programmeNotes("", p.error, p.reasons);
  out += "<form class=\"card\" method=\"post\" action=\"/console/programme/new\">" + htmlHidden("csrf", p.csrf);
  out += programmeTitles(p.languages, p.form, lang);
  out += programmeRoomSelect("room", p.rooms, programmeValue(p.form, "room"), lang);
  out += "<label for=\"day\">" + std::string(say(ct::kDay, lang)) + "</label><input id=\"day\" name=\"day\" type=\"date\" required value=\"" +
         escapeHtml(day) + "\">";
  out += programmeInput("start", say(ct::kStart, lang), programmeValue(p.form, "start"), say(ct::kStartHint, lang),
                        " maxlength=\"40\" required inputmode=\"numeric\" autocomplete=\"off\"", "");
  out += programmeInput("duration", say(ct::kDuration, lang), programmeValue(p.form, "duration"), say(ct::kDurationHint, lang),
                        " maxlength=\"20\" required autocomplete=\"off\"", "");
  out += programmeSpeakersField(p.form, lang);
  return out + "<button type=\"submit\" class=\"primary\">" + std::string(say(ct::kAddSave, lang)) + "</button></form>";
}

}  // namespace sf::tools
