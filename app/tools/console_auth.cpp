// Sessions and limits for the console. Pure: the clock and the random tokens come from the caller,
// so the tests step through idle and absolute expiry and lockouts without waiting.
#include "console_auth.hpp"

#include <algorithm>

namespace sf::tools {

const Session& SessionTable::open(Session s, core::Instant now) {
  std::erase_if(sessions_, [&](const auto& e) { return now - e.second.lastUsed > idle_ || now - e.second.created > absolute_; });
  while (sessions_.size() >= max_ && !sessions_.empty()) {
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(),
                                   [](const auto& a, const auto& b) { return a.second.lastUsed < b.second.lastUsed; });
    sessions_.erase(oldest);
  }
  s.created = s.lastUsed = now;
  const std::string id = s.id;
  return sessions_.insert_or_assign(id, std::move(s)).first->second;
}

std::optional<Session> SessionTable::use(std::string_view id, core::Instant now) {
  const auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.lastUsed > idle_ || now - it->second.created > absolute_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.lastUsed = now;
  return it->second;
}

bool SessionTable::close(std::string_view id) {
  const auto it = sessions_.find(id);
  if (it == sessions_.end()) return false;
  sessions_.erase(it);
  return true;
}

std::optional<std::chrono::seconds> LoginLimiter::locked(const std::map<std::string, Count>& table, const std::string& key,
                                                         const LimitRule& rule, core::Instant now, int inFlight) {
  const auto it = table.find(key);
  int failures = it == table.end() ? 0 : it->second.failures;
  if (failures > 0 && failures < rule.maxFailures && now - it->second.first > rule.window) failures = 0;  // its window is over
  if (failures >= rule.maxFailures) {
    const auto until = it->second.last + rule.lockout;
    if (now < until) return std::chrono::duration_cast<std::chrono::seconds>(until - now);
    failures = 0;
  }
  // Checks still running: until they end, each may be one more failure. They end in seconds.
  if (inFlight > 0 && failures + inFlight >= rule.maxFailures) return std::chrono::seconds{5};
  return std::nullopt;
}

void LoginLimiter::add(std::map<std::string, Count>& table, const std::string& key, const LimitRule& rule, core::Instant now) {
  // Bounded: when the table grows large, counts whose window and lockout are over carry nothing.
  if (table.size() > 10000)
    std::erase_if(table, [&](const auto& e) { return now - e.second.last > std::max(rule.window, rule.lockout); });
  auto& c = table[key];
  const bool expired = c.failures > 0 && (c.failures < rule.maxFailures ? now - c.first > rule.window : now - c.last >= rule.lockout);
  if (c.failures == 0 || expired) c = {0, now, now};
  ++c.failures;
  c.last = now;
}

namespace {
int inFlightOf(const std::map<std::string, int>& table, const std::string& key) {
  const auto it = table.find(key);
  return it == table.end() ? 0 : it->second;
}
}  // namespace

std::optional<std::chrono::seconds> LoginLimiter::refusedFor(const std::string& address, const std::string& user,
                                                             core::Instant now) const {
  const int addressBusy = inFlightOf(addressesInFlight_, address);
  auto a = locked(addresses_, address, address_, now, addressBusy);
  if (!a && addressBusy >= maxInFlight_) a = std::chrono::seconds{5};
  const auto u = locked(users_, user, user_, now, inFlightOf(usersInFlight_, user));
  if (a && u) return std::max(*a, *u);
  return a ? a : u;
}

void LoginLimiter::started(const std::string& address, const std::string& user) {
  ++addressesInFlight_[address];
  ++usersInFlight_[user];
}

void LoginLimiter::finish(const std::string& address, const std::string& user) {
  // Only keys with checks running are kept: the tables stay as small as the server's queue.
  if (auto it = addressesInFlight_.find(address); it != addressesInFlight_.end() && --it->second <= 0) addressesInFlight_.erase(it);
  if (auto it = usersInFlight_.find(user); it != usersInFlight_.end() && --it->second <= 0) usersInFlight_.erase(it);
}

void LoginLimiter::failed(const std::string& address, const std::string& user, core::Instant now) {
  finish(address, user);
  add(addresses_, address, address_, now);
  add(users_, user, user_, now);
}

void LoginLimiter::succeeded(const std::string& address, const std::string& user) {
  finish(address, user);
  users_.erase(user);
}

void LoginLimiter::abandoned(const std::string& address, const std::string& user) { finish(address, user); }

bool equalSecrets(std::string_view a, std::string_view b) {
  const std::size_t n = std::max(a.size(), b.size());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0 && !a.empty();
}

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string formDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hexValue(s[i + 1]) >= 0 && hexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(hexValue(s[i + 1]) * 16 + hexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::map<std::string, std::string> parseForm(std::string_view body, std::size_t maxFields) {
  std::map<std::string, std::string> out;
  std::size_t fields = 0;
  while (!body.empty() && fields < maxFields) {
    const auto amp = body.find('&');
    const std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view() : body.substr(amp + 1);
    if (pair.empty()) continue;
    ++fields;
    const auto eq = pair.find('=');
    out.try_emplace(formDecode(pair.substr(0, eq)), eq == std::string_view::npos ? std::string() : formDecode(pair.substr(eq + 1)));
  }
  return out;
}

std::string cookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
  }
  return {};
}

}  // namespace sf::tools
