// libsodium's crypto_sign_detached over the exact bytes of the feed: no canonical JSON needed,
// and any change to the file, even whitespace, breaks the signature.
#include "crypto.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>
#include <vector>

namespace sf::platform {
namespace {

bool ready() {
  static const bool ok = sodium_init() >= 0;  // idempotent and thread-safe in libsodium
  return ok;
}

std::string toBase64(const unsigned char* data, std::size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::optional<std::vector<unsigned char>> fromBase64(std::string_view text, std::size_t expected) {
  std::vector<unsigned char> out(expected + 3);
  std::size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \n\r\t", &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      len != expected)
    return std::nullopt;
  out.resize(len);
  return out;
}

}  // namespace

core::Result<KeyPair> generateKeyPair() {
  if (!ready()) return core::fail("the signature library could not start");
  unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
  crypto_sign_keypair(pk, sk);
  KeyPair kp{toBase64(pk, sizeof pk), toBase64(sk, sizeof sk)};
  sodium_memzero(sk, sizeof sk);
  return kp;
}

core::Result<std::string> signDocument(std::string_view content, const std::string& secretKeyBase64) {
  // The bare signature and the key it belongs to, as one document.
  auto signature = signDetached(content, secretKeyBase64);
  if (!signature) return signature;
  const nlohmann::ordered_json doc{{"algorithm", "ed25519"}, {"publicKey", publicKeyOf(secretKeyBase64)}, {"signature", *signature}};
  return doc.dump(2) + "\n";
}

core::Result<void> verifyDocument(std::string_view content, std::string_view signatureDocument, const std::string& publicKeyBase64) {
  if (!ready()) return core::fail("the signature library could not start");
  if (signatureDocument.empty()) return core::fail("the feed is not signed, but this screen only plays signed feeds");
  const auto pk = fromBase64(publicKeyBase64, crypto_sign_PUBLICKEYBYTES);
  if (!pk) return core::fail("the configured public key is not a base64 Ed25519 key");
  nlohmann::json doc = nlohmann::json::parse(signatureDocument, nullptr, false);
  if (!doc.is_object() || !doc.contains("signature") || !doc["signature"].is_string() || doc.value("algorithm", "") != "ed25519")
    return core::fail("the signature file is not an ed25519 signature document");
  if (doc.contains("publicKey") && doc["publicKey"].is_string() && doc["publicKey"].get<std::string>() != publicKeyBase64)
    return core::fail("the feed is signed with another key than the one this screen trusts");
  const auto sig = fromBase64(doc["signature"].get<std::string>(), crypto_sign_BYTES);
  if (!sig) return core::fail("the signature is not 64 bytes of base64");
  if (crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(content.data()), content.size(), pk->data()) != 0)
    return core::fail("the signature does not match the feed (changed after signing, or signed with another key)");
  return {};
}

bool isValidPublicKey(const std::string& base64) {
  return ready() && fromBase64(base64, crypto_sign_PUBLICKEYBYTES).has_value();
}

core::Result<std::string> signDetached(std::string_view content, const std::string& secretKeyBase64) {
  if (!ready()) return core::fail("the signature library could not start");
  auto sk = fromBase64(secretKeyBase64, crypto_sign_SECRETKEYBYTES);
  if (!sk) return core::fail("the secret key is not a base64 Ed25519 secret key");
  unsigned char sig[crypto_sign_BYTES];
  crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(content.data()), content.size(), sk->data());
  sodium_memzero(sk->data(), sk->size());
  return toBase64(sig, sizeof sig);
}

bool verifyDetached(std::string_view content, std::string_view signatureBase64, std::string_view publicKeyBase64) {
  if (!ready()) return false;
  const auto pk = fromBase64(publicKeyBase64, crypto_sign_PUBLICKEYBYTES);
  const auto sig = fromBase64(signatureBase64, crypto_sign_BYTES);
  return pk && sig &&
         crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(content.data()), content.size(), pk->data()) == 0;
}

std::string publicKeyOf(const std::string& secretKeyBase64) {
  if (!ready()) return {};
  auto sk = fromBase64(secretKeyBase64, crypto_sign_SECRETKEYBYTES);
  if (!sk) return {};
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_ed25519_sk_to_pk(pk, sk->data());
  sodium_memzero(sk->data(), sk->size());
  return toBase64(pk, sizeof pk);
}

std::string randomHex(std::size_t bytes) {
  if (sodium_init() < 0) return {};
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  hex.pop_back();
  sodium_memzero(raw.data(), raw.size());
  return hex;
}

std::string sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace sf::platform
