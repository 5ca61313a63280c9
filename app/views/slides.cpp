// Rotation slides by kind: how each kind of slide draws itself. With kSlideKinds in the model
// (name, clock, paging), this table is where a new kind of slide is added.
#include "views.hpp"

namespace sf::views {
namespace {

using DrawSlide = void (*)(const ViewContext& ctx, const Placement& at, std::size_t project, std::size_t page, std::string_view room,
                           const core::PlaylistItem* item);

struct SlideView {
  core::SlideKind kind;
  DrawSlide draw;
};

void spotlight(const ViewContext& ctx, const Placement& at, std::size_t project, std::size_t, std::string_view, const core::PlaylistItem*) {
  drawSpotlight(ctx, at, project);
}
void schedule(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t, std::string_view, const core::PlaylistItem*) { drawSchedule(ctx, at); }
void fields(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t, std::string_view, const core::PlaylistItem*) { drawFields(ctx, at); }
void figures(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t page, std::string_view, const core::PlaylistItem*) {
  drawFigures(ctx, at, page);
}
void room(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t, std::string_view entry, const core::PlaylistItem*) {
  drawRoom(ctx, at, entry);
}
void image(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t, std::string_view, const core::PlaylistItem* item) {
  drawImageSlide(ctx, at, item);
}
void text(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t, std::string_view, const core::PlaylistItem* item) {
  drawTextSlide(ctx, at, item);
}
void sponsors(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t, std::string_view, const core::PlaylistItem* item) {
  drawSponsors(ctx, at, item);
}
void map(const ViewContext& ctx, const Placement& at, std::size_t, std::size_t, std::string_view id, const core::PlaylistItem*) {
  drawMap(ctx, at, id);
}

// In the order of core::kSlideKinds.
constexpr SlideView kSlideViews[] = {
    {core::SlideKind::Spotlight, spotlight},
    {core::SlideKind::Spotlights, spotlight},  // expanded to single spotlights; drawn as one
    {core::SlideKind::Schedule, schedule},
    {core::SlideKind::Fields, fields},
    {core::SlideKind::Figures, figures},
    {core::SlideKind::Room, room},
    {core::SlideKind::Image, image},
    {core::SlideKind::Text, text},
    {core::SlideKind::Sponsors, sponsors},
    {core::SlideKind::Map, map},
};
static_assert(std::size(kSlideViews) == core::kSlideKinds.size(), "every kind of slide has a view");
static_assert([] {
  for (std::size_t i = 0; i < std::size(kSlideViews); ++i)
    if (kSlideViews[i].kind != core::kSlideKinds[i].kind) return false;
  return true;
}(), "kSlideViews follows kSlideKinds' order");

}  // namespace

void drawSlide(const ViewContext& ctx, const Placement& at, core::SlideKind kind, std::size_t project, std::size_t page,
               std::string_view room, const core::PlaylistItem* item) {
  kSlideViews[static_cast<std::size_t>(kind)].draw(ctx, at, project, page, room, item);
}

}  // namespace sf::views
