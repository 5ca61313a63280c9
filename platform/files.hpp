// Files for the rest of the program: bounded reads and atomic writes that survive a power cut.
// Errors come back as plain-worded strings, never exceptions.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sf::platform {

struct ReadResult {
  std::optional<std::string> content;
  std::string error;  // set when content is empty: what went wrong, in plain words
  bool tooLarge = false;
};

// Reads at most `maxBytes`; a larger file is refused without reading it whole.
ReadResult readFile(const std::string& path, std::size_t maxBytes);

// Writes to a temporary file beside `path`, fsyncs it, renames it over `path` and fsyncs the
// directory, so after a power cut the file holds either the old or the new content.
// Returns an empty string on success, else the error.
std::string writeFileAtomic(const std::string& path, std::string_view content, unsigned mode = 0644);

}  // namespace sf::platform
