// The organiser documentation names every import format with an example command (the guide, the
// manual page and `import --help`), and the guide's sync config is the shipped example and valid.
#include <catch2/catch.hpp>

#include <regex>

#include "core/import/formats.hpp"
#include "core/import/sync_rules.hpp"
#include "fixtures.hpp"
#include "run_binary.hpp"

namespace {

// An example command for `format` in `text`: a line that runs `schaufenster import` with it.
bool hasExample(const std::string& text, std::string_view format) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {  // the manual page escapes hyphens as "\-"
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '-') continue;
    plain += text[i];
  }
  const std::regex line("schaufenster import[^\n]* --format " + std::string(format) + "( |\n|$)");
  return std::regex_search(plain, line);
}

}  // namespace

TEST_CASE("the guide, the manual page and import --help give every format an example command", "[docs]") {
  const std::string guide = sf::test::readText(sf::test::sourcePath("assets/feed-format.md"));
  std::string page = sf::test::readText(sf::test::sourcePath("assets/package/schaufenster.1"));
  page = std::regex_replace(page, std::regex("\\\\f[BIR]"), "");
  const auto help = sf::test::runBinary("import --help");
  REQUIRE(help.exitCode == 0);
  const auto summary = sf::test::runBinary("--help");
  for (const auto& f : sf::core::importFormats()) {
    INFO(f.id);
    CHECK(hasExample(guide, f.id));
    CHECK(hasExample(page, f.id));
    CHECK(hasExample(help.out, f.id));
  }
  // The command table's summary names the formats too.
  for (const char* name : {"schedule.xml", "schedule2", "Sessionize", "Indico", "iCalendar", "CAP", "CSV"}) {
    INFO(name);
    CHECK_THAT(summary.out, Catch::Contains(name));
  }
}

TEST_CASE("the guide's sync config is the shipped example, and it is valid", "[docs][sync]") {
  const std::string guide = sf::test::readText(sf::test::sourcePath("assets/feed-format.md"));
  const std::string example = sf::test::readText(sf::test::sourcePath("assets/examples/sync.example.json"));
  CHECK(guide.find("## Keeping screens in step with your schedule") != std::string::npos);
  CHECK(guide.find("```json\n" + example + "```") != std::string::npos);
  const auto r = sf::core::parseSyncConfig(example);
  REQUIRE(r.config);
  CHECK(r.diagnostics.empty());
  CHECK(r.config->sources.size() == 2);
  CHECK(r.config->sources[0].pollSeconds == 30);
}
