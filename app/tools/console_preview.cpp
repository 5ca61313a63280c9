// The console's Preview page (the rotation or a view of the published feed or the draft, at any
// moment, size and language) and the announcement's preview on the Announce page. Pictures are
// drawn by preview_renderer in a child process; pages never wait for them, they reload.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "console.hpp"
#include "console_internal.hpp"
#include "console_pages.hpp"
#include "console_text.hpp"
#include "core/show/screen_target.hpp"
#include "fleet_view.hpp"

namespace sf::tools {

namespace ct = console_text;
using ct::say;
using namespace console_detail;

namespace {

// Sizes screens commonly have: full HD either way, the 10" and the official 7" Pi displays.
constexpr const char* kPreviewCommonSizes[] = {"1920x1080", "1080x1920", "1280x800", "800x480"};

// What the Preview form asks for, as typed (checked before use).
struct PreviewChoice {
  std::string feed = "published", moment = "now", at, size = "1920x1080", lang, view = "rotation";
};

struct PreviewOption {
  std::string value, label;
};


std::string previewRadioChoice(const std::string& name, const std::string& value, const std::string& current, const std::string& label,
                               const std::string& hint) {
  const std::string id = "pv-" + name + "-" + value;
  std::string out = "<label class=\"choice\" for=\"" + id + "\"><input type=\"radio\" id=\"" + id + "\" name=\"" + name + "\" value=\"" +
                    value + "\"" + (value == current ? " checked" : "") + "><span><b>" + escapeHtml(label) + "</b>";
  if (!hint.empty()) out += "<small>" + escapeHtml(hint) + "</small>";
  return out + "</span></label>";
}

std::string previewSelect(const std::string& name, const std::string& label, const std::vector<PreviewOption>& options,
                          const std::string& current) {
  std::string out = "<label for=\"pv-" + name + "\">" + escapeHtml(label) + "</label><select id=\"pv-" + name + "\" name=\"" + name + "\">";
  for (const auto& o : options)
    out += "<option value=\"" + escapeHtml(o.value) + "\"" + (o.value == current ? " selected" : "") + ">" + escapeHtml(o.label) + "</option>";
  return out + "</select>";
}

std::string previewSizeLabel(const std::string& size, const std::string& lang) {
  const auto wh = parsePreviewSize(size);
  if (!wh) return size;
  return std::to_string(wh->first) + " × " + std::to_string(wh->second) + " (" +
         say(wh->first >= wh->second ? ct::kPreviewLandscape : ct::kPreviewPortrait, lang) + ")";
}

// The sizes offered: the common ones, then the fleet's screens' own, each once.
std::vector<PreviewOption> previewSizes(const std::vector<PreviewScreen>& fleet, const std::string& lang) {
  std::vector<PreviewOption> out;
  for (const char* s : kPreviewCommonSizes) out.push_back({s, previewSizeLabel(s, lang)});
  for (const auto& screen : fleet) {
    const std::string size = std::to_string(screen.width) + "x" + std::to_string(screen.height);
    if (!parsePreviewSize(size)) continue;
    if (std::any_of(out.begin(), out.end(), [&](const PreviewOption& o) { return o.value == size; })) continue;
    out.push_back({size, previewSizeLabel(size, lang) + ", " + say(ct::kPreviewFleetSize, lang) + " " + screen.name});
    if (out.size() >= 16) break;
  }
  return out;
}

// The views a feed has: the rotation always; the programme, schedule and each room's door screen
// when it has events.
std::vector<PreviewOption> previewViews(const core::Feed* feed, const std::string& lang) {
  std::vector<PreviewOption> out{{"rotation", say(ct::kPreviewRotation, lang)}};
  if (!feed || feed->events.empty()) return out;
  out.push_back({"programme", say(ct::kPreviewProgramme, lang)});
  out.push_back({"schedule", say(ct::kPreviewSchedule, lang)});
  for (const auto& r : feed->rooms) {
    const std::string& name = r.name.in(lang);
    out.push_back({"room:" + r.id, std::string(say(ct::kPreviewRoom, lang)) + ": " + (name.empty() ? r.id : name)});
    if (out.size() >= 60) break;
  }
  return out;
}

// The feed a preview draws: its text, where its images are, and the parsed feed.
struct PreviewSource {
  std::string text, imagesFrom, problem;
  std::optional<core::Feed> feed;
};

PreviewSource previewSourceOf(const FeedPlace& place, const std::string& which) {
  PreviewSource s;
  if (which == "draft") {
    auto text = platform::readFile(place.feedFile, core::FeedLimits{}.maxBytes);
    if (!text) {
      s.problem = text.error().message;
      return s;
    }
    s.text = std::move(*text);
    s.imagesFrom = place.feedFile;
  } else {
    const auto current = currentRevision(place.dir);
    auto release = current ? readRelease(place.dir, *current) : core::Result<Release>(core::fail("nothing published"));
    if (!release) {
      s.problem = current ? release.error().message : "";
      return s;
    }
    s.text = std::move(release->text);
    s.imagesFrom = place.dir + "/feed.json";
  }
  s.feed = readFeed(s.text, s.imagesFrom);
  if (!s.feed) s.problem = s.imagesFrom;
  return s;
}

// "1920x1080-03-spotlight.png" -> "3 · spotlight"; "frame.png" -> the view's name.
std::string previewCaption(const std::string& image, const PreviewJob& job, const std::string& lang) {
  if (image == "frame.png") return job.view == "room" ? std::string(say(ct::kPreviewRoom, lang)) + ": " + job.room : job.view;
  const auto first = image.find('-');
  const auto second = first == std::string::npos ? first : image.find('-', first + 1);
  if (second == std::string::npos) return image;
  const std::string number = image.substr(first + 1, second - first - 1);
  const std::string kind = image.substr(second + 1, image.size() - 4 - (second + 1));
  return std::string(say(ct::kPreviewSlide, lang)) + " " + std::to_string(std::atoi(number.c_str())) + " · " + kind;
}

// "2027-03-18T10:00:00+01:00" -> "2027-03-18 10:00", as people write it.
std::string previewMomentText(const std::string& at) {
  std::string out = at.substr(0, 16);
  if (out.size() > 10 && out[10] == 'T') out[10] = ' ';
  return out;
}

std::string previewImageUrl(const std::string& key, const std::string& name) { return "/console/preview/img/" + key + "/" + name; }

std::string previewFigure(const std::string& url, const std::string& caption, int w, int h, bool wait, const std::string& lang) {
  std::string out = "<figure class=\"shot\"><a href=\"" + url + "\" aria-label=\"" +
                    escapeHtml(std::string(say(ct::kPreviewOpen, lang)) + " " + caption) + "\"><img src=\"" + url + "\" alt=\"" +
                    escapeHtml(caption) + "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) + "\"" +
                    (wait ? " data-preview-wait=\"" + url + "\"" : std::string(" loading=\"lazy\"")) + "></a>";
  return out + "<figcaption>" + escapeHtml(caption) + "</figcaption></figure>";
}

// A screen's configuration as a preview draws it: its name, groups and rooms.
std::string previewConfigJson(const std::string& name, const std::vector<std::string>& groups, const std::vector<std::string>& rooms) {
  nlohmann::json j = nlohmann::json::object();
  if (!name.empty()) j["screenName"] = name;
  if (!groups.empty()) j["groups"] = groups;
  if (!rooms.empty()) j["rooms"] = rooms;
  return j.dump();
}

const char* previewStatusWord(PreviewStatus s) {
  switch (s) {
    case PreviewStatus::Queued: return "queued";
    case PreviewStatus::Running: return "running";
    case PreviewStatus::Done: return "cached";
    case PreviewStatus::Failed: return "failed";
    default: return "busy";
  }
}

}  // namespace

const char* previewScript() {
  return R"JS(// Previews are drawn in the background: while one is drawn the page reloads itself, and a
// picture not drawn yet is asked for again. Without this script the Reload link does the same.
(function () {
  'use strict';
  if (document.querySelector('[data-preview-pending]')) setTimeout(function () { location.reload(); }, 1500);
  document.querySelectorAll('img[data-preview-wait]').forEach(function (img) {
    var tries = 0;
    function again() {
      if (++tries > 80) return;
      setTimeout(function () { img.src = img.getAttribute('data-preview-wait') + '?try=' + tries; }, 1500);
    }
    img.addEventListener('error', again);
    if (img.complete && img.naturalWidth === 0) again();
  });
})();
)JS";
}

