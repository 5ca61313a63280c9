// Entry point: a known subcommand runs an organiser tool; anything else starts the player.
// With no subcommand (or only options) it is the kiosk player.
#include <array>
#include <iostream>
#include <span>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "player/player.hpp"
#include "player/player_commands.hpp"

namespace {

using Table = std::span<const sf::cli::Command>;

// Every subcommand of the binary: the organiser tools, then those that draw frames as the player does.
std::array<Table, 2> commandTables() { return {sf::cli::toolCommands(), sf::player::playerCommands()}; }

void printHelp() {
  std::cout << "Schaufenster: a kiosk player for project and event feeds, and the tools to publish them.\n\n"
               "Usage: schaufenster [COMMAND] [OPTIONS]\n\nCommands:\n";
  for (const Table table : commandTables())
    for (const auto& c : table) {
      std::string name(c.name);
      name.resize(12, ' ');
      std::cout << "  " << name << c.summary << '\n';
    }
  std::cout << "\n`schaufenster COMMAND --help` shows each command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "help")) {
    printHelp();
    return sf::cli::kExitOk;
  }
  if (!args.empty()) {
    const auto tables = commandTables();
    if (const auto* cmd = sf::cli::findCommand(tables, args[0])) return cmd->run({args.begin() + 1, args.end()});
    if (args[0].front() != '-') {
      std::cerr << "schaufenster: unknown command \"" << args[0] << "\"\n\n";
      printHelp();
      return sf::cli::kExitUsage;
    }
  }
  return sf::player::playerMain(args);
}
