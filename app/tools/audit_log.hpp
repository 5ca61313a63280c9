// The console's audit log: one JSON object a line (time, user, address, action, outcome, detail),
// appended and fsync'd before the answer goes out, refusals included.
#pragma once
#include <mutex>
#include <string>

#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace sf::tools {

struct AuditEntry {
  core::Instant time{};
  std::string user;     // the signed-in user, the name tried at sign-in, or "" when none
  std::string address;  // the client's address
  std::string action;   // "sign-in", "sign-out", "announce", "end-announcement", "users", …
  std::string outcome;  // "ok", or why it was refused: "wrong-password", "rate-limited", "csrf", "forbidden", …
  std::string detail;   // what changed (an announcement's id), or the error
};

// The line for `e` (JSON, UTF-8; invalid bytes replaced), ending in '\n'.
std::string auditLine(const AuditEntry& e);

class AuditLog {
 public:
  explicit AuditLog(std::string path) : path_(std::move(path)) {}
  core::Result<void> append(const AuditEntry& e);
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::mutex mutex_;  // lines from the server's threads never interleave
};

}  // namespace sf::tools
