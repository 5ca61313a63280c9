// Server-rendered HTML for the console: semantic elements, a label for every control, one heading
// per page, native forms that work from the keyboard and without JavaScript, phone width first.
#include "console_pages.hpp"

#include "console_text.hpp"
#include "fleet_view.hpp"

namespace sf::tools {
namespace {

namespace ct = console_text;
using ct::say;

std::string esc(const std::string& s) { return escapeHtml(s); }

std::string radio(const std::string& name, const std::string& value, const std::string& current, const std::string& label,
                  const std::string& hint, const std::string& extraClass = "") {
  const std::string id = name + "-" + value;
  std::string out = "<label class=\"choice" + extraClass + "\" for=\"" + id + "\"><input type=\"radio\" id=\"" + id + "\" name=\"" + name +
                    "\" value=\"" + value + "\"" + (value == current ? " checked" : "") + "><span><b>" + esc(label) + "</b>";
  if (!hint.empty()) out += "<small>" + esc(hint) + "</small>";
  return out + "</span></label>";
}

}  // namespace

std::string htmlHidden(const std::string& name, const std::string& value) {
  return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escapeHtml(value) + "\">";
}

std::string htmlNotice(const std::string& text, bool error) {
  if (text.empty()) return {};
  return error ? "<p class=\"note error\" role=\"alert\">" + escapeHtml(text) + "</p>"
               : "<p class=\"note ok\" role=\"status\">" + escapeHtml(text) + "</p>";
}

std::string consolePage(const PageFrame& f, const std::string& mainHtml) {
  const std::string& lang = f.lang;
  std::string out = "<!doctype html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                    "<meta name=\"referrer\" content=\"same-origin\"><title>" +
                    esc(f.title) + " · Schaufenster</title><link rel=\"stylesheet\" href=\"/console/style.css\"></head><body>";
  out += "<a class=\"skip\" href=\"#main\">" + std::string(say(ct::kSkip, lang)) + "</a><header class=\"top\"><div class=\"bar\">";
  out += "<p class=\"brand\">Schaufenster <span>" + std::string(say(ct::kConsole, lang)) + "</span></p>";
  out += "<nav class=\"lang\" aria-label=\"" + std::string(say(ct::kLanguage, lang)) + "\">";
  for (const char* l : {"de", "en"})
    out += "<a href=\"" + esc(f.path) + "?lang=" + l + "\" lang=\"" + l + "\" hreflang=\"" + l + "\"" +
           (lang == l ? " aria-current=\"true\"" : "") + ">" + (std::string(l) == "de" ? "DE" : "EN") + "</a>";
  out += "</nav></div>";
  if (!f.user.empty()) {
    // The rule over the sections runs the page's full width; the bar in it keeps the column's.
    out += "<div class=\"bar-row\"><div class=\"bar second\"><nav class=\"sections\" aria-label=\"" + std::string(say(ct::kMainNav, lang)) + "\">";
    const auto link = [&](const char* href, const ct::Words& w) {
      out += "<a href=\"" + std::string(href) + "\"" + (f.path == href ? " aria-current=\"page\"" : "") + ">" + say(w, lang) + "</a>";
    };
    link("/console/announce", ct::kAnnounce);
    link("/console/programme", ct::kProgramme);
    link("/console/publish", ct::kPublish);
    link("/console/screens", ct::kScreens);
    link("/console/preview", ct::kPreviewNav);
    if (f.role == Role::Admin) link("/console/users", ct::kUsers);
    out += "</nav><form class=\"who\" method=\"post\" action=\"/console/logout\">" + htmlHidden("csrf", f.csrf) + "<span>" +
           std::string(say(ct::kSignedInAs, lang)) + " <b>" + esc(f.user) + "</b></span><button type=\"submit\" class=\"quiet\">" +
           say(ct::kSignOut, lang) + "</button></form></div></div>";
  }
  out += "</header><main id=\"main\">" + mainHtml + "</main></body></html>\n";
  return out;
}

std::string signInMain(const std::string& lang, const std::string& token, const std::string& name, const std::string& note,
                       bool noticeIsError) {
  std::string out = "<h1>" + std::string(say(ct::kSignIn, lang)) + "</h1><p class=\"lead\">" + say(ct::kSignInLead, lang) + "</p>";
  out += htmlNotice(note, noticeIsError);
  out += "<form class=\"card\" method=\"post\" action=\"/console/login\">" + htmlHidden("csrf", token);
  out += "<label for=\"user\">" + std::string(say(ct::kName, lang)) +
         "</label><input id=\"user\" name=\"user\" autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" required "
         "maxlength=\"64\" value=\"" + esc(name) + "\">";
  out += "<label for=\"password\">" + std::string(say(ct::kPassword, lang)) +
         "</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"1024\">";
  out += "<button type=\"submit\" class=\"primary\">" + std::string(say(ct::kSignIn, lang)) + "</button></form>";
  return out;
}

std::string announceMain(const AnnouncePage& p) {
  const std::string& lang = p.lang;
  std::string out = "<h1>" + std::string(say(ct::kAnnounce, lang)) + "</h1>";
  out += htmlNotice(p.notice, false) + htmlNotice(p.error, true);
  out += "<form class=\"card\" method=\"post\" action=\"/console/announce\">" + htmlHidden("csrf", p.csrf);
  out += "<fieldset><legend>" + std::string(say(ct::kLevel, lang)) + "</legend><div class=\"choices\">";
  out += radio("level", "info", p.form.level, say(ct::kInfo, lang), say(ct::kInfoHint, lang), " info");
  out += radio("level", "important", p.form.level, say(ct::kImportant, lang), say(ct::kImportantHint, lang), " important");
  out += radio("level", "emergency", p.form.level, say(ct::kEmergency, lang), say(ct::kEmergencyHint, lang), " emergency");
  out += "</div></fieldset>";
  bool first = true;
  for (const auto& [code, name] : p.languages) {
    const auto it = p.form.texts.find(code);
    out += "<label for=\"text-" + esc(code) + "\">" + std::string(say(ct::kTextIn, lang)) + " (" + esc(name) + ")</label>";
    out += "<textarea id=\"text-" + esc(code) + "\" name=\"text-" + esc(code) + "\" rows=\"3\" maxlength=\"500\" lang=\"" + esc(code) +
           "\"" + (first ? " required" : "") + ">" + (it == p.form.texts.end() ? "" : esc(it->second)) + "</textarea>";
    first = false;
  }
  out += "<fieldset><legend>" + std::string(say(ct::kWhere, lang)) + "</legend><div class=\"choices row\">";
  out += radio("target", "all", p.form.target, say(ct::kAll, lang), "");
  out += radio("target", "groups", p.form.target, say(ct::kGroups, lang), "");
  out += radio("target", "rooms", p.form.target, say(ct::kRooms, lang), "");
  out += "</div><label for=\"names\">" + std::string(say(ct::kNames, lang)) + "</label><input id=\"names\" name=\"names\" maxlength=\"500\" value=\"" +
         esc(p.form.names) + "\"" + (p.roomsHint.empty() ? "" : " aria-describedby=\"names-hint\"") + ">";
  if (!p.roomsHint.empty())
    out += "<p class=\"hint\" id=\"names-hint\">" + std::string(say(ct::kRoomsKnown, lang)) + " " + esc(p.roomsHint) + "</p>";
  out += "</fieldset>";
  out += "<label for=\"until\">" + std::string(say(ct::kUntil, lang)) + "</label><input id=\"until\" name=\"until\" required maxlength=\"40\" "
         "aria-describedby=\"until-hint\" value=\"" + esc(p.form.until) + "\"><p class=\"hint\" id=\"until-hint\">" + say(ct::kUntilHint, lang) + "</p>";
  out += "<div class=\"actions\"><button type=\"submit\" class=\"primary\">" + std::string(say(ct::kSend, lang)) +
         "</button><button type=\"submit\" formaction=\"/console/announce/preview\">" + say(ct::kPreviewButton, lang) +
         "</button></div></form>";
  out += p.previewHtml;

  out += "<section aria-labelledby=\"active-h\"><h2 id=\"active-h\">" + std::string(say(ct::kActive, lang)) + "</h2>";
  if (p.active.empty()) out += "<p class=\"empty\">" + std::string(say(ct::kNoneActive, lang)) + "</p>";
  else out += "<ul class=\"list\">";
  for (const auto& a : p.active) {
    const ct::Words& level = a.level == "info" ? ct::kInfo : a.level == "emergency" ? ct::kEmergency : ct::kImportant;
    out += "<li class=\"item " + esc(a.level) + "\"><p class=\"meta\"><span class=\"badge\">" + say(level, lang) + "</span> " +
           (a.planned ? std::string(say(ct::kPlanned, lang)) + ", " + say(ct::kFromShort, lang) + " " + esc(a.from) + " " : std::string()) +
           say(ct::kUntilShort, lang) + " " + esc(a.until) + " · " + esc(a.where) + "</p><p class=\"text\">" + esc(a.text) + "</p>";
    out += "<form method=\"post\" action=\"/console/announce/end\">" + htmlHidden("csrf", p.csrf) + htmlHidden("id", a.id) +
           "<button type=\"submit\" class=\"danger\" aria-label=\"" + esc(std::string(say(ct::kEndNow, lang)) + ": " + a.text) + "\">" +
           say(ct::kEndNow, lang) + "</button></form></li>";
  }
  if (!p.active.empty()) out += "</ul>";
  return out + "</section>";
}

std::string usersMain(const std::string& lang, const std::vector<User>& users) {
  std::string out = "<h1>" + std::string(say(ct::kUsers, lang)) + "</h1><p class=\"lead\">" + esc(say(ct::kUsersLead, lang)) + "</p>";
  out += "<table class=\"card\"><thead><tr><th scope=\"col\">" + std::string(say(ct::kName, lang)) + "</th><th scope=\"col\">" +
         say(ct::kRole, lang) + "</th></tr></thead><tbody>";
  for (const auto& u : users)
    out += "<tr><td>" + esc(u.name) + "</td><td>" + say(u.role == Role::Admin ? ct::kRoleAdmin : ct::kRoleOrganiser, lang) + "</td></tr>";
  return out + "</tbody></table>";
}

std::string messageMain(const std::string& lang, const std::string& heading, const std::string& text) {
  return "<h1>" + esc(heading) + "</h1><p class=\"note error\" role=\"alert\">" + esc(text) + "</p><p><a href=\"/console/\">" +
         say(ct::kBack, lang) + "</a></p>";
}

}  // namespace sf::tools
