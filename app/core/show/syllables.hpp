// Where a word too long for its line may break inside: between syllables, by the rule German and
// English share (one consonant goes to the next syllable, "ch", "ck", "sch" and "tr"-like onsets stay whole).
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace sf::core {

namespace syllable_detail {

// One letter of a word: its bytes in the text and its lowercase form (Latin-1 letters as code points).
struct WordLetter {
  std::size_t at = 0;    // byte offset in the word
  char32_t lower = 0;    // 0: not a letter
  bool upper = false;
};

// Decodes the letter at byte `i` of `w` (ASCII and the two-byte Latin-1 range); `next` is set past it.
inline WordLetter letterAt(std::string_view w, std::size_t i, std::size_t& next) {
  const auto c = static_cast<unsigned char>(w[i]);
  WordLetter l{i, 0, false};
  next = i + 1;
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') l.lower = c;
    else if (c >= 'A' && c <= 'Z') l.lower = c + 32, l.upper = true;
    return l;
  }
  while (next < w.size() && (static_cast<unsigned char>(w[next]) & 0xC0) == 0x80) ++next;
  if (c == 0xC3 && next == i + 2) {
    const char32_t cp = 0xC0 + (static_cast<unsigned char>(w[i + 1]) & 0x3F);
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) l.lower = cp + 0x20, l.upper = cp != 0xDF;
    else if (cp >= 0xDF && cp != 0xF7) l.lower = cp;
  }
  return l;
}

inline bool isVowel(char32_t c) {
  if (c < 0x80) return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  return c != 0xDF && c != 0xE7 && c != 0xF1 && c != 0xF0 && c != 0xFE;  // ß, ç, ñ, ð, þ are consonants
}

// Consonant groups that open a syllable whole ("Hoch-schule", "Ge-spräch", "In-dus-trie").
inline std::size_t onsetLength(const char32_t* c, std::size_t n) {
  auto is = [&](std::string_view g) {
    if (g.size() > n) return false;
    for (std::size_t k = 0; k < g.size(); ++k)
      if (c[n - g.size() + k] != static_cast<unsigned char>(g[k])) return false;
    return true;
  };
  // Longest first; "st" and "str" only after another consonant ("Kunst-stoff", "ab-strakt",
  // but "Leis-tung", "Indus-trie").
  static constexpr std::array<std::string_view, 3> kThree{"sch", "spr", "spl"};
  for (auto g : kThree)
    if (is(g)) return 3;
  if (n >= 4 && is("str")) return 3;
  static constexpr std::array<std::string_view, 20> kTwo{"ch", "ck", "ph", "th", "sh", "qu", "bl", "br", "cl", "cr",
                                                         "dr", "fl", "fr", "gl", "gr", "kl", "kr", "pl", "pr", "tr"};
  for (auto g : kTwo)
    if (is(g)) return 2;
  if (n >= 3 && is("st")) return 2;
  return 1;
}

// German compounds join at a linking "s" after these endings ("Qualitäts-offensive",
// "Innovations-abend", "Wohnungs-amt"): before a vowel, the s ends the first word rather than
// opening the next syllable. Letters up to the s (excluded) are `c[0..n)`.
inline bool linkingStem(const WordLetter* c, std::size_t n) {
  static constexpr std::array<std::u32string_view, 8> kEndings{U"t\u00e4t", U"ung", U"heit", U"keit", U"schaft", U"ion", U"ling", U"tum"};
  for (auto e : kEndings) {
    if (e.size() > n) continue;
    if (std::equal(e.begin(), e.end(), c + n - e.size(), [](char32_t a, const WordLetter& l) { return a == l.lower; }))
      return true;
  }
  return false;
}

}  // namespace syllable_detail

// Byte offsets inside `word` where it may break between syllables, ascending, into `out` (at
// most `cap`); returns how many. Only inside runs of letters, at least two letters from a run's
// start and three from its end, never in a run with two capitals (an acronym such as "KMU" or
// a name such as "McLaren"), never between two vowels ("Bau-industrie" is not found; neither is
// "Industri-e"), never leaving a syllable of one letter.
inline std::size_t syllableBreaks(std::string_view word, std::size_t* out, std::size_t cap) {
  using namespace syllable_detail;
  constexpr std::size_t kMaxLetters = 96;
  WordLetter letters[kMaxLetters];
  std::size_t n = 0;
  for (std::size_t i = 0, next = 0; i < word.size() && n < kMaxLetters; i = next) {
    letters[n] = letterAt(word, i, next);
    ++n;
  }
  if (n == 0 || n >= kMaxLetters) return 0;
  std::size_t found = 0;
  std::size_t runStart = 0;
  while (runStart < n) {
    while (runStart < n && letters[runStart].lower == 0) ++runStart;
    std::size_t runEnd = runStart;
    std::size_t capitals = 0;
    while (runEnd < n && letters[runEnd].lower != 0) capitals += letters[runEnd++].upper;
    if (capitals > 1) {
      runStart = runEnd;
      continue;
    }
    // Within a run: each stretch of consonants between two vowels breaks before its last onset.
    std::size_t i = runStart, last = runStart;  // `last`: where the syllable being read began
    while (i < runEnd && !isVowel(letters[i].lower)) ++i;
    while (i < runEnd) {
      while (i < runEnd && isVowel(letters[i].lower)) ++i;  // the vowel group
      const std::size_t cStart = i;
      while (i < runEnd && !isVowel(letters[i].lower)) ++i;
      if (i >= runEnd) break;  // no vowel follows: the word's last syllable
      // "qu" before a vowel is a consonant pair: its u counts with the q.
      std::size_t cEnd = i;
      if (cEnd > cStart && letters[cEnd - 1].lower == 'q' && letters[cEnd].lower == 'u') ++cEnd, ++i;
      const std::size_t k = cEnd - cStart;
      if (k == 0) continue;
      char32_t cluster[kMaxLetters];
      for (std::size_t m = 0; m < k; ++m) cluster[m] = letters[cStart + m].lower;
      std::size_t onset = std::min(onsetLength(cluster, k), k);
      if (cluster[k - 1] == 's' && linkingStem(letters + runStart, cEnd - 1 - runStart)) onset = 0;
      const std::size_t at = cEnd - onset;  // the letter the next syllable starts with
      // No syllable of one letter either ("Innovations-abend", not "-a-bend").
      if (at - runStart >= 2 && runEnd - at >= 3 && at - last >= 2 && found < cap) {
        out[found++] = letters[at].at;
        last = at;
      }
    }
    runStart = runEnd;
  }
  return found;
}

}  // namespace sf::core
