// Running another program with bounds: a time limit, an address-space and CPU-time limit, a
// private working folder and a small environment; its output kept up to a size. An OS adapter.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace sf::platform {

struct ProcessBounds {
  std::chrono::milliseconds timeout{60000};      // wall clock; then the whole process group is killed
  std::uint64_t memoryBytes = 1024ull << 20;     // RLIMIT_AS: a runaway allocation fails in the child
  unsigned cpuSeconds = 120;                     // RLIMIT_CPU
  std::uint64_t fileBytes = 256ull << 20;        // RLIMIT_FSIZE: no file it writes grows past this
  std::size_t maxOutput = 16 * 1024;             // of standard output and error together; the rest is dropped
};

struct ProcessOutcome {
  bool started = false;
  bool timedOut = false;
  int exitCode = -1;   // when it exited
  int signal = 0;      // when a signal ended it
  std::string output;  // standard output and error, up to maxOutput
  bool ok() const { return started && !timedOut && signal == 0 && exitCode == 0; }
};

// Runs argv[0] (a path, not looked up in PATH) with `argv` and exactly `environment` ("NAME=value"),
// in `workDir`, standard input from /dev/null, in its own process group. Blocks until it ends or
// its time is up; safe to call from any thread.
ProcessOutcome runBounded(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                          const std::string& workDir, const ProcessBounds& bounds);

}  // namespace sf::platform
