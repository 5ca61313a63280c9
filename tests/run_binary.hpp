// Runs the real `schaufenster` binary (SF_BINARY, set by CMake) as an organiser would and
// captures what it prints and its exit code; shared by the command-line tests.
#pragma once
#include <sys/wait.h>

#include <cstdio>
#include <stdexcept>
#include <string>

namespace sf::test {

struct Run {
  int exitCode = -1;
  std::string out;  // standard output and standard error together
};

inline Run runBinary(const std::string& args) {
  Run r;
  const std::string cmd = std::string(SF_BINARY) + " " + args + " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot start " + cmd);
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace sf::test