HttpResponse Console::previewPage(Context& c) {
  if (!c.session) return redirect("/console/login");
  const std::string key = c.req.query ? c.req.query("job") : std::string();
  PreviewChoice choice;
  std::string status;
  std::string results;
  if (!key.empty()) {
    const PreviewState st = preview_->state(key);
    if (st.job) {
      const PreviewJob& j = *st.job;
      choice.feed = j.source == "draft" ? "draft" : "published";
      choice.moment = j.atNow ? "now" : "at";
      choice.at = j.atNow ? "" : j.at.substr(0, 16);
      choice.size = std::to_string(j.width) + "x" + std::to_string(j.height);
      choice.lang = j.lang;
      choice.view = j.view == "room" ? "room:" + j.room : j.view;
    }
    const std::string reload = "/console/preview?job=" + escapeHtml(key);
    if (!st.job || st.status == PreviewStatus::Unknown) {
      status = htmlNotice(say(ct::kPreviewGone, c.lang), true);
    } else if (st.status == PreviewStatus::Queued || st.status == PreviewStatus::Running) {
      status = "<p class=\"note ok\" role=\"status\" data-preview-pending>" + std::string(say(ct::kPreviewQueued, c.lang)) + " <a href=\"" +
               reload + "\">" + say(ct::kPreviewReload, c.lang) + "</a></p>";
    } else if (st.status == PreviewStatus::Failed) {
      status = htmlNotice(std::string(say(ct::kPreviewFailed, c.lang)) + " " + st.error, true);
    } else {
      results = "<section aria-labelledby=\"pv-result-h\"><h2 id=\"pv-result-h\">" + std::string(say(ct::kPreviewResult, c.lang)) + ": " +
                escapeHtml(previewMomentText(st.job->at)) + ", " + escapeHtml(previewSizeLabel(choice.size, c.lang)) + "</h2><div class=\"shots\">";
      for (const auto& image : st.images)
        results += previewFigure(previewImageUrl(key, image), previewCaption(image, *st.job, c.lang), st.job->width, st.job->height, false, c.lang);
      results += "</div></section>";
    }
  }
  const PreviewSource src = previewSourceOf(o_.feed, choice.feed);
  const core::Feed* feed = src.feed ? &*src.feed : nullptr;
  std::vector<PreviewOption> languages;
  for (const auto& l : feed ? feed->languages : std::vector<std::string>{c.lang}) languages.push_back({l, languageName(l)});
  if (choice.lang.empty()) choice.lang = std::any_of(languages.begin(), languages.end(), [&](const auto& o) { return o.value == c.lang; })
                                             ? c.lang : languages.front().value;
  const auto fleet = o_.fleetScreens ? o_.fleetScreens() : std::vector<PreviewScreen>{};

  std::string out = "<h1>" + std::string(say(ct::kPreviewNav, c.lang)) + "</h1><p class=\"lead\">" + say(ct::kPreviewLead, c.lang) + "</p>";
  if (!preview_->usable()) out += htmlNotice(say(ct::kPreviewUnavailable, c.lang), true);
  out += status;
  out += "<form class=\"card preview-form\" method=\"post\" action=\"/console/preview\">" + htmlHidden("csrf", c.session->csrf);
  out += "<fieldset><legend>" + std::string(say(ct::kPreviewFeed, c.lang)) + "</legend><div class=\"choices\">";
  out += previewRadioChoice("feed", "published", choice.feed, say(ct::kPreviewPublished, c.lang), say(ct::kPreviewPublishedHint, c.lang));
  out += previewRadioChoice("feed", "draft", choice.feed, say(ct::kPreviewDraft, c.lang), say(ct::kPreviewDraftHint, c.lang));
  out += "</div></fieldset><fieldset><legend>" + std::string(say(ct::kPreviewMoment, c.lang)) + "</legend><div class=\"choices row\">";
  out += previewRadioChoice("moment", "now", choice.moment, say(ct::kPreviewNow, c.lang), "");
  out += previewRadioChoice("moment", "at", choice.moment, say(ct::kPreviewLater, c.lang), "");
  out += "</div><label for=\"pv-at\">" + std::string(say(ct::kPreviewAt, c.lang)) +
         "</label><input id=\"pv-at\" name=\"at\" type=\"datetime-local\" aria-describedby=\"pv-at-hint\" value=\"" + escapeHtml(choice.at) +
         "\"><p class=\"hint\" id=\"pv-at-hint\">" + say(ct::kPreviewAtHint, c.lang) + "</p></fieldset>";
  out += "<div class=\"pv-grid\"><div>" + previewSelect("size", say(ct::kPreviewSize, c.lang), previewSizes(fleet, c.lang), choice.size) + "</div>";
  out += "<div>" + previewSelect("lang", say(ct::kPreviewLanguage, c.lang), languages, choice.lang) + "</div></div>";
  out += previewSelect("view", say(ct::kPreviewView, c.lang), previewViews(feed, c.lang), choice.view);
  out += "<button type=\"submit\" class=\"primary\">" + std::string(say(ct::kPreviewDraw, c.lang)) + "</button></form>";
  out += results + "<script src=\"/console/preview.js\" defer></script>";
  PageFrame f{c.lang, say(ct::kPreviewNav, c.lang), "/console/preview", c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{200, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, out)};
}

