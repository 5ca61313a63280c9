// The fleet as people and scripts see it: each screen with what the collector derives from its
// reports (online, revisions behind the newest, a problem rank), and the three ways to show it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "fleet_store.hpp"

namespace sf::tools {

struct ScreenView {
  ScreenRow row;
  bool online = true;
  std::int64_t newestRevision = 0;  // the newest any screen plays of the same feed
  std::int64_t behind = 0;
  std::int64_t lastSeenAgo = 0;     // seconds
  int rank = 0;                     // 0 fine … 3 offline: problems first
  std::string state;                // "up", "fault", "behind", "offline", "dark"
};

// Sorted: problems first, then by group and name.
std::vector<ScreenView> fleetView(std::vector<ScreenRow> rows, core::Instant now);

std::string fleetJson(const std::vector<ScreenView>& screens, const std::vector<FleetEvent>& history, core::Instant now);
// The page in "de" or "en" (the words of core/show/ui_text).
std::string fleetPage(const std::vector<ScreenView>& screens, const std::vector<FleetEvent>& history, core::Instant now,
                      std::string_view lang = "de");
// The page's script (/fleet/refresh.js): refreshes the page in place every 15 s.
std::string fleetScript();
// The page's language: ?lang=de|en when given, else the better-rated of de and en in the
// browser's Accept-Language, else German (as the rest of the product).
std::string fleetLanguage(const std::string& asked, const std::string& acceptLanguage);
std::string fleetMetrics(const std::vector<ScreenView>& screens);

// Where the page and scripts fetch a screen's latest screenshot: /fleet/shot/ID.png (or .jpg),
// with its arrival time as a query so a browser's cached copy is never an older picture.
std::string shotUrl(const ShotMeta& shot);

// Text for HTML element content and attribute values.
std::string escapeHtml(const std::string& s);
// "vor 3 min" / "3 min ago": seconds under two minutes, then minutes, hours, days.
std::string fleetAgo(std::int64_t seconds, std::string_view lang);
// A screen's state ("offline", "fault", "behind", "dark", else up) in words.
const char* fleetStateText(const std::string& state, std::string_view lang);

}  // namespace sf::tools
