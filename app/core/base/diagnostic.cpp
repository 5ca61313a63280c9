// Formatting of diagnostics for people; the JSON form lives with the CLI that prints it.
// Kept tiny because every layer reports through it.
#include "core/base/diagnostic.hpp"

#include <algorithm>

namespace sf::core {

std::string formatDiagnostic(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("<input>") : d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  out += ": ";
  if (!d.jsonPointer.empty()) out += d.jsonPointer + ": ";
  out += d.severity == Severity::Error ? "error: " : "warning: ";
  out += d.message;
  return out;
}

bool hasErrors(const Diagnostics& ds) {
  return std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

int countOf(const Diagnostics& ds, Severity s) {
  return static_cast<int>(std::count_if(ds.begin(), ds.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

std::string pointerToken(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace sf::core
