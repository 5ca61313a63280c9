// Files for the rest of the program: bounded reads and atomic writes that survive a power cut.
// Errors come back as plain-worded strings, never exceptions.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace sf::platform {

// Reads at most `maxBytes`; a larger file is refused without reading it whole (error kind
// "too-large"). Other errors say what went wrong in plain words.
core::Result<std::string> readFile(const std::string& path, std::size_t maxBytes);

// Writes to a temporary file beside `path`, fsyncs it, renames it over `path` and fsyncs the
// directory, so after a power cut the file holds either the old or the new content.
core::Result<void> writeFileAtomic(const std::string& path, std::string_view content, unsigned mode = 0644);

// Appends `content` to `path` (created with `mode` when missing) in one write and fsyncs it: an
// audit log's line is on disk before the action it records is answered.
core::Result<void> appendFileSynced(const std::string& path, std::string_view content, unsigned mode = 0600);

}  // namespace sf::platform
