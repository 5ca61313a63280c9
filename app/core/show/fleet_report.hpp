// A screen's heartbeat for the fleet collector: the report built from plain values on the screen,
// and the collector's strict reading of it, with limits, plus the rule for when a screen is offline.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/base/time.hpp"

namespace sf::core {

// A picture of what the screen showed, encoded on the screen (PNG, or JPEG when smaller). The
// report carries it as base64; the collector checks the image's header before it keeps it.
struct ReportScreenshot {
  std::string type;   // "png" or "jpeg"
  std::string bytes;  // the encoded image
};

struct ScreenReport {
  std::string screen;                // config screenName, or the host name
  std::vector<std::string> groups;   // config groups
  std::vector<std::string> rooms;    // config rooms
  std::string version;               // the package's version
  int seconds = 60;                  // the beat this screen keeps, so the collector knows when it is late
  std::string feedUrl;
  std::string feedId;
  std::int64_t revision = 0;
  std::optional<std::int64_t> contentAgeSeconds;  // since the playing feed was generated
  std::string fault;                 // machine-readable kind ("network", "invalid-feed" …), empty when fine
  std::string faultText;             // the last fault in plain words
  std::int64_t uptimeSeconds = 0;
  double framesPerSecond = 0;
  double slowestFrameMs = 0;         // the longest frame since the last report
  std::optional<std::uint64_t> freeDiskBytes;  // of the state folder
  bool dark = false;                 // dark by the screen's off times
  std::optional<double> temperatureC;          // SoC temperature, where the machine tells it
  std::optional<std::uint32_t> throttled;      // the firmware's get_throttled bits (Raspberry Pi)
  // Only when what the screen shows changed since its last screenshot, at most once a minute.
  std::optional<ReportScreenshot> screenshot;
  // A signed report's number, larger than the screen's last one (its clock in milliseconds, or
  // one more): a collector refuses a signed report that is not newer, so a report copied off
  // the wire cannot be sent again to keep a dead screen looking alive. 0: unsigned, none.
  std::int64_t sequence = 0;
};

// The report as compact JSON (what a screen POSTs).
std::string reportJson(const ScreenReport& r);

// A signed report carries its signature in this header: "ed25519 <public key> <signature>",
// both base64, over reportSigningText(body).
inline constexpr const char* kReportSignatureHeader = "X-Screen-Signature";

// The text a screen's key signs: a fixed prefix before the body, so a signature made by a
// screen key can never be passed off as one over anything but a report.
std::string reportSigningText(std::string_view body);

// The public key and signature of a signature header, when it has exactly that form (base64
// of 32 and 64 bytes, no other spelling): what the collector pins is then always the same text.
struct ReportSignature {
  std::string publicKey, signature;
};
std::optional<ReportSignature> parseReportSignature(std::string_view header);

// What the collector accepts. A report is small (about 600 bytes); anything far beyond is hostile.
struct ReportLimits {
  std::size_t maxBytes = 16 * 1024;
  std::size_t maxName = 64;      // screen name, group, room, feed id, version, fault kind
  std::size_t maxText = 1000;    // fault text
  std::size_t maxUrl = 2048;
  std::size_t maxList = 32;      // groups, rooms
  std::size_t maxScreenshotBytes = 64 * 1024;  // the image itself, before base64
};

// The largest body a collector reads: a report and a screenshot of the largest size in base64.
std::size_t maxReportBody(const ReportLimits& limits);

// Reads a report strictly: a JSON object with the known keys of the right types and sizes, a
// screen name without control characters. Unknown keys are ignored (newer screens may say more).
// The error names the key and what was expected.
Result<ScreenReport> parseReport(std::string_view body, const ReportLimits& limits = {});

// Offline after three missed beats: a screen's beat may come up to 10 % late (its jitter), so
// it is offline once more than 3.3 beats passed since it was last heard.
bool screenOnline(Instant lastSeen, int seconds, Instant now);

// When a screen heard at `lastSeen` goes offline if nothing more arrives.
Instant offlineAt(Instant lastSeen, int seconds);

}  // namespace sf::core
