// Tells the service manager (systemd) how the player is: ready once content is on screen, alive
// on every turn of the main loop, stopping at the end. Outside systemd every call does nothing.
#pragma once
#include <chrono>
#include <string_view>

namespace sf::platform {

class ServiceNotifier {
 public:
  using Clock = std::chrono::steady_clock;

  // Reads NOTIFY_SOCKET and WATCHDOG_USEC (through libsystemd) once.
  ServiceNotifier();

  bool watchdogEnabled() const { return interval_.count() > 0; }
  // The watchdog's timeout: a ping must reach systemd within this much of the previous one.
  std::chrono::microseconds watchdogInterval() const { return interval_; }

  // READY=1 with a status line: called after the first frame is presented, so "started" means
  // the screen shows content.
  void ready(std::string_view status);
  // WATCHDOG=1 when half the interval has passed since the last ping. Called only from the main
  // loop, after a frame or a wake-up, so a hung loop stops the pings and systemd restarts us.
  void alive(Clock::time_point now);
  // The latest moment the loop must wake to ping in time; Clock::time_point::max() without a watchdog.
  Clock::time_point nextPing() const;
  void stopping();

 private:
  std::chrono::microseconds interval_{0};
  Clock::time_point last_{};
};

}  // namespace sf::platform
