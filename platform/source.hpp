// Fetching a feed from wherever an organiser points: a local path, file://, http:// or https://.
// Blocking and bounded; the live-feed worker builds on the same calls off the UI thread.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

namespace sf::platform {

struct SourceResult {
  std::optional<std::string> content;
  std::string error;  // plain words: "could not resolve host example.org", "HTTP 404", ...
  bool tooLarge = false;
  long httpStatus = 0;
};

bool isUrl(const std::string& s);  // http://, https:// or file://

// Reads a path or URL, refusing anything larger than `maxBytes` while it downloads.
// TLS certificates are always verified.
SourceResult readSource(const std::string& pathOrUrl, std::size_t maxBytes);

}  // namespace sf::platform
