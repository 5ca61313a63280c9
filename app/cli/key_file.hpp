// Organisers' key files: JSON with the Ed25519 key pair, created with mode 0600 by `keygen`.
// The secret never appears on a terminal; only the public key is printed, for screen configs.
#pragma once
#include <optional>
#include <string>

#include "platform/crypto.hpp"

namespace sf::cli {

core::Result<platform::KeyPair> readKeyFile(const std::string& path);
// The signature document for `text` with the secret of `keyFile`; prints why not and returns
// nothing when the key file cannot be read or is damaged.
std::optional<std::string> signWithKeyFile(std::string_view text, const std::string& keyFile);
core::Result<void> writeKeyFile(const std::string& path, const platform::KeyPair& keys);

}  // namespace sf::cli
