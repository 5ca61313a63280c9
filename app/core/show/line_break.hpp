// Where lines break in the player's text: at spaces only (never after the full stop in "e.V." or
// "z.B."), never between a name and its legal form ("CU e.V.", "Siemens AG"), and inside a word
// only when it is wider than the line, after a hyphen or slash where it has one.
#pragma once
#include <array>
#include <cstddef>
#include <string_view>

namespace sf::core {

// A word that belongs to the one before it: a legal form after a name. Trailing punctuation
// ("e.V.,") does not count.
inline bool gluedToPrevious(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ':' || word.back() == ')')) word.remove_suffix(1);
  static constexpr std::array<std::string_view, 12> kForms{"e.V.", "e. V.", "GmbH", "gGmbH", "mbH", "AG", "KG", "eG", "UG", "SE", "Ltd.", "Inc."};
  for (auto f : kForms)
    if (word == f) return true;
  return false;
}

// The byte offset where a line of `t` that may be `width` wide ends (the caller drops spaces on
// either side of it). `measure(std::string_view)` is the width of a piece of text. Returns at
// least one character's worth when even that does not fit, so layout always moves on.
template <class Measure>
std::size_t lineBreak(std::string_view t, float width, Measure&& measure) {
  const float space = measure(std::string_view(" "));
  float lineW = 0;
  std::size_t s = 0, previous = std::string_view::npos;  // previous: the line's last word start
  auto nextChar = [&](std::size_t i) {
    ++i;
    while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
    return i;
  };
  while (s < t.size()) {
    std::size_t end = t.find(' ', s);
    if (end == std::string_view::npos) end = t.size();
    const std::string_view word = t.substr(s, end - s);
    const float w = measure(word);
    if (lineW + w > width) {
      // A legal form goes to the next line with its name, unless the name starts the line.
      if (s > 0 && gluedToPrevious(word) && previous != std::string_view::npos && previous > 0) return previous;
      if (s > 0) return s;
      // One word wider than the line: as much of it as fits, ending at a hyphen or slash if any.
      std::size_t cut = 0, soft = 0;
      while (cut < word.size()) {
        const std::size_t next = nextChar(cut);
        if (measure(word.substr(0, next)) > width) break;
        if (word[cut] == '-' || word[cut] == '/') soft = next;
        cut = next;
      }
      const std::size_t at = soft > 0 && soft < word.size() ? soft : cut;
      return at > 0 ? at : nextChar(0);
    }
    lineW += w;
    previous = s;
    s = end;
    while (s < t.size() && t[s] == ' ') {
      lineW += space;
      ++s;
    }
  }
  return t.size();
}

}  // namespace sf::core
