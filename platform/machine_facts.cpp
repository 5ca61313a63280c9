// Reads sysfs and, as a fallback, the firmware's vcgencmd. Every read is bounded and every
// failure only leaves a fact unknown: a heartbeat is sent with what is known.
#include "machine_facts.hpp"

#include <sys/statvfs.h>

#include <cstdio>
#include <cstdlib>

#include "files.hpp"

namespace sf::platform {
namespace {

std::optional<std::uint32_t> parseThrottled(std::string text) {
  const auto eq = text.find('=');
  if (eq != std::string::npos) text = text.substr(eq + 1);
  char* end = nullptr;
  const unsigned long v = std::strtoul(text.c_str(), &end, 16);
  if (end == text.c_str() || v > 0xffffffffUL) return std::nullopt;
  return static_cast<std::uint32_t>(v);
}

std::optional<std::uint32_t> viaVcgencmd(const std::string& command) {
  if (command.empty()) return std::nullopt;
  FILE* p = ::popen((command + " get_throttled 2>/dev/null").c_str(), "r");
  if (!p) return std::nullopt;
  char buf[128] = {0};
  const bool got = std::fgets(buf, sizeof buf, p) != nullptr;
  const int rc = ::pclose(p);
  if (!got || rc != 0) return std::nullopt;
  return parseThrottled(buf);
}

}  // namespace

MachineFacts readMachineFacts(const std::string& stateDir, const MachineFactSources& sources) {
  MachineFacts f;
  struct statvfs vfs{};
  if (!stateDir.empty() && ::statvfs(stateDir.c_str(), &vfs) == 0)
    f.freeDiskBytes = static_cast<std::uint64_t>(vfs.f_bavail) * vfs.f_frsize;
  const auto model = readFile(sources.model, 256);
  if (!model || model->find("Raspberry Pi") == std::string::npos) return f;
  if (const auto t = readFile(sources.thermal, 64)) {
    char* end = nullptr;
    const long milli = std::strtol(t->c_str(), &end, 10);
    if (end != t->c_str()) f.temperatureC = static_cast<double>(milli) / 1000.0;
  }
  if (const auto th = readFile(sources.throttled, 64)) f.throttled = parseThrottled(*th);
  else f.throttled = viaVcgencmd(sources.vcgencmd);
  return f;
}

}  // namespace sf::platform
