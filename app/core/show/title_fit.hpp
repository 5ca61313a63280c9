// Fitting a title to its box on the type scale: a title that would be cut short or broken inside
// a word takes the next smaller step of the scale when that holds it whole, before either happens.
#pragma once
#include <cstddef>
#include <string_view>

#include "core/show/line_break.hpp"

namespace sf::core {

// How `t` lays out at one size: its lines (at most the limit), whether it was cut short, and
// whether a line ends inside a word (not at a space, a hyphen, a slash or a soft hyphen).
struct LineFit {
  int lines = 0;
  bool cut = false;
  bool wordBroken = false;
  bool clean() const { return !cut && !wordBroken; }
};

// Lays `t` out as the views draw it: paragraphs at '\n', each in lines by lineBreak, at most
// `maxLines` (0: any number). `measure(piece)` is a piece's width at the size in question.
template <class Measure>
LineFit fitLines(std::string_view t, float width, int maxLines, Measure&& measure) {
  LineFit f;
  std::size_t s = 0;
  while (s < t.size()) {
    std::size_t paraEnd = t.find('\n', s);
    if (paraEnd == std::string_view::npos) paraEnd = t.size();
    const std::string_view para = t.substr(s, paraEnd - s);
    std::size_t p = 0;
    do {
      const std::string_view rest = para.substr(p);
      std::size_t at = rest.empty() ? 0 : lineBreak(rest, width, measure, para.substr(0, p));
      if (at == 0 && !rest.empty()) at = 1;
      std::size_t next = p + at;
      while (next < para.size() && para[next] == ' ') ++next;
      ++f.lines;
      const bool more = next < para.size() || paraEnd < t.size();
      if (maxLines > 0 && f.lines == maxLines && more) {
        f.cut = true;
        return f;
      }
      if (at < rest.size() && rest[at] != ' ' && rest[at - 1] != ' ') {
        const std::string_view line = rest.substr(0, at);
        const bool atMark = line.back() == '-' || line.back() == '/' ||
                            (line.size() >= kSoftHyphen.size() && line.substr(line.size() - kSoftHyphen.size()) == kSoftHyphen);
        f.wordBroken = f.wordBroken || !atMark;
      }
      p = next;
    } while (p < para.size());
    s = paraEnd < t.size() ? paraEnd + 1 : t.size();
  }
  return f;
}

// One step of the type scale a title may be set in: its font size and how many lines its box
// holds at that size (0: any).
struct FitStep {
  float size = 0;
  int maxLines = 0;
};

// The step (index into `steps`, largest first) to set `t` in at `width`: the first that holds it
// whole with no word broken inside; else the first that holds it whole (breaking a word); else
// the last, which shows the most of it. `measureAt(size, piece)` is a piece's width at a size.
// The caller offers only steps legible from the screen's viewing distance.
template <class MeasureAt>
std::size_t chooseFitStep(std::string_view t, float width, const FitStep* steps, std::size_t n, MeasureAt&& measureAt) {
  if (n == 0) return 0;
  std::size_t whole = n;
  for (std::size_t i = 0; i < n; ++i) {
    const float size = steps[i].size;
    const LineFit f = fitLines(t, width, steps[i].maxLines, [&](std::string_view piece) { return measureAt(size, piece); });
    if (f.clean()) return i;
    if (!f.cut && whole == n) whole = i;
  }
  return whole < n ? whole : n - 1;
}

}  // namespace sf::core
