// What `serve` answers from a published folder: only what `publish` and `pack` write (feeds,
// signatures, images), never dotfiles, key files or anything a symlink leads to outside it.
#pragma once
#include <sys/stat.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "platform/http_server.hpp"

namespace sf::tools {

using platform::HttpRequest;
using platform::HttpResponse;

class PublishedFolder {
 public:
  // `root` must exist; it is resolved once, so a later rename of a parent does not widen it.
  explicit PublishedFolder(const std::string& root);
  const std::string& root() const { return root_; }

  // GET and HEAD only; a content ETag answers an unchanged poll with 304; one byte range at most.
  HttpResponse answer(const HttpRequest& request);

 private:
  std::string etagOf(int fd, const struct stat& st);

  std::string root_;
  std::mutex mutex_;
  // Content hashes by file identity: releases are written once and never changed in place.
  std::map<std::tuple<std::uint64_t, std::uint64_t, std::int64_t, std::int64_t, std::int64_t>, std::string> etags_;
};

// Why a request path is not served ("" when it may be): the rule it breaks, in plain words.
std::string refusePath(const std::string& path);

}  // namespace sf::tools
