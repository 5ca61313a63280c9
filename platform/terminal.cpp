// termios on /dev/tty rather than stdin: a password prompt still reaches the person when the
// program's output is redirected, and standard input stays free for --password-stdin.
#include "terminal.hpp"

#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sf::platform {
namespace {

constexpr std::size_t kMaxSecret = 4096;

// Reads up to a newline from `fd`; false at a read error or when the line is too long.
bool readLine(int fd, std::string& out, std::size_t maxBytes, bool& ended) {
  char c;
  ended = false;
  while (true) {
    const ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) return false;  // Ctrl+C: give up, the caller restores the terminal
    if (n < 0) return false;
    if (n == 0) return !out.empty() || ended;
    if (c == '\n') {
      ended = true;
      break;
    }
    if (out.size() >= maxBytes) return false;
    out += c;
  }
  if (!out.empty() && out.back() == '\r') out.pop_back();
  return true;
}

}  // namespace

core::Result<std::string> readSecretFromTerminal(const std::string& prompt) {
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0) return core::fail("no terminal to ask for the password on; pass it on standard input with --password-stdin");
  termios before{};
  if (::tcgetattr(fd, &before) != 0) {
    ::close(fd);
    return core::fail(std::string("cannot read the terminal's settings: ") + std::strerror(errno));
  }
  termios quiet = before;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  quiet.c_lflag |= ECHONL;
  // Ctrl+C while echo is off must not leave the terminal silent: SIGINT is held back while we read,
  // and the read returns when it arrives (no SA_RESTART), so the settings are always restored.
  struct sigaction ignore{}, oldInt{};
  ignore.sa_handler = [](int) {};
  sigemptyset(&ignore.sa_mask);
  ::sigaction(SIGINT, &ignore, &oldInt);
  ::tcsetattr(fd, TCSAFLUSH, &quiet);
  [[maybe_unused]] const ssize_t w = ::write(fd, prompt.data(), prompt.size());
  std::string line;
  bool ended = false;
  const bool ok = readLine(fd, line, kMaxSecret, ended);
  ::tcsetattr(fd, TCSAFLUSH, &before);
  ::sigaction(SIGINT, &oldInt, nullptr);
  ::close(fd);
  if (!ok) return core::fail("no password read (interrupted, or longer than 4096 bytes)");
  return line;
}

core::Result<std::string> readLineFromStdin(std::size_t maxBytes) {
  std::string line;
  bool ended = false;
  if (!readLine(STDIN_FILENO, line, maxBytes, ended)) return core::fail("no password on standard input (or longer than " + std::to_string(maxBytes) + " bytes)");
  return line;
}

}  // namespace sf::platform
