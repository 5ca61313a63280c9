// Building and reading heartbeat reports. The reader is the collector's first line against
// hostile input: every field is type- and size-checked before anything is stored or shown.
#include "core/show/fleet_report.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using nlohmann::json;

bool hasControls(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

// Reads the members of one report, stopping at the first bad one with its key in the message.
struct ReportReader {
  const json& root;
  std::string error;

  const json* get(const char* key) const {
    auto it = root.find(key);
    return it == root.end() || it->is_null() ? nullptr : &*it;
  }
  bool bad(const char* key, const std::string& expected, const json& found) {
    std::string shown = found.dump();
    if (shown.size() > 40) shown = shown.substr(0, 40) + "…";
    if (error.empty()) error = std::string("\"") + key + "\": expected " + expected + ", found " + shown;
    return false;
  }
  bool text(const char* key, std::string& into, std::size_t max, bool required = false, bool controlsOk = false) {
    const json* v = get(key);
    if (!v) {
      if (required && error.empty()) error = std::string("\"") + key + "\" is missing";
      return !required;
    }
    if (!v->is_string()) return bad(key, "a string", *v);
    const auto& s = v->get_ref<const std::string&>();
    if (s.size() > max) return bad(key, "at most " + std::to_string(max) + " bytes", json(std::to_string(s.size()) + " bytes"));
    if (required && s.empty()) return bad(key, "a non-empty string", *v);
    if (!controlsOk && hasControls(s)) return bad(key, "text without control characters", *v);
    into = s;
    return true;
  }
  bool list(const char* key, std::vector<std::string>& into, std::size_t maxItems, std::size_t maxLen) {
    const json* v = get(key);
    if (!v) return true;
    if (!v->is_array() || v->size() > maxItems) return bad(key, "a list of at most " + std::to_string(maxItems) + " strings", *v);
    for (const json& item : *v) {
      if (!item.is_string() || item.get_ref<const std::string&>().size() > maxLen || hasControls(item.get_ref<const std::string&>()))
        return bad(key, "strings of at most " + std::to_string(maxLen) + " bytes without control characters", item);
      into.push_back(item.get<std::string>());
    }
    return true;
  }
  template <class T>
  bool integer(const char* key, T& into, long long lo, long long hi) {
    const json* v = get(key);
    if (!v) return true;
    if (!v->is_number_integer() || v->get<long long>() < lo || v->get<long long>() > hi ||
        (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(hi)))
      return bad(key, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi), *v);
    into = static_cast<T>(v->get<long long>());
    return true;
  }
  template <class T>
  bool optionalInteger(const char* key, std::optional<T>& into, long long lo, long long hi) {
    if (!get(key)) return true;
    T value{};
    if (!integer(key, value, lo, hi)) return false;
    into = value;
    return true;
  }
  bool number(const char* key, double& into, double lo, double hi) {
    const json* v = get(key);
    if (!v) return true;
    if (!v->is_number() || v->get<double>() < lo || v->get<double>() > hi)
      return bad(key, "a number from " + std::to_string(static_cast<long long>(lo)) + " to " + std::to_string(static_cast<long long>(hi)), *v);
    into = v->get<double>();
    return true;
  }
  bool boolean(const char* key, bool& into) {
    const json* v = get(key);
    if (!v) return true;
    if (!v->is_boolean()) return bad(key, "true or false", *v);
    into = v->get<bool>();
    return true;
  }
};

}  // namespace

std::string reportJson(const ScreenReport& r) {
  json j = json::object();
  j["screen"] = r.screen;
  j["groups"] = r.groups;
  j["rooms"] = r.rooms;
  j["version"] = r.version;
  j["seconds"] = r.seconds;
  j["feedUrl"] = r.feedUrl;
  j["feedId"] = r.feedId;
  j["revision"] = r.revision;
  if (r.contentAgeSeconds) j["contentAgeSeconds"] = *r.contentAgeSeconds;
  j["fault"] = r.fault;
  j["faultText"] = r.faultText;
  j["uptimeSeconds"] = r.uptimeSeconds;
  // Two decimals are all a person reads; fewer digits keep every beat small.
  j["framesPerSecond"] = static_cast<double>(static_cast<long long>(r.framesPerSecond * 100 + 0.5)) / 100;
  j["slowestFrameMs"] = static_cast<double>(static_cast<long long>(r.slowestFrameMs * 100 + 0.5)) / 100;
  if (r.freeDiskBytes) j["freeDiskBytes"] = *r.freeDiskBytes;
  j["dark"] = r.dark;
  if (r.temperatureC) j["temperatureC"] = static_cast<double>(static_cast<long long>(*r.temperatureC * 10 + 0.5)) / 10;
  if (r.throttled) j["throttled"] = *r.throttled;
  if (r.sequence > 0) j["sequence"] = r.sequence;
  if (r.screenshot) j["screenshot"] = {{"type", r.screenshot->type}, {"data", toBase64(r.screenshot->bytes)}};
  return j.dump();
}

std::string reportSigningText(std::string_view body) { return "schaufenster report v1\n" + std::string(body); }

std::optional<ReportSignature> parseReportSignature(std::string_view header) {
  // Canonical base64 only: 32 bytes are 43 characters and "=", 64 bytes are 86 and "==".
  auto base64 = [](std::string_view s, std::size_t chars, std::size_t pad) {
    if (s.size() != chars + pad) return false;
    for (std::size_t i = 0; i < chars; ++i) {
      const char c = s[i];
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')) return false;
    }
    return s.substr(chars) == std::string(pad, '=');
  };
  if (!header.starts_with("ed25519 ")) return std::nullopt;
  header.remove_prefix(8);
  const auto space = header.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const std::string_view key = header.substr(0, space), sig = header.substr(space + 1);
  if (!base64(key, 43, 1) || !base64(sig, 86, 2)) return std::nullopt;
  return ReportSignature{std::string(key), std::string(sig)};
}

