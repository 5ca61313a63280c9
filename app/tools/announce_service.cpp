// The one way an announcement reaches the screens, whether typed in a shell or on a phone: onto
// the current release, published as the next revision through publishFeedText; then into the file.
#include "announce_service.hpp"

#include "core/feed/parse.hpp"
#include "platform/files.hpp"
#include "publish.hpp"

namespace sf::tools {
namespace {

core::Result<std::string> readFeedText(const std::string& path) {
  return platform::readFile(path, core::FeedLimits{}.maxBytes);
}

std::string errorsOf(const core::Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds)
    if (d.severity == core::Severity::Error) out += (out.empty() ? "" : "\n") + core::formatDiagnostic(d);
  return out.empty() ? "the feed could not be edited" : out;
}

}  // namespace

std::optional<std::chrono::seconds> parseDuration(const std::string& s) {
  std::int64_t total = 0, n = 0;
  bool digits = false, any = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      n = n * 10 + (c - '0');
      if (n > 1000000) return std::nullopt;
      digits = true;
      continue;
    }
    if (!digits) return std::nullopt;
    const int unit = c == 'h' ? 3600 : c == 'm' ? 60 : c == 's' ? 1 : c == 'd' ? 86400 : 0;
    if (!unit) return std::nullopt;
    total += n * unit;
    n = 0;
    digits = false;
    any = true;
  }
  if (digits || !any || total <= 0) return std::nullopt;
  return std::chrono::seconds{total};
}

std::optional<core::Instant> parseMoment(const std::string& s, const core::TimeZone& zone, core::Instant now) {
  if (s.size() == 5 && s[2] == ':')  // "14:30": today in the venue's time zone
    return core::parseInstantOrLocal(core::formatDate(zone.toLocal(now).date) + "T" + s, zone);
  return core::parseInstantOrLocal(s, zone);
}

std::optional<core::Instant> parseUntil(const std::string& until, core::Instant start, const core::TimeZone& zone, core::Instant now) {
  if (until == "open") return start + kOpenAnnouncement;
  if (const auto d = parseDuration(until)) return start + *d;
  return parseMoment(until, zone, now);
}

core::Result<Announced> announceAndPublish(const FeedPlace& place, const core::NewAnnouncement& a, core::Instant now,
                                           const ReleaseOrigin& origin) {
  auto draft = readFeedText(place.feedFile);
  if (!draft) return core::Unexpected{draft.error()};
  const auto inDraft = core::addAnnouncement(*draft, a);
  ReleaseOrigin why = origin;
  if (why.note.empty()) why.note = "announcement " + a.id;
  Announced out;
  const auto current = currentRevision(place.dir);
  if (!current) {  // nothing on the screens yet: the file is all there is to show it with
    if (!inDraft.text) return core::fail(errorsOf(inDraft.diagnostics));
    if (auto done = platform::writeFileAtomic(place.feedFile, *inDraft.text); !done) return core::Unexpected{done.error()};
    auto p = publishFeedText(*inDraft.text, place.dir, place.keys, place.keyName, place.keep, place.feedFile, now, why);
    if (!p) return core::Unexpected{p.error()};
    static_cast<Published&>(out) = *p;
    out.firstRelease = true;
    return out;
  }
  // The release screens play, not the file: the file may hold edits nobody has published yet.
  const auto release = readRelease(place.dir, *current);
  if (!release) return core::Unexpected{release.error()};
  const auto inRelease = core::addAnnouncement(release->text, a);
  if (!inRelease.text) return core::fail(errorsOf(inRelease.diagnostics));
  const std::string what = place.dir + "/releases/" + std::to_string(*current) + "/feed.json";
  auto p = publishFeedText(*inRelease.text, place.dir, place.keys, place.keyName, place.keep, what, now, why);
  if (!p) return core::Unexpected{p.error()};
  static_cast<Published&>(out) = *p;
  // Then the file, so the next publish of it keeps the message. The screens already have it, so a
  // file that cannot take it now (mid-edit, unreadable) is reported, not an error.
  if (!inDraft.text) out.draftProblem = place.feedFile + ": " + errorsOf(inDraft.diagnostics);
  else if (auto done = platform::writeFileAtomic(place.feedFile, *inDraft.text); !done) out.draftProblem = done.error().message;
  return out;
}

core::Result<Ended> endAndPublish(const FeedPlace& place, const std::string& id, core::Instant now, const ReleaseOrigin& origin) {
  ReleaseOrigin why = origin;
  if (why.note.empty()) why.note = "ended " + id;
  auto text = readFeedText(place.feedFile);
  if (!text) return core::Unexpected{text.error()};
  const auto edited = core::endAnnouncement(*text, id, now);
  if (!edited.text) return core::fail(errorsOf(edited.diagnostics));
  if (auto done = platform::writeFileAtomic(place.feedFile, *edited.text); !done) return core::Unexpected{done.error()};
  Ended out;
  // The published feed may differ from the file (a rollback, another organiser): end it there too.
  const auto current = currentRevision(place.dir);
  if (!current) {
    auto p = publishFeedText(*edited.text, place.dir, place.keys, place.keyName, place.keep, place.feedFile, now, why);
    if (!p) return core::Unexpected{p.error()};
    out.published = *p;
    return out;
  }
  const auto release = readRelease(place.dir, *current);
  if (!release) return core::Unexpected{release.error()};
  const auto published = core::endAnnouncement(release->text, id, now);
  if (!published.text) return out;  // not in the published feed: nothing shows it, so nothing to end there
  out.inRelease = true;
  auto p = publishFeedText(*published.text, place.dir, place.keys, place.keyName, place.keep, place.dir + "/feed.json", now, why);
  if (!p) return core::Unexpected{p.error()};
  out.published = *p;
  return out;
}

}  // namespace sf::tools
