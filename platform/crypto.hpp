// Ed25519 signatures for feeds (libsodium): organisers sign, screens with the public key verify.
// Keys and signatures travel as base64 text; a signature file is a small JSON object.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace sf::platform {

struct KeyPair {
  std::string publicKey;  // base64, 32 bytes
  std::string secretKey;  // base64, 64 bytes; never printed
};

std::optional<KeyPair> generateKeyPair();

// The signature document for `content`: {"algorithm": "ed25519", "publicKey": "…", "signature": "…"}.
std::optional<std::string> signDocument(std::string_view content, const std::string& secretKeyBase64);

struct Verification {
  bool ok = false;
  std::string error;  // plain words: "no signature", "signed with another key", "signature does not match"
};

// Checks `signatureDocument` (as made by signDocument) against `content` and the trusted key.
Verification verifyDocument(std::string_view content, std::string_view signatureDocument, const std::string& publicKeyBase64);

bool isValidPublicKey(const std::string& base64);

}  // namespace sf::platform
