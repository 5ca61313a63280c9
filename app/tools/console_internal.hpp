// What the console's two source files share: a request's context and small helpers for
// cookies, redirects, times and the feed the screens show. Not for use outside the console.
#pragma once
#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "console.hpp"
#include "console_text.hpp"
#include "core/base/text_util.hpp"
#include "core/feed/edit.hpp"
#include "core/feed/parse.hpp"
#include "platform/files.hpp"
#include "publish.hpp"

namespace sf::tools {

using platform::HttpResponse;

struct Console::Context {
  const platform::HttpRequest& req;
  std::string lang;
  std::map<std::string, std::string> form;
  std::optional<Session> session;
  std::string sessionCookie;
  bool get = false;
};

namespace console_detail {

inline constexpr const char* kPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

inline std::string cookie(const std::string& name, const std::string& value, bool tls, const std::string& maxAge = {}) {
  return name + "=" + value + "; Path=/console; HttpOnly; SameSite=Strict" + (maxAge.empty() ? "" : "; Max-Age=" + maxAge) +
         (tls ? "; Secure" : "");
}

inline HttpResponse redirect(const std::string& to) { return HttpResponse{303, {{"Location", to}}, ""}; }

inline std::string languageName(const std::string& code) {
  if (code == "de") return "Deutsch";
  if (code == "en") return "English";
  if (code == "fr") return "Français";
  if (code == "nl") return "Nederlands";
  return code;
}

// "14:30" today, else "2026-05-21 14:30", in the venue's zone.
inline std::string shortTime(core::Instant t, const core::TimeZone& zone, core::Instant now) {
  const auto l = zone.toLocal(t);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", l.hour, l.minute);
  if (l.date == zone.toLocal(now).date) return hm;
  return core::formatDate(l.date) + " " + hm;
}

inline std::optional<core::Feed> readFeed(const std::string& text, const std::string& name) {
  auto parsed = core::parseFeed(text, name);
  if (!parsed.feed) return std::nullopt;
  return std::move(*parsed.feed);
}

// What screens show now: the current release, else (nothing published yet) the organiser's file.
inline std::optional<core::Feed> shownFeed(const FeedPlace& place) {
  if (const auto current = currentRevision(place.dir))
    if (auto release = readRelease(place.dir, *current)) return readFeed(release->text, place.dir + "/feed.json");
  auto text = platform::readFile(place.feedFile, core::FeedLimits{}.maxBytes);
  return text ? readFeed(*text, place.feedFile) : std::nullopt;
}

inline std::vector<std::string> splitNames(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const auto comma = std::min(s.find(',', pos), s.size());
    const std::string name(core::trimmed(std::string_view(s).substr(pos, comma - pos)));
    if (!name.empty()) out.push_back(name);
    pos = comma + 1;
  }
  return out;
}

// The Announce form read and checked (for Send and for Preview alike): the announcement, or the
// first problem with the form. Its id and start are the caller's.
struct AnnounceDraft {
  AnnounceForm form;
  std::optional<core::NewAnnouncement> announcement;
  const console_text::Words* problem = nullptr;
};
AnnounceDraft readAnnounceDraft(const std::map<std::string, std::string>& fields, const core::Feed& feed, core::Instant now);

}  // namespace console_detail


}  // namespace sf::tools
