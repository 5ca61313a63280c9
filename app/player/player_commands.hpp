// The subcommands that draw frames as the player does (`preview`, `render`): the player's part of
// the binary's subcommand table, so the organiser tools themselves need no display stack.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace sf::cli {

int runPreview(const std::vector<std::string>& args);
int runRender(const std::vector<std::string>& args);

}  // namespace sf::cli

namespace sf::player {

// In the order `schaufenster --help` lists them, after the organiser tools.
std::span<const cli::Command> playerCommands();

}  // namespace sf::player
