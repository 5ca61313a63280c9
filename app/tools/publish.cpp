// Publishing with POSIX guarantees: files are fsynced before the folder is renamed into place,
// and `current` is replaced by renaming a new symlink over it, which is atomic.
#include "publish.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "platform/files.hpp"

namespace fs = std::filesystem;

namespace sf::tools {
namespace {

void syncDir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

core::Result<void> ensureLink(const std::string& dir, const std::string& name, const std::string& target) {
  const std::string path = dir + "/" + name;
  std::error_code ec;
  if (fs::is_symlink(fs::symlink_status(path, ec)) && fs::read_symlink(path, ec) == target) return {};
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  fs::remove(tmp, ec);
  if (::symlink(target.c_str(), tmp.c_str()) != 0) return core::fail("cannot create link " + tmp + ": " + std::strerror(errno));
  if (::rename(tmp.c_str(), path.c_str()) != 0) return core::fail("cannot replace " + path + ": " + std::strerror(errno));
  return {};
}

// Gives the new release's files a modification time at least a second after the current
// release's: servers whose validators are the time (Last-Modified at one-second resolution,
// nginx's mtime-size ETag) then tell two releases apart even when both land in one second.
core::Result<void> stampAfterCurrent(const std::string& dir, const std::vector<std::string>& files) {
  struct stat current {};
  const time_t now = ::time(nullptr);
  time_t stamp = now;
  if (::stat((dir + "/current/feed.json").c_str(), &current) == 0 && current.st_mtim.tv_sec >= stamp)
    stamp = current.st_mtim.tv_sec + 1;
  const timespec times[2] = {{stamp, 0}, {stamp, 0}};
  for (const auto& f : files) {
    const int fd = ::open(f.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::futimens(fd, times) != 0 || ::fsync(fd) != 0) {
      std::string err = "cannot set the modification time of " + f + ": " + std::strerror(errno);
      if (fd >= 0) ::close(fd);
      return core::fail(std::move(err));
    }
    ::close(fd);
  }
  return {};
}

}  // namespace

std::vector<std::int64_t> publishedRevisions(const std::string& dir) {
  std::vector<std::int64_t> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir + "/releases", ec)) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    // A number past what a revision may be still counts, as the highest: publish then refuses
    // to go on rather than number the next release below it.
    out.push_back(name.size() > 18 ? INT64_MAX : std::stoll(name));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::int64_t> currentRevision(const std::string& dir) {
  std::error_code ec;
  const auto target = fs::read_symlink(dir + "/current", ec);
  if (ec) return std::nullopt;
  const std::string name = target.filename().string();
  if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return name.size() > 18 ? INT64_MAX : std::stoll(name);
}

core::Result<Release> readRelease(const std::string& dir, std::int64_t revision) {
  const std::string base = dir + "/releases/" + std::to_string(revision) + "/feed.json";
  auto feed = platform::readFile(base, 16u << 20);
  if (!feed) return core::Unexpected{feed.error()};
  Release r;
  r.revision = revision;
  r.text = std::move(*feed);
  if (auto sig = platform::readFile(base + ".sig", 4096)) r.signature = std::move(*sig);  // unsigned releases have none
  return r;
}

core::Result<void> publishRelease(const std::string& dir, const Release& release, int keep) {
  std::error_code ec;
  fs::create_directories(dir + "/releases", ec);
  if (ec) return core::fail("cannot create " + dir + "/releases: " + ec.message());
  // One publisher at a time: a second one waits rather than interleaving releases.
  const int lockFd = ::open((dir + "/.publish.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lockFd < 0) return core::fail("cannot lock " + dir + ": " + std::strerror(errno));
  ::flock(lockFd, LOCK_EX);
  struct Unlock {
    int fd;
    ~Unlock() { ::close(fd); }
  } unlock{lockFd};

  const std::string name = std::to_string(release.revision);
  const std::string final = dir + "/releases/" + name;
  if (fs::exists(final, ec)) return core::fail("revision " + name + " is already published in " + dir);

  // Build the release beside its final place, then rename it in: readers never see it half done.
  const std::string staging = dir + "/releases/.staging-" + name + "-" + std::to_string(::getpid());
  fs::remove_all(staging, ec);
  fs::create_directories(staging, ec);
  if (ec) return core::fail("cannot create " + staging + ": " + ec.message());
  if (auto done = platform::writeFileAtomic(staging + "/feed.json", release.text); !done) return done;
  std::vector<std::string> files{staging + "/feed.json"};
  if (!release.info.empty())  // inside the folder before it is renamed in: the release and its history appear together
    if (auto done = platform::writeFileAtomic(staging + "/release.json", release.info); !done) return done;
  if (!release.signature.empty()) {
    if (auto done = platform::writeFileAtomic(staging + "/feed.json.sig", release.signature); !done) return done;
    files.push_back(staging + "/feed.json.sig");
  }
  if (auto done = stampAfterCurrent(dir, files); !done) return done;
  syncDir(staging);
  if (::rename(staging.c_str(), final.c_str()) != 0) return core::fail("cannot rename " + staging + ": " + std::strerror(errno));
  syncDir(dir + "/releases");

  if (auto done = ensureLink(dir, "current", "releases/" + name); !done) return done;
  if (auto done = ensureLink(dir, "feed.json", "current/feed.json"); !done) return done;
  if (auto done = ensureLink(dir, "feed.json.sig", "current/feed.json.sig"); !done) return done;
  syncDir(dir);

  // Old releases go last, so a failure above never costs the one that was current.
  const auto all = publishedRevisions(dir);
  for (std::size_t i = 0; i + static_cast<std::size_t>(std::max(keep, 1)) < all.size(); ++i)
    if (all[i] != release.revision) fs::remove_all(dir + "/releases/" + std::to_string(all[i]), ec);
  for (const auto& e : fs::directory_iterator(dir + "/releases", ec))  // leftovers of killed runs
    if (e.path().filename().string().rfind(".staging-", 0) == 0 && e.path() != staging) fs::remove_all(e.path(), ec);
  return {};
}

}  // namespace sf::tools
