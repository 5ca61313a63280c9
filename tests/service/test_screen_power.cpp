// Screen power against a fake sysfs and a fake cec-ctl: the backlight of every panel goes down
// and up with the schedule, CEC commands go out without blocking, and failures are reported.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "platform/screen_power.hpp"

namespace fs = std::filesystem;
using sf::platform::ScreenPower;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
struct TempDir {
  fs::path path = fs::temp_directory_path() / ("sf-power-" + std::to_string(::getpid()));
  TempDir() { fs::remove_all(path); fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};
}  // namespace

TEST_CASE("every backlight is powered down while dark and back up after", "[power]") {
  TempDir t;
  for (const char* dev : {"10-0045", "rpi_backlight"}) {
    fs::create_directories(t.path / "backlight" / dev);
    std::ofstream(t.path / "backlight" / dev / "bl_power") << "0\n";
  }
  {
    ScreenPower power({(t.path / "backlight").string(), false, "cec-ctl"});
    CHECK(power.set(false));
    CHECK(slurp(t.path / "backlight/10-0045/bl_power") == "4\n");
    CHECK(slurp(t.path / "backlight/rpi_backlight/bl_power") == "4\n");
    CHECK(power.problem().empty());
    CHECK(power.set(true));
    CHECK(slurp(t.path / "backlight/10-0045/bl_power") == "0\n");
    CHECK(power.set(false));
  }
  // A player that stops leaves the screen lit.
  CHECK(slurp(t.path / "backlight/rpi_backlight/bl_power") == "0\n");
}

TEST_CASE("a backlight the player may not write is reported, not fatal", "[power]") {
  TempDir t;
  // A directory where the file should be: cannot be opened for writing, even by root.
  fs::create_directories(t.path / "backlight/panel/bl_power");
  ScreenPower power({(t.path / "backlight").string(), false, "cec-ctl"});
  const auto done = power.set(false);
  REQUIRE_FALSE(done);
  CHECK(done.error().message == power.problem());
  CHECK_FALSE(power.on());
  CHECK(power.problem().find("cannot write") != std::string::npos);
  CHECK(power.problem().find("bl_power") != std::string::npos);
}

TEST_CASE("HDMI screens are sent to standby and woken over CEC", "[power]") {
  TempDir t;
  const auto script = t.path / "cec-ctl";
  const auto log = t.path / "cec.log";
  std::ofstream(script) << "#!/bin/sh\necho \"$@\" >> " << log.string() << "\n";
  fs::permissions(script, fs::perms::owner_all);
  ScreenPower power({(t.path / "none").string(), true, script.string()});
  const auto waitForLines = [&](std::size_t n) {
    for (int i = 0; i < 250; ++i) {
      const std::string text = slurp(log);
      if (static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) >= n) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };
  CHECK(power.set(false));
  CHECK(power.set(false));  // no change, nothing sent
  waitForLines(1);
  CHECK(power.set(true));
  waitForLines(2);
  CHECK(slurp(log) == "--playback --to 0 --standby\n--playback --to 0 --image-view-on\n");
  CHECK(power.problem().empty());

  ScreenPower missing({(t.path / "none").string(), true, (t.path / "no-such-cec-ctl").string()});
  CHECK_FALSE(missing.set(false));
  CHECK(missing.problem().find("cannot run") != std::string::npos);
}
