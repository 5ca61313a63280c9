// `schaufenster import SOURCE... --into FEED`: conference schedules, calendars and project
// spreadsheets into a feed, with stable ids; the file is only written when something changed.
#include <chrono>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "core/import/common.hpp"
#include "core/import/formats.hpp"
#include "core/import/merge.hpp"
#include "core/import/splice.hpp"
#include "core/base/text_util.hpp"
#include "platform/files.hpp"
#include "platform/source.hpp"
#include "platform/xml.hpp"

namespace sf::cli {
namespace {

// "the formats: auto, frab (pretalx c3voc), …", from the table, for --format's message.
std::string formatNames() {
  std::string out = "the formats: auto";
  for (const auto& f : core::importFormats()) {
    out += ", " + std::string(f.id);
    if (!f.aliases.empty()) out += " (" + std::string(f.aliases) + ")";
  }
  return out;
}

// One example command per format, for --help; the feed guide and the manual page show the same.
struct FormatExample {
  std::string_view format, command;
};
constexpr FormatExample kExamples[] = {
    {"frab", "schaufenster import https://pretalx.example.org/democon/schedule/export/schedule.json --into feed.json --format frab"},
    {"xml", "schaufenster import https://fosdem.org/2026/schedule/xml --into feed.json --format xml"},
    {"schedule2", "schaufenster import https://c3voc.example.org/congress/schedule2.json --into feed.json --format schedule2"},
    {"pretalx-widget", "schaufenster import https://pretalx.example.org/democon/widgets/schedule.json --into feed.json --format pretalx-widget"},
    {"sessionize", "schaufenster import https://sessionize.com/api/v2/abcd1234/view/All --into feed.json --new --id devconf --time-zone Europe/Vienna --format sessionize"},
    {"indico", "schaufenster import 'https://indico.example.org/export/event/42.json?detail=contributions' --into feed.json --format indico"},
    {"ics", "schaufenster import workshops.ics --into feed.json --format ics"},
    {"cap", "schaufenster import https://alerts.example.org/cap/latest.xml --into feed.json --format cap"},
    {"csv", "schaufenster import projekte.csv --into feed.json --format csv"},
};

// The --help footer: every format of the table with its description and an example.
std::string formatExamples() {
  std::string out = "Formats (--format auto recognises all but CSV from the content):\n";
  for (const auto& f : core::importFormats()) {
    out += "  " + std::string(f.id) + ": " + std::string(f.description) + "\n";
    for (const auto& e : kExamples)
      if (e.format == f.id) out += "    " + std::string(e.command) + "\n";
  }
  return out;
}

constexpr std::size_t kMaxSourceBytes = 64u << 20;  // calendars of long-running series can be large

void printDiagnostics(const core::Diagnostics& ds, const std::string& file, bool quiet) {
  for (auto d : ds) {
    if (quiet && d.severity != core::Severity::Error) continue;
    if (d.file.empty()) d.file = file;
    std::cout << core::formatDiagnostic(d) << '\n';
  }
}

std::string counts(const core::MergeCounts& c) {
  return std::to_string(c.added) + " added, " + std::to_string(c.updated) + " updated, " + std::to_string(c.removed) +
         " removed, " + std::to_string(c.unchanged) + " unchanged";
}

std::vector<std::string> splitComma(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto c = s.find(',', pos);
    if (c == std::string::npos) c = s.size();
    if (auto item = core::trimmed(std::string_view(s).substr(pos, c - pos)); !item.empty()) out.emplace_back(item);
    pos = c + 1;
  }
  return out;
}

}  // namespace

