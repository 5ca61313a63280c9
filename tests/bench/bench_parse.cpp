// Parse+validate timings: the embedded feed and synthetic feeds of 1,000 and 10,000 events.
// Prints wall-clock min/median/max over repeated runs; built with the tests, run on demand.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/feed/parse.hpp"
#include "embedded.hpp"
#include "synthetic_feed.hpp"

namespace {

void measure(const char* name, const std::string& text, int runs) {
  std::vector<double> ms;
  std::size_t diagnostics = 0;
  bool valid = true;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = sf::core::parseFeed(text, name);
    const auto t1 = std::chrono::steady_clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    diagnostics = r.diagnostics.size();
    valid = valid && r.feed.has_value();
  }
  std::sort(ms.begin(), ms.end());
  std::printf("%-28s %9.1f KiB %6d runs  min %8.3f ms  median %8.3f ms  max %8.3f ms  %s, %zu findings\n", name, text.size() / 1024.0, runs,
              ms.front(), ms[ms.size() / 2], ms.back(), valid ? "valid" : "INVALID", diagnostics);
}

}  // namespace

int main(int argc, char** argv) {
  const int scale = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
  std::printf("parse + validate, wall clock on this machine (%s build)\n",
#ifdef NDEBUG
              "optimised"
#else
              "debug"
#endif
  );
  measure("embedded MPI feed", std::string(sf::assets::defaultFeedJson()), 200 * scale);
  measure("1,000 events, 100 projects", sf::bench::syntheticFeed(1000, 100), 20 * scale);
  measure("10,000 events, 1,000 projects", sf::bench::syntheticFeed(10000, 1000), 5 * scale);
  return 0;
}
