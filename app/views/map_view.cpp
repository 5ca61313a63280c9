// A floor plan of the venue: the feed's map image fit into the slide, its markers as pins with
// labels placed clear of each other, the screen's own place, and the rooms of the talks now and next.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/show/map_layout.hpp"
#include "core/show/ui_text.hpp"
#include "core/show/venue.hpp"
#include "draw.hpp"

namespace sf::views {

using core::FontRole;
using core::MarkerKind;
using core::Rect;
using core::Ui;

// Pin colours by marker kind. White glyphs sit on the darker ones; every label is drawn on its
// own card, so the pins need only stand out from the plan.
core::Rgb markerColor(MarkerKind kind) {
  switch (kind) {
    case MarkerKind::Room: return {94, 140, 255};
    case MarkerKind::Stand: return core::Rgb{255, 196, 77};
    case MarkerKind::Exit:
    case MarkerKind::FirstAid: return {0, 122, 77};  // the ISO 7010 green of escape and rescue signs
    case MarkerKind::Info: return {24, 120, 200};
    case MarkerKind::Toilets: return {120, 80, 200};
    case MarkerKind::Food: return {235, 120, 60};
    default: return {120, 128, 140};
  }
}

namespace {

// "You are here": the red of a location dot, which white text reaches 5.9:1 on.
constexpr core::Rgb kHere{200, 30, 45};
constexpr core::Rgb kLabelText{244, 245, 247};  // labels sit on the plan: dark cards on any base
constexpr core::Rgb kLabelCard{34, 40, 51};

// The glyph inside a pin, where a kind has one that reads at a glance.
const char* glyph(MarkerKind kind) {
  switch (kind) {
    case MarkerKind::Exit: return "\xE2\x86\x92";  // →
    case MarkerKind::Info: return "i";
    case MarkerKind::Toilets: return "WC";
    case MarkerKind::FirstAid: return "+";
    default: return nullptr;
  }
}

void drawPin(const Pen& pen, core::Point c, float r, MarkerKind kind, bool highlighted) {
  const ImVec2 p = pen.pos(c.x, c.y);
  if (highlighted) pen.dl->AddCircleFilled(p, r * 1.75f, pen.color(pen.pal.live, 0.35f), 32);
  pen.dl->AddCircleFilled(p, r + std::max(2.f, r * 0.18f), pen.color(highlighted ? pen.pal.live : core::Rgb{255, 255, 255}), 32);
  pen.dl->AddCircleFilled(p, r, pen.color(markerColor(kind)), 32);
  if (const char* g = glyph(kind)) {
    const FontRole role = FontRole::Small;
    ImFont* f = pen.font(role);
    const float size = std::min(pen.size(role), r * (g[1] && g[0] != '\xE2' ? 1.05f : 1.5f));
    const ImVec2 ts = f->CalcTextSizeA(size, 1e9f, 0, g);
    pen.dl->AddText(f, size, {p.x - ts.x * 0.5f, p.y - ts.y * 0.5f}, pen.color(kind == MarkerKind::Stand ? core::Rgb{17, 20, 24} : core::Rgb{255, 255, 255}), g);
  }
}

void drawHerePin(const Pen& pen, core::Point c, float r, bool glow = true) {
  const ImVec2 p = pen.pos(c.x, c.y);
  if (glow) pen.dl->AddCircleFilled(p, r * 2.2f, pen.color(kHere, 0.25f), 40);
  pen.dl->AddCircleFilled(p, r * 1.25f, pen.color({255, 255, 255}), 32);
  pen.dl->AddCircleFilled(p, r * 0.95f, pen.color(kHere), 32);
}

// A plan without a picture (none in the feed, still loading, broken): a quiet grid, so the
// markers still show where things are relative to each other.
void drawGrid(const Pen& pen, const Rect& r) {
  pen.rect(r, pen.pal.surface, pen.ctx.layout.radius);
  const float step = std::max(24.f, std::min(r.w, r.h) / 8);
  for (float x = r.x + step; x < r.right() - 1; x += step) pen.rect({std::round(x), r.y, 1, r.h}, pen.pal.line);
  for (float y = r.y + step; y < r.bottom() - 1; y += step) pen.rect({r.x, std::round(y), r.w, 1}, pen.pal.line);
}

struct Label {
  std::size_t marker = 0;  // index into the marker views; kHereLabel for "You are here"
  const char* name = nullptr;
  char talk[200] = "";     // "Jetzt 10:00 · Title" for a highlighted room
  char stand[160] = "";    // "A1 · Hanfverbund GmbH" for a stand: `name` then points here
};
constexpr std::size_t kHereLabel = static_cast<std::size_t>(-1);

// The order labels claim space in: where the visitor stands, then the talks on now, then next,
// then rooms, stands and the rest.
int labelRank(const core::MarkerView& v) {
  if (v.now) return 1;
  if (v.next) return 2;
  if (v.marker->kind == MarkerKind::Room) return 3;
  if (v.marker->kind == MarkerKind::Stand) return 4;
  return 5;
}

// The legend: one row per marker kind on the map (a pin and its name), then the talks now and
// next with their rooms while there is room. Returns nothing; records its texts.
void drawLegend(const Pen& pen, const Rect& box, const std::vector<core::MarkerView>& views, bool here, float pinR) {
  const core::Layout& l = pen.ctx.layout;
  const std::string& lang = pen.ctx.state.language;
  const float small = pen.size(FontRole::Small), rowH = std::max(small * 1.6f, pinR * 2.6f);
  float x = box.x, y = box.y;
  auto item = [&](const char* text, auto&& icon) {
    const float w = pinR * 2.6f + textWidth(pen, FontRole::Small, text) + l.gap;
    if (x > box.x && x + w > box.right()) {
      x = box.x;
      y += rowH;
    }
    if (y + rowH > box.bottom()) return;
    icon(core::Point{x + pinR * 1.2f, y + rowH * 0.5f});
    drawLine(pen, x + pinR * 2.6f, y + (rowH - small) * 0.5f, box.right() - x - pinR * 2.6f, text, {FontRole::Small, pen.pal.muted});
    x += w;
  };
  if (here) item(ui(Ui::YouAreHere, lang), [&](core::Point c) { drawHerePin(pen, c, pinR * 0.8f, false); });
  for (int k = 0; k <= static_cast<int>(MarkerKind::Other); ++k) {
    const auto kind = static_cast<MarkerKind>(k);
    if (std::none_of(views.begin(), views.end(), [&](const core::MarkerView& v) { return v.marker->kind == kind; })) continue;
    item(ui(static_cast<Ui>(static_cast<int>(Ui::MarkerRoom) + k), lang), [&](core::Point c) { drawPin(pen, c, pinR * 0.8f, kind, false); });
  }
  y += rowH + l.gap * 0.6f;
  // The talks now and next, in the order of the rooms on the map.
  char when[64], line[200];
  for (int pass = 0; pass < 2; ++pass) {
    bool heading = false;
    for (const core::MarkerView& v : views) {
      const core::Event* e = pass == 0 ? v.now : (v.now ? nullptr : v.next);
      if (!e) continue;
      const TextStyle title{FontRole::Body, pen.pal.text, 1.25f, 2};
      const float titleW = box.w;
      const int lines = countLines(pen, title, titleW, e->title.in(lang), 2);
      const float need = (heading ? 0 : small * 1.6f) + small * 1.45f + lines * lineHeightPx(pen, title) + l.gap * 0.5f;
      if (y + need > box.bottom()) return;
      if (!heading) {
        drawLine(pen, box.x, y, box.w, ui(pass == 0 ? Ui::Now : Ui::Next, lang), {FontRole::Small, pass == 0 ? pen.pal.live : pen.pal.amber});
        y += small * 1.6f;
        heading = true;
      }
      core::formatEventTime(*e, pen.ctx.zone, lang, when, sizeof when);
      std::snprintf(line, sizeof line, "%s \u00B7 %s", when, v.name ? v.name->in(lang).c_str() : "");
      drawLine(pen, box.x, y, box.w, line, {FontRole::Small, pen.pal.muted});
      y += small * 1.45f;
      y += drawText(pen, {box.x, y, titleW, lines * lineHeightPx(pen, title) + 2}, e->title.in(lang), title) + l.gap * 0.5f;
    }
    y += l.gap * 0.4f;
  }
}

}  // namespace

void drawMap(const ViewContext& ctx, const Placement& at, std::string_view mapId) {
  const core::VenueMap* map = ctx.feed.findMap(mapId);
  if (!map && !ctx.feed.maps.empty()) map = &ctx.feed.maps.front();
  if (!map) return;
  const Pen pen(ctx, at);
  const core::Layout& l = ctx.layout;
  const std::string& lang = ctx.state.language;

  // The map's name over the plan; the legend beside it on wide screens, under it on tall ones.
  const float titleH = std::round(pen.size(FontRole::Title) * 1.25f);
  drawLine(pen, l.content.x, l.content.y, l.content.w, map->name.in(lang), {FontRole::Title, pen.pal.text});
  const Rect body{l.content.x, l.content.y + titleH + l.gap * 0.5f, l.content.w, l.content.bottom() - l.content.y - titleH - l.gap * 0.5f};
  const bool side = !l.portrait;
  const float legendW = side ? std::round(std::clamp(body.w * 0.26f, 200.f, 520.f * l.scale)) : body.w;
  const float legendH = side ? body.h : std::round(body.h * 0.26f);
  const Rect legend = side ? Rect{body.right() - legendW, body.y, legendW, body.h} : Rect{body.x, body.bottom() - legendH, body.w, legendH};
  const Rect area = side ? Rect{body.x, body.y, body.w - legendW - l.gap, body.h} : Rect{body.x, body.y, body.w, body.h - legendH - l.gap};

  // The plan: fit with its aspect kept, else the grid over the whole area.
  const FeedImage* image = map->image ? feedImage(ctx, map->image->src) : nullptr;
  Rect plan = image ? core::fitImage(area, static_cast<float>(image->width), static_cast<float>(image->height)) : area;
  Rect legendBox = legend, labelBounds = area;
  if (!side && plan.h < area.h) {  // a tall screen: the plan at the top, the legend right under it
    plan.y = area.y;
    labelBounds.h = plan.h;
    legendBox = {body.x, plan.bottom() + l.gap, body.w, body.bottom() - plan.bottom() - l.gap};
  }
  if (image) {
    pen.rect(plan.inset(-2), pen.pal.line, 4);
    pen.dl->AddImage(reinterpret_cast<ImTextureID>(image->texture), pen.pos(plan.x, plan.y), pen.pos(plan.right(), plan.bottom()), {0, 0}, {1, 1},
                     pen.color({255, 255, 255}));
  } else {
    drawGrid(pen, plan);
  }

  std::vector<core::MarkerView> views;
  core::markersAt(ctx.feed, *map, ctx.now, views);
  const float pinR = std::round(std::max(9.f, 15.f * l.scale));
  const bool here = ctx.here && ctx.here->map == map->id;

  // Pins first (they are what the labels keep clear of); a highlighted room is drawn last, on top.
  std::vector<Rect> pins;
  pins.reserve(views.size() + 1);
  for (int pass = 0; pass < 2; ++pass)
    for (const core::MarkerView& v : views) {
      if (v.highlighted() != (pass == 1)) continue;
      const core::Point c = core::mapPoint(plan, v.marker->x, v.marker->y);
      drawPin(pen, c, pinR, v.marker->kind, v.highlighted());
    }
  for (const core::MarkerView& v : views) {
    const core::Point c = core::mapPoint(plan, v.marker->x, v.marker->y);
    pins.push_back({c.x - pinR, c.y - pinR, 2 * pinR, 2 * pinR});
  }
  core::Point herePoint{};
  if (here) {
    herePoint = core::mapPoint(plan, ctx.here->x, ctx.here->y);
    drawHerePin(pen, herePoint, pinR);
    pins.push_back({herePoint.x - pinR * 1.25f, herePoint.y - pinR * 1.25f, pinR * 2.5f, pinR * 2.5f});
  }

  // Labels: name cards beside the pins, the most important placed first.
  std::vector<Label> labels;
  labels.reserve(views.size() + 1);
  if (here) labels.push_back({kHereLabel, ui(Ui::YouAreHere, lang)});
  for (int rank = 1; rank <= 5; ++rank)
    for (std::size_t i = 0; i < views.size(); ++i) {
      const core::MarkerView& v = views[i];
      if (labelRank(v) != rank) continue;
      Label lb{i, v.name ? v.name->in(lang).c_str() : nullptr};
      if (!lb.name || !*lb.name) continue;
      if (v.marker->kind == MarkerKind::Stand && !v.marker->stand.number.empty()) {  // the number visitors look for
        std::snprintf(lb.stand, sizeof lb.stand, "%s \u00B7 %s", v.marker->stand.number.c_str(), lb.name);
        lb.name = nullptr;
      }
      if (const core::Event* e = v.now ? v.now : v.next) {
        char when[64];
        core::formatEventTime(*e, ctx.zone, lang, when, sizeof when);
        std::snprintf(lb.talk, sizeof lb.talk, "%s %s \u00B7 %s", ui(v.now ? Ui::Now : Ui::Next, lang), when, e->title.in(lang).c_str());
      }
      labels.push_back(lb);
      if (!labels.back().name) labels.back().name = labels.back().stand;
    }
  const FontRole nameRole = l.compact ? FontRole::Small : FontRole::Body;
  const float nameSize = pen.size(nameRole), talkSize = pen.size(FontRole::Small), pad = std::round(nameSize * 0.4f);
  const float maxLabelW = std::min(area.w * 0.45f, nameSize * 16);
  std::vector<core::LabelRequest> requests;
  requests.reserve(labels.size());
  for (const Label& lb : labels) {
    const core::Point a = lb.marker == kHereLabel ? herePoint : core::mapPoint(plan, views[lb.marker].marker->x, views[lb.marker].marker->y);
    const float nameW = std::min(textWidth(pen, nameRole, lb.name), maxLabelW);
    // "You are here" keeps clear of its own larger pin, on the diagonals too.
    core::LabelRequest q{a, nameW + 2 * pad, nameSize + 2 * pad, 0, 0, pinR * (lb.marker == kHereLabel ? 2.1f : 1.6f)};
    if (lb.talk[0]) {
      q.altW = q.w;
      q.altH = q.h;
      q.w = std::max(nameW, std::min(textWidth(pen, FontRole::Small, lb.talk), maxLabelW * 1.3f)) + 2 * pad;
      q.h = nameSize + talkSize * 1.3f + 2 * pad;
    }
    requests.push_back(q);
  }
  std::vector<core::LabelPlacement> placed;
  core::placeLabels(requests, labelBounds, pins, placed);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (!placed[i].shown()) continue;
    const Rect& r = placed[i].rect;
    const Label& lb = labels[i];
    const bool isHere = lb.marker == kHereLabel;
    pen.rect(r, isHere ? kHere : kLabelCard, std::min(l.radius, r.h * 0.3f), isHere ? 1.f : 0.94f);
    drawLine(pen, r.x + pad, r.y + pad, r.w - 2 * pad, lb.name, {nameRole, isHere ? core::Rgb{255, 255, 255} : kLabelText});
    if (lb.talk[0] && !placed[i].alt)
      drawLine(pen, r.x + pad, r.y + pad + nameSize * 1.15f, r.w - 2 * pad, lb.talk,
               {FontRole::Small, views[lb.marker].now ? core::Rgb{255, 150, 150} : core::Rgb{255, 196, 77}});
  }

  drawLegend(pen, legendBox, views, here, pinR);
}

}  // namespace sf::views