std::size_t maxReportBody(const ReportLimits& limits) {
  // The screenshot's JSON around its base64: {"type":"jpeg","data":""} and a comma.
  return limits.maxBytes + (limits.maxScreenshotBytes + 2) / 3 * 4 + 64;
}

namespace {

// The screenshot member: a known type and strict base64 of at most the limit's bytes. Its
// pixels are none of the reader's business: the collector checks the image's header.
Result<std::optional<ReportScreenshot>> readScreenshot(const json& root, const ReportLimits& limits) {
  auto it = root.find("screenshot");
  if (it == root.end() || it->is_null()) return std::optional<ReportScreenshot>();
  if (!it->is_object()) return failAs("invalid", "\"screenshot\": expected an object with \"type\" and \"data\"");
  auto type = it->find("type"), data = it->find("data");
  if (type == it->end() || !type->is_string() || (*type != "png" && *type != "jpeg"))
    return failAs("invalid", "\"screenshot\": \"type\" must be \"png\" or \"jpeg\"");
  if (data == it->end() || !data->is_string()) return failAs("invalid", "\"screenshot\": \"data\" must be base64 text");
  const auto& text = data->get_ref<const std::string&>();
  // Measured before decoding: the base64 text says how many bytes it holds.
  const std::size_t bytes = text.size() / 4 * 3;
  if (bytes > limits.maxScreenshotBytes + 2)
    return failAs("too-large", "the screenshot has about " + std::to_string(bytes) + " bytes, at most " +
                                   std::to_string(limits.maxScreenshotBytes) + " are taken");
  auto decoded = fromBase64(text);
  if (!decoded) return failAs("invalid", "\"screenshot\": \"data\" is not valid base64");
  if (decoded->size() > limits.maxScreenshotBytes)
    return failAs("too-large", "the screenshot has " + std::to_string(decoded->size()) + " bytes, at most " +
                                   std::to_string(limits.maxScreenshotBytes) + " are taken");
  if (decoded->empty()) return failAs("invalid", "\"screenshot\": \"data\" is empty");
  return std::optional<ReportScreenshot>(ReportScreenshot{type->get<std::string>(), std::move(*decoded)});
}

}  // namespace

Result<ScreenReport> parseReport(std::string_view body, const ReportLimits& limits) {
  if (body.size() > maxReportBody(limits))
    return failAs("too-large", "the report has " + std::to_string(body.size()) + " bytes, at most " +
                                   std::to_string(maxReportBody(limits)) + " are taken");
  json root = json::parse(body, nullptr, false);
  if (root.is_discarded()) return failAs("malformed", "the report is not JSON");
  if (!root.is_object()) return failAs("malformed", "the report must be a JSON object");
  // Without its screenshot a report is small: the rest may not grow into the screenshot's room.
  std::size_t shotText = 0;
  if (auto it = root.find("screenshot"); it != root.end() && it->is_object())
    if (auto data = it->find("data"); data != it->end() && data->is_string()) shotText = data->get_ref<const std::string&>().size();
  if (body.size() - std::min(shotText, body.size()) > limits.maxBytes)
    return failAs("too-large", "the report has " + std::to_string(body.size() - shotText) + " bytes besides its screenshot, at most " +
                                   std::to_string(limits.maxBytes) + " are taken");
  ReportReader rd{root, {}};
  ScreenReport r;
  const std::size_t name = limits.maxName;
  const bool ok = rd.text("screen", r.screen, name, true) && rd.list("groups", r.groups, limits.maxList, name) &&
                  rd.list("rooms", r.rooms, limits.maxList, name) && rd.text("version", r.version, name) &&
                  rd.integer("seconds", r.seconds, 1, 86400) && rd.text("feedUrl", r.feedUrl, limits.maxUrl) &&
                  rd.text("feedId", r.feedId, name) && rd.integer("revision", r.revision, 0, 1LL << 53) &&
                  rd.optionalInteger("contentAgeSeconds", r.contentAgeSeconds, -(1LL << 40), 1LL << 40) &&
                  rd.text("fault", r.fault, name) && rd.text("faultText", r.faultText, limits.maxText, false, true) &&
                  rd.integer("uptimeSeconds", r.uptimeSeconds, 0, 1LL << 40) &&
                  rd.number("framesPerSecond", r.framesPerSecond, 0, 1000) &&
                  rd.number("slowestFrameMs", r.slowestFrameMs, 0, 3600000) &&
                  rd.optionalInteger("freeDiskBytes", r.freeDiskBytes, 0, 1LL << 60) && rd.boolean("dark", r.dark) &&
                  rd.optionalInteger("throttled", r.throttled, 0, 0xffffffffLL) &&
                  rd.integer("sequence", r.sequence, 1, 1LL << 62);
  if (!ok) return failAs("invalid", rd.error);
  if (rd.get("temperatureC")) {
    double c = 0;
    if (!rd.number("temperatureC", c, -60, 200)) return failAs("invalid", rd.error);
    r.temperatureC = c;
  }
  auto shot = readScreenshot(root, limits);
  if (!shot) return Unexpected{shot.error()};
  r.screenshot = std::move(*shot);
  return r;
}

Instant offlineAt(Instant lastSeen, int seconds) {
  return lastSeen + std::chrono::seconds((static_cast<std::int64_t>(seconds) * 33 + 9) / 10);
}

bool screenOnline(Instant lastSeen, int seconds, Instant now) { return now <= offlineAt(lastSeen, seconds); }

}  // namespace sf::core
