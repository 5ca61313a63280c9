// The sponsors slide: a heading, then the logos by tier (tier names as quiet headings), each on a
// white card, sized by core::layoutSponsors so every logo weighs the same; a logo that cannot be
// shown leaves the sponsor's name set in type on its card.
#include <algorithm>
#include <cmath>

#include "core/show/sponsor_layout.hpp"
#include "core/show/ui_text.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::Rect;

namespace {

constexpr core::Rgb kCard{255, 255, 255};
constexpr core::Rgb kCardText{17, 20, 24};

// The sponsors of one group in the feed's order: a tier's, or (tier "") those without one.
template <class F>
void eachSponsor(const core::Feed& feed, std::string_view tier, F&& fn) {
  for (const core::Sponsor& s : feed.sponsors)
    if (s.tier == tier) fn(s);
}

}  // namespace

void drawSponsors(const ViewContext& ctx, const Placement& at, const core::PlaylistItem* item) {
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const core::Feed& feed = ctx.feed;
  const std::string& lang = ctx.state.language;
  const Rect area = l.content;

  const std::string_view filter = item ? std::string_view(item->tier) : std::string_view();
  const std::string_view heading = item && !item->headline.empty() ? std::string_view(item->headline.in(lang))
                                                                     : std::string_view(core::ui(core::Ui::SponsorsThanks, lang));
  const float titleH = pen.size(FontRole::Title);
  drawLine(pen, area.x, area.y + l.gap * 0.3f, area.w, heading, {FontRole::Title, pen.pal.text});

  // Groups: the tiers in their order (or the one the slide asks for), then sponsors without one.
  // Only tiers that have sponsors take a rank, so the highest shown is always full size.
  std::vector<std::string_view> tiers;
  if (!filter.empty()) tiers.push_back(filter);
  else
    for (const core::SponsorTier& t : feed.sponsorTiers) tiers.push_back(t.id);
  if (filter.empty()) tiers.push_back({});
  std::vector<core::SponsorGroupSpec> groups(tiers.size());
  std::size_t rank = 0;
  for (std::size_t g = 0; g < tiers.size(); ++g) {
    eachSponsor(feed, tiers[g], [&](const core::Sponsor& s) {
      const FeedImage* im = s.logo ? feedImage(ctx, s.logo->src) : nullptr;
      groups[g].aspects.push_back(im ? static_cast<float>(im->width) / static_cast<float>(im->height) : 0.f);
    });
    if (groups[g].aspects.empty()) continue;
    groups[g].scale = core::sponsorTierScale(rank++);
    groups[g].heading = !tiers[g].empty() && !feed.sponsorTiers.empty();
  }
  const float small = pen.size(FontRole::Small);
  const float headingH = std::round(small + l.gap * 0.6f);
  const float gridTop = area.y + titleH + l.gap * 1.4f;
  const core::SponsorGrid grid = core::layoutSponsors({area.x, gridTop, area.w, area.bottom() - gridTop}, groups, std::round(l.gap * 0.6f), headingH);

  for (std::size_t g = 0; g < tiers.size(); ++g) {
    if (grid.headings[g].empty()) continue;
    const core::SponsorTier* tier = nullptr;
    for (const auto& t : feed.sponsorTiers)
      if (t.id == tiers[g]) tier = &t;
    if (tier) {
      const float w = std::min(textWidth(pen, FontRole::Small, tier->name.in(lang)), area.w);
      drawLine(pen, area.x + (area.w - w) * 0.5f, grid.headings[g].y, area.w, tier->name.in(lang), {FontRole::Small, pen.pal.muted});
    }
  }
  // Each cell's sponsor: the n-th of its group, in the order the groups were filled.
  auto sponsorOf = [&](const core::SponsorCell& c) {
    const core::Sponsor* sponsor = nullptr;
    std::size_t n = 0;
    eachSponsor(feed, tiers[c.group], [&](const core::Sponsor& s) {
      if (n++ == c.index) sponsor = &s;
    });
    return sponsor;
  };
  // Names set in type share one size per tier, the largest at which each fits its card in two lines.
  FontRole nameRole[8];
  std::fill(std::begin(nameRole), std::end(nameRole), FontRole::Title);
  for (const core::SponsorCell& c : grid.cells) {
    const core::Sponsor* sponsor = sponsorOf(c);
    if (!sponsor || (sponsor->logo && feedImage(ctx, sponsor->logo->src)) || c.group >= 8) continue;
    const Rect inner = c.cell.inset(std::round(c.cell.h * 0.12f));
    FontRole role = FontRole::Small;
    for (const FontRole r : {FontRole::Title, FontRole::Heading, FontRole::Body}) {
      const int lines = countLines(pen, {r}, inner.w, sponsor->name);
      if (lines <= 2 && (lines - 1) * std::round(pen.size(r) * 1.15f) + pen.size(r) <= inner.h) {
        role = r;
        break;
      }
    }
    nameRole[c.group] = std::max(nameRole[c.group], role);  // a later role is a smaller size
  }
  for (const core::SponsorCell& c : grid.cells) {
    const core::Sponsor* sponsor = sponsorOf(c);
    if (!sponsor) continue;
    pen.rect(c.cell, kCard, l.radius * 0.6f);
    if (const FeedImage* im = sponsor->logo ? feedImage(ctx, sponsor->logo->src) : nullptr) {
      pen.dl->AddImage(reinterpret_cast<ImTextureID>(im->texture), pen.pos(c.logo.x, c.logo.y), pen.pos(c.logo.right(), c.logo.bottom()),
                       {0, 0}, {1, 1}, pen.color({255, 255, 255}));
      continue;
    }
    // The name in type, as large as the card allows: the logo's stand-in.
    const Rect inner = c.cell.inset(std::round(c.cell.h * 0.12f));
    const FontRole role = c.group < 8 ? nameRole[c.group] : FontRole::Small;
    const TextStyle s{role, kCardText, 1.15f, 2, true};
    const int lines = countLines(pen, s, inner.w, sponsor->name, 2);
    const float h = (lines - 1) * lineHeightPx(pen, s) + pen.size(role);
    drawText(pen, {inner.x, std::round(inner.y + (inner.h - h) * 0.5f), inner.w, h + 1}, sponsor->name, s);
  }
}

}  // namespace sf::views
