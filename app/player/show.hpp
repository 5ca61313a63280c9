// What the screen plays, derived from the feed and from whether the clock can be trusted: the
// rotation, the QR code, the schedule and the header's texts, rebuilt together when those change.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/feed/model.hpp"
#include "core/show/player_state.hpp"
#include "core/show/rotation.hpp"
#include "core/show/schedule.hpp"
#include "platform/qr.hpp"
#include "views/views.hpp"

namespace sf::player {

// Per project of `feed`, in order, the QR code of its first link (size 0 when it has none), made
// once per feed so a spotlight's frame only draws it.
std::vector<platform::QrCode> encodeProjectQrs(const core::Feed& feed);

struct Show {
  std::shared_ptr<const core::Feed> feed;
  core::RotationPlan plan;  // its transition is the screen's setting; rebuilds keep it
  platform::QrCode qr;      // the feed's link
  std::vector<platform::QrCode> projectQrs;  // each project's own link (encodeProjectQrs)
  core::Schedule schedule;  // empty while the clock is not trusted
  views::FrameText text;    // blank while the clock is not trusted
  std::vector<std::string> rooms;  // config room/rooms: the rotation is these rooms' door screens
  platform::QrCode eventQr;         // the open talk's link
  std::string eventQrFor;           // the talk eventQr was made for
  core::ProgrammeListing programme;  // the open programme's lists, kept between frames
  bool clockOk = false;     // a clock before the feed was made, or far from the server's, says nothing

  const core::Feed& operator*() const { return *feed; }
  const core::TimeZone& zone() const { return feed->zone; }
};

enum class ShowChange { Feed, ClockTrust, Plan };

// The rotation at `now` after a new feed (with its QR code), a change in the clock's trust or a
// validity boundary; the state (when given) keeps what still exists in it and steps back otherwise.
void rebuildShow(Show& show, core::PlayerState* state, core::Millis now, ShowChange change);
// The schedule (with `minute`) and the clock and date texts at `now`, in `language`.
void updateShowTexts(Show& show, core::Millis now, const std::string& language, bool clockSeconds, bool minute);

}  // namespace sf::player
