// The player's subcommand table: commands that need the display, fonts and image decoding, kept
// out of the tools' table so those link without SDL or Dear ImGui.
#include "player_commands.hpp"

#include <array>

namespace sf::player {
namespace {
constexpr std::array kCommands{
    cli::Command{"preview", "render every slide as screens will show it at a moment, with a contact sheet", cli::runPreview},
    cli::Command{"render", "draw one frame of the player to a PNG without a display", cli::runRender},
};
}  // namespace

std::span<const cli::Command> playerCommands() { return kCommands; }

}  // namespace sf::player
