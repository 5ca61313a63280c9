// Helpers the subcommands share: loading a feed from a path, URL or the embedded default, and
// running a CLI11 parser with our exit codes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/base/diagnostic.hpp"
#include "core/feed/parse.hpp"
#include "commands.hpp"

namespace sf::cli {

inline constexpr std::string_view kEmbedded = "embedded";

struct LoadedFeed {
  std::string name;                // what diagnostics call the file
  std::optional<std::string> text;  // empty when it could not be read
  core::ParseResult parsed;
};

// `source` is a path, a URL, or "embedded" for the feed compiled into the binary.
LoadedFeed loadFeed(const std::string& source);

nlohmann::json toJson(const core::Diagnostic& d);
std::string summaryLine(const core::Feed& feed);

// `--at` for the tools: empty means now; a local time is read in the feed's zone. Prints the
// error and returns nothing when `at` cannot be read.
std::optional<core::Instant> readMoment(const std::string& at, const core::Feed& feed, std::string_view command);

// Parses `args` with `app`; returns an exit code when the program should stop now
// (--help gives 0, a usage error 2), or nothing to go on.
std::optional<int> parseArgs(CLI::App& app, const std::vector<std::string>& args);

}  // namespace sf::cli
