// A process that keeps replacing the feed cache as fast as it can, for the power-cut test: the
// test kills it with SIGKILL at random moments and checks what is left on disk.
#include <cstdio>
#include <string>

#include "core/feed_fixture.hpp"
#include "live/feed_cache.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: sf_cache_writer DIR\n");
    return 2;
  }
  // Feeds of different sizes, so a torn write could not pass for a complete one by accident.
  const std::string small = sf::test::kBaseFeed;
  const std::string large = sf::test::replaced(small, "\"Kurz.\"", "\"" + std::string(60000, 'x') + "\"");
  for (long i = 0;; ++i) {
    const std::string& body = i % 2 ? large : small;
    const std::string text = sf::test::replaced(body, "\"revision\": 3", "\"revision\": " + std::to_string(i + 10));
    if (!sf::live::saveCachedFeed(argv[1], {"https://example.invalid/feed.json", text, "", "", ""})) return 1;
  }
}
