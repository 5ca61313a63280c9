// A strict JSON scanner that runs before the DOM parser: syntax, UTF-8, depth and duplicate keys,
// each reported with line, column and JSON pointer; and a second pass that locates pointers.
#pragma once
#include <cstddef>
#include <string_view>

#include "core/base/diagnostic.hpp"

namespace sf::core {

struct ScanLimits {
  int maxDepth = 64;  // deeper nesting is refused: no feed needs it, and it protects recursion
};

struct TextPosition {
  int line = 1;
  int column = 1;
};

// Checks `text` against RFC 8259 plus our rules. Syntax errors stop the scan (one error);
// duplicate keys are collected. Diagnostics carry no file name: the caller adds it.
Diagnostics scanJson(std::string_view text, const ScanLimits& limits = {});

// For every diagnostic with a pointer and no line yet, finds that value in `text` (which must
// have passed scanJson) and fills in line and column. A pointer that names a missing member
// falls back to its nearest existing ancestor.
void locatePointers(std::string_view text, Diagnostics& ds);

TextPosition positionAt(std::string_view text, std::size_t offset);

// The one skipper for text that passed scanJson (the feed's pointers, the import's splice):
// the offset just after the value that starts at `pos`, and the first offset at or after `pos`
// that is not JSON whitespace.
std::size_t skipJsonValue(std::string_view text, std::size_t pos);
std::size_t skipJsonSpace(std::string_view text, std::size_t pos);

}  // namespace sf::core