HttpResponse Console::previewStart(Context& c) {
  if (!c.session) return refuse(c, 403, "preview", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "preview")) return refuse(c, 403, "preview", "csrf", say(ct::kFormStale, c.lang));
  const auto field = [&](const char* name) { return c.form.count(name) ? c.form.at(name) : std::string(); };
  const std::string which = field("feed") == "draft" ? "draft" : "published";
  const PreviewSource src = previewSourceOf(o_.feed, which);
  if (!src.feed) {
    audit(c, "preview", "error", which + ": " + (src.problem.empty() ? "nothing published" : src.problem));
    return refuse(c, 422, "preview", "invalid",
                  src.problem.empty() ? say(ct::kPreviewNothingPublished, c.lang) : std::string(say(ct::kPreviewNoFeed, c.lang)) + " " + src.problem);
  }
  const core::Feed& feed = *src.feed;
  const auto fleet = o_.fleetScreens ? o_.fleetScreens() : std::vector<PreviewScreen>{};
  PreviewJob job;
  job.feedText = src.text;
  job.imagesFrom = src.imagesFrom;
  job.source = which;
  job.atNow = field("moment") != "at";
  // "Now" to the minute: a second look within the minute is the same picture, from the cache.
  const auto moment = job.atNow ? std::optional<core::Instant>(std::chrono::floor<std::chrono::minutes>(now()))
                                : core::parseInstantOrLocal(field("at").substr(0, 40), feed.zone);
  const auto sizes = previewSizes(fleet, c.lang);
  const std::string size = field("size"), view = field("view");
  const auto views = previewViews(&feed, c.lang);
  const auto wh = parsePreviewSize(size);
  const bool sizeOk = wh && std::any_of(sizes.begin(), sizes.end(), [&](const auto& o) { return o.value == size; });
  const bool viewOk = std::any_of(views.begin(), views.end(), [&](const auto& o) { return o.value == view; });
  job.lang = field("lang");
  const bool langOk = std::find(feed.languages.begin(), feed.languages.end(), job.lang) != feed.languages.end();
  if (!moment || !sizeOk || !viewOk || !langOk) {
    audit(c, "preview", "invalid", "moment, size, language or view not offered");
    return refuse(c, 422, "preview", "invalid", say(ct::kPreviewBadChoice, c.lang));
  }
  job.at = core::formatInstant(*moment, feed.zone);
  job.width = wh->first;
  job.height = wh->second;
  job.view = view;
  if (view.starts_with("room:")) {
    job.view = "room";
    job.room = view.substr(5);
  }
  bool queued = false;
  const PreviewState st = preview_->request(job, true, &queued);
  const std::string key = PreviewRenderer::keyOf(job);
  const std::string detail = which + " " + view + " " + size + " " + job.lang + " at " + job.at + ", job " + key.substr(0, 12);
  if (st.status == PreviewStatus::Unknown) {
    audit(c, "preview", "busy", detail);
    return refuse(c, 503, "preview", "busy", say(ct::kPreviewBusy, c.lang));
  }
  audit(c, "preview", queued ? "queued" : previewStatusWord(st.status), detail);
  return redirect("/console/preview?job=" + key);
}

