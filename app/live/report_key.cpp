// Loading and making the screen's report key. The file is JSON like the organisers' key files,
// written with the platform's atomic write: after a power cut it holds the old key or the new.
#include "report_key.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "platform/crypto.hpp"
#include "platform/files.hpp"

namespace sf::live {

core::Result<ReportKey> loadOrCreateReportKey(const std::string& stateDir) {
  const std::string path = stateDir + "/report-key.json";
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    auto text = platform::readFile(path, 4096);
    if (text) {
      const auto doc = nlohmann::json::parse(*text, nullptr, false);
      if (doc.is_object() && doc.contains("secretKey") && doc["secretKey"].is_string()) {
        const std::string secret = doc["secretKey"].get<std::string>();
        const std::string pub = platform::publicKeyOf(secret);
        if (!pub.empty()) return ReportKey{pub, secret, false};
      }
    }
    // Damaged or unreadable: a new key is the only way the screen can sign again.
  }
  auto pair = platform::generateKeyPair();
  if (!pair) return core::Unexpected{pair.error()};
  const nlohmann::ordered_json doc{{"algorithm", "ed25519"}, {"publicKey", pair->publicKey}, {"secretKey", pair->secretKey}};
  if (auto written = platform::writeFileAtomic(path, doc.dump(2) + "\n", 0600); !written)
    return core::fail("cannot keep the report key in " + path + ": " + written.error().message);
  return ReportKey{pair->publicKey, pair->secretKey, true};
}

}  // namespace sf::live
