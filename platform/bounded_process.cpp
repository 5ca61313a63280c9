// fork + execve with limits set in the child before exec (only async-signal-safe calls there: the
// parent may have threads), output read through a pipe with poll() against the deadline.
#include "bounded_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace sf::platform {
namespace {

void setBoundedLimit(int resource, rlim_t value) {
  const rlimit l{value, value};
  ::setrlimit(resource, &l);
}

// Every descriptor above standard error closed in the child: the server's sockets stay the server's.
void closeInheritedDescriptors() {
#ifdef SYS_close_range
  if (::syscall(SYS_close_range, 3u, ~0u, 0u) == 0) return;
#endif
  for (int fd = 3; fd < 4096; ++fd) ::close(fd);
}

}  // namespace

ProcessOutcome runBounded(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                          const std::string& workDir, const ProcessBounds& bounds) {
  ProcessOutcome out;
  if (argv.empty()) return out;
  // Everything the child needs is built before fork: after it, the child may not allocate.
  std::vector<char*> args, env;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  for (const auto& e : environment) env.push_back(const_cast<char*>(e.c_str()));
  env.push_back(nullptr);
  int pipeFds[2];
  if (::pipe2(pipeFds, O_CLOEXEC) != 0) return out;
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipeFds[0]);
    ::close(pipeFds[1]);
    return out;
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);  // the server blocks SIGTERM in its threads; a child must not inherit that
#if !defined(__SANITIZE_ADDRESS__)
    // Not in an AddressSanitizer build: its shadow memory reserves terabytes of address space,
    // so the child (this same program) could not even start under the bound.
    setBoundedLimit(RLIMIT_AS, bounds.memoryBytes);
#endif
    setBoundedLimit(RLIMIT_CPU, bounds.cpuSeconds);
    setBoundedLimit(RLIMIT_FSIZE, bounds.fileBytes);
    setBoundedLimit(RLIMIT_CORE, 0);
    const int devNull = ::open("/dev/null", O_RDONLY);
    if (devNull < 0 || ::dup2(devNull, 0) < 0 || ::dup2(pipeFds[1], 1) < 0 || ::dup2(pipeFds[1], 2) < 0) ::_exit(126);
    closeInheritedDescriptors();
    if (::chdir(workDir.c_str()) != 0) ::_exit(126);
    ::execve(args[0], args.data(), env.data());
    ::_exit(127);
  }
  ::close(pipeFds[1]);
  out.started = true;
  const auto deadline = std::chrono::steady_clock::now() + bounds.timeout;
  bool open = true;
  while (open) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      out.timedOut = true;
      break;
    }
    pollfd p{pipeFds[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    char buf[4096];
    const ssize_t n = ::read(pipeFds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) open = false;
    else if (out.output.size() < bounds.maxOutput)
      out.output.append(buf, std::min(static_cast<std::size_t>(n), bounds.maxOutput - out.output.size()));
  }
  ::close(pipeFds[0]);
  // Its output closed: it has ended or is about to. A child that closed its output and hangs on
  // is still bounded by the deadline.
  int status = 0;
  while (!out.timedOut) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return out;
    if (std::chrono::steady_clock::now() >= deadline) out.timedOut = true;
    else ::usleep(20000);
  }
  if (out.timedOut) {
    ::kill(-pid, SIGKILL);  // the group: whatever it started goes too
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return out;
  }
  if (WIFEXITED(status)) out.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) out.signal = WTERMSIG(status);
  return out;
}

}  // namespace sf::platform