HttpResponse Console::previewImage(Context& c) {
  if (!c.session) {
    audit(c, "preview-image", "no-session");
    return HttpResponse{403, {{"Content-Type", "text/plain; charset=utf-8"}}, "sign in first\n"};
  }
  // /console/preview/img/KEY/NAME, nothing else: the key is 64 hex digits, the name one the job wrote.
  const std::string rest = c.req.path.substr(std::string("/console/preview/img/").size());
  const auto slash = rest.find('/');
  const std::string key = slash == std::string::npos ? rest : rest.substr(0, slash);
  const std::string name = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
  if (slash == std::string::npos || key.size() != 64 || !isPreviewImageName(name)) {
    audit(c, "preview-image", "invalid", core::escapeControls(rest.substr(0, 120)));
    return HttpResponse{400, {{"Content-Type", "text/plain; charset=utf-8"}}, "no such picture\n"};
  }
  std::uint64_t length = 0;
  const int fd = preview_->openImage(key, name, length);
  if (fd < 0) {
    const PreviewStatus s = preview_->state(key).status;
    if (s == PreviewStatus::Queued || s == PreviewStatus::Running)
      return HttpResponse{503, {{"Content-Type", "text/plain; charset=utf-8"}, {"Retry-After", "2"}}, "still drawing\n"};
    return HttpResponse{404, {{"Content-Type", "text/plain; charset=utf-8"}}, "no such picture\n"};
  }
  HttpResponse r{200, {{"Content-Type", "image/png"}, {"Cache-Control", "private, max-age=600"}}, ""};
  r.fd = fd;
  r.length = length;
  return r;
}

