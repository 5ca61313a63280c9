// What a screen with a configured feed shows before it has ever had that feed: its own "waiting
// for the feed" page (its name, the feed's address, its own addresses, the fault), never the
// built-in content, which belongs to someone else's event.
#pragma once
#include <memory>
#include <string>

#include "core/show/config.hpp"
#include "core/feed/model.hpp"

namespace sf::live {

inline constexpr const char* kWaitingFeedId = "schaufenster-waiting";

// A feed of one announcement that takes over the screen; `fault` is the last fetch's fault in
// plain words, or "". Null only if the page cannot be made (then the built-in feed plays).
std::shared_ptr<const core::Feed> waitingFeed(const core::Config& config, const std::string& feedUrl, const std::string& fault,
                                              core::Instant now);

}  // namespace sf::live
