// The machine facts of a heartbeat: read on a Raspberry Pi (a fake sysfs here), left unknown
// elsewhere, and the free disk of the state folder everywhere.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "platform/machine_facts.hpp"

namespace fs = std::filesystem;

TEST_CASE("a Raspberry Pi tells its SoC temperature and throttling, other machines tell nothing", "[fleet]") {
  std::string tmpl = (fs::temp_directory_path() / "sf-facts-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  sf::platform::MachineFactSources src{dir + "/model", dir + "/temp", dir + "/get_throttled", ""};
  std::ofstream(dir + "/temp") << "51540\n";
  std::ofstream(dir + "/get_throttled") << "50005\n";

  std::ofstream(dir + "/model") << "Some PC";
  auto pc = sf::platform::readMachineFacts(dir, src);
  CHECK_FALSE(pc.temperatureC);
  CHECK_FALSE(pc.throttled);
  REQUIRE(pc.freeDiskBytes);
  CHECK(*pc.freeDiskBytes > 0);

  std::ofstream(dir + "/model") << "Raspberry Pi 4 Model B Rev 1.4";
  auto pi = sf::platform::readMachineFacts(dir, src);
  REQUIRE(pi.temperatureC);
  CHECK(*pi.temperatureC == Approx(51.54));
  CHECK(pi.throttled == 0x50005u);

  // Older kernels: no sysfs file, vcgencmd says "throttled=0x…" (a stand-in script here).
  fs::remove(dir + "/get_throttled");
  std::ofstream(dir + "/vcgencmd") << "#!/bin/sh\necho throttled=0x4\n";
  fs::permissions(dir + "/vcgencmd", fs::perms::owner_all);
  src.vcgencmd = dir + "/vcgencmd";
  CHECK(sf::platform::readMachineFacts(dir, src).throttled == 0x4u);
  src.vcgencmd = dir + "/missing";
  CHECK_FALSE(sf::platform::readMachineFacts(dir, src).throttled);
  fs::remove_all(dir);
}
