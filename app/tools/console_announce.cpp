// The console's Announce page: the form (level, a text per feed language, where, until), the
// announcements active or planned on the screens with "end now", and both actions, audited.
// Announcements go out through announce_service, exactly as `schaufenster announce` sends them.
#include "console.hpp"
#include "console_internal.hpp"
#include "console_pages.hpp"
#include "console_text.hpp"
#include "platform/crypto.hpp"

namespace sf::tools {

namespace ct = console_text;
using ct::say;
using namespace console_detail;

namespace {

constexpr std::size_t kMaxText = 500;  // characters: a screen shows a few lines, not an essay

std::string whereText(const core::Targets& t, const std::string& lang) {
  if (!t.any()) return say(ct::kEveryScreen, lang);
  std::string out;
  if (!t.groups.empty()) out += std::string(say(ct::kGroups, lang)) + ": " + core::join(t.groups);
  if (!t.rooms.empty()) out += (out.empty() ? "" : "; ") + std::string(say(ct::kRooms, lang)) + ": " + core::join(t.rooms);
  if (!t.screens.empty()) out += (out.empty() ? "" : "; ") + core::join(t.screens);
  return out;
}

const char* levelCode(core::Level l) { return l == core::Level::Info ? "info" : l == core::Level::Emergency ? "emergency" : "important"; }

}  // namespace

namespace console_detail {

AnnounceDraft readAnnounceDraft(const std::map<std::string, std::string>& fields, const core::Feed& feed, core::Instant t) {
  const auto field = [&](const std::string& name) { return fields.count(name) ? fields.at(name) : std::string(); };
  AnnounceDraft d;
  d.form = AnnounceForm{field("level"), {}, field("target"), field("names"), field("until")};
  AnnounceForm& form = d.form;
  for (const auto& l : feed.languages) form.texts[l] = std::string(core::trimmed(field("text-" + l)));
  const auto invalid = [&](const ct::Words& why) {
    d.problem = &why;
    return d;
  };
  const auto level = core::levelNamed(form.level);
  if (!level) return invalid(ct::kBadLevel);
  const std::string& first = feed.languages.front();
  if (form.texts[first].empty()) return invalid(ct::kNeedText);
  for (const auto& [lang, words] : form.texts)
    if (core::firstInvalidUtf8(words) != std::string::npos || core::utf8Length(words) > kMaxText) return invalid(ct::kTextTooLong);
  core::NewAnnouncement a;
  const auto names = splitNames(form.names);
  if (form.target == "groups" || form.target == "rooms") {
    if (names.empty()) return invalid(ct::kNeedNames);
    for (const auto& n : names)
      if (!core::isValidId(n)) return invalid(ct::kBadNames);
    (form.target == "groups" ? a.targets.groups : a.targets.rooms) = names;
  } else {
    form.target = "all";
  }
  const auto end = parseUntil(core::asciiLower(std::string(core::trimmed(form.until))), t, feed.zone, t);
  if (!end || *end <= t) return invalid(ct::kBadUntil);
  a.level = *level;
  a.start = t;
  a.end = *end;
  for (const auto& [lang, words] : form.texts)
    if (!words.empty()) a.text.set(lang, words);
  d.announcement = std::move(a);
  return d;
}

}  // namespace console_detail

HttpResponse Console::announcePage(Context& c, int status, const AnnounceForm& form, const std::string& note, const std::string& error,
                                   const std::string& previewHtml) {
  const core::Instant t = now();
  AnnouncePage p;
  p.lang = c.lang;
  p.csrf = c.session->csrf;
  p.form = form;
  p.notice = note;
  p.error = error;
  p.previewHtml = previewHtml;
  auto text = platform::readFile(o_.feed.feedFile, core::FeedLimits{}.maxBytes);
  const auto organisers = text ? readFeed(*text, o_.feed.feedFile) : std::nullopt;
  if (organisers) {
    for (const auto& l : organisers->languages) p.languages.emplace_back(l, languageName(l));
    for (const auto& r : organisers->rooms) {
      const std::string& name = r.name.in(c.lang);
      p.roomsHint += (p.roomsHint.empty() ? "" : ", ") + r.id + (name.empty() || name == r.id ? "" : " (" + name + ")");
    }
  } else if (p.error.empty()) {
    p.error = o_.feed.feedFile + ": " + (text ? "not a valid feed (schaufenster validate tells why)" : text.error().message);
  }
  if (p.languages.empty()) p.languages.emplace_back("de", languageName("de"));
  if (const auto shown = shownFeed(o_.feed)) {
    for (const auto& a : shown->announcements) {
      if (a.end <= t) continue;
      std::string words = a.text.in(c.lang);
      if (!a.title.empty()) words = a.title.in(c.lang) + ": " + words;
      p.active.push_back({a.id, levelCode(a.level), words, whereText(a.targets, c.lang), shortTime(a.start, shown->zone, t),
                          shortTime(a.end, shown->zone, t), a.start > t});
    }
  }
  PageFrame f{c.lang, say(ct::kAnnounce, c.lang), "/console/announce", c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{status, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, announceMain(p))};
}

HttpResponse Console::announce(Context& c) {
  if (!c.session) return refuse(c, 403, "announce", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "announce")) return refuse(c, 403, "announce", "csrf", say(ct::kFormStale, c.lang));
  const core::Instant t = now();
  auto text = platform::readFile(o_.feed.feedFile, core::FeedLimits{}.maxBytes);
  const auto feed = text ? readFeed(*text, o_.feed.feedFile) : std::nullopt;
  const auto field = [&](const std::string& name) { return c.form.count(name) ? c.form.at(name) : std::string(); };
  AnnounceForm form{field("level"), {}, field("target"), field("names"), field("until")};
  if (!feed) {
    audit(c, "announce", "error", "the organiser's feed cannot be read");
    return announcePage(c, 500, form, "", std::string(say(ct::kFailed, c.lang)) + " " + o_.feed.feedFile);
  }
  AnnounceDraft draft = readAnnounceDraft(c.form, *feed, t);
  form = draft.form;
  if (!draft.announcement) {
    audit(c, "announce", "invalid", say(*draft.problem, "en"));
    return announcePage(c, 422, form, "", say(*draft.problem, c.lang));
  }
  core::NewAnnouncement& a = *draft.announcement;
  a.id = "console-" + platform::randomHex(4);
  const auto done = announceAndPublish(o_.feed, a, t, {c.session->user, "console", ""});
  const std::string detail = a.id + " " + form.level + " on " + whereText(a.targets, "en") + " until " + core::formatInstant(a.end, feed->zone);
  if (!done) {
    audit(c, "announce", "error", detail + ": " + done.error().message);
    return announcePage(c, 500, form, "", std::string(say(ct::kFailed, c.lang)) + " " + done.error().message);
  }
  audit(c, "announce", "ok", detail + ", revision " + std::to_string(done->revision) +
                                (done->draftProblem.empty() ? "" : "; not kept in the feed file: " + done->draftProblem));
  return redirect("/console/announce?done=sent");
}

HttpResponse Console::endAnnouncement(Context& c) {
  if (!c.session) return refuse(c, 403, "end-announcement", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "end-announcement")) return refuse(c, 403, "end-announcement", "csrf", say(ct::kFormStale, c.lang));
  const std::string id = c.form.count("id") ? c.form.at("id") : "";
  if (!core::isValidId(id)) return refuse(c, 400, "end-announcement", "invalid", say(ct::kNotFound, c.lang));
  const auto done = endAndPublish(o_.feed, id, now(), {c.session->user, "console", ""});
  if (!done) {
    audit(c, "end-announcement", "error", id + ": " + done.error().message);
    return announcePage(c, 500, {}, "", std::string(say(ct::kFailed, c.lang)) + " " + done.error().message);
  }
  audit(c, "end-announcement", "ok", id + (done->published ? ", revision " + std::to_string(done->published->revision) : ""));
  return redirect("/console/announce?done=ended");
}

}  // namespace sf::tools
