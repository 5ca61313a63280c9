// One set of checks for every feed a screen may play: the feed URL's answers and a local file at
// startup pass the same parse, fit, signature and revision rules, with the same faults.
#include "candidate.hpp"

#include <cstdio>

#include "core/feed/finish.hpp"
#include "platform/crypto.hpp"

namespace sf::live {
namespace {

// The status fault for a refused swap, or "" when the candidate may play.
std::string refusal(core::SwapDecision d) {
  switch (d) {
    case core::SwapDecision::Older: return "older-revision";
    case core::SwapDecision::TooFarAhead: return "revision-jump";
    case core::SwapDecision::OtherFeed: return "other-feed";
    case core::SwapDecision::Accept:
    case core::SwapDecision::SameRevision: break;
  }
  return {};
}

}  // namespace

void noteFitted(const core::Feed& feed, std::size_t fitted) {
  if (fitted == 0) return;
  std::fprintf(stderr, "schaufenster: %zu texts of feed %s hold characters the screen's fonts lack; they show in another "
               "language or with \u25a1 in their place\n", fitted, feed.id.c_str());
}

std::string firstErrors(const core::Diagnostics& ds, int max) {
  std::string out;
  int n = 0;
  for (const auto& d : ds) {
    if (d.severity != core::Severity::Error) continue;
    if (n++ == max) {
      out += "; …";
      break;
    }
    out += (out.empty() ? "" : "; ") + core::formatDiagnostic(d);
  }
  return out;
}

core::Result<Candidate> checkCandidate(std::string_view text, std::string_view name, const core::Config& config,
                                       const CandidateRules& rules,
                                       const std::function<core::Result<std::string>()>& signature) {
  auto finished = core::finishFeed(text, name);
  if (!finished.parsed.feed) return core::failAs("invalid-feed", firstErrors(finished.parsed.diagnostics, rules.listedErrors));
  std::string verified;
  if (!config.publicKey.empty()) {
    auto sig = signature();
    if (!sig) return core::failAs("signature", sig.error().message);
    if (auto v = platform::verifyDocument(text, *sig, config.publicKey); !v) return core::failAs("signature", v.error().message);
    verified = std::move(*sig);
  }
  const core::Feed& feed = *finished.parsed.feed;
  const core::FeedIdentity candidate{feed.id, feed.revision};
  const core::SwapDecision decision = core::decideSwap(rules.current, candidate, rules.sameFeedOnly);
  if (const std::string fault = refusal(decision); !fault.empty())
    return core::failAs(fault, core::describe(decision, rules.current, candidate));
  noteFitted(feed, finished.fittedTexts);
  return Candidate{std::make_shared<const core::Feed>(std::move(*finished.parsed.feed)), decision, std::move(verified)};
}

}  // namespace sf::live
