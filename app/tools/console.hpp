// The organisers' console behind `serve --console`: signing in with the users file, sessions,
// CSRF tokens, sign-in limits, the audit log and the pages under /console/ (announce, users).
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "announce_service.hpp"
#include "audit_log.hpp"
#include "console_auth.hpp"
#include "console_pages.hpp"
#include "platform/http_server.hpp"
#include "preview_renderer.hpp"

namespace sf::tools {

class FleetStore;

struct ConsoleOptions {
  std::string usersFile;  // read again at each sign-in and request: `user remove` takes effect at once
  std::string auditFile;
  FeedPlace feed;         // the organiser's feed and the published folder announcements go to
  std::vector<std::string> syncSources;  // the sources of `sync` whose base feed `feed` is: their events' fixes need pinning
  bool tls = false;       // cookies get Secure
  FleetStore* fleet = nullptr;  // with `serve --fleet`: the Screens page shows its screens
  std::string syncStatus;       // with `serve --sync-state DIR`: DIR/sync-status.json for the Screens page
  std::chrono::seconds idle{30 * 60}, absolute{12 * 60 * 60};
  LimitRule perUser{5, std::chrono::minutes{15}, std::chrono::minutes{15}};
  LimitRule perAddress{20, std::chrono::minutes{15}, std::chrono::minutes{15}};
  std::function<core::Instant()> clock;  // empty: the system clock
  std::function<void(const std::string&)> log;  // an audit line that could not be written
  PreviewRendererOptions preview;                // the program that draws previews, and its bounds
  std::function<std::vector<PreviewScreen>()> fleetScreens;  // with serve --fleet: the screens known
};

class Console {
 public:
  explicit Console(ConsoleOptions options);
  // The answer for a path under /console, or nothing for any other path.
  std::optional<platform::HttpResponse> answer(const platform::HttpRequest& request);

 private:
  struct Context;
  // A sign-in whose password is being checked off the server's thread: what its end needs.
  struct SignInAttempt {
    std::string name, remote, lang, oldSession;
    std::optional<User> user;  // the name's entry, when there is one
  };
  platform::HttpResponse route(Context& c);
  platform::HttpResponse signIn(Context& c);
  platform::HttpResponse finishSignIn(const SignInAttempt& attempt, bool ok);
  platform::HttpResponse signInPage(const std::string& lang, int status, const std::string& name, const std::string& note, bool error);
  platform::HttpResponse signOut(Context& c);
  platform::HttpResponse announcePage(Context& c, int status, const AnnounceForm& form, const std::string& note, const std::string& error,
                                      const std::string& previewHtml = {});
  platform::HttpResponse announce(Context& c);
  platform::HttpResponse endAnnouncement(Context& c);
  platform::HttpResponse usersPage(Context& c);
  platform::HttpResponse publishPage(Context& c, int status, const std::string& note, const std::string& error);
  platform::HttpResponse publish(Context& c);
  platform::HttpResponse rollbackPage(Context& c);
  platform::HttpResponse rollback(Context& c);
  platform::HttpResponse screensPage(Context& c);
  platform::HttpResponse screenShot(Context& c, const std::string& name);
  // The Programme page (console_programme.cpp).
  platform::HttpResponse programme(Context& c);
  platform::HttpResponse programmeList(Context& c);
  platform::HttpResponse programmeEventPage(Context& c, int status, const std::string& id, const std::string& note, const std::string& error,
                                            const std::vector<std::string>& reasons, bool keepForm);
  platform::HttpResponse programmeChange(Context& c);
  platform::HttpResponse programmeNewPage(Context& c, int status, const std::string& error, const std::vector<std::string>& reasons);
  platform::HttpResponse programmeAdd(Context& c);
  std::string syncSourceOf(const std::string& eventId) const;  // the sync source an event came from, or ""
  platform::HttpResponse previewPage(Context& c);
  platform::HttpResponse previewStart(Context& c);
  platform::HttpResponse previewImage(Context& c);
  platform::HttpResponse previewAnnouncement(Context& c);
  platform::HttpResponse refuse(Context& c, int status, const std::string& action, const std::string& outcome, const std::string& text);
  bool checkCsrf(Context& c, const std::string& action);
  void audit(const Context& c, const std::string& action, const std::string& outcome, const std::string& detail = {});
  void auditAs(const std::string& user, const std::string& remote, const std::string& action, const std::string& outcome,
               const std::string& detail = {});
  core::Instant now() const;

  ConsoleOptions o_;
  AuditLog audit_;
  std::mutex mutex_;  // sessions, limiter, audit log and one feed edit at a time (password checks run outside it)
  SessionTable sessions_;
  LoginLimiter limiter_;
  std::string dummyHash_;  // verified against for unknown names, so timing does not tell names apart
  std::unique_ptr<PreviewRenderer> preview_;  // its own lock and worker: a render never holds mutex_
};

}  // namespace sf::tools
