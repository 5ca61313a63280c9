// The wall clock the player runs on: the system clock, optionally shifted so a demo can start
// at a chosen moment (`--at`) and run on from there, in real time or faster.
#pragma once
#include <algorithm>
#include <chrono>

#include "core/base/time.hpp"

namespace sf::platform {

// The system clock to the second: what organiser commands and feed stamps count in.
inline core::Instant systemSeconds() {
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

class WallClock {
 public:
  WallClock() = default;
  // From now on the clock reads `start`, then advances in real time, or `speed` times faster
  // (the soak test lives through a week of rotation in minutes).
  explicit WallClock(core::Millis start, int speed = 1)
      : start_(start), realStart_(std::chrono::steady_clock::now()), shifted_(true), speed_(std::max(1, speed)) {}
  core::Millis now() const {
    if (!shifted_) return system();
    return start_ + std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - realStart_) * speed_;
  }
  // A wall-clock deadline as a steady-clock one, for sleeping.
  std::chrono::steady_clock::time_point toSteady(core::Millis deadline) const {
    const auto left = std::min<std::chrono::milliseconds>(deadline - now(), std::chrono::hours{1}) / speed_;
    return std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(left);
  }

 private:
  static core::Millis system() { return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()); }
  core::Millis start_{};
  std::chrono::steady_clock::time_point realStart_{};
  bool shifted_ = false;
  int speed_ = 1;
};

}  // namespace sf::platform
