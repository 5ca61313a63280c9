// Reading a feed from a path or URL in one call, for the tools: paths go through files.cpp,
// URLs through the same fetch() the screens use, so limits and TLS rules are the same.
#include "source.hpp"

#include "files.hpp"
#include "http.hpp"

namespace sf::platform {

bool isUrl(const std::string& s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("file://");
}

core::Result<std::string> readSource(const std::string& pathOrUrl, std::size_t maxBytes) {
  if (!isUrl(pathOrUrl)) return readFile(pathOrUrl, maxBytes);
  FetchRequest req;
  req.url = pathOrUrl;
  req.maxBytes = maxBytes;
  auto res = fetch(req);
  if (!res) return core::Unexpected{res.error()};
  return std::move(res->body);
}

}  // namespace sf::platform
