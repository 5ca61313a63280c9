// Server-rendered HTML for Publish (changes, the button, history with rollback) and Screens:
// lists that read on a phone at 390 px, forms that carry the session's token, nothing inline.
#include "console_publish_pages.hpp"

#include "console_pages.hpp"
#include "console_text.hpp"
#include "fleet_view.hpp"

namespace sf::tools {
namespace {

namespace ct = console_text;
using ct::say;

std::string changeListsHtml(const std::vector<ChangeList>& lists, const std::vector<std::string>& remarks, const std::string& lang) {
  std::string out;
  for (const auto& l : lists) {
    out += "<section class=\"changes\"><h3>" + escapeHtml(l.heading) + "</h3><ul>";
    for (const auto& line : l.lines) out += "<li>" + escapeHtml(line) + "</li>";
    if (l.more > 0) out += "<li class=\"more\">" + escapeHtml(ct::sayNumber(ct::kAndMore, lang, static_cast<std::int64_t>(l.more))) + "</li>";
    out += "</ul></section>";
  }
  for (const auto& r : remarks) out += "<p class=\"remark\">" + escapeHtml(r) + "</p>";
  return out;
}

std::string historyHtml(const PublishView& v) {
  const std::string& lang = v.lang;
  std::string out = "<section aria-labelledby=\"history-h\"><h2 id=\"history-h\">" + std::string(say(ct::kHistory, lang)) +
                    "</h2><p class=\"lead\">" + say(ct::kHistoryLead, lang) + "</p>";
  if (v.history.empty()) return out + "<p class=\"empty\">" + say(ct::kNoReleases, lang) + "</p></section>";
  out += "<ol class=\"history\">";
  for (const auto& h : v.history) {
    out += std::string("<li class=\"release") + (h.current ? " current" : "") + "\"><p class=\"rev\"><b>r" + std::to_string(h.revision) + "</b>";
    if (h.current) out += " <span class=\"badge now\">" + std::string(say(ct::kCurrent, lang)) + "</span>";
    out += "<span class=\"when\">" + escapeHtml(h.when) + "</span></p>";
    if (!h.known) {
      out += "<p class=\"meta\">" + std::string(say(ct::kUnknownHistory, lang)) + "</p>";
    } else {
      out += "<p class=\"meta\">" + escapeHtml(h.who) + (h.note.empty() ? "" : " · " + escapeHtml(h.note)) + "</p>";
      out += "<p class=\"counts\">" + escapeHtml(h.counts) + "</p>";
    }
    if (v.admin && !h.current)
      out += "<a class=\"button-link\" href=\"/console/rollback?revision=" + std::to_string(h.revision) + "\" aria-label=\"" +
             escapeHtml(std::string(say(ct::kRollbackLabel, lang)) + " " + std::to_string(h.revision)) + "\">" + say(ct::kRollback, lang) + "</a>";
    out += "</li>";
  }
  return out + "</ol></section>";
}

}  // namespace

std::string publishMain(const PublishView& v) {
  const std::string& lang = v.lang;
  std::string out = "<h1>" + std::string(say(ct::kPublish, lang)) + "</h1><p class=\"lead\">" + say(ct::kPublishLead, lang) + "</p>";
  out += htmlNotice(v.notice, false) + htmlNotice(v.error, true);
  out += "<section class=\"card\" aria-labelledby=\"draft-h\"><h2 id=\"draft-h\">" +
         (v.current ? escapeHtml(std::string(say(ct::kDraftAgainst, lang)) + " r" + std::to_string(*v.current)) : std::string(say(ct::kPublish, lang))) +
         "</h2>";
  if (!v.current) out += "<p>" + std::string(say(ct::kNothingPublished, lang)) + "</p>";
  if (!v.problems.empty()) {
    out += "<div class=\"note error\" role=\"alert\"><p>" + std::string(say(ct::kDraftInvalid, lang)) + "</p><ul>";
    for (const auto& p : v.problems) out += "<li>" + escapeHtml(p) + "</li>";
    out += "</ul></div>";
  } else if (v.same) {
    out += "<p class=\"empty\">" + std::string(say(ct::kNoChanges, lang)) + "</p>";
  } else {
    out += changeListsHtml(v.changes, v.remarks, lang);
  }
  if (v.problems.empty() && !v.same) {
    if (v.admin)
      out += "<form method=\"post\" action=\"/console/publish\">" + htmlHidden("csrf", v.csrf) + htmlHidden("draft", v.draftHash) +
             htmlHidden("base", v.base) + "<button type=\"submit\" class=\"primary\" aria-describedby=\"publish-hint\">" +
             say(ct::kPublishButton, lang) + "</button><p class=\"hint\" id=\"publish-hint\">" + say(ct::kPublishHint, lang) + "</p></form>";
    else
      out += "<p class=\"hint\">" + std::string(say(ct::kAdminPublishes, lang)) + "</p>";
  }
  out += "</section>";
  return out + historyHtml(v);
}

std::string rollbackMain(const RollbackView& v) {
  const std::string& lang = v.lang;
  std::string out = "<h1>" + escapeHtml(ct::sayNumber(ct::kRollbackTo, lang, v.revision)) + "</h1>";
  out += "<p class=\"lead\">" + escapeHtml(ct::sayNumber(ct::kRollbackLead, lang, v.revision)) + "</p>";
  out += "<p class=\"meta\">" + escapeHtml(v.when) + (v.who.empty() ? "" : " · " + escapeHtml(v.who)) + "</p>";
  out += "<section class=\"card\" aria-labelledby=\"rb-h\"><h2 id=\"rb-h\">" + std::string(say(ct::kRollbackChanges, lang)) + "</h2>";
  out += v.same ? "<p class=\"empty\">" + std::string(say(ct::kRollbackSame, lang)) + "</p>" : changeListsHtml(v.changes, v.remarks, lang);
  out += "<p class=\"hint\">" + std::string(say(ct::kRollbackAnnouncements, lang)) + "</p>";
  out += "<form class=\"actions\" method=\"post\" action=\"/console/rollback\">" + htmlHidden("csrf", v.csrf) +
         htmlHidden("revision", std::to_string(v.revision)) + htmlHidden("base", v.base) + "<button type=\"submit\" class=\"danger\">" +
         say(ct::kConfirmRollback, lang) + "</button><a class=\"button-link\" href=\"/console/publish\">" + say(ct::kCancel, lang) +
         "</a></form></section>";
  return out;
}

std::string screensMain(const ScreensView& v) {
  const std::string& lang = v.lang;
  std::string out = "<h1>" + std::string(say(ct::kScreens, lang)) + "</h1><p class=\"lead\">" + say(ct::kScreensLead, lang) + "</p>";
  out += "<section aria-labelledby=\"screens-h\"><h2 id=\"screens-h\" class=\"sr-only\">" + std::string(say(ct::kScreens, lang)) + "</h2>";
  if (!v.fleet) out += "<p class=\"empty\">" + std::string(say(ct::kNoFleet, lang)) + "</p>";
  else if (v.screens.empty()) out += "<p class=\"empty\">" + std::string(say(ct::kNoScreensYet, lang)) + "</p>";
  else out += "<ul class=\"screens\">";
  for (const auto& s : v.screens) {
    out += "<li class=\"screen " + escapeHtml(s.state) + "\"><div class=\"screen-top\"><h3>" + escapeHtml(s.name) + "</h3><span class=\"badge\">" +
           escapeHtml(s.stateText) + "</span></div><p class=\"meta\">" + escapeHtml(s.where) + "</p>";
    if (!s.shotUrl.empty())
      out += "<img class=\"shot\" src=\"" + escapeHtml(s.shotUrl) + "\" alt=\"" + escapeHtml(s.shotAlt) + "\" loading=\"lazy\">";
    out += "<dl>";
    for (const auto& f : s.facts)
      out += "<dt>" + escapeHtml(f.label) + "</dt><dd" + (f.problem ? " class=\"problem\"" : "") + ">" + escapeHtml(f.value) + "</dd>";
    out += "</dl></li>";
  }
  if (v.fleet && !v.screens.empty()) out += "</ul>";
  out += "</section><section aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">" + std::string(say(ct::kSources, lang)) + "</h2>";
  if (!v.sync) return out + "<p class=\"empty\">" + say(ct::kNoSync, lang) + "</p></section>";
  if (!v.syncError.empty()) return out + htmlNotice(std::string(say(ct::kSyncUnreadable, lang)) + " " + v.syncError, true) + "</section>";
  if (!v.syncSummary.empty()) out += "<p class=\"meta\">" + escapeHtml(v.syncSummary) + "</p>";
  out += "<ul class=\"sources\">";
  for (const auto& s : v.sources) {
    out += std::string("<li class=\"source") + (s.failing || !s.held.empty() ? " failing" : "") + "\"><h3>" + escapeHtml(s.id) +
           "</h3><p class=\"meta location\">" + escapeHtml(s.location) + "</p><dl>";
    out += "<dt>" + std::string(say(ct::kLastCheck, lang)) + "</dt><dd>" + escapeHtml(s.lastCheck) + "</dd>";
    out += "<dt>" + std::string(say(ct::kLastImport, lang)) + "</dt><dd>" + escapeHtml(s.lastChange) + "</dd>";
    out += "<dt>" + std::string(say(ct::kResult, lang)) + "</dt><dd" + (s.failing ? " class=\"problem\"" : "") + ">" + escapeHtml(s.result) + "</dd>";
    out += "<dt>" + std::string(say(ct::kItems, lang)) + "</dt><dd>" + escapeHtml(s.items) + "</dd>";
    if (!s.held.empty())
      out += "<dt>" + std::string(say(ct::kHeldBack, lang)) + "</dt><dd class=\"problem\">" + escapeHtml(s.held) + "<br>" +
             say(ct::kHeldHint, lang) + " <code>" + escapeHtml(s.accept) + "</code></dd>";
    out += "</dl></li>";
  }
  return out + "</ul></section>";
}

}  // namespace sf::tools
