// Long titles on small screens: a word too long for its line breaks between syllables, and a
// title that would be cut or broken inside a word takes the next smaller step of the type scale.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/show/line_break.hpp"
#include "core/show/syllables.hpp"
#include "core/show/title_fit.hpp"

using namespace sf::core;

namespace {

// `word` with a "-" at each place syllableBreaks allows.
std::string hyphenated(std::string_view word) {
  std::size_t at[32];
  const std::size_t n = syllableBreaks(word, at, 32);
  std::string out;
  std::size_t from = 0;
  for (std::size_t i = 0; i < n; ++i) {
    out.append(word.substr(from, at[i] - from)).append("-");
    from = at[i];
  }
  return out.append(word.substr(from));
}

// Every character `size` / 2 wide (a rough sans at that size): widths scale with the size.
float charsWide(float size, std::string_view s) {
  float n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n * size * 0.5f;
}

// The lines of `t` as drawn in lines `width` wide with every character 10 wide.
std::vector<std::string> linesAt(std::string_view t, float width) {
  auto measure = [](std::string_view s) { return charsWide(20, s); };
  std::vector<std::string> out;
  const std::string_view whole = t;
  while (!t.empty()) {
    const std::string_view before = whole.substr(0, whole.size() - t.size());
    const std::size_t at = lineBreak(t, width, measure, before);
    std::string line(t.substr(0, at));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (drawnHyphen(t, at, before)) line += '-';
    out.push_back(line);
    t.remove_prefix(at);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  }
  return out;
}

}  // namespace

TEST_CASE("words break between syllables: one consonant to the next, clusters whole", "[line-break][title-fit]") {
  CHECK(hyphenated("Leichtbautechnologien") == "Leicht-bau-tech-no-lo-gien");
  CHECK(hyphenated("Rahmenbedingungen") == "Rah-men-be-din-gun-gen");
  CHECK(hyphenated("Wissenschaft") == "Wis-sen-schaft");
  CHECK(hyphenated("Kunststoff") == "Kunst-stoff");
  // A compound's linking s ends its first word ("Qualitäts-offensive", not "Qualität-soffensive").
  CHECK(hyphenated("Qualitätsoffensive") == "Qua-li-täts-of-fen-sive");
  CHECK(hyphenated("Prüfungsordnung") == "Prü-fungs-ord-nung");
  CHECK(hyphenated("Innovationsabend") == "In-no-va-tions-abend");
  CHECK(hyphenated("Wohnungsbau") == "Woh-nungs-bau");  // before a consonant the rule was right already
  CHECK(hyphenated("Rätsel") == "Rät-sel");              // no such ending: the s opens the syllable
  CHECK(hyphenated("Leistungen") == "Leis-tun-gen");
  CHECK(hyphenated("Gespräch") == "Ge-spräch");
  CHECK(hyphenated("Industrie") == "In-dus-trie");
  CHECK(hyphenated("Zucker") == "Zu-cker");
  CHECK(hyphenated("Qualität") == "Qua-li-tät");
  CHECK(hyphenated("abstrakt") == "ab-strakt");
  CHECK(hyphenated("Digitalisierung") == "Di-gi-ta-li-sie-rung");
  CHECK(hyphenated("manufacturing") == "ma-nu-fac-tu-ring");
  CHECK(hyphenated("ÜBERGREIFEND") == "ÜBERGREIFEND");  // capitals throughout: an acronym or a shout
  // Never between two vowels, never leaving one or two letters alone at an end.
  CHECK(hyphenated("Bauindustrie") == "Bauin-dus-trie");
  CHECK(hyphenated("Idee") == "Idee");
  CHECK(hyphenated("Abend") == "Abend");
  // Only inside runs of letters: "4.0" and the hyphen's neighbours are left alone.
  CHECK(hyphenated("KMU") == "KMU");
  CHECK(hyphenated("MPI-Projektmittel") == "MPI-Pro-jekt-mit-tel");
  CHECK(hyphenated("Industrie-4.0") == "In-dus-trie-4.0");
}

