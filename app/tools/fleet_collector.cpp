// Routing, the token, rate limits and the report intake of the collector. Every refusal says
// in plain words why, so whoever sets up a screen sees it in the screen's journal.
#include "fleet_collector.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/base/text_util.hpp"
#include "fleet_view.hpp"
#include "platform/crypto.hpp"

namespace sf::tools {
namespace {

platform::HttpResponse text(int status, const std::string& body) {
  return {status, {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}}, body + "\n"};
}

// Base64 as HTTP Basic authentication uses it (RFC 4648, with padding); empty when malformed.
std::string fromBase64(const std::string& in) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    const auto pos = alphabet.find(c);
    if (pos == std::string::npos) return {};
    buffer = (buffer << 6) | static_cast<unsigned>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

core::Instant systemNow() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace

bool sameSecret(const std::string& a, const std::string& b) {
  // Hashes first: equal lengths, so neither the length nor the first differing byte shows in
  // the time taken.
  const std::string ha = platform::sha256Hex(a), hb = platform::sha256Hex(b);
  unsigned char diff = 0;
  for (std::size_t i = 0; i < ha.size() && i < hb.size(); ++i) diff |= static_cast<unsigned char>(ha[i] ^ hb[i]);
  return diff == 0 && ha.size() == hb.size();
}

FleetCollector::FleetCollector(FleetStore& store, CollectorOptions options) : store_(store), o_(std::move(options)) {
  if (!o_.clock) o_.clock = systemNow;
}

core::Instant FleetCollector::now() const { return o_.clock(); }

bool FleetCollector::authorised(const platform::HttpRequest& req) const {
  const std::string auth = req.header("Authorization");
  if (auth.starts_with("Bearer ")) return sameSecret(auth.substr(7), o_.token);
  // A browser: Basic with any user name and the token as the password.
  if (auth.starts_with("Basic ")) {
    const std::string pair = fromBase64(auth.substr(6));
    const auto colon = pair.find(':');
    return colon != std::string::npos && sameSecret(pair.substr(colon + 1), o_.token);
  }
  return false;
}

bool FleetCollector::allow(std::map<std::string, std::pair<double, core::Instant>>& buckets, const std::string& key,
                           double burst, double perSecond, core::Instant t) {
  // A bounded table: when it is full, buckets that have refilled long ago carry no information.
  if (buckets.size() > 20000) std::erase_if(buckets, [&](const auto& b) { return t - b.second.second > std::chrono::minutes{10}; });
  auto [it, added] = buckets.try_emplace(key, burst, t);
  auto& [tokens, last] = it->second;
  tokens = std::min(burst, tokens + perSecond * static_cast<double>((t - last).count()));
  last = t;
  if (tokens < 1) return false;
  tokens -= 1;
  return true;
}

platform::HttpResponse FleetCollector::receive(const platform::HttpRequest& req) {
  const core::Instant t = now();
  if (!allow(addressBuckets_, req.remote, o_.burstPerAddress, o_.perAddressPerSecond, t)) {
    auto r = text(429, "too many reports from this address; try again in a few seconds");
    r.headers.emplace_back("Retry-After", "5");
    return r;
  }
  if (!authorised(req)) return text(401, "wrong or missing token: send Authorization: Bearer <the fleet token>");
  auto report = core::parseReport(req.body, o_.limits);
  if (!report) return text(report.error().kind == "too-large" ? 413 : 400, "report refused: " + report.error().message);
  ShotInfo shot;
  if (report->screenshot) {
    // The image's header before anything else; a screenshot that is not what it says refuses
    // the whole report, which no screen of ours sends.
    auto checked = checkScreenshot(report->screenshot->bytes, report->screenshot->type, o_.shotLimits);
    if (!checked) return text(checked.error().kind == "too-large" ? 413 : 400, "report refused: " + checked.error().message);
    shot = *checked;
  }
  // A screen's own signature, when it sends one: checked here, pinned by the store.
  std::string key;
  if (const std::string header = req.header(core::kReportSignatureHeader); !header.empty()) {
    const auto signature = core::parseReportSignature(header);
    if (!signature)
      return text(400, std::string("report refused: ") + core::kReportSignatureHeader + " must be \"ed25519 <public key> <signature>\" in base64");
    if (!platform::verifyDetached(core::reportSigningText(req.body), signature->signature, signature->publicKey))
      return text(401, "report refused: its signature does not match its body and key");
    key = signature->publicKey;
  }
  // One report per beat is the norm; a burst is allowed (restarts), a stream is not.
  const double refill = 1.0 / std::max(1, std::min(report->seconds, 60));
  if (!allow(screenBuckets_, report->screen, o_.burstPerScreen, refill, t)) {
    auto r = text(429, "too many reports from screen " + core::quoteShort(report->screen) + "; it should report once per beat");
    r.headers.emplace_back("Retry-After", std::to_string(std::max(1, report->seconds)));
    return r;
  }
  if (auto stored = store_.record(*report, req.remote, t, shot.width, shot.height, key); !stored) {
    const std::string& kind = stored.error().kind;
    const bool refused = kind == "full" || kind == "unsigned" || kind == "other-key" || kind == "replay";
    return text(refused ? 403 : 503, (refused ? "report refused: " : "report not kept: ") + stored.error().message);
  }
  return text(200, "ok");
}

std::optional<platform::HttpResponse> FleetCollector::answer(const platform::HttpRequest& req) {
  const std::string& p = req.path;
  if (p != "/fleet" && !p.starts_with("/fleet/") && p != "/metrics") return std::nullopt;
  if (p == "/fleet/report") {
    if (req.method != "POST") return text(405, "reports are sent with POST");
    return receive(req);
  }
  if (req.method != "GET" && req.method != "HEAD") return text(405, "only GET here");
  if (!authorised(req)) {
    auto r = text(401, "the fleet needs its token: as the password (any user name), or as Authorization: Bearer <token>");
    r.headers.emplace_back("WWW-Authenticate", "Basic realm=\"schaufenster fleet\", charset=\"UTF-8\"");
    return r;
  }
  if (p == "/fleet") return platform::HttpResponse{301, {{"Location", "/fleet/"}}, ""};
  if (p == "/fleet/") {
    const std::string lang = fleetLanguage(req.query ? req.query("lang") : std::string(), req.header("Accept-Language"));
    return platform::HttpResponse{200, {{"Content-Type", "text/html; charset=utf-8"}, {"Cache-Control", "no-store"},
                                        {"Content-Language", lang}, {"Vary", "Accept-Language"},
                                        {"Content-Security-Policy",
                                         "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src 'self'"}},
                                  page(lang)};
  }
  if (p == "/fleet/refresh.js")
    return platform::HttpResponse{200, {{"Content-Type", "text/javascript; charset=utf-8"}, {"Cache-Control", "no-cache"}}, fleetScript()};
  if (p == "/fleet/screens.json")
    return platform::HttpResponse{200, {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}}, screensJson()};
  if (p.starts_with("/fleet/shot/")) return screenshot(p.substr(12));
  if (p == "/metrics") return platform::HttpResponse{200, {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}}, metrics()};
  return text(404, "no such fleet page (try /fleet/, /fleet/screens.json or /metrics)");
}

