// Edits organiser tools make to a feed's JSON text: a new revision, an announcement, image paths.
// Key order and unknown keys survive, so a hand-edited feed stays recognisable after a tool ran.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/diagnostic.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

struct EditResult {
  std::optional<std::string> text;  // the edited feed (2-space indented JSON), if it is valid
  Diagnostics diagnostics;          // why not, otherwise
};

// Sets "revision" and "generated" (formatted in the feed's zone).
EditResult setRevision(std::string_view feedText, std::int64_t revision, Instant generated);

struct NewAnnouncement {
  std::string id;
  LocalText title;
  LocalText text;
  Instant start{};
  Instant end{};
  int priority = 100;
  Level level = Level::Important;
  EmergencyStyle style = EmergencyStyle::Alarm;  // written only for emergencies
  Pictogram pictogram = Pictogram::None;
  bool bannerTop = false;                         // written only for info banners
  Targets targets;
};
// Adds (or replaces, by id) an announcement.
EditResult addAnnouncement(std::string_view feedText, const NewAnnouncement& a);
// Ends the announcement `id` at `at`: its end becomes `at` (its start too, a second earlier, when it
// had not begun), so the feed keeps the record and no later publish of it shows the message again.
// An announcement that has already ended stays as it is. Unknown id: an error naming the ids there are.
EditResult endAnnouncement(std::string_view feedText, std::string_view id, Instant at);

// Replaces every image "src" the feed names (the places of core::imageSources) by what `rewrite` returns for it (same value: unchanged).
EditResult rewriteImageSources(std::string_view feedText, const std::function<std::string(const std::string&)>& rewrite);

}  // namespace sf::core