int runImport(const std::vector<std::string>& args) {
  CLI::App app{"Imports conference schedules (frab/pretalx JSON, schedule.xml, c3voc schedule2, pretalx widget,\n"
               "Sessionize, Indico), iCalendar files, CAP alerts and project spreadsheets (CSV) into a feed.\n"
               "Imported items get the id \"<source-id>:<key>\": a re-import updates them, adds new ones and\n"
               "removes vanished ones; every other item is left as it is. `schaufenster sync` does this\n"
               "continuously and publishes each change.",
               "schaufenster import"};
  app.footer(formatExamples());
  std::vector<std::string> sources;
  std::string into, formatName = "auto", sourceId, feedId, zoneName, languages;
  bool dryRun = false, createNew = false, noBreaks = false, quiet = false;
  app.add_option("sources", sources, "schedule, calendar or CSV files or URLs")->required();
  app.add_option("--into", into, "the feed to import into; created when it does not exist")->required();
  app.add_option("--format", formatName, "the sources' format, detected by default; " + formatNames())
      ->check([](const std::string& name) {
        return name == "auto" || core::findImportFormat(name) ? std::string() : "unknown format " + name + "; " + formatNames();
      });
  app.add_option("--source-id", sourceId, "prefix of the imported ids (default: the acronym, calendar name or file name)");
  app.add_flag("--dry-run", dryRun, "check and report, but write nothing");
  app.add_flag("--new", createNew, "create FEED (it must not exist yet)");
  app.add_option("--id", feedId, "a new feed's id (default: FEED's file name)");
  app.add_option("--time-zone", zoneName, "a new feed's IANA time zone (default: the source's)");
  app.add_option("--languages", languages, "a new feed's languages, e.g. de,en (default: the CSV's, else en)");
  app.add_flag("--no-breaks", noBreaks, "pretalx widget: leave out slots without a talk (breaks, openings)");
  app.add_flag("-q,--quiet", quiet, "print errors only");
  if (auto code = parseArgs(app, args)) return *code;

  auto usage = [](const std::string& msg) {
    std::cerr << "schaufenster import: " << msg << '\n';
    return kExitUsage;
  };
  const core::ImportFormat* format = core::findImportFormat(formatName);  // nullptr: detect
  std::error_code ec;
  const bool exists = !platform::isUrl(into) && std::filesystem::exists(into, ec);
  if (platform::isUrl(into)) return usage("--into must be a file, not a URL");
  if (createNew && exists) return usage(into + " exists; leave out --new to import into it");
  const bool creating = !exists;
  if (!creating && (!feedId.empty() || !zoneName.empty() || !languages.empty()))
    return usage("--id, --time-zone and --languages describe a new feed, but " + into + " exists");
  if (!sourceId.empty() && sources.size() > 1) return usage("--source-id names one source; import several sources one by one");
  if (!sourceId.empty() && !core::isValidSourceId(sourceId))
    return usage("--source-id " + core::quoteShort(sourceId) + " must be letters, digits, '.', '_' or '-' (no ':'), at most 64");
  std::optional<core::TimeZone> zone;
  if (!zoneName.empty() && !(zone = core::TimeZone::find(zoneName)))
    return usage("--time-zone " + core::quoteShort(zoneName) + " is not an IANA time zone such as Europe/Berlin");
  const auto langs = splitComma(languages);
  for (const auto& l : langs)
    if (!core::isLanguageCode(l)) return usage("--languages: " + core::quoteShort(l) + " is not a language code such as de or en");
  if (!feedId.empty() && !core::isValidId(feedId)) return usage("--id " + core::quoteShort(feedId) + " is not a valid id");

  // The feed as it is: it must be valid, or the merge could not be checked against it.
  std::string originalText;
  nlohmann::ordered_json feed, original;
  if (!creating) {
    const LoadedFeed loaded = loadFeed(into);
    if (!loaded.parsed.feed) {
      printDiagnostics(loaded.parsed.diagnostics, into, true);
      std::cout << into << ": the feed is invalid; fix it (see `schaufenster validate`) before importing into it\n";
      return kExitInvalid;
    }
    zone = loaded.parsed.feed->zone;
    originalText = *loaded.text;
    try {
      original = nlohmann::ordered_json::parse(originalText);
      feed = original;
    } catch (const std::exception& e) {
      std::cout << into << ": error: " << e.what() << '\n';
      return kExitInvalid;
    }
  }

  core::ImportOptions opts;
  opts.now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  opts.includeBreaks = !noBreaks;
  opts.parseXml = platform::parseXml;
  bool failed = false;
  std::map<std::string, std::string> origins;
  core::Diagnostics mergeNotes;
  for (const auto& source : sources) {
    std::cerr << "reading " << source << "…\n";
    auto read = platform::readSource(source, kMaxSourceBytes);
    if (!read) {
      std::cout << source << ": error: " << read.error().message << '\n';
      failed = true;
      continue;
    }
    opts.zone = zone;
    core::ImportResult r = core::importSource(*read, source, format, opts);
    printDiagnostics(r.diagnostics, source, quiet);
    if (core::hasErrors(r.diagnostics)) {
      std::cout << source << ": not imported, " << core::countOf(r.diagnostics, core::Severity::Error) << " errors\n";
      failed = true;
      continue;
    }
    const std::string sid = !sourceId.empty() ? sourceId
                            : core::isValidSourceId(r.suggestedSourceId) ? r.suggestedSourceId
                                                                         : core::sourceIdFromName(source);
    if (creating && feed.is_null()) {
      if (!zone && r.zoneName) zone = core::TimeZone::find(*r.zoneName);
      if (!zone) {
        std::cerr << "schaufenster import: " << source << " names no time zone; give the new feed one with --time-zone\n";
        return kExitUsage;
      }
      core::NewFeed nf;
      nf.id = !feedId.empty() ? feedId : core::sourceIdFromName(into);
      nf.zone = *zone;
      nf.languages = !langs.empty() ? langs : !r.languages.empty() ? r.languages : std::vector<std::string>{"en"};
      nf.title = r.title;
      nf.now = opts.now;
      feed = core::newFeedJson(nf);
    }
    auto merged = core::mergeImport(std::move(feed), r, sid, source, *zone, creating);
    feed = std::move(merged.feed);
    origins.insert(merged.origins.begin(), merged.origins.end());
    mergeNotes.insert(mergeNotes.end(), merged.diagnostics.begin(), merged.diagnostics.end());
    using Items = core::ImportItems;
    const Items items = r.format->items;
    const std::size_t count = items == Items::Projects ? r.projects.size()
                             : items == Items::Announcements ? r.announcements.size() : r.events.size();
    std::cerr << source << " (" << r.format->description << ", source id \"" << sid << "\"): " << count
              << (items == Items::Projects ? " projects: " : items == Items::Announcements ? " announcements: " : " events: ")
              << counts(items == Items::Projects ? merged.projects
                        : items == Items::Announcements ? merged.announcements : merged.events)
              << (r.skipped > 0 ? ", " + std::to_string(r.skipped) + " left out" : std::string())
              << (r.refused > 0 ? ", " + std::to_string(r.refused) + " unreadable and left out (see the warnings)" : std::string())
              << '\n';
    if (!r.rooms.empty()) std::cerr << "  " << r.rooms.size() << " rooms: " << counts(merged.rooms) << '\n';
    if (!r.tracks.empty()) std::cerr << "  " << r.tracks.size() << " tracks: " << counts(merged.tracks) << '\n';
  }
  if (failed || feed.is_null()) {
    std::cout << into << ": nothing written\n";
    return kExitInvalid;
  }

  // An existing file keeps the exact text of everything the import did not change.
  const std::string text = creating ? core::serializeFeed(feed) : core::rewriteFeedText(originalText, original, feed);
  core::Diagnostics check = core::checkMergedFeed(text, into, feed, origins);
  printDiagnostics(mergeNotes, into, quiet);
  if (core::hasErrors(check)) {
    printDiagnostics(check, into, true);
    std::cout << into << ": the merged feed would be invalid (" << core::countOf(check, core::Severity::Error)
              << " errors); nothing written\n";
    return kExitInvalid;
  }
  if (!quiet && core::countOf(check, core::Severity::Warning) > 0)
    std::cout << into << ": " << core::countOf(check, core::Severity::Warning)
              << " warnings in the merged feed; `schaufenster validate` lists them\n";
  if (!creating && feed == original) {
    std::cout << into << ": nothing changed; the file is left as it was\n";
    return kExitOk;
  }
  if (dryRun) {
    std::cout << into << ": dry run; would write " << core::formatBytes(text.size()) << (creating ? " (new feed)" : "") << '\n';
    return kExitOk;
  }
  if (const auto done = platform::writeFileAtomic(into, text); !done) {
    std::cout << into << ": error: " << done.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << into << ": written" << (creating ? " (new feed)" : "") << "; revision unchanged, publishing raises it\n";
  return kExitOk;
}

}  // namespace sf::cli
