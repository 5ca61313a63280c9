// Where lines break in the player's text: at spaces only (never after the full stop in "e.V." or
// "z.B."), never between a name and its legal form ("CU e.V.", "Siemens AG"), and inside a word
// at a soft hyphen (U+00AD) or a hyphen when that fills the line, else only when the word is
// wider than the line: then at a hyphen or slash, else between syllables, else where it must,
// with a hyphen drawn.
#pragma once
#include <array>
#include <cstddef>
#include <string_view>

#include "core/show/syllables.hpp"

namespace sf::core {

// U+00AD: where a feed's author allows a long word to break ("Handlungs\u00ADfelder"). Never
// drawn inside a line; drawn as "-" where a line ends at it.
inline constexpr std::string_view kSoftHyphen = "\xC2\xAD";

// A word that belongs to the one before it: a legal form after a name. Trailing punctuation
// ("e.V.,") does not count.
inline bool gluedToPrevious(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ':' || word.back() == ')')) word.remove_suffix(1);
  static constexpr std::array<std::string_view, 12> kForms{"e.V.", "e. V.", "GmbH", "gGmbH", "mbH", "AG", "KG", "eG", "UG", "SE", "Ltd.", "Inc."};
  for (auto f : kForms)
    if (word == f) return true;
  return false;
}

// An address ("berlin.de/industriestadt", "info@example.org") breaks without a drawn hyphen:
// one would read as part of it.
inline bool looksLikeAddress(std::string_view word) {
  return word.find('/') != std::string_view::npos || word.find('@') != std::string_view::npos ||
         word.find("www.") != std::string_view::npos;
}

// The end of the word that `before` (the paragraph up to a line's start) leaves unfinished: a
// line that starts inside a word is still part of it ("" when `before` ends at a space).
inline std::string_view unfinishedWord(std::string_view before) {
  const std::size_t space = before.rfind(' ');
  return space == std::string_view::npos ? before : before.substr(space + 1);
}

// Calls piece(text) for each run of `t` between soft hyphens: what is drawn of it.
template <class Piece>
void forEachVisible(std::string_view t, Piece&& piece) {
  for (std::size_t s = 0;;) {
    const std::size_t shy = t.find(kSoftHyphen, s);
    piece(t.substr(s, shy == std::string_view::npos ? std::string_view::npos : shy - s));
    if (shy == std::string_view::npos) return;
    s = shy + kSoftHyphen.size();
  }
}

// Whether a line that is `t`'s first `at` bytes ends in a hyphen that is not in `t`: at a soft
// hyphen, or cut inside a word that is not an address. `before`: the paragraph before `t`.
inline bool drawnHyphen(std::string_view t, std::size_t at, std::string_view before = {}) {
  std::string_view line = t.substr(0, at);
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  if (line.size() >= kSoftHyphen.size() && line.substr(line.size() - kSoftHyphen.size()) == kSoftHyphen) return true;
  if (line.empty() || at >= t.size() || t[at] == ' ' || line.size() < at) return false;
  if (line.back() == '-' || line.back() == '/') return false;
  const std::size_t wordStart = line.rfind(' ') == std::string_view::npos ? 0 : line.rfind(' ') + 1;
  std::size_t wordEnd = t.find(' ', at);
  if (wordEnd == std::string_view::npos) wordEnd = t.size();
  const bool continues = wordStart == 0 && !unfinishedWord(before).empty();
  return !looksLikeAddress(t.substr(wordStart, wordEnd - wordStart)) && !(continues && looksLikeAddress(unfinishedWord(before)));
}

// The longest start of `word` that ends between two syllables (core/show/syllables.hpp) and is
// at most `room` wide; 0 when none is. `head`: the part of the word on earlier lines, which the
// syllables are found in too. `visible(piece)` is a piece's width as drawn.
template <class Visible>
std::size_t syllablePoint(std::string_view word, std::string_view head, float room, Visible&& visible) {
  constexpr std::size_t kMaxWord = 192, kMaxPoints = 48;
  if (head.size() + word.size() > kMaxWord) return 0;
  char whole[kMaxWord];
  head.copy(whole, head.size());
  word.copy(whole + head.size(), word.size());
  std::size_t points[kMaxPoints];
  const std::size_t n = syllableBreaks(std::string_view(whole, head.size() + word.size()), points, kMaxPoints);
  std::size_t best = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (points[i] <= head.size()) continue;
    const std::size_t part = points[i] - head.size();
    if (visible(word.substr(0, part)) > room) break;
    best = part;
  }
  return best;
}

// The byte offset where a line of `t` that may be `width` wide ends (the caller drops spaces on
// either side of it). `measure(std::string_view)` is the width of a piece of text without soft
// hyphens. Returns at least one character's worth when even that does not fit, so layout always
// moves on. `before`: the paragraph before `t` (a line may start inside a word).
template <class Measure>
std::size_t lineBreak(std::string_view t, float width, Measure&& measure, std::string_view before = {}) {
  auto visible = [&](std::string_view piece) {
    float w = 0;
    forEachVisible(piece, [&](std::string_view run) {
      if (!run.empty()) w += measure(run);
    });
    return w;
  };
  const float space = measure(std::string_view(" "));
  const float hyphen = measure(std::string_view("-"));
  float lineW = 0;
  std::size_t s = 0, previous = std::string_view::npos;  // previous: the line's last word start
  auto nextChar = [&](std::size_t i) {
    ++i;
    while (i < t.size() && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) ++i;
    return i;
  };
  // The longest start of `word` up to a soft hyphen or a hyphen that fits in `room` (with the
  // hyphen a soft one draws); 0 when none does.
  auto hyphenPoint = [&](std::string_view word, float room) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
      std::size_t after = 0;
      float extra = 0;
      if (word.substr(i, kSoftHyphen.size()) == kSoftHyphen) after = i + kSoftHyphen.size(), extra = hyphen;
      else if (word[i] == '-' && i > 0) after = i + 1;
      if (after == 0 || after >= word.size()) continue;
      if (visible(word.substr(0, after)) + extra > room) break;
      best = after;
    }
    return best;
  };
  while (s < t.size()) {
    std::size_t end = t.find(' ', s);
    if (end == std::string_view::npos) end = t.size();
    const std::string_view word = t.substr(s, end - s);
    const float w = visible(word);
    if (lineW + w > width) {
      // A legal form goes to the next line with its name, unless the name starts the line.
      if (s > 0 && gluedToPrevious(word) && previous != std::string_view::npos && previous > 0) return previous;
      // The word's first part at its soft hyphen or hyphen, when that fills this line.
      if (const std::size_t part = hyphenPoint(word, width - lineW); part > 0) return s + part;
      if (s > 0) return s;
      // One word wider than the line: its longest start that ends between two syllables and
      // fits with the hyphen drawn after it; an address (which gets no hyphen) or a word with no
      // such start: as much of it as fits, ending at a slash if any.
      const bool address = looksLikeAddress(word) || looksLikeAddress(unfinishedWord(before));
      if (!address)
        if (const std::size_t part = syllablePoint(word, unfinishedWord(before), width - hyphen, visible); part > 0) return part;
      const float tail = address ? 0 : hyphen;
      std::size_t cut = 0, slash = 0;
      while (cut < word.size()) {
        const std::size_t next = nextChar(cut);
        const bool last = next >= word.size();
        if (visible(word.substr(0, next)) + (last ? 0 : tail) > width) break;
        if (word[cut] == '/') slash = next;
        cut = next;
      }
      const std::size_t at = slash > 0 && slash < word.size() ? slash : cut;
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
