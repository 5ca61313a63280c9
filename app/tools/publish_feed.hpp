// Publishing a feed text as the next signed revision: the one path `publish`, `announce` and
// `sync` share, so each checks, numbers and signs a release the same way.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/base/result.hpp"
#include "core/base/time.hpp"
#include "platform/crypto.hpp"
#include "release_history.hpp"

namespace sf::tools {

// An organiser's key file (JSON from `schaufenster keygen`). `warning` is set when other users
// can read it.
core::Result<platform::KeyPair> readKeyFile(const std::string& path, std::string* warning = nullptr);
// The signature document for `text`, checked against the key pair's public key (a damaged secret
// signs with a key no screen trusts).
core::Result<std::string> signFeedText(std::string_view text, const platform::KeyPair& keys, const std::string& keyName);

struct Published {
  std::int64_t revision = 0;
  bool signed_ = false;
};

// Validates `text`, gives it the revision after everything in `dir` and its own, stamps
// `generated` with `now`, signs it with `keys` when given and makes it current in `dir`, keeping
// `keep` releases. On error nothing in `dir` changes that a reader could see; the message holds
// every error, one a line, `what` naming the text. The release's history file records `origin`,
// `now` and what changed against the current release.
core::Result<Published> publishFeedText(const std::string& text, const std::string& dir,
                                        const std::optional<platform::KeyPair>& keys, const std::string& keyName, int keep,
                                        const std::string& what, core::Instant now, const ReleaseOrigin& origin = {});

}  // namespace sf::tools
