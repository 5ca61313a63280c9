// Lookups on the model. Feeds are small enough (thousands of items) that linear search by id
// costs less than keeping indexes in step with the vectors.
#include "core/feed/model.hpp"

#include <algorithm>

namespace sf::core {

const std::string& LocalText::in(std::string_view lang) const {
  static const std::string empty;  // immutable; shared by every lookup that finds nothing
  for (const auto& [l, t] : values_)
    if (l == lang) return t;
  return values_.empty() ? empty : values_.front().second;
}

bool LocalText::has(std::string_view lang) const {
  return std::any_of(values_.begin(), values_.end(), [&](const auto& v) { return v.first == lang; });
}

namespace {
template <class T>
const T* findById(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Field* Feed::findField(std::string_view id) const { return findById(fields, id); }
const Project* Feed::findProject(std::string_view id) const { return findById(projects, id); }
const Event* Feed::findEvent(std::string_view id) const { return findById(events, id); }
const Room* Feed::findRoom(std::string_view id) const { return findById(rooms, id); }
const Track* Feed::findTrack(std::string_view id) const { return findById(tracks, id); }
const VenueMap* Feed::findMap(std::string_view id) const { return findById(maps, id); }

namespace {
// The feed's words for the kinds, in the enum's order.
constexpr std::array<std::string_view, 5> kEventKindNames{"talk", "workshop", "break", "social", "other"};
}  // namespace

namespace {
constexpr std::array<std::string_view, 10> kMarkerKindNames{"room", "stand", "exit", "info", "toilets", "food",
                                                            "stairs", "lift", "first-aid", "other"};
}  // namespace

std::string_view markerKindName(MarkerKind kind) { return kMarkerKindNames[static_cast<std::size_t>(kind)]; }

std::optional<MarkerKind> markerKindNamed(std::string_view name) {
  for (std::size_t i = 0; i < kMarkerKindNames.size(); ++i)
    if (kMarkerKindNames[i] == name) return static_cast<MarkerKind>(i);
  return std::nullopt;
}

std::string_view eventKindName(EventKind kind) { return kEventKindNames[static_cast<std::size_t>(kind)]; }

std::optional<EventKind> eventKindNamed(std::string_view name) {
  for (std::size_t i = 0; i < kEventKindNames.size(); ++i)
    if (kEventKindNames[i] == name) return static_cast<EventKind>(i);
  return std::nullopt;
}

static_assert([] {
  for (std::size_t i = 0; i < kSlideKinds.size(); ++i)
    if (static_cast<std::size_t>(kSlideKinds[i].kind) != i) return false;
  return true;
}(), "kSlideKinds lists the kinds in the enum's order");

std::optional<SlideKind> slideKindNamed(std::string_view name) {
  for (const SlideKindInfo& k : kSlideKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::string_view startLanguage(const Feed& feed) {
  return feed.languages.empty() ? kHomeLanguage : std::string_view(feed.languages.front());
}

std::vector<std::string> imageSources(const Feed& feed) {
  std::vector<std::string> out;
  auto add = [&](const std::string& src) {
    if (!src.empty() && std::find(out.begin(), out.end(), src) == out.end()) out.push_back(src);
  };
  for (const Project& p : feed.projects)
    if (p.image) add(p.image->src);
  add(feed.theme.logoLight);  // both variants: pack carries them, a screen may switch base
  add(feed.theme.logoDark);
  // Posters of image slides, then the sponsors' logos.
  for (const PlaylistItem& it : feed.playlist)
    if (it.image) add(it.image->src);
  for (const Sponsor& s : feed.sponsors)
    if (s.logo) add(s.logo->src);
  for (const VenueMap& m : feed.maps)
    if (m.image) add(m.image->src);
  return out;
}

}  // namespace sf::core
