// The body estimate for the check: words laid out greedily by characters, as a screen's lines
// break, with an average width per character standing in for the font's measure.
#include "core/feed/slide_text.hpp"

namespace sf::core {
namespace {

std::size_t codePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Lines one line of text (no line breaks) takes at `width` characters.
std::size_t wrapLines(std::string_view line, std::size_t width) {
  if (width == 0) width = 1;
  std::size_t lines = 1, used = 0, pos = 0;
  while (pos < line.size()) {
    const std::size_t start = line.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    std::size_t word = codePoints(line.substr(start, end - start));
    const std::size_t need = used ? used + 1 + word : word;
    if (need <= width) {
      used = need;
    } else if (used == 0) {  // a word longer than the line is cut
      lines += (word - 1) / width;
      used = word % width ? word % width : width;
    } else {
      ++lines;
      lines += word > width ? (word - 1) / width : 0;
      used = word > width ? (word % width ? word % width : width) : word;
    }
    pos = end;
  }
  return lines;
}

}  // namespace

double estimateBodyLines(std::string_view body, std::size_t lineChars) {
  double total = 0;
  std::size_t blocks = 0;
  forEachTextBlock(body, [&](const TextBlock& b) {
    const std::size_t width = b.item && lineChars > 2 ? lineChars - 2 : lineChars;
    std::size_t pos = 0;
    while (pos <= b.text.size()) {
      std::size_t eol = b.text.find('\n', pos);
      if (eol == std::string_view::npos) eol = b.text.size();
      total += static_cast<double>(wrapLines(b.text.substr(pos, eol - pos), width));
      pos = eol + 1;
    }
    ++blocks;
  });
  return total + (blocks > 1 ? static_cast<double>(blocks - 1) * kTextBlockGap : 0);
}

}  // namespace sf::core
