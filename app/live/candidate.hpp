// The checks a feed passes before it may play, wherever it comes from (the feed URL, a file on a
// USB stick at startup): valid, signed with the configured key, and a revision the screen takes.
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "core/feed/model.hpp"
#include "core/feed/update.hpp"
#include "core/show/config.hpp"

namespace sf::live {

struct Candidate {
  std::shared_ptr<const core::Feed> feed;  // finished: parsed, checked, fitted to the fonts
  core::SwapDecision decision = core::SwapDecision::Accept;  // Accept or SameRevision
  std::string signature;  // the verified signature document; empty without a configured key
};

struct CandidateRules {
  std::optional<core::FeedIdentity> current;  // what plays now, if anything from this source
  bool sameFeedOnly = false;  // with a public key: the feed id is fixed once one came from the URL
  int listedErrors = 1;       // how many of an invalid feed's errors the message names
};

// Finishes `text` (core::finishFeed) and checks it. The signature is asked for only when a key
// is configured and the feed is valid. The error's kind is the status fault ("invalid-feed",
// "signature", "older-revision", "revision-jump", "other-feed"); its message the reason alone,
// for the caller to say where the feed came from.
core::Result<Candidate> checkCandidate(std::string_view text, std::string_view name, const core::Config& config,
                                       const CandidateRules& rules,
                                       const std::function<core::Result<std::string>()>& signature);

// Tells the journal that `fitted` texts of `feed` hold characters the fonts lack (organisers
// learn of it here and from `schaufenster validate`); nothing when none do.
void noteFitted(const core::Feed& feed, std::size_t fitted);

// The first `max` errors of a parse, joined for one line of the status page.
std::string firstErrors(const core::Diagnostics& ds, int max);

}  // namespace sf::live
