// Findings about a feed or a file: errors are values, each naming where it is and what was expected.
// Tools print them as `file:line:column: /json/pointer: message`; `--json` emits them as objects.
#pragma once
#include <string>
#include <vector>

namespace sf::core {

enum class Severity { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based, counted in characters, not bytes
  std::string jsonPointer;
  std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

std::string formatDiagnostic(const Diagnostic& d);
bool hasErrors(const Diagnostics& ds);
int countOf(const Diagnostics& ds, Severity s);

// Escapes one reference token for a JSON pointer (RFC 6901: `~` -> `~0`, `/` -> `~1`).
std::string pointerToken(std::string_view key);

}  // namespace sf::core

namespace sf::core {
inline void report(Diagnostics& ds, Severity s, std::string pointer, std::string message) {
  Diagnostic d;
  d.severity = s;
  d.jsonPointer = std::move(pointer);
  d.message = std::move(message);
  ds.push_back(std::move(d));
}
}  // namespace sf::core
