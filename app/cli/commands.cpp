// The subcommand table. New organiser tools are one line here plus their own file.
// Order is the order `schaufenster --help` lists them in.
#include "commands.hpp"

#include <array>

namespace sf::cli {
namespace {
constexpr std::array kCommands{
    Command{"validate", "check feeds and report every problem with file, line, column and JSON pointer", runValidate},
    Command{"info", "summarise a feed and show what is on at a given time", runInfo},
    Command{"import", "import schedules (frab, pretalx, iCalendar) and project spreadsheets (CSV) into a feed", runImport},
    Command{"publish", "validate, bump the revision, sign and publish a feed into a folder a web server serves", runPublish},
    Command{"announce", "add an urgent message to a feed and publish it", runAnnounce},
    Command{"pack", "bundle a feed and its images into a folder that plays with no network", runPack},
    Command{"serve", "serve a published folder over HTTP on a stand's own network", runServe},
    Command{"keygen", "create an Ed25519 key pair for signing feeds", runKeygen},
    Command{"sign", "sign a feed file", runSign},
    Command{"verify", "check a feed's signature as a screen would", runVerify},
    Command{"preview", "render every slide as screens will show it at a moment, with a contact sheet", runPreview},
    Command{"render", "draw one frame of the player to a PNG without a display", runRender},
};
}  // namespace

std::span<const Command> commands() { return kCommands; }

const Command* findCommand(std::string_view name) {
  for (const auto& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

}  // namespace sf::cli
