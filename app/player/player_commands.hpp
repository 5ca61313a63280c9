// The subcommands that draw frames as the player does (`preview`, `render`): the player's part of
// the binary's subcommand table, so the organiser tools themselves need no display stack.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/show/config.hpp"

namespace sf::cli {

int runPreview(const std::vector<std::string>& args);
int runRender(const std::vector<std::string>& args);

// The config file a screen reads (explicit, or /etc/schaufenster/config.json where it exists);
// its problems are reported on stderr under `command` and the defaults used.
core::Config screenConfig(std::string path, const char* command);

}  // namespace sf::cli

namespace sf::player {

// In the order `schaufenster --help` lists them, after the organiser tools.
std::span<const cli::Command> playerCommands();

}  // namespace sf::player