platform::HttpResponse FleetCollector::screenshot(const std::string& name) {
  // Only ID.png or ID.jpg with a 16-digit hex id: the id is looked up in the database, so no
  // path from the network ever reaches the file system.
  const bool png = name.ends_with(".png"), jpg = name.ends_with(".jpg");
  const std::string id = name.substr(0, name.size() > 4 ? name.size() - 4 : 0);
  const bool wellFormed = (png || jpg) && id.size() == 16 &&
                          std::all_of(id.begin(), id.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  if (!wellFormed) return text(404, "no such screenshot (screenshots are /fleet/shot/ID.png or ID.jpg as /fleet/screens.json names them)");
  auto stored = store_.shot(id);
  if (!stored) return text(503, stored.error().message);
  if (!*stored || ((*stored)->type == "png") != png) return text(404, "no such screenshot (the screen may have sent a newer one)");
  return platform::HttpResponse{200,
                                {{"Content-Type", png ? "image/png" : "image/jpeg"},
                                 {"X-Content-Type-Options", "nosniff"},
                                 {"Content-Security-Policy", "default-src 'none'; sandbox"},
                                 // The page links each screenshot with its time, so a cached one is never stale.
                                 {"Cache-Control", "private, max-age=86400"}},
                                std::move((*stored)->bytes)};
}

std::string FleetCollector::screensJson() {
  const core::Instant t = now();
  auto rows = store_.screens();
  auto history = store_.history("", 50);
  return fleetJson(fleetView(rows ? std::move(*rows) : std::vector<ScreenRow>{}, t), history ? *history : std::vector<FleetEvent>{}, t);
}

std::string FleetCollector::page(std::string_view lang) {
  const core::Instant t = now();
  auto rows = store_.screens();
  auto history = store_.history("", 20);
  return fleetPage(fleetView(rows ? std::move(*rows) : std::vector<ScreenRow>{}, t), history ? *history : std::vector<FleetEvent>{}, t,
                   lang);
}

std::string FleetCollector::metrics() {
  auto rows = store_.screens();
  return fleetMetrics(fleetView(rows ? std::move(*rows) : std::vector<ScreenRow>{}, now()));
}

void FleetCollector::sweep() {
  const core::Instant t = now();
  // The light query first: most seconds nothing changed, and no report need be read.
  auto presence = store_.presence();
  if (!presence) return;
  const bool changed = std::any_of(presence->begin(), presence->end(), [&](const FleetStore::Presence& p) {
    return core::screenOnline(p.lastSeen, p.seconds, t) != p.online;
  });
  if (!changed) return;
  auto rows = store_.screens();
  if (!rows) return;
  for (const auto& r : *rows) {
    const bool online = core::screenOnline(r.lastSeen, r.report.seconds, t);
    if (online == r.wasOnline) continue;
    (void)store_.setOnline(r.report.screen, online, t);
    if (o_.log) o_.log("fleet: screen " + core::escapeControls(r.report.screen) + (online ? " is back online" : " went offline"));
    if (o_.notify) {
      const nlohmann::json event{{"screen", r.report.screen}, {"event", online ? "online" : "offline"},
                                 {"at", core::formatInstant(t, core::TimeZone::utc())}, {"groups", r.report.groups},
                                 {"rooms", r.report.rooms}, {"lastSeen", core::formatInstant(r.lastSeen, core::TimeZone::utc())}};
      o_.notify(event.dump());
    }
  }
}

}  // namespace sf::tools