TEST_CASE("a word wider than its line breaks at a syllable that fits, else where it must", "[line-break][title-fit]") {
  // 10 characters a line: "Leichtbautechnolog-ien" would have cut inside a syllable.
  CHECK(linesAt("Leichtbautechnologien", 100) == std::vector<std::string>{"Leichtbau-", "technolo-", "gien"});
  CHECK(linesAt("Neue Leichtbautechnologien", 160) == std::vector<std::string>{"Neue", "Leichtbautechno-", "logien"});
  CHECK(linesAt("Kunststoff", 60) == std::vector<std::string>{"Kunst-", "stoff"});
  // No syllable fits the line ("Kunst-" needs 6): as much as fits, with a hyphen drawn.
  CHECK(linesAt("Kunststoff", 30).front() == "Ku-");
  // An address still breaks at its slash, with no hyphen.
  CHECK(linesAt("berlin.de/industriestadt", 120) == std::vector<std::string>{"berlin.de/", "industriesta", "dt"});
}

TEST_CASE("fitLines counts lines, cuts and words broken inside", "[title-fit]") {
  auto m = [](std::string_view s) { return charsWide(20, s); };
  const LineFit two = fitLines("Neue Werkstoffe für Berlin", 160, 0, m);
  CHECK(two.lines == 2);
  CHECK(two.clean());
  const LineFit cut = fitLines("Neue Werkstoffe für die Berliner Industrie", 160, 2, m);
  CHECK(cut.lines == 2);
  CHECK(cut.cut);
  const LineFit broken = fitLines("Leichtbautechnologien", 130, 0, m);
  CHECK(broken.wordBroken);
  CHECK_FALSE(broken.cut);
  // A break at the text's own hyphen is no broken word.
  const LineFit own = fitLines("MPI-Projektmittel", 140, 0, m);
  CHECK(own.lines == 2);
  CHECK(own.clean());
  CHECK(fitLines("eins\nzwei", 200, 0, m).lines == 2);
  CHECK(fitLines("eins\nzwei", 200, 1, m).cut);
}

TEST_CASE("a title takes the next smaller step before it is cut or broken inside a word", "[title-fit]") {
  auto at = [](float size, std::string_view s) { return charsWide(size, s); };
  // Two lines of a 400 px box: at 40 px 20 characters a line, at 32 px 25.
  const FitStep steps[] = {{40, 2}, {32, 2}};
  // Fits at the first step: it stays there.
  CHECK(chooseFitStep("Neue Werkstoffe für Berlin", 400, steps, 2, at) == 0);
  // Cut at 40 px (three lines), whole at 32 px.
  const std::string_view longer = "Neue Werkstoffe und Verfahren für die Berliner Industrie";
  CHECK(fitLines(longer, 400, 2, [&](std::string_view s) { return at(40, s); }).cut);
  CHECK(chooseFitStep(longer, 400, steps, 2, at) == 1);
  // A word wider than the line at 40 px (22 characters) but not at 32 px.
  CHECK(chooseFitStep("Leichtbautechnologiens Zukunft", 400, steps, 2, at) == 1);
  // Cut at either step: the smaller shows more of it.
  CHECK(chooseFitStep("Ein sehr langer Titel, der auf keiner Stufe in zwei Zeilen passt, so sehr man sich bemüht", 400, steps, 2, at) == 1);
  // Whole at the first step only by breaking a word, cut at the second: breaking beats cutting.
  const FitStep tight[] = {{40, 3}, {32, 1}};
  CHECK(chooseFitStep("Leichtbautechnologiens Zukunft", 400, tight, 2, at) == 0);
  // One step only (the next is below what the viewing distance allows): that one.
  CHECK(chooseFitStep(longer, 400, steps, 1, at) == 0);
}
