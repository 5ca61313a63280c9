// Reading a feed from a path or URL in one call, for the tools: paths go through files.cpp,
// URLs through the same fetch() the screens use, so limits and TLS rules are the same.
#include "source.hpp"

#include "files.hpp"
#include "http.hpp"

namespace sf::platform {

bool isUrl(const std::string& s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("file://");
}

SourceResult readSource(const std::string& pathOrUrl, std::size_t maxBytes) {
  SourceResult r;
  if (!isUrl(pathOrUrl)) {
    auto f = readFile(pathOrUrl, maxBytes);
    r.content = std::move(f.content);
    r.error = std::move(f.error);
    r.tooLarge = f.tooLarge;
    return r;
  }
  FetchRequest req;
  req.url = pathOrUrl;
  req.maxBytes = maxBytes;
  auto res = fetch(req);
  r.httpStatus = res.status;
  r.tooLarge = res.error == FetchError::TooLarge;
  if (!res.ok()) {
    r.error = res.message;
    return r;
  }
  r.content = std::move(res.body);
  return r;
}

}  // namespace sf::platform
