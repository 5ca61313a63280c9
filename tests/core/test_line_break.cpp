// Line breaks as visitors read them: at spaces, never inside "e.V.", never between a name and
// its legal form, and inside a word only when it cannot fit, at its hyphen or slash.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/show/line_break.hpp"

using namespace sf::core;

namespace {

// Every character 10 wide: a line of `width` holds width / 10 characters.
std::vector<std::string> lines(std::string_view t, float width) {
  auto measure = [](std::string_view s) {
    float n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // characters, not bytes
    return n * 10;
  };
  std::vector<std::string> out;
  while (!t.empty()) {
    std::size_t at = lineBreak(t, width, measure);
    std::string_view line = t.substr(0, at);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    out.emplace_back(line);
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

TEST_CASE("a word wider than the line breaks at its hyphen, else where it must") {
  CHECK(lines("MPI-Projektmittel", 100) == std::vector<std::string>{"MPI-", "Projektmit", "tel"});
  CHECK(lines("berlin.de/industriestadt", 120) == std::vector<std::string>{"berlin.de/", "industriesta", "dt"});
  CHECK(lines("Ä", 5) == std::vector<std::string>{"Ä"});  // nothing fits: one character still moves on
  CHECK(lines("", 100).empty());
}