HttpResponse Console::previewAnnouncement(Context& c) {
  if (!c.session) return refuse(c, 403, "announce-preview", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "announce-preview")) return refuse(c, 403, "announce-preview", "csrf", say(ct::kFormStale, c.lang));
  // To the minute, as on the Preview page: pressing Preview again within it costs nothing.
  const core::Instant t = std::chrono::floor<std::chrono::minutes>(now());
  auto text = platform::readFile(o_.feed.feedFile, core::FeedLimits{}.maxBytes);
  const auto feed = text ? readFeed(*text, o_.feed.feedFile) : std::nullopt;
  if (!feed) {
    audit(c, "announce-preview", "error", "the organiser's feed cannot be read");
    return announcePage(c, 500, {}, "", std::string(say(ct::kPreviewNoFeed, c.lang)) + " " + o_.feed.feedFile);
  }
  AnnounceDraft draft = readAnnounceDraft(c.form, *feed, t);
  if (!draft.announcement) {
    audit(c, "announce-preview", "invalid", say(*draft.problem, "en"));
    return announcePage(c, 422, draft.form, "", say(*draft.problem, c.lang));
  }
  core::NewAnnouncement& a = *draft.announcement;
  a.id = "console-preview";
  // The draft announcement in a copy of the organiser's feed, in memory: nothing is written or published.
  const auto edited = core::addAnnouncement(*text, a);
  if (!edited.text) {
    audit(c, "announce-preview", "error", "the announcement could not be added to a copy of the feed");
    return announcePage(c, 500, draft.form, "", say(ct::kPreviewBadChoice, c.lang));
  }
  // The targeted screens of the fleet, one per size; else the common sizes as a targeted screen.
  struct Target {
    int w, h;
    std::string config, label;
  };
  std::vector<Target> targets;
  const auto fleet = o_.fleetScreens ? o_.fleetScreens() : std::vector<PreviewScreen>{};
  for (const auto& s : fleet) {
    if (!parsePreviewSize(std::to_string(s.width) + "x" + std::to_string(s.height)) || targets.size() >= 4) continue;
    if (!core::shownOn(a.targets, core::ScreenIdentity{s.name, s.groups, s.rooms}, *feed)) continue;
    if (std::any_of(targets.begin(), targets.end(), [&](const Target& x) { return x.w == s.width && x.h == s.height; })) continue;
    targets.push_back({s.width, s.height, previewConfigJson(s.name, s.groups, s.rooms), s.name});
  }
  const bool common = targets.empty();
  if (common) {
    const std::vector<std::string> groups = a.targets.groups.empty() ? std::vector<std::string>{} : std::vector{a.targets.groups.front()};
    const std::vector<std::string> rooms = a.targets.rooms.empty() ? std::vector<std::string>{} : std::vector{a.targets.rooms.front()};
    for (const char* size : {"1920x1080", "1080x1920", "800x480"}) {
      const auto wh = parsePreviewSize(size);
      targets.push_back({wh->first, wh->second, previewConfigJson("", groups, rooms), ""});
    }
  }
  const std::string lang =
      std::find(feed->languages.begin(), feed->languages.end(), c.lang) != feed->languages.end() ? c.lang : feed->languages.front();
  std::string html = "<section aria-labelledby=\"apv-h\" class=\"announce-preview\"><h2 id=\"apv-h\">" +
                     std::string(say(ct::kPreviewAnnounceHeading, c.lang)) + "</h2>" + htmlNotice(say(ct::kPreviewAnnounceNote, c.lang), false);
  if (common) html += "<p class=\"hint\">" + std::string(say(ct::kPreviewAnnounceCommon, c.lang)) + "</p>";
  html += "<div class=\"shots\">";
  int busy = 0;
  for (const auto& target : targets) {
    PreviewJob job;
    job.feedText = *edited.text;
    job.imagesFrom = o_.feed.feedFile;
    job.source = "announcement";
    job.at = core::formatInstant(t, feed->zone);
    job.width = target.w;
    job.height = target.h;
    job.view = "auto";
    job.lang = lang;
    job.configJson = target.config;
    const PreviewState st = preview_->request(job, true);
    if (st.status == PreviewStatus::Unknown) ++busy;
    const std::string key = PreviewRenderer::keyOf(job);
    const std::string caption = std::to_string(target.w) + " × " + std::to_string(target.h) + (target.label.empty() ? "" : ", " + target.label);
    html += previewFigure(previewImageUrl(key, "frame.png"), caption, target.w, target.h, true, c.lang);
  }
  html += "</div>";
  if (busy) html += htmlNotice(say(ct::kPreviewBusy, c.lang), true);
  html += "</section><script src=\"/console/preview.js\" defer></script>";
  audit(c, "announce-preview", busy ? "busy" : "ok",
        draft.form.level + " on " + (a.targets.any() ? core::join(a.targets.groups) + core::join(a.targets.rooms) : "all screens") + ", " +
            std::to_string(targets.size()) + (common ? " common sizes" : " screens' sizes"));
  return announcePage(c, busy ? 503 : 200, draft.form, "", "", html);
}

}  // namespace sf::tools
