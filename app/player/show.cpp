// One place rebuilds what follows from the feed and the clock, so a new feed, a clock that
// becomes trusted and a playlist item that starts or ends all leave the screen in the same shape.
#include "show.hpp"

#include "frame.hpp"

namespace sf::player {

std::vector<platform::QrCode> encodeProjectQrs(const core::Feed& feed) {
  std::vector<platform::QrCode> out;
  out.reserve(feed.projects.size());
  for (const auto& p : feed.projects) out.push_back(p.links.empty() ? platform::QrCode{} : platform::encodeQr(p.links.front().url));
  return out;
}

void rebuildShow(Show& show, core::PlayerState* state, core::Millis now, ShowChange change) {
  const core::Feed& feed = *show.feed;
  core::buildRotation(feed, core::toInstant(now), show.plan, show.clockOk);
  if (!show.rooms.empty() && show.clockOk) core::roomScreenRotation(show.plan, show.rooms.size());
  if (state) core::onFeedSwapped(*state, feed, show.plan);  // the open project stays if it still exists
  if (change == ShowChange::Feed) {
    show.qr = platform::encodeQr(feed.link);
    show.projectQrs = encodeProjectQrs(feed);
    show.programme.reset();  // it points into the old feed
  }
}

void updateShowTexts(Show& show, core::Millis now, const std::string& language, bool clockSeconds, bool minute) {
  if (minute) show.schedule = show.clockOk ? core::scheduleAt(*show.feed, core::toInstant(now), show.zone()) : core::Schedule{};
  updateFrameText(show.text, core::toInstant(now), show.zone(), language, clockSeconds);
  if (!show.clockOk) show.text.clock[0] = show.text.date[0] = '\0';  // say nothing about the time
}

}  // namespace sf::player
