// A text slide's body as blocks (paragraphs split by a blank line, "- " lines a list), and the
// estimate the check uses to warn when a body will not fit the smallest screen.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string_view>

namespace sf::core {

struct TextBlock {
  std::string_view text;  // without the "- " of a list item; may hold single line breaks
  bool item = false;      // a list item: drawn with a bullet and indented
};

// Calls fn(TextBlock) for each block of `body`, in order, without allocating. A blank line (only
// spaces) ends a paragraph; each "- " line is one list item; other lines belong to the paragraph.
template <class F>
void forEachTextBlock(std::string_view body, F&& fn) {
  std::size_t pos = 0, paraStart = std::string_view::npos, paraEnd = 0;
  auto flush = [&] {
    if (paraStart != std::string_view::npos) fn(TextBlock{body.substr(paraStart, paraEnd - paraStart), false});
    paraStart = std::string_view::npos;
  };
  while (pos <= body.size()) {
    std::size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      flush();
    } else if (line.substr(first, 2) == "- ") {
      flush();
      std::string_view item = line.substr(first + 2);
      item.remove_prefix(std::min(item.find_first_not_of(' '), item.size()));
      if (!item.empty()) fn(TextBlock{item, true});
    } else {
      if (paraStart == std::string_view::npos) paraStart = pos + first;
      paraEnd = pos + line.size();
    }
    pos = eol + 1;
  }
  flush();
}

// What the smallest screen (800x480) holds of a body at the text slide's floor size: characters a
// line and lines (a paragraph's gap counts as kTextBlockGap of a line). text_view.cpp sets the
// body so; a render test keeps the two in step.
inline constexpr std::size_t kTextSlideLineChars = 58;
inline constexpr double kTextSlideLines = 11;
inline constexpr double kTextBlockGap = 0.6;

// Lines `body` needs at `lineChars` characters a line (greedy by words, as screens wrap), list
// items indented by two characters, plus the gaps between blocks.
double estimateBodyLines(std::string_view body, std::size_t lineChars = kTextSlideLineChars);

}  // namespace sf::core
