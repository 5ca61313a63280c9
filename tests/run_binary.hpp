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

// The command line of a test: `schaufenster` and `args`.
inline Run run(const std::string& args) { return runBinary(args); }

}  // namespace sf::test

namespace sf::test {

// Runs `script` with bash (for ulimit and traps around the binary); exitCode is -1 when the
// program was killed by a signal.
inline Run runShell(const std::string& script) {
  std::string quoted = "'";
  for (char c : script) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  Run r;
  FILE* p = ::popen(("bash -c " + quoted + " 2>&1").c_str(), "r");
  if (!p) throw std::runtime_error("cannot start bash");
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.exitCode = WIFEXITED(status) && WEXITSTATUS(status) < 128 ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace sf::test
