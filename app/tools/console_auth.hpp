// The console's security rules without a server: sessions with idle and absolute expiry, the
// sign-in limiter, CSRF comparison, and reading forms and cookies. `now` is always a parameter.
#pragma once
#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/time.hpp"
#include "users.hpp"

namespace sf::tools {

struct Session {
  std::string id;    // the cookie's value: 32 random bytes as hex
  std::string csrf;  // the forms' token: 32 random bytes as hex, one per session
  std::string user;
  Role role = Role::Organiser;
  std::string passwordHash;  // as at sign-in: a new password (or removal) ends the session
  core::Instant created{}, lastUsed{};
};

class SessionTable {
 public:
  SessionTable(std::chrono::seconds idle, std::chrono::seconds absolute, std::size_t maxSessions = 1000)
      : idle_(idle), absolute_(absolute), max_(maxSessions) {}

  // Adds a session. When the table is full the least recently used one makes room.
  const Session& open(Session s, core::Instant now);
  // The live session `id`, its idle clock restarted; nothing when unknown, idle too long or
  // older than the absolute limit (it is then forgotten).
  std::optional<Session> use(std::string_view id, core::Instant now);
  bool close(std::string_view id);  // sign-out: the id is worthless from now on
  std::size_t size() const { return sessions_.size(); }

 private:
  std::chrono::seconds idle_, absolute_;
  std::size_t max_;
  std::map<std::string, Session, std::less<>> sessions_;
};

// Failed sign-ins counted per key (an address, a user name) within `window`; `maxFailures`
// within it lock the key until `lockout` after the last failure. The table stays bounded.
struct LimitRule {
  int maxFailures = 5;
  std::chrono::seconds window{15 * 60};
  std::chrono::seconds lockout{15 * 60};
};

class LoginLimiter {
 public:
  // `maxInFlight`: password checks one address may have running or queued at once.
  LoginLimiter(LimitRule perAddress, LimitRule perUser, int maxInFlight = 3)
      : address_(perAddress), user_(perUser), maxInFlight_(maxInFlight) {}
  // How long sign-in for this address and name stays refused; nothing when it may be tried.
  // Checks still running count as failures until they end, so parallel guesses gain nothing.
  std::optional<std::chrono::seconds> refusedFor(const std::string& address, const std::string& user, core::Instant now) const;
  // A password check starts (off the server's thread); each start ends in exactly one of the three.
  void started(const std::string& address, const std::string& user);
  void failed(const std::string& address, const std::string& user, core::Instant now);
  void succeeded(const std::string& address, const std::string& user);  // the name's count starts again; the address's stays
  void abandoned(const std::string& address, const std::string& user);  // never checked (the server was busy)

 private:
  struct Count {
    int failures = 0;
    core::Instant first{}, last{};
  };
  static std::optional<std::chrono::seconds> locked(const std::map<std::string, Count>& table, const std::string& key,
                                                    const LimitRule& rule, core::Instant now, int inFlight);
  static void add(std::map<std::string, Count>& table, const std::string& key, const LimitRule& rule, core::Instant now);
  void finish(const std::string& address, const std::string& user);
  LimitRule address_, user_;
  int maxInFlight_;
  std::map<std::string, Count> addresses_, users_;
  std::map<std::string, int> addressesInFlight_, usersInFlight_;
};

// Equal secrets, compared in time that depends on their lengths only (tokens have a fixed length).
bool equalSecrets(std::string_view a, std::string_view b);

// application/x-www-form-urlencoded: names to values ('+' is a space, %XX a byte). At most
// `maxFields` fields; a repeated name keeps its first value.
std::map<std::string, std::string> parseForm(std::string_view body, std::size_t maxFields = 64);
// The value of cookie `name` in a Cookie header, or "".
std::string cookieValue(std::string_view header, std::string_view name);

}  // namespace sf::tools
