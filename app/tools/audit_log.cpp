// JSON lines, so `jq` and log shippers read the audit log as it is; the time in UTC with seconds.
#include "audit_log.hpp"

#include <nlohmann/json.hpp>

#include "platform/files.hpp"

namespace sf::tools {

std::string auditLine(const AuditEntry& e) {
  const nlohmann::json j{{"time", core::formatInstant(e.time, core::TimeZone::utc())}, {"user", e.user},     {"address", e.address},
                         {"action", e.action},             {"outcome", e.outcome}, {"detail", e.detail}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

core::Result<void> AuditLog::append(const AuditEntry& e) {
  const std::string line = auditLine(e);
  std::lock_guard lock(mutex_);
  return platform::appendFileSynced(path_, line, 0600);
}

}  // namespace sf::tools
