// UTF-8 is decoded by hand (the feed's scanner has already refused invalid UTF-8, so a broken
// sequence here only comes from tests and is treated as one missing character).
#include "core/feed/text_fit.hpp"

#include <algorithm>

#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

// Decodes one code point at `i` and advances it; U+FFFD for a broken sequence.
char32_t next(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t c = len == 1 ? b : b & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return c;
}

// Decoration that carries no words: pictographs, dingbats, emoji modifiers and their glue.
bool decorative(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0x200D || c == 0x20E3 || (c >= 0xE0000 && c <= 0xE007F) ||
         (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool shownAsIs(char32_t c) { return c == '\n' || c == '\t' || canShow(c); }

}  // namespace

bool canShow(char32_t c) {
  return std::any_of(std::begin(kTextGlyphs), std::end(kTextGlyphs), [c](CodeRange r) { return c >= r.first && c <= r.last; });
}

bool canShowAll(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (!shownAsIs(next(s, i))) return false;
  return true;
}

std::string fitToFont(std::string_view s) {
  if (canShowAll(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool inMissing = false;   // the last thing written is a □
  std::size_t pendingSpaces = 0;  // spaces after a □, kept only if shown text follows
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next(s, i);
    if (decorative(c)) continue;
    if (c == ' ') {
      if (inMissing) ++pendingSpaces;
      else if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (shownAsIs(c)) {
      if (inMissing && pendingSpaces) out += ' ';
      inMissing = false;
      pendingSpaces = 0;
      appendUtf8(out, c);
      continue;
    }
    if (!inMissing) appendUtf8(out, kMissingGlyph);  // one □ stands for the whole run
    inMissing = true;
    pendingSpaces = 0;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  std::size_t lead = 0;
  while (lead < out.size() && out[lead] == ' ') ++lead;
  return out.substr(lead);
}

namespace {

// Calls `text` for every LocalText and `plain` for every plain string a screen shows; const or
// not as the feed is. The one list of what is shown, for fitting, checking and the atlas.
template <class FeedT, class Text, class Plain>
void forEachText(FeedT& feed, Text&& text, Plain&& plain) {
  const auto list = [&](auto& l) {
    for (auto& s : l) plain(s);
  };
  text(feed.title);
  text(feed.source);
  for (auto& f : feed.fields) text(f.name), text(f.summary);
  for (auto& p : feed.projects) {
    text(p.title), text(p.subtitle), text(p.summary), text(p.description), list(p.partners), list(p.tags);
    if (p.funding) list(p.funding->applicants), text(p.funding->programme), plain(p.funding->fundedTitle);
    for (auto& l : p.links) text(l.label);
    if (p.image) text(p.image->alt);
  }
  for (auto& r : feed.rooms) text(r.name), text(r.building), text(r.floor);
  for (auto& t : feed.tracks) text(t.name);
  for (auto& e : feed.events) {
    text(e.title), text(e.subtitle), text(e.description), text(e.place), text(e.room), text(e.organiser);
    for (auto& s : e.speakers) plain(s.name), plain(s.affiliation);
  }
  for (auto& f : feed.figures) text(f.label), text(f.value), text(f.note);
  for (auto& a : feed.announcements) text(a.title), text(a.text);
  for (auto& it : feed.playlist) {
    text(it.caption), text(it.headline), text(it.body);
    if (it.image) text(it.image->alt);
  }
  for (auto& s : feed.sponsors) {
    plain(s.name);
    if (s.logo) text(s.logo->alt);
  }
  for (auto& t : feed.sponsorTiers) text(t.name);
}

std::size_t fit(LocalText& t) {
  auto& values = t.values();
  std::size_t changed = 0;
  for (auto& [lang, text] : values) {
    if (canShowAll(text)) continue;
    // Another language the screen can show beats a row of boxes.
    const auto other = std::find_if(values.begin(), values.end(), [](const auto& v) { return !v.second.empty() && canShowAll(v.second); });
    text = other != values.end() ? other->second : fitToFont(text);
    ++changed;
  }
  return changed;
}

void collect(std::string_view s, std::u32string& out) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = next(s, i);
    if (!inBaseGlyphs(c) && canShow(c)) out.push_back(c);
  }
}

}  // namespace

std::size_t fitFeedToFont(Feed& feed) {
  std::size_t n = 0;
  forEachText(
      feed, [&](LocalText& t) { n += fit(t); },
      [&](std::string& s) {
        if (canShowAll(s)) return;
        s = fitToFont(s);
        ++n;
      });
  return n;
}

bool fitsFont(const Feed& feed) {
  bool fits = true;
  const auto check = [&](const std::string& s) { fits = fits && canShowAll(s); };
  forEachText(
      feed,
      [&](const LocalText& t) {
        for (const auto& [lang, s] : t.values()) check(s);
      },
      check);
  return fits;
}

std::u32string extraGlyphs(const Feed& feed) {
  std::u32string out;
  forEachText(
      feed,
      [&](const LocalText& t) {
        for (const auto& [lang, s] : t.values()) collect(s, out);
      },
      [&](const std::string& s) { collect(s, out); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace sf::core
