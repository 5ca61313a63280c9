// `fleet`: the collector's database seen from a shell: which screens it knows and how they sign,
// and forgetting a screen's key after the screen was reinstalled (it then pins its new one).
#include <sys/stat.h>

#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "core/base/text_util.hpp"
#include "tools/fleet_view.hpp"

namespace sf::cli {

int runFleet(const std::vector<std::string>& args) {
  CLI::App app{"Lists the screens a fleet collector (serve --fleet) knows, or lets a reinstalled screen sign with its\n"
               "new key. Works beside a running collector.",
               "schaufenster fleet"};
  std::string db, forget;
  app.add_option("FLEET.db", db, "the collector's database")->required();
  app.add_option("--forget-key", forget, "forget the key of this screen: its next signed report pins the key it has now");
  if (auto code = parseArgs(app, args)) return *code;
  struct stat st {};
  if (::stat(db.c_str(), &st) != 0) {  // open() would make an empty database
    std::cerr << "fleet: no fleet database at " << db << " (serve --fleet " << db << " makes it)\n";
    return kExitInvalid;
  }
  auto store = tools::FleetStore::open(db);
  if (!store) {
    std::cerr << "fleet: " << store.error().message << '\n';
    return kExitInvalid;
  }
  const core::Instant now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (!forget.empty()) {
    auto done = (*store)->forgetKey(forget, now);
    if (!done) {
      std::cerr << "fleet: " << done.error().message << '\n';
      return kExitInvalid;
    }
    if (!*done) {
      std::cerr << "fleet: no screen " << core::quoteShort(forget) << " in " << db << " (names are as /fleet/screens.json lists them)\n";
      return kExitInvalid;
    }
    std::cout << "forgot the key of " << core::quoteShort(forget) << "; its next signed report pins its new key\n";
    return kExitOk;
  }
  auto rows = (*store)->screens();
  if (!rows) {
    std::cerr << "fleet: " << rows.error().message << '\n';
    return kExitInvalid;
  }
  // Names are the screens' own text: control characters escaped, so no row can rewrite the terminal.
  for (const auto& v : tools::fleetView(std::move(*rows), now))
    std::printf("%-8s %-32s r%-6lld %5llds ago  %s\n", v.state.c_str(), core::escapeControls(v.row.report.screen).c_str(),
                static_cast<long long>(v.row.report.revision), static_cast<long long>(v.lastSeenAgo),
                v.row.key.empty() ? "token only" : ("key " + v.row.key.substr(0, 8) + "…").c_str());
  return kExitOk;
}

}  // namespace sf::cli
