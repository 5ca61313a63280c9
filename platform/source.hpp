// Fetching a feed from wherever an organiser points: a local path, file://, http:// or https://.
// Blocking and bounded; the live-feed worker builds on the same calls off the UI thread.
#pragma once
#include <cstddef>
#include <string>

#include "core/base/result.hpp"

namespace sf::platform {

bool isUrl(const std::string& s);  // http://, https:// or file://

// Reads a path or URL, refusing anything larger than `maxBytes` while it downloads.
// TLS certificates are always verified. Errors in plain words ("could not find the server",
// "HTTP 404" …); one over the size has the kind "too-large".
core::Result<std::string> readSource(const std::string& pathOrUrl, std::size_t maxBytes);

}  // namespace sf::platform
