// Fleet store benchmark: the size of a typical report and the time one report takes to be
// recorded in SQLite (WAL, one transaction each), for 1,000 screens reporting in turn.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "tools/fleet_store.hpp"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const int screens = 1000, rounds = argc > 1 ? std::atoi(argv[1]) : 3;
  std::string tmpl = (fs::temp_directory_path() / "sf-bench-fleet-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  auto store = sf::tools::FleetStore::open(dir + "/fleet.db").value();
  sf::core::ScreenReport r;
  r.groups = {"hall-2"};
  r.rooms = {"2.14"};
  r.version = "0.1.0";
  r.feedUrl = "https://fair.example.org/feed.json";
  r.feedId = "campus-fair";
  r.contentAgeSeconds = 1800;
  r.uptimeSeconds = 93600;
  r.framesPerSecond = 1.2;
  r.slowestFrameMs = 14.2;
  r.freeDiskBytes = 11'800'000'000ULL;
  r.temperatureC = 52.3;
  r.throttled = 0;
  std::vector<double> us;
  sf::core::Instant now{std::chrono::seconds{1'800'000'000}};
  for (int round = 0; round < rounds; ++round) {
    for (int i = 0; i < screens; ++i) {
      r.screen = "screen-" + std::to_string(i);
      r.revision = 40 + round;  // every round a new revision: each write also adds a history entry
      const auto t0 = std::chrono::steady_clock::now();
      if (!store->record(r, "10.0.0.1", now)) return 1;
      us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    now += std::chrono::seconds{60};
  }
  std::sort(us.begin(), us.end());
  double sum = 0;
  for (double u : us) sum += u;
  std::printf("report: %zu bytes of JSON\n", sf::core::reportJson(r).size());
  std::printf("store write: %zu writes, mean %.0f us, median %.0f us, p99 %.0f us\n", us.size(), sum / us.size(),
              us[us.size() / 2], us[us.size() * 99 / 100]);
  std::uintmax_t bytes = 0;
  for (const auto& f : fs::directory_iterator(dir)) bytes += f.file_size();
  std::printf("database with wal: %.1f MiB for %d screens\n", bytes / 1048576.0, screens);
  store.reset();
  fs::remove_all(dir);
}
