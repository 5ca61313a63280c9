// The checks before a release: a valid feed, room for the next revision, a signature that the
// key's own public half verifies. Then publish.cpp's atomic switch.
#include "publish_feed.hpp"

#include <sys/stat.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/feed/edit.hpp"
#include "core/feed/parse.hpp"
#include "core/feed/update.hpp"
#include "platform/files.hpp"
#include "publish.hpp"

namespace sf::tools {
namespace {

std::string errorLines(const core::Diagnostics& ds) {
  std::string out;
  for (const auto& d : ds)
    if (d.severity == core::Severity::Error) out += core::formatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

core::Result<platform::KeyPair> readKeyFile(const std::string& path, std::string* warning) {
  auto r = platform::readFile(path, 4096);
  if (!r) return core::Unexpected{r.error()};
  struct stat st {};
  if (warning && ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
    *warning = path + " can be read by other users; `chmod 600 " + path + "` keeps the key yours";
  const auto doc = nlohmann::json::parse(*r, nullptr, false);
  if (!doc.is_object() || !doc.contains("secretKey") || !doc["secretKey"].is_string() || !doc.contains("publicKey") ||
      !doc["publicKey"].is_string())
    return core::fail(path + " is not a key file made by `schaufenster keygen`");
  return platform::KeyPair{doc["publicKey"].get<std::string>(), doc["secretKey"].get<std::string>()};
}

core::Result<std::string> signFeedText(std::string_view text, const platform::KeyPair& keys, const std::string& keyName) {
  auto doc = platform::signDocument(text, keys.secretKey);
  if (!doc) return core::fail(keyName + ": the secret key is damaged");
  if (const auto v = platform::verifyDocument(text, *doc, keys.publicKey); !v)
    return core::fail(keyName + ": the secret key does not match the public key in the same file (the file is damaged); "
                      "nothing was signed. Restore the key file from a backup, or make a new one with `schaufenster keygen` "
                      "and give the screens its public key");
  return std::move(*doc);
}

core::Result<Published> publishFeedText(const std::string& text, const std::string& dir,
                                        const std::optional<platform::KeyPair>& keys, const std::string& keyName, int keep,
                                        const std::string& what, core::Instant now, const ReleaseOrigin& origin) {
  const auto parsed = core::parseFeed(text, what);
  if (!parsed.feed) return core::fail(errorLines(parsed.diagnostics) + what + ": not published, because it is not a valid feed");
  const auto published = publishedRevisions(dir);
  const std::int64_t last = std::max(published.empty() ? 0 : published.back(), parsed.feed->revision);
  if (last >= core::kMaxRevision)
    return core::fail(what + ": not published: the last revision (" + std::to_string(last) +
                      (published.empty() || published.back() < last ? "" : " in " + dir + "/releases") +
                      ") leaves no room below the limit of " + std::to_string(core::kMaxRevision) +
                      "; give the feed a smaller revision and clear the releases, and screens their caches");
  const std::int64_t revision = last + 1;
  const auto edited = core::setRevision(text, revision, now);
  if (!edited.text) return core::fail(errorLines(edited.diagnostics) + what + ": not published");
  Release release{revision, *edited.text, {}, {}};
  ReleaseInfo info{revision, true, now, origin, std::nullopt, {}};
  // Against what screens show now: the current release (else the newest there is).
  std::optional<std::int64_t> before = currentRevision(dir);
  if (!before && !published.empty()) before = published.back();
  std::optional<core::Feed> beforeFeed;
  std::string beforeText;
  if (before)
    if (auto old = readRelease(dir, *before)) {
      beforeText = std::move(old->text);
      beforeFeed = core::parseFeed(beforeText, "release").feed;
      info.previous = *before;
    }
  info.counts = countReleaseChanges(beforeFeed ? &*beforeFeed : nullptr, beforeText, *parsed.feed, release.text, now);
  release.info = releaseInfoJson(info);
  if (keys) {
    auto sig = signFeedText(release.text, *keys, keyName);
    if (!sig) return core::Unexpected{sig.error()};
    release.signature = std::move(*sig);
  }
  if (auto done = publishRelease(dir, release, keep); !done) return core::Unexpected{done.error()};
  return Published{revision, !release.signature.empty()};
}

}  // namespace sf::tools
