// Powers the screen down while it is dark by schedule: the panel backlight through sysfs (the
// official Raspberry Pi touch display and most DSI panels) and, if asked, an HDMI screen via CEC.
#pragma once
#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace sf::platform {

class ScreenPower {
 public:
  struct Options {
    std::string backlightDir = "/sys/class/backlight";
    bool hdmiCec = false;
    std::string cecCommand = "cec-ctl";  // from v4l-utils; run without waiting for it
  };
  explicit ScreenPower(Options options);
  ~ScreenPower();
  ScreenPower(const ScreenPower&) = delete;
  ScreenPower& operator=(const ScreenPower&) = delete;

  // Idempotent: only a change is sent to the hardware. Never blocks on the CEC bus, so a CEC
  // command that failed is reported by the next call. The error: what could not be done (no
  // permission, no cec-ctl …).
  core::Result<void> set(bool on);
  bool on() const { return on_; }
  // The same error, kept until the next change; empty when all went well.
  const std::string& problem() const { return problem_; }

 private:
  void runCec(const char* what);
  void reap();

  Options o_;
  bool on_ = true;
  std::string problem_;
  std::vector<int> children_;  // cec-ctl processes not yet reaped
};

}  // namespace sf::platform
