// Ed25519 signatures for feeds (libsodium): organisers sign, screens with the public key verify.
// Keys and signatures travel as base64 text; a signature file is a small JSON object.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.hpp"

namespace sf::platform {

struct KeyPair {
  std::string publicKey;  // base64, 32 bytes
  std::string secretKey;  // base64, 64 bytes; never printed
};

core::Result<KeyPair> generateKeyPair();

// The signature document for `content`: {"algorithm": "ed25519", "publicKey": "…", "signature": "…"}.
core::Result<std::string> signDocument(std::string_view content, const std::string& secretKeyBase64);

// Checks `signatureDocument` (as made by signDocument) against `content` and the trusted key.
// The error says why in plain words: not signed, signed with another key, does not match.
core::Result<void> verifyDocument(std::string_view content, std::string_view signatureDocument, const std::string& publicKeyBase64);

bool isValidPublicKey(const std::string& base64);

// A bare signature of `content` (base64, 64 bytes), for messages that carry it beside them (a
// screen's reports); and its check against a public key: false for anything malformed.
core::Result<std::string> signDetached(std::string_view content, const std::string& secretKeyBase64);
bool verifyDetached(std::string_view content, std::string_view signatureBase64, std::string_view publicKeyBase64);

// The public key that belongs to a secret key (both base64); empty when it is not one.
std::string publicKeyOf(const std::string& secretKeyBase64);

// `bytes` random bytes from the system's generator (libsodium's randombytes), as lower-case hex:
// session ids and form tokens.
std::string randomHex(std::size_t bytes);

// SHA-256 of `data` as 64 lower-case hex digits (content addresses for cached files).
std::string sha256Hex(std::string_view data);

}  // namespace sf::platform
