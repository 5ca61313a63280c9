// Prometheus' own checker on our metrics text: `promtool check metrics` (Debian's prometheus
// package) parses the exposition format and lints names, units, HELP and TYPE lines.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace sf::test {

struct PromtoolRun {
  int exitCode = -1;   // 0: parsed and no lint problem; -1: promtool could not be run
  std::string output;  // what promtool said (empty when all is well)
};

inline bool havePromtool() { return ::access("/usr/bin/promtool", X_OK) == 0; }

inline PromtoolRun promtoolCheck(const std::string& metricsText) {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "sf-metrics-XXXXXX").string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return {};
  ::close(fd);
  std::ofstream(tmpl, std::ios::binary) << metricsText;
  PromtoolRun r;
  FILE* p = ::popen(("/usr/bin/promtool check metrics < " + tmpl + " 2>&1").c_str(), "r");
  if (p) {
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.output.append(buf, n);
    const int status = ::pclose(p);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  fs::remove(tmpl);
  return r;
}

}  // namespace sf::test
