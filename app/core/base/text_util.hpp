// Small string helpers shared by the parser, the checks and the tools: quoting for messages,
// id, URL and path rules, UTF-8 lengths.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sf::core {

std::string quoteShort(std::string_view s, std::size_t maxChars = 60);  // "text…" for messages
std::string join(std::initializer_list<std::string_view> items, std::string_view sep = ", ");
std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");
std::string_view trimmed(std::string_view s);
std::string asciiLower(std::string_view s);  // A-Z to a-z; other bytes (UTF-8 too) as they are
// Equal but for ASCII letter case; allocates nothing (room names are matched on every frame).
bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b);
// Order for names people read: runs of digits compare as numbers ("Saal 2" before "Saal 10").
bool naturalLess(std::string_view a, std::string_view b);
std::size_t utf8Length(std::string_view s);  // characters (code points) of valid UTF-8
void appendUtf8(std::string& out, char32_t codePoint);
// "512 bytes", "1.5 KiB"; in German "512 Byte", "1,5 KiB" (the status page speaks the screen's
// language; tools and diagnostics speak English).
std::string formatBytes(std::size_t bytes, std::string_view lang = "en");
// `s` safe for a terminal or a log line: control characters (C0, DEL, C1), bidirectional
// overrides and bytes that are not UTF-8 become \xNN or \u{NNNN}; a backslash becomes \\.
std::string escapeControls(std::string_view s);
// Where the first byte that is not part of valid UTF-8 lies, or npos when all of `s` is UTF-8.
std::size_t firstInvalidUtf8(std::string_view s);

// Base64 (RFC 4648, standard alphabet, with padding), for binary data inside JSON.
std::string toBase64(std::string_view bytes);
// Strict: only the alphabet, padding only at the end, a length that is a multiple of four;
// nullopt otherwise, so a report cannot smuggle bytes that two decoders would read differently.
std::optional<std::string> fromBase64(std::string_view text);

bool isValidId(std::string_view s);
bool isLanguageCode(std::string_view s);
bool isWebUrl(std::string_view s);            // http(s)://host[...] without spaces
bool isSafeRelativePath(std::string_view s);  // inside the feed's folder

}  // namespace sf::core
