// Feed loading for the tools (size limit before parsing) and the shared output formats.
// Network and file access go through platform/, parsing through the core.
#include "common.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <set>

#include "embedded.hpp"
#include "platform/source.hpp"

namespace sf::cli {

LoadedFeed loadFeed(const std::string& source) {
  LoadedFeed out;
  const core::FeedLimits limits;
  if (source == kEmbedded) {
    out.name = std::string(assets::defaultFeedName);
    out.text = std::string(assets::defaultFeedJson());
  } else {
    out.name = source;
    auto r = platform::readSource(source, limits.maxBytes);
    if (!r) {
      core::report(out.parsed.diagnostics, core::Severity::Error, "", r.error().message);
      out.parsed.diagnostics.back().file = source;
      return out;
    }
    out.text = std::move(*r);
  }
  out.parsed = core::parseFeed(*out.text, out.name, limits);
  return out;
}

nlohmann::json toJson(const core::Diagnostic& d) {
  return {{"severity", d.severity == core::Severity::Error ? "error" : "warning"},
          {"file", d.file},
          {"line", d.line},
          {"column", d.column},
          {"pointer", d.jsonPointer},
          {"message", d.message}};
}

namespace {
// " (3 rooms, 2 tracks, 11 speakers, 1 cancelled)" for a conference; empty for other feeds.
std::string conferenceSummary(const core::Feed& feed) {
  std::set<std::string> speakers;
  int cancelled = 0;
  for (const auto& e : feed.events) {
    for (const auto& s : e.speakers) speakers.insert(s.name);
    cancelled += e.cancelled;
  }
  std::string out;
  const auto add = [&](std::size_t n, const char* one, const char* many) {
    if (n) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
  };
  add(feed.rooms.size(), "room", "rooms");
  add(feed.tracks.size(), "track", "tracks");
  add(speakers.size(), "speaker", "speakers");
  add(static_cast<std::size_t>(cancelled), "cancelled", "cancelled");
  return out.empty() ? out : " (" + out + ")";
}
}  // namespace

std::string summaryLine(const core::Feed& feed) {
  const auto completed = std::count_if(feed.projects.begin(), feed.projects.end(),
                                       [](const core::Project& p) { return p.state == core::ProjectState::Completed; });
  return "feed \"" + feed.id + "\" revision " + std::to_string(feed.revision) + ": " + std::to_string(feed.fields.size()) +
         " fields, " + std::to_string(feed.projects.size()) + " projects (" + std::to_string(completed) + " completed), " +
         std::to_string(feed.events.size()) + " events" + conferenceSummary(feed) + ", " + std::to_string(feed.figures.size()) + " figures, " +
         std::to_string(feed.playlist.size()) + " playlist items, " + std::to_string(feed.announcements.size()) +
         " announcements";
}

std::optional<core::Instant> readMoment(const std::string& at, const core::Feed& feed, std::string_view command) {
  if (at.empty()) return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const core::TimeZone& zone = feed.zone;
  if (auto t = core::parseInstantOrLocal(at, zone)) return t;
  std::cerr << command << ": --at: expected a time such as 2024-04-25T10:00 or 2024-04-25T10:00:00+02:00, found \"" << at << "\"\n";
  return std::nullopt;
}

std::optional<int> parseArgs(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 consumes from the back
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace sf::cli
