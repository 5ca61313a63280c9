// The waiting page is an ordinary feed, built as JSON and parsed by the core, so the player
// needs no special view for it and the first real feed simply replaces it (another feed id).
#include "waiting_feed.hpp"

#include <unistd.h>

#include <vector>

#include <nlohmann/json.hpp>

#include "core/feed/finish.hpp"
#include "core/base/text_util.hpp"
#include "platform/net.hpp"

namespace sf::live {
namespace {

// The machine's own time zone (for the header clock), from /etc/localtime's link target.
std::string localZoneName() {
  char target[512];
  const ssize_t n = ::readlink("/etc/localtime", target, sizeof target - 1);
  if (n > 0) {
    const std::string path(target, static_cast<std::size_t>(n));
    const auto at = path.find("zoneinfo/");
    if (at != std::string::npos && core::TimeZone::find(path.substr(at + 9))) return path.substr(at + 9);
  }
  return "Etc/UTC";
}

}  // namespace

std::shared_ptr<const core::Feed> waitingFeed(const core::Config& config, const std::string& feedUrl, const std::string& fault,
                                              core::Instant now) {
  const std::string screen = config.screenName.empty() ? platform::hostName().value_or("unknown") : config.screenName;
  const std::string addresses = core::join(platform::ipAddresses().value_or(std::vector<std::string>{}));
  const std::string zone = localZoneName();
  const auto tz = core::TimeZone::find(zone).value_or(core::TimeZone::utc());
  const auto text = [&](bool de) {
    std::string t = de ? screen + " wartet auf seinen Feed: " + feedUrl + "." : screen + " is waiting for its feed: " + feedUrl + ".";
    t += addresses.empty() ? (de ? " Keine Netzwerkadresse." : " No network address.")
                           : (de ? " Adresse dieses Bildschirms: " : " This screen's address: ") + addresses + ".";
    if (!fault.empty()) t += (de ? " Letzter Fehler: " : " Last fault: ") + fault;
    return core::escapeControls(t);
  };
  const nlohmann::ordered_json doc{
      {"format", "schaufenster-feed"},
      {"version", 1},
      {"id", kWaitingFeedId},
      {"revision", 0},
      {"generated", core::formatInstant(now, tz)},
      {"timeZone", zone},
      {"languages", {"de", "en"}},
      {"title", {{"de", screen}, {"en", screen}}},
      {"announcements",
       {{{"id", "waiting"},
         {"title", {{"de", "Warte auf den Feed"}, {"en", "Waiting for the feed"}}},
         {"text", {{"de", text(true)}, {"en", text(false)}}},
         {"start", core::formatInstant(now - std::chrono::hours(24), tz)},
         {"end", core::formatInstant(now + std::chrono::hours(24 * 365 * 10), tz)}}}}};
  // Finished like every feed a screen plays: a screen name in a script the fonts lack shows as □.
  auto finished = core::finishFeed(doc.dump(), "waiting page");
  if (!finished.parsed.feed) return nullptr;
  return std::make_shared<const core::Feed>(std::move(*finished.parsed.feed));
}

}  // namespace sf::live
