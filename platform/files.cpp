// POSIX file access: open/read with a size bound, and the temp-fsync-rename-fsync sequence.
// Kept in platform/ so the core never touches the file system.
#include "files.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sf::platform {
namespace {

std::string errnoText(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

core::Result<std::string> readFile(const std::string& path, std::size_t maxBytes) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) return core::fail(errnoText("cannot open", path));
  struct stat st {};
  if (::fstat(f.fd, &st) == 0 && S_ISDIR(st.st_mode)) return core::fail(path + " is a directory, not a file");
  if (::fstat(f.fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > maxBytes)
    return core::failAs("too-large", path + " is " + std::to_string(st.st_size) + " bytes; the limit is " + std::to_string(maxBytes));
  std::string data;
  char buf[65536];
  while (true) {
    const ssize_t n = ::read(f.fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return core::fail(errnoText("cannot read", path));
    }
    if (n == 0) break;
    if (data.size() + static_cast<std::size_t>(n) > maxBytes)  // pipes and growing files
      return core::failAs("too-large", path + " is larger than the limit of " + std::to_string(maxBytes) + " bytes");
    data.append(buf, static_cast<std::size_t>(n));
  }
  return data;
}

core::Result<void> writeFileAtomic(const std::string& path, std::string_view content, unsigned mode) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    Fd f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)};
    if (f.fd < 0) return core::fail(errnoText("cannot create", tmp));
    std::size_t done = 0;
    while (done < content.size()) {
      const ssize_t n = ::write(f.fd, content.data() + done, content.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        std::string err = errnoText("cannot write", tmp);
        ::unlink(tmp.c_str());
        return core::fail(std::move(err));
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(f.fd) != 0) {
      std::string err = errnoText("cannot sync", tmp);
      ::unlink(tmp.c_str());
      return core::fail(std::move(err));
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string err = errnoText("cannot rename to", path);
    ::unlink(tmp.c_str());
    return core::fail(std::move(err));
  }
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd >= 0) ::fsync(d.fd);  // makes the rename itself durable
  return {};
}

core::Result<void> appendFileSynced(const std::string& path, std::string_view content, unsigned mode) {
  Fd f{::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode)};
  if (f.fd < 0) return core::fail(errnoText("cannot open", path));
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(f.fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return core::fail(errnoText("cannot write", path));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(f.fd) != 0) return core::fail(errnoText("cannot sync", path));
  return {};
}

}  // namespace sf::platform
