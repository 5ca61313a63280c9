// sd_notify messages for systemd's Type=notify units and their watchdog. libsystemd does the
// socket work (abstract namespace, credentials); it is a no-op when NOTIFY_SOCKET is unset.
#include "service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <string>

namespace sf::platform {

ServiceNotifier::ServiceNotifier() {
  std::uint64_t usec = 0;
  // 0: keep WATCHDOG_USEC in the environment so a re-exec would see it too; the value is per PID
  // (WATCHDOG_PID), so children started later do not inherit a watchdog they never ping.
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) interval_ = std::chrono::microseconds{usec};
}

void ServiceNotifier::ready(std::string_view status) {
  std::string msg = "READY=1\nSTATUS=";
  msg += status;
  sd_notify(0, msg.c_str());
  last_ = Clock::now();
  if (watchdogEnabled()) sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::alive(Clock::time_point now) {
  if (!watchdogEnabled() || now - last_ < interval_ / 2) return;
  sd_notify(0, "WATCHDOG=1");
  last_ = now;
}

ServiceNotifier::Clock::time_point ServiceNotifier::nextPing() const {
  if (!watchdogEnabled()) return Clock::time_point::max();
  return last_ + std::chrono::duration_cast<Clock::duration>(interval_ / 2);
}

void ServiceNotifier::stopping() { sd_notify(0, "STOPPING=1"); }

}  // namespace sf::platform
