// The subcommand table. New organiser tools are one line here plus their own file.
// Order is the order `schaufenster --help` lists them in.
#include "commands.hpp"

#include <array>

namespace sf::cli {
namespace {
constexpr std::array kCommands{
    Command{"validate", "check feeds and report every problem with file, line, column and JSON pointer", runValidate},
    Command{"info", "summarise a feed and show what is on at a given time", runInfo},
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

const Command* findCommand(std::string_view name) {
  for (const auto& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace sf::cli
