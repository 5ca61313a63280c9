// Line breaks as visitors read them: at spaces, never inside "e.V.", never between a name and
// its legal form, and inside a word at its soft hyphen or hyphen, between syllables, or where it must, hyphenated.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/show/line_break.hpp"

using namespace sf::core;

namespace {

// Every character 10 wide: a line of `width` holds width / 10 characters. Lines as drawn: soft
// hyphens left out, a hyphen where the line ends at one or inside a word.
std::vector<std::string> lines(std::string_view t, float width) {
  auto measure = [](std::string_view s) {
    float n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // characters, not bytes
    return n * 10;
  };
  std::vector<std::string> out;
  const std::string_view whole = t;
  while (!t.empty()) {
    const std::string_view before = whole.substr(0, whole.size() - t.size());
    std::size_t at = lineBreak(t, width, measure, before);
    std::string_view line = t.substr(0, at);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    std::string drawn;
    forEachVisible(line, [&](std::string_view run) { drawn += run; });
    if (drawnHyphen(t, at, before)) drawn += '-';
    CHECK(measure(drawn) <= std::max(width, 10.f));  // what is drawn fits (one character always goes)
    out.push_back(drawn);
    t.remove_prefix(at);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  }
  return out;
}

}  // namespace

TEST_CASE("lines break at spaces, not after the full stops of an abbreviation") {
  // ImGui's own wrapping would end the first line with "e." here.
  CHECK(lines("ein Projekt des CU e.V., gefördert", 180) == std::vector<std::string>{"ein Projekt des", "CU e.V., gefördert"});
  CHECK(lines("z.B. Leichtbau", 90) == std::vector<std::string>{"z.B.", "Leichtbau"});
}

TEST_CASE("a legal form stays with its name") {
  CHECK(lines("Partner: Siemens AG und andere", 160) == std::vector<std::string>{"Partner:", "Siemens AG und", "andere"});
  CHECK(lines("Partner: Siemens AG", 160) == std::vector<std::string>{"Partner:", "Siemens AG"});
  CHECK(gluedToPrevious("e.V.,"));
  CHECK(gluedToPrevious("GmbH"));
  CHECK_FALSE(gluedToPrevious("Berlin"));
  // A name at the start of a line that cannot hold both: the form goes down alone rather than
  // the layout making no progress.
  CHECK(lines("Technologiestiftung GmbH", 200) == std::vector<std::string>{"Technologiestiftung", "GmbH"});
}

TEST_CASE("a word wider than the line breaks at its hyphen, else between syllables, with a hyphen drawn") {
  CHECK(lines("MPI-Projektmittel", 100) == std::vector<std::string>{"MPI-", "Projekt-", "mittel"});
  // An address gets no hyphen: it would read as part of it.
  CHECK(lines("berlin.de/industriestadt", 120) == std::vector<std::string>{"berlin.de/", "industriesta", "dt"});
  CHECK(lines("Ä", 5) == std::vector<std::string>{"Ä"});  // nothing fits: one character still moves on
  CHECK(lines("", 100).empty());
}

TEST_CASE("a soft hyphen is where a long word breaks, drawn as a hyphen only at a line's end") {
  const std::string shy(kSoftHyphen);
  const std::string word = "Handlungs" + shy + "feld" + shy + "übergreifende";
  // Wide enough: the soft hyphens are not drawn.
  CHECK(lines(word, 300) == std::vector<std::string>{"Handlungsfeldübergreifende"});
  // Narrower than the word: it breaks at the last soft hyphen that fits, with a hyphen drawn.
  CHECK(lines(word, 150) == std::vector<std::string>{"Handlungsfeld-", "übergreifende"});
  CHECK(lines(word, 100) == std::vector<std::string>{"Handlungs-", "feld-", "übergrei-", "fende"});
  // At a line's end, a word's first part fills the line rather than the whole word moving down.
  CHECK(lines("Die " + word + " Ziele", 200) == std::vector<std::string>{"Die Handlungsfeld-", "übergreifende Ziele"});
  CHECK(lines("Die MPI-Projektmittel", 100) == std::vector<std::string>{"Die MPI-", "Projekt-", "mittel"});
}

TEST_CASE("where a drawn hyphen goes") {
  CHECK(drawnHyphen("Projektmittel", 9));           // cut inside a word
  CHECK_FALSE(drawnHyphen("MPI-Projekt", 4));       // after its own hyphen
  CHECK_FALSE(drawnHyphen("ein Projekt", 4));       // at a space
  CHECK_FALSE(drawnHyphen("ein Projekt", 11));      // the text's end
  CHECK_FALSE(drawnHyphen("info@example.org", 6));  // an address
  CHECK(drawnHyphen("Handlungs" "\xC2\xAD" "feld", 11));  // after a soft hyphen
}
