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

ReadResult readFile(const std::string& path, std::size_t maxBytes) {
  ReadResult r;
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) {
    r.error = errnoText("cannot open", path);
    return r;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    r.error = path + " is a directory, not a file";
    return r;
  }
  if (::fstat(f.fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > maxBytes) {
    r.tooLarge = true;
    r.error = path + " is " + std::to_string(st.st_size) + " bytes; the limit is " + std::to_string(maxBytes);
    return r;
  }
  std::string data;
  char buf[65536];
  while (true) {
    const ssize_t n = ::read(f.fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      r.error = errnoText("cannot read", path);
      return r;
    }
    if (n == 0) break;
    if (data.size() + static_cast<std::size_t>(n) > maxBytes) {  // pipes and growing files
      r.tooLarge = true;
      r.error = path + " is larger than the limit of " + std::to_string(maxBytes) + " bytes";
      return r;
    }
    data.append(buf, static_cast<std::size_t>(n));
  }
  r.content = std::move(data);
  return r;
}

std::string writeFileAtomic(const std::string& path, std::string_view content, unsigned mode) {
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    Fd f{::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)};
    if (f.fd < 0) return errnoText("cannot create", tmp);
    std::size_t done = 0;
    while (done < content.size()) {
      const ssize_t n = ::write(f.fd, content.data() + done, content.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        const std::string err = errnoText("cannot write", tmp);
        ::unlink(tmp.c_str());
        return err;
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(f.fd) != 0) {
      const std::string err = errnoText("cannot sync", tmp);
      ::unlink(tmp.c_str());
      return err;
    }
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string err = errnoText("cannot rename to", path);
    ::unlink(tmp.c_str());
    return err;
  }
  Fd d{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (d.fd >= 0) ::fsync(d.fd);  // makes the rename itself durable
  return {};
}

}  // namespace sf::platform
