// `keygen`, `sign` and `verify`: Ed25519 over the exact bytes of a feed file, the same check the
// screens make before they play a signed feed.
#include <sys/stat.h>

#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "key_file.hpp"
#include "tools/publish_feed.hpp"
#include "platform/files.hpp"
#include "platform/source.hpp"

namespace sf::cli {

core::Result<platform::KeyPair> readKeyFile(const std::string& path) {
  std::string warning;
  auto keys = tools::readKeyFile(path, &warning);
  if (!warning.empty()) std::cerr << "warning: " << warning << '\n';
  return keys;
}

std::optional<std::string> signWithKeyFile(std::string_view text, const std::string& keyFile) {
  const auto keys = readKeyFile(keyFile);
  if (!keys) {
    std::cerr << keys.error().message << '\n';
    return std::nullopt;
  }
  auto doc = tools::signFeedText(text, *keys, keyFile);
  if (!doc) {
    std::cerr << doc.error().message << '\n';
    return std::nullopt;
  }
  return std::move(*doc);
}

core::Result<void> writeKeyFile(const std::string& path, const platform::KeyPair& keys) {
  const nlohmann::ordered_json doc{{"algorithm", "ed25519"}, {"publicKey", keys.publicKey}, {"secretKey", keys.secretKey}};
  return platform::writeFileAtomic(path, doc.dump(2) + "\n", 0600);
}

int runKeygen(const std::vector<std::string>& args) {
  CLI::App app{"Creates an Ed25519 key pair for signing feeds. The key file is created with mode 0600;\n"
               "the public key is printed for the screens' configuration (\"publicKey\").",
               "schaufenster keygen"};
  std::string out;
  bool force = false;
  app.add_option("-o,--output", out, "where to write the key file")->required();
  app.add_flag("--force", force, "replace an existing key file");
  if (auto code = parseArgs(app, args)) return *code;
  struct stat st {};
  if (!force && ::stat(out.c_str(), &st) == 0) {
    std::cerr << out << " exists; use --force to replace it (screens trusting the old key will refuse new feeds)\n";
    return kExitInvalid;
  }
  const auto keys = platform::generateKeyPair();
  if (!keys) {
    std::cerr << "could not create a key pair (libsodium)\n";
    return kExitInvalid;
  }
  if (auto done = writeKeyFile(out, *keys); !done) {
    std::cerr << done.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << "key file: " << out << " (mode 0600; keep it secret)\npublic key: " << keys->publicKey << '\n';
  return kExitOk;
}

int runSign(const std::vector<std::string>& args) {
  CLI::App app{"Signs a feed file; writes FEED.sig beside it (or -o).", "schaufenster sign"};
  std::string feed, key, out;
  app.add_option("feed", feed, "the feed file")->required();
  app.add_option("-k,--key", key, "key file from `schaufenster keygen`")->required();
  app.add_option("-o,--output", out, "signature file (default: FEED.sig)");
  if (auto code = parseArgs(app, args)) return *code;
  const LoadedFeed loaded = loadFeed(feed);
  if (!loaded.parsed.feed) {
    for (const auto& d : loaded.parsed.diagnostics)
      if (d.severity == core::Severity::Error) std::cerr << core::formatDiagnostic(d) << '\n';
    std::cerr << feed << ": not signed, because it is not a valid feed\n";
    return kExitInvalid;
  }
  const auto doc = signWithKeyFile(*loaded.text, key);
  if (!doc) return kExitInvalid;
  if (out.empty()) out = feed + ".sig";
  if (auto done = platform::writeFileAtomic(out, *doc); !done) {
    std::cerr << done.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << "signed " << feed << " -> " << out << '\n';
  return kExitOk;
}

int runVerify(const std::vector<std::string>& args) {
  CLI::App app{"Checks a feed's signature as a screen would.", "schaufenster verify"};
  std::string feed, sig, publicKey, keyFile;
  app.add_option("feed", feed, "the feed file or URL")->required();
  app.add_option("-s,--signature", sig, "signature file or URL (default: FEED.sig)");
  auto* pk = app.add_option("-p,--public-key", publicKey, "the public key in base64, as in a screen's config");
  app.add_option("-k,--key", keyFile, "or take the public key from a key file")->excludes(pk);
  if (auto code = parseArgs(app, args)) return *code;
  if (publicKey.empty() && keyFile.empty()) {
    std::cerr << "verify: give --public-key or --key\n";
    return kExitUsage;
  }
  if (!keyFile.empty()) {
    const auto keys = readKeyFile(keyFile);
    if (!keys) {
      std::cerr << keys.error().message << '\n';
      return kExitInvalid;
    }
    publicKey = keys->publicKey;
  }
  auto content = platform::readSource(feed, 16u << 20);
  if (!content) {
    std::cerr << content.error().message << '\n';
    return kExitInvalid;
  }
  // A missing signature file reads as no signature, which verification names as such.
  auto signature = platform::readSource(sig.empty() ? feed + ".sig" : sig, 4096);
  const auto v = platform::verifyDocument(*content, signature.value_or(""), publicKey);
  if (!v) {
    std::cout << feed << ": NOT verified: " << v.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << feed << ": signature verified\n";
  return kExitOk;
}

}  // namespace sf::cli
