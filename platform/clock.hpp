// The wall clock the player runs on: the system clock, optionally shifted so a demo can start
// at a chosen moment (`--at`) and run on from there.
#pragma once
#include <algorithm>
#include <chrono>

#include "core/rotation.hpp"

namespace sf::platform {

class WallClock {
 public:
  WallClock() = default;
  // From now on the clock reads `start`, then advances in real time.
  explicit WallClock(core::Millis start) : offset_(start - system()) {}
  core::Millis now() const { return system() + offset_; }
  // A wall-clock deadline as a steady-clock one, for sleeping.
  std::chrono::steady_clock::time_point toSteady(core::Millis deadline) const {
    const auto left = std::min<std::chrono::milliseconds>(deadline - now(), std::chrono::hours{1});
    return std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(left);
  }

 private:
  static core::Millis system() { return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()); }
  std::chrono::milliseconds offset_{0};
};

}  // namespace sf::platform
