// `schaufenster validate FILE|URL...`: every problem of every feed at once, exit 0 when all are
// valid, 1 when any is not, 2 on usage errors; `--json` for machines.
#include <algorithm>
#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "core/feed/json_scan.hpp"
#include "core/feed/update.hpp"
#include "core/base/text_util.hpp"
#include "core/show/config.hpp"
#include "platform/files.hpp"

namespace sf::cli {
namespace {

// Warns about `groups` selectors that name no group the venue's screens have: such an item shows
// nowhere, which is what a typo in a group name looks like.
void unknownGroups(const core::Feed& feed, const std::string& text, const std::string& file, const std::vector<std::string>& known,
                   core::Diagnostics& ds) {
  core::Diagnostics found;
  auto check = [&](const core::Targets& t, const std::string& ptr) {
    for (std::size_t i = 0; i < t.groups.size(); ++i)
      if (std::find(known.begin(), known.end(), t.groups[i]) == known.end())
        core::report(found, core::Severity::Warning, ptr + "/groups/" + std::to_string(i),
                     "no screen has the group \"" + t.groups[i] + "\" (--groups names the venue's)" +
                         (t.groups.size() + t.screens.size() + t.rooms.size() > 1 ? "" : "; this item shows nowhere"));
  };
  for (std::size_t i = 0; i < feed.playlist.size(); ++i) check(feed.playlist[i].targets, "/playlist/" + std::to_string(i));
  for (std::size_t i = 0; i < feed.announcements.size(); ++i) check(feed.announcements[i].targets, "/announcements/" + std::to_string(i));
  core::locatePointers(text, found);
  for (auto& d : found) {
    d.file = file;
    ds.push_back(std::move(d));
  }
}

// A screen's config checked with the feed it plays: its own faults, and what it names that the
// feed lacks (the map of its "location"), located in the config's text.
void checkScreenConfig(const std::string& path, const std::optional<std::string>& text, const core::Feed* feed, core::Diagnostics& ds) {
  if (!text) return;
  auto parsed = core::parseConfig(*text, path);
  core::Diagnostics found = feed ? core::checkConfigAgainstFeed(parsed.config, *feed) : core::Diagnostics{};
  core::locatePointers(*text, found);
  for (auto& d : found) d.file = path;
  ds.insert(ds.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  ds.insert(ds.end(), found.begin(), found.end());
}

}  // namespace

int runValidate(const std::vector<std::string>& args) {
  CLI::App app{"Checks feeds: syntax, types, ids, references, times, languages and sizes.\n"
               "Prints every finding as file:line:column: /json/pointer: message.",
               "schaufenster validate"};
  std::vector<std::string> sources;
  std::vector<std::string> groups;
  std::string configPath;
  bool json = false, quiet = false;
  app.add_option("feeds", sources, "feed files or URLs; \"embedded\" checks the built-in feed")->required();
  app.add_flag("--json", json, "print the findings as JSON on standard output");
  app.add_flag("-q,--quiet", quiet, "print errors only, no warnings and no summary");
  app.add_option("--groups", groups, "the groups the venue's screens have (config groups), comma-separated: "
                                     "warns about playlist items and announcements that select any other")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--config", configPath, "a screen's configuration: checked too, and against each feed (its location's map)");
  if (auto code = parseArgs(app, args)) return *code;
  std::optional<std::string> configText;
  if (!configPath.empty()) {
    auto file = platform::readFile(configPath, 1u << 20);
    if (!file) {
      std::cerr << "validate: " << file.error().message << '\n';
      return kExitUsage;
    }
    configText = std::move(*file);
  }

  bool allValid = true;
  nlohmann::json report = nlohmann::json::array();
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  for (const auto& source : sources) {
    const LoadedFeed loaded = loadFeed(source);
    core::Diagnostics ds = loaded.parsed.diagnostics;
    const bool valid = loaded.parsed.feed.has_value();
    // Screens trust their clock when the server's Date agrees, but say so: worth fixing at the source.
    if (valid)
      if (auto note = core::describeFutureGenerated(loaded.parsed.feed->generated, now, "this machine's clock"); !note.empty())
        ds.push_back({core::Severity::Warning, loaded.name, 0, 0, "/generated", note});
    if (valid && !groups.empty() && loaded.text) unknownGroups(*loaded.parsed.feed, *loaded.text, loaded.name, groups, ds);
    checkScreenConfig(configPath, configText, valid ? &*loaded.parsed.feed : nullptr, ds);
    allValid = allValid && valid;
    if (json) {
      nlohmann::json entry{{"file", loaded.name},
                           {"valid", valid},
                           {"errors", core::countOf(ds, core::Severity::Error)},
                           {"warnings", core::countOf(ds, core::Severity::Warning)},
                           {"diagnostics", nlohmann::json::array()}};
      for (const auto& d : ds) entry["diagnostics"].push_back(toJson(d));
      if (valid) entry["summary"] = summaryLine(*loaded.parsed.feed);
      report.push_back(std::move(entry));
      continue;
    }
    for (const auto& d : ds)
      if (!quiet || d.severity == core::Severity::Error) std::cout << core::escapeControls(core::formatDiagnostic(d)) << '\n';  // feed text may hold terminal escapes
    if (quiet) continue;
    const int errors = core::countOf(ds, core::Severity::Error), warnings = core::countOf(ds, core::Severity::Warning);
    if (valid)
      std::cout << loaded.name << ": valid, " << summaryLine(*loaded.parsed.feed) << " (" << warnings << " warnings)\n";
    else
      std::cout << loaded.name << ": invalid, " << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
                << " warnings\n";
  }
  if (json) std::cout << report.dump(2) << '\n';
  return allValid ? kExitOk : kExitInvalid;
}

}  // namespace sf::cli
