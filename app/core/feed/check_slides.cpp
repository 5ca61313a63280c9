// Checks of the organiser's own slides (image, text, sponsors) and the sponsors they show: every
// tier named is defined, and every slide has something a visitor can read while a picture fails.
#include <algorithm>
#include <cstdio>
#include <string>

#include "core/base/text_util.hpp"
#include "core/feed/check.hpp"
#include "core/feed/slide_text.hpp"

namespace sf::core {
namespace {

std::string tierList(const Feed& feed) {
  std::vector<std::string> ids;
  for (const auto& t : feed.sponsorTiers) ids.push_back(t.id);
  return ids.empty() ? "none (add /sponsorTiers)" : join(ids);
}

bool knownTier(const Feed& feed, std::string_view id) {
  return std::any_of(feed.sponsorTiers.begin(), feed.sponsorTiers.end(), [&](const SponsorTier& t) { return t.id == id; });
}

}  // namespace

void checkOwnSlides(const Feed& feed, Diagnostics& out) {
  for (std::size_t i = 0; i < feed.sponsors.size(); ++i) {
    const Sponsor& s = feed.sponsors[i];
    const std::string base = "/sponsors/" + std::to_string(i);
    if (!s.tier.empty() && !knownTier(feed, s.tier))
      report(out, Severity::Error, base + "/tier", "unknown sponsor tier " + quoteShort(s.tier) + "; the feed defines: " + tierList(feed));
  }
  for (std::size_t i = 0; i < feed.playlist.size(); ++i) {
    const PlaylistItem& it = feed.playlist[i];
    if (it.seconds < 0) continue;  // skipped: a slide kind from a newer format
    const std::string base = "/playlist/" + std::to_string(i);
    if (it.kind == SlideKind::Image && it.image && it.caption.empty() && it.image->alt.empty())
      report(out, Severity::Warning, base + "/image",
             "the picture has neither \"alt\" nor a \"caption\"; while it loads, or if it cannot be shown, the slide can say only the feed's title");
    if (it.kind == SlideKind::Text) {
      for (const auto& [lang, text] : it.body.values()) {
        const double lines = estimateBodyLines(text);
        if (lines <= kTextSlideLines) continue;
        char buf[160];
        std::snprintf(buf, sizeof buf, "the \"%s\" body needs about %.0f lines on the smallest screen (800x480), which holds %.0f; ",
                      lang.c_str(), lines, kTextSlideLines);
        report(out, Severity::Warning, base + "/body" + (it.body.values().size() > 1 || lang != feed.languages.front() ? "/" + lang : ""),
               std::string(buf) + "it is set in smaller type there and cut off with \u2026; shorten it or split it over two slides");
      }
    }
    if (it.kind == SlideKind::Sponsors) {
      if (!it.tier.empty() && !knownTier(feed, it.tier)) {
        report(out, Severity::Error, base + "/tier", "unknown sponsor tier " + quoteShort(it.tier) + "; the feed defines: " + tierList(feed));
      } else if (std::none_of(feed.sponsors.begin(), feed.sponsors.end(), [&](const Sponsor& s) { return it.tier.empty() || s.tier == it.tier; })) {
        report(out, Severity::Warning, base + "/slide",
               it.tier.empty() ? std::string("a sponsors slide, but the feed has no /sponsors; it is skipped")
                               : "no sponsor of tier " + quoteShort(it.tier) + "; the slide is skipped");
      }
    }
  }
}

}  // namespace sf::core
