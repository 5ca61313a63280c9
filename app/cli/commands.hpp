// The organiser subcommands of the one `schaufenster` binary, as tables of {name, summary, run}.
// Each entry parses its own arguments and returns the process exit code.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sf::cli {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const std::vector<std::string>& args);  // args exclude the binary and the name
};

// The organiser tools, which need no display stack, in the order `schaufenster --help` lists them.
// The player adds the commands that draw frames (player/player_commands.hpp).
std::span<const Command> toolCommands();
// The first entry called `name` in `tables`, searched in order; nullptr when there is none.
const Command* findCommand(std::span<const std::span<const Command>> tables, std::string_view name);

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;

int runValidate(const std::vector<std::string>& args);
int runInfo(const std::vector<std::string>& args);
int runImport(const std::vector<std::string>& args);
int runKeygen(const std::vector<std::string>& args);
int runSign(const std::vector<std::string>& args);
int runVerify(const std::vector<std::string>& args);
int runPublish(const std::vector<std::string>& args);
int runAnnounce(const std::vector<std::string>& args);
int runPack(const std::vector<std::string>& args);
int runServe(const std::vector<std::string>& args);
int runSync(const std::vector<std::string>& args);
int runFleet(const std::vector<std::string>& args);
int runUser(const std::vector<std::string>& args);

}  // namespace sf::cli
