// The organiser tools' subcommand table. A new tool is one line here plus its own file.
// Order is the order `schaufenster --help` lists them in, before the player's commands.
#include "commands.hpp"

#include <array>

namespace sf::cli {
namespace {
constexpr std::array kCommands{
    Command{"validate", "check feeds and report every problem with file, line, column and JSON pointer", runValidate},
    Command{"info", "summarise a feed and show what is on at a given time", runInfo},
    Command{"import",
            "import schedules (frab/pretalx JSON, schedule.xml, schedule2, pretalx widget, Sessionize, Indico, "
            "iCalendar), CAP alerts and project spreadsheets (CSV) into a feed",
            runImport},
    Command{"publish", "validate, bump the revision, sign and publish a feed into a folder a web server serves", runPublish},
    Command{"sync", "keep a published feed in step with its schedules: poll, import, merge, publish", runSync},
    Command{"announce", "add an urgent message to a feed and publish it", runAnnounce},
    Command{"pack", "bundle a feed and its images into a folder that plays with no network", runPack},
    Command{"serve", "serve a published folder over HTTP on a stand's own network", runServe},
    Command{"user", "add, change or remove the people who may sign in to the console of `serve --console`", runUser},
    Command{"fleet", "list the screens a fleet collector knows, or forget a reinstalled screen's key", runFleet},
    Command{"keygen", "create an Ed25519 key pair for signing feeds", runKeygen},
    Command{"sign", "sign a feed file", runSign},
    Command{"verify", "check a feed's signature as a screen would", runVerify},
};
}  // namespace

std::span<const Command> toolCommands() { return kCommands; }

const Command* findCommand(std::span<const std::span<const Command>> tables, std::string_view name) {
  for (const auto table : tables)
    for (const auto& c : table)
      if (c.name == name) return &c;
  return nullptr;
}

}  // namespace sf::cli
