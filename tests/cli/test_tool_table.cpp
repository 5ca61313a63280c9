// The organiser tools' own subcommand table, run in this process: every tool is there, none that
// draws frames, and a tool found by name runs. This executable links the tools alone, so the
// link check beside it (check_no_display.sh) looks at exactly what the tools need.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "fixtures.hpp"

using namespace sf;

TEST_CASE("the tools' table lists every organiser tool in help order and nothing that needs a display", "[tools]") {
  std::vector<std::string> names;
  for (const auto& c : cli::toolCommands()) {
    names.emplace_back(c.name);
    CHECK_FALSE(c.summary.empty());
    CHECK(c.run != nullptr);
  }
  CHECK(names == std::vector<std::string>{"validate", "info", "import", "publish", "sync", "announce", "pack", "serve", "user", "fleet", "keygen",
                                          "sign", "verify"});
  const std::array tables{cli::toolCommands()};
  CHECK(cli::findCommand(tables, "render") == nullptr);
  CHECK(cli::findCommand(tables, "preview") == nullptr);
}

TEST_CASE("a tool found in the table runs in this process: validate tells a good feed from a bad one", "[tools]") {
  const std::array tables{cli::toolCommands()};
  const cli::Command* validate = cli::findCommand(tables, "validate");
  REQUIRE(validate);
  CHECK(validate->run({test::sourcePath("assets/examples/small-feed.json"), "--quiet"}) == cli::kExitOk);

  const auto bad = std::filesystem::temp_directory_path() / ("sf-tool-table-" + std::to_string(::getpid()) + ".json");
  std::ofstream(bad) << R"({"version": 1, "projects": "not a list"})";
  CHECK(validate->run({bad.string(), "--quiet"}) == cli::kExitInvalid);
  std::filesystem::remove(bad);
  CHECK(validate->run({"--no-such-option"}) == cli::kExitUsage);
}
