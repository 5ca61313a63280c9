// bl_power takes the framebuffer blank levels: 0 is on, 4 is powered down. cec-ctl runs as a
// child we reap later, because a CEC bus can take seconds to answer and the loop must not wait.
#include "screen_power.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <fcntl.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

extern char** environ;

namespace sf::platform {

ScreenPower::ScreenPower(Options options) : o_(std::move(options)) {}

ScreenPower::~ScreenPower() {
  (void)set(true);  // a stopped player leaves the screen usable; nobody is left to tell otherwise
  for (int pid : children_) ::waitpid(pid, nullptr, 0);
}

core::Result<void> ScreenPower::set(bool on) {
  reap();
  if (on == on_) return problem_.empty() ? core::Result<void>{} : core::fail(problem_);
  on_ = on;
  problem_.clear();
  std::error_code ec;
  for (const auto& dev : std::filesystem::directory_iterator(o_.backlightDir, ec)) {
    const auto path = dev.path() / "bl_power";
    std::ofstream out(path);
    if (out << (on ? "0" : "4") << '\n' << std::flush) continue;
    problem_ = "cannot write " + path.string() + " (" + std::strerror(errno) + "); the screen is blank but lit";
  }
  if (o_.hdmiCec) runCec(on ? "--image-view-on" : "--standby");
  if (!problem_.empty()) return core::fail(problem_);
  return {};
}

void ScreenPower::runCec(const char* what) {
  // `--to 0` is the TV; cec-ctl needs the adapter configured as a playback device first.
  const char* argv[] = {o_.cecCommand.c_str(), "--playback", "--to", "0", what, nullptr};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, const_cast<char* const*>(argv), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) problem_ = "cannot run " + o_.cecCommand + " (" + std::strerror(rc) + "); install v4l-utils for HDMI-CEC";
  else children_.push_back(pid);
}

void ScreenPower::reap() {
  children_.erase(std::remove_if(children_.begin(), children_.end(),
                                 [this](int pid) {
                                   int status = 0;
                                   if (::waitpid(pid, &status, WNOHANG) != pid) return false;
                                   if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
                                     problem_ = o_.cecCommand + " failed; is the screen connected over HDMI with CEC on?";
                                   return true;
                                 }),
                  children_.end());
}

}  // namespace sf::platform
