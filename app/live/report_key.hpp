// A screen's own Ed25519 key for signing its fleet reports: made at first start, kept in the
// state folder (mode 0600), so the collector knows the screen by its key and not only its name.
#pragma once
#include <string>

#include "core/base/result.hpp"

namespace sf::live {

struct ReportKey {
  std::string publicKey;  // base64; the collector pins it on the screen's first signed report
  std::string secretKey;  // base64; never leaves the file and this struct
  bool created = false;   // made now: the journal says so once, with the public key
};

// The key in `<stateDir>/report-key.json`, made and written atomically when there is none. A
// damaged file is replaced by a new key (the collector then refuses the screen until its old
// key is forgotten, and the error says how); an unwritable folder is an error, and the screen
// reports unsigned.
core::Result<ReportKey> loadOrCreateReportKey(const std::string& stateDir);

}  // namespace sf::live
