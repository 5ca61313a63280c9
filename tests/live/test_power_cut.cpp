// Power cuts while the cache is being written: a writer process is killed with SIGKILL at
// random moments, again and again, and the cache must always hold one complete, valid feed.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <thread>

#include "core/feed/parse.hpp"
#include "live_support.hpp"
#include "live/feed_cache.hpp"

namespace {

pid_t startWriter(const std::string& dir) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(SF_CACHE_WRITER, SF_CACHE_WRITER, dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  return pid;
}

}  // namespace

TEST_CASE("SIGKILL while writing never leaves a broken cache", "[live][power-cut]") {
  sf::test::TempDir dir;
  // How long the writer takes from start to its first complete cache: kills are spread around
  // that, so they land mid-write on a fast machine and under sanitizers alike.
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t seed = startWriter(dir.path);
  REQUIRE(seed > 0);
  while (!std::filesystem::exists(sf::live::cacheFilePath(dir.path))) std::this_thread::sleep_for(std::chrono::microseconds(200));
  const auto first = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0).count();
  ::kill(seed, SIGKILL);
  ::waitpid(seed, nullptr, 0);

  std::mt19937 rng(12345);
  std::uniform_int_distribution<long> delayUs(first / 2, first * 4);
  int killedMidWrite = 0;
  for (int round = 0; round < 150; ++round) {
    const pid_t pid = startWriter(dir.path);
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(std::chrono::microseconds(delayUs(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFSIGNALED(status));

    // Leftover temp files show a write was cut off; start-up clears them, the cache is whole.
    killedMidWrite += sf::live::removeStaleTemporaries(dir.path);
    const auto cached = sf::live::loadCachedFeed(dir.path);
    REQUIRE(cached);
    const auto parsed = sf::core::parseFeed(cached->text, "cache");
    REQUIRE(parsed.feed);
    CHECK(parsed.feed->revision >= 10);
  }
  WARN("rounds cut off mid-write: " << killedMidWrite << " of 150 (first write after " << first << " us)");
  CHECK(killedMidWrite > 0);  // the test did hit writes in progress
}
