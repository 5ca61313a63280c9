// Paths are checked by name first (a short list of what publish writes), then the opened file's
// real location is checked against the folder, so no symlink or race leads out of it.
#include "published_files.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>

namespace sf::tools {
namespace {

const std::map<std::string, std::string> kTypes = {
    {".json", "application/json"}, {".sig", "application/json"}, {".png", "image/png"}, {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},       {".gif", "image/gif"},        {".webp", "image/webp"}};

std::string extensionOf(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return {};
  std::string ext = name.substr(dot);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

HttpResponse plain(int status, const std::string& text) {
  HttpResponse r;
  r.status = status;
  r.body = text + "\n";
  r.headers = {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-cache"}};
  return r;
}

// "bytes=A-B", "bytes=A-" or "bytes=-N" within `size`; false for anything else.
bool parseRange(const std::string& v, std::uint64_t size, std::uint64_t& first, std::uint64_t& last) {
  if (!v.starts_with("bytes=") || size == 0) return false;
  const std::string spec = v.substr(6);
  const auto dash = spec.find('-');
  if (dash == std::string::npos || spec.find_first_not_of("0123456789-") != std::string::npos || spec.size() > 40) return false;
  const std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
  if (b.find('-') != std::string::npos || (a.empty() && b.empty())) return false;
  if (a.size() > 19 || b.size() > 19) return false;
  if (a.empty()) {  // the last N bytes
    const std::uint64_t n = std::stoull(b);
    if (n == 0) return false;
    first = n >= size ? 0 : size - n;
    last = size - 1;
    return true;
  }
  first = std::stoull(a);
  last = b.empty() ? size - 1 : std::min<std::uint64_t>(std::stoull(b), size - 1);
  return first < size && first <= last;
}

bool etagMatches(const std::string& header, const std::string& etag) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto comma = header.find(',', pos);
    if (comma == std::string::npos) comma = header.size();
    std::string tag = header.substr(pos, comma - pos);
    while (!tag.empty() && tag.front() == ' ') tag.erase(0, 1);
    while (!tag.empty() && tag.back() == ' ') tag.pop_back();
    if (tag.starts_with("W/")) tag.erase(0, 2);
    if (tag == etag || tag == "*") return true;
    pos = comma + 1;
  }
  return false;
}

}  // namespace

std::string refusePath(const std::string& path) {
  if (path.empty() || path.front() != '/') return "not an absolute path";
  if (path.size() > 512) return "longer than 512 characters";
  std::string name;
  std::size_t pos = 1;
  while (true) {
    const auto slash = path.find('/', pos);
    name = path.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    if (name.empty()) return "an empty path segment";
    if (name.front() == '.') return "a hidden name or a parent folder";
    for (const char c : name)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '\\') return "control characters or a backslash";
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  if (name == "feed.json" || name == "feed.json.sig") return {};
  const std::string ext = extensionOf(name);
  if (ext != ".json" && ext != ".sig" && kTypes.count(ext)) return {};
  return "not a feed, signature or image";
}

PublishedFolder::PublishedFolder(const std::string& root) {
  std::error_code ec;
  root_ = std::filesystem::canonical(root, ec).string();
  if (ec) root_ = root;
}

std::string PublishedFolder::etagOf(int fd, const struct stat& st) {
  const auto key = std::make_tuple(static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                                   static_cast<std::int64_t>(st.st_size), static_cast<std::int64_t>(st.st_mtim.tv_sec),
                                   static_cast<std::int64_t>(st.st_mtim.tv_nsec));
  {
    std::lock_guard lock(mutex_);
    if (auto it = etags_.find(key); it != etags_.end()) return it->second;
  }
  crypto_generichash_state h;
  crypto_generichash_init(&h, nullptr, 0, 16);
  std::array<unsigned char, 65536> buf;
  off_t at = 0;
  while (true) {
    const ssize_t n = ::pread(fd, buf.data(), buf.size(), at);
    if (n < 0) return {};
    if (n == 0) break;
    crypto_generichash_update(&h, buf.data(), static_cast<unsigned long long>(n));
    at += n;
  }
  unsigned char out[16];
  crypto_generichash_final(&h, out, sizeof out);
  std::string etag = "\"";
  char hex[3];
  for (unsigned char b : out) {
    std::snprintf(hex, sizeof hex, "%02x", b);
    etag += hex;
  }
  etag += "\"";
  std::lock_guard lock(mutex_);
  if (etags_.size() >= 4096) etags_.clear();  // bounded; hashes are cheap to make again
  etags_[key] = etag;
  return etag;
}

HttpResponse PublishedFolder::answer(const HttpRequest& req) {
  if (req.method != "GET" && req.method != "HEAD") {
    HttpResponse r = plain(405, "only GET and HEAD");
    r.headers.emplace_back("Allow", "GET, HEAD");
    r.headers.emplace_back("Connection", "close");
    return r;
  }
  if (!refusePath(req.path).empty()) return plain(404, "not found");
  const int fd = ::open((root_ + req.path).c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return plain(404, "not found");
  // Where the file really lies, after every symlink: it must be inside the folder.
  char real[4096];
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  const ssize_t n = ::readlink(link.c_str(), real, sizeof real - 1);
  struct stat st {};
  const bool inside = n > 0 && std::string_view(real, static_cast<std::size_t>(n)).starts_with(root_ + "/");
  if (!inside || ::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return plain(404, "not found");
  }
  const std::string etag = etagOf(fd, st);
  HttpResponse r;
  r.headers = {{"ETag", etag}, {"Cache-Control", "no-cache"}, {"Accept-Ranges", "bytes"},
               {"Content-Type", kTypes.at(extensionOf(req.path))}, {"X-Content-Type-Options", "nosniff"}};
  if (!etag.empty() && etagMatches(req.header("If-None-Match"), etag)) {
    ::close(fd);
    r.status = 304;
    return r;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  r.fd = fd;
  r.length = size;
  // One range is honoured; several (or an If-Range) get the whole file, as RFC 9110 allows, so
  // no request can make a reply larger than the file.
  const std::string range = req.header("Range");
  if (!range.empty() && range.find(',') == std::string::npos && req.header("If-Range").empty()) {
    std::uint64_t first = 0, last = 0;
    if (!parseRange(range, size, first, last)) {
      ::close(fd);
      HttpResponse bad = plain(416, "the range lies outside the file");
      bad.headers.emplace_back("Content-Range", "bytes */" + std::to_string(size));
      return bad;
    }
    r.status = 206;
    r.offset = first;
    r.length = last - first + 1;
    r.headers.emplace_back("Content-Range", "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(size));
  }
  return r;
}

}  // namespace sf::tools
