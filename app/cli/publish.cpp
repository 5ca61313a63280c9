// `publish FEED --to DIR`: validate, bump the revision, sign, and switch the published folder to
// the new release atomically; `--rollback` republishes an old one.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "core/feed/edit.hpp"
#include "core/feed/update.hpp"
#include "key_file.hpp"
#include "release.hpp"
#include "platform/files.hpp"
#include "tools/publish.hpp"
#include "tools/publish_feed.hpp"
#include "platform/clock.hpp"

namespace sf::cli {

void printErrors(const core::Diagnostics& ds) {
  for (const auto& d : ds)
    if (d.severity == core::Severity::Error) std::cerr << core::formatDiagnostic(d) << '\n';
}

// Gives `text` the next revision after everything published and the source's own, signs it and
// makes it current in `dir` (tools/publish_feed.hpp). Prints what happened; returns the exit code.
int publishText(const std::string& text, const std::string& dir, const std::string& keyFile, int keep, const std::string& what,
                const tools::ReleaseOrigin& origin) {
  std::optional<platform::KeyPair> keys;
  if (!keyFile.empty()) {
    auto k = readKeyFile(keyFile);
    if (!k) {
      std::cerr << k.error().message << '\n';
      return kExitInvalid;
    }
    keys = std::move(*k);
  }
  const auto done = tools::publishFeedText(text, dir, keys, keyFile, keep, what, platform::systemSeconds(), origin);
  if (!done) {
    std::cerr << done.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << "published revision " << done->revision << (done->signed_ ? " (signed)" : "") << " to " << dir
            << "/feed.json; screens pick it up at their next poll\n";
  return kExitOk;
}

// A key file inside the published folder would be one request away from anyone on the network.
bool keyOutsideFolder(const std::string& keyFile, const std::string& dir) {
  if (keyFile.empty()) return true;
  std::error_code ec;
  const auto key = std::filesystem::weakly_canonical(keyFile, ec);
  const auto folder = std::filesystem::weakly_canonical(dir, ec);
  const auto rel = key.lexically_relative(folder);
  if (rel.empty() || rel.native().starts_with("..")) return true;
  std::cerr << "the key file " << keyFile << " lies inside the published folder " << dir
            << ", where a web server may hand it out; move it elsewhere (e.g. ~/.config/schaufenster/) and sign from there\n";
  return false;
}

int runPublish(const std::vector<std::string>& args) {
  CLI::App app{"Validates a feed, gives it the next revision, signs it when a key is given and makes it\n"
               "the current release in DIR, which any web server can serve. Screens point at DIR/feed.json.",
               "schaufenster publish"};
  std::string feed, dir, key;
  int keep = 10;
  std::int64_t rollbackTo = -1;
  bool rollback = false;
  app.add_option("feed", feed, "the feed to publish (not needed with --rollback)");
  app.add_option("--to", dir, "the published folder")->required();
  app.add_option("-k,--key", key, "key file from `schaufenster keygen`: signs the release");
  app.add_option("--keep", keep, "how many releases to keep (default 10)")->check(CLI::Range(1, 1000));
  auto* rb = app.add_flag("--rollback", rollback, "publish the previous release again, under a new revision");
  app.add_option("--revision", rollbackTo, "with --rollback: the release to bring back")->needs(rb);
  if (auto code = parseArgs(app, args)) return *code;
  if (!keyOutsideFolder(key, dir)) return kExitUsage;

  if (rollback) {
    const auto revisions = tools::publishedRevisions(dir);
    const auto current = tools::currentRevision(dir);
    if (rollbackTo < 0) {
      for (auto it = revisions.rbegin(); it != revisions.rend(); ++it)
        if (!current || *it < *current) {
          rollbackTo = *it;
          break;
        }
    }
    const auto release = tools::readRelease(dir, rollbackTo);  // none below 0: the message below says so
    if (rollbackTo < 0 || !release) {
      std::cerr << "no release " << (rollbackTo >= 0 ? std::to_string(rollbackTo) + " " : "") << "to roll back to in " << dir << "/releases\n";
      return kExitInvalid;
    }
    std::cout << "rolling back to the content of revision " << rollbackTo << '\n';
    return publishText(release->text, dir, key, keep, dir + "/releases/" + std::to_string(rollbackTo) + "/feed.json",
                       {"", "publish", tools::rollbackNote(rollbackTo)});
  }
  if (feed.empty()) {
    std::cerr << "publish: name the feed to publish, or use --rollback\n";
    return kExitUsage;
  }
  const LoadedFeed loaded = loadFeed(feed);
  if (!loaded.text) {
    printErrors(loaded.parsed.diagnostics);
    return kExitInvalid;
  }
  return publishText(*loaded.text, dir, key, keep, loaded.name, {"", "publish", ""});
}

}  // namespace sf::cli
