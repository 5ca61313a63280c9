// Requests under /console/: who is asking (session cookie, re-checked against the users file),
// what they may do (role, CSRF token, sign-in limits), and a line in the audit log for every
// change and every refusal. Pages come from console_pages.cpp.
#include "console.hpp"

#include "console_internal.hpp"
#include "console_pages.hpp"
#include "console_text.hpp"
#include "core/base/text_util.hpp"
#include "core/feed/parse.hpp"
#include "core/feed/targeting.hpp"
#include "fleet_view.hpp"
#include "platform/crypto.hpp"
#include "platform/files.hpp"
#include "publish.hpp"

namespace sf::tools {

namespace ct = console_text;
using ct::say;
using platform::HttpResponse;

using namespace console_detail;

Console::Console(ConsoleOptions options)
    : o_(std::move(options)), audit_(o_.auditFile), sessions_(o_.idle, o_.absolute), limiter_(o_.perAddress, o_.perUser) {
  if (!o_.clock) o_.clock = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
  dummyHash_ = hashPassword(platform::randomHex(32)).value_or(std::string());
  preview_ = std::make_unique<PreviewRenderer>(o_.preview);
}

core::Instant Console::now() const { return o_.clock(); }

void Console::audit(const Context& c, const std::string& action, const std::string& outcome, const std::string& detail) {
  auditAs(c.session ? c.session->user : c.form.count("user") ? c.form.at("user").substr(0, 64) : "", c.req.remote, action, outcome, detail);
}

void Console::auditAs(const std::string& user, const std::string& remote, const std::string& action, const std::string& outcome,
                      const std::string& detail) {
  AuditEntry e{now(), user, remote, action, outcome, detail};
  if (auto done = audit_.append(e); !done && o_.log) o_.log("console: the audit log was not written: " + done.error().message);
}

namespace {

// What every console answer carries, the slow ones (a sign-in) included.
void consoleHeaders(HttpResponse& res, const std::string& lang, const std::string& asked, bool tls) {
  res.headers.emplace_back("Content-Security-Policy", kPolicy);
  res.headers.emplace_back("X-Frame-Options", "DENY");
  res.headers.emplace_back("X-Content-Type-Options", "nosniff");
  res.headers.emplace_back("Referrer-Policy", "same-origin");
  res.headers.emplace_back("Content-Language", lang);
  if (std::none_of(res.headers.begin(), res.headers.end(), [](const auto& h) { return h.first == "Cache-Control"; }))
    res.headers.emplace_back("Cache-Control", "no-store");
  if (asked == "de" || asked == "en") res.headers.emplace_back("Set-Cookie", cookie("sf_lang", asked, tls, "31536000"));
}

}  // namespace

std::optional<HttpResponse> Console::answer(const platform::HttpRequest& req) {
  if (req.path != "/console" && !req.path.starts_with("/console/")) return std::nullopt;
  Context c{req, "de", {}, std::nullopt, {}, req.method == "GET" || req.method == "HEAD"};
  const std::string cookies = req.header("Cookie");
  const std::string asked = req.query ? req.query("lang") : std::string();
  const std::string kept = cookieValue(cookies, "sf_lang");
  c.lang = fleetLanguage(asked == "de" || asked == "en" ? asked : kept, req.header("Accept-Language"));
  if (req.method == "POST") c.form = parseForm(req.body);
  std::lock_guard lock(mutex_);
  c.sessionCookie = cookieValue(cookies, "sf_session");
  if (!c.sessionCookie.empty()) {
    c.session = sessions_.use(c.sessionCookie, now());
    // A removed user, a new role or a new password ends the session at the next request.
    if (c.session) {
      const auto users = readUsers(o_.usersFile);
      const User* u = users ? users->find(c.session->user) : nullptr;
      if (!u || u->hash != c.session->passwordHash || u->role != c.session->role) {
        sessions_.close(c.sessionCookie);
        c.session.reset();
      }
    }
  }
  HttpResponse res = route(c);
  const bool tls = o_.tls;
  const auto decorate = [lang = c.lang, asked, tls](std::function<HttpResponse()>& make) {
    if (make) make = [inner = std::move(make), lang, asked, tls] {
      HttpResponse r = inner();
      consoleHeaders(r, lang, asked, tls);
      return r;
    };
  };
  decorate(res.later);
  decorate(res.busy);
  consoleHeaders(res, c.lang, asked, tls);
  return res;
}

HttpResponse Console::route(Context& c) {
  const std::string& p = c.req.path;
  const bool post = c.req.method == "POST";
  if (!c.get && !post) return HttpResponse{405, {{"Allow", "GET, HEAD, POST"}, {"Content-Type", "text/plain; charset=utf-8"}}, "GET or POST\n"};
  if (p == "/console") return HttpResponse{301, {{"Location", "/console/"}}, ""};
  if (p == "/console/style.css" && c.get)
    return HttpResponse{200, {{"Content-Type", "text/css; charset=utf-8"}, {"Cache-Control", "no-cache"}}, consoleCss()};
  if (p == "/console/" && c.get) return redirect(c.session ? "/console/announce" : "/console/login");
  if (p == "/console/login") {
    if (post) return signIn(c);
    if (c.session) return redirect("/console/announce");
    const bool out = c.req.query && c.req.query("out") == "1";
    return signInPage(c.lang, 200, "", out ? say(ct::kSignedOut, c.lang) : "", false);
  }
  if (p == "/console/logout" && post) return signOut(c);
  if (p == "/console/announce" && c.get) {
    if (!c.session) return redirect("/console/login");
    const std::string done = c.req.query ? c.req.query("done") : std::string();
    return announcePage(c, 200, {}, done == "sent" ? say(ct::kSent, c.lang) : done == "ended" ? say(ct::kEnded, c.lang) : "", "");
  }
  if (p == "/console/announce" && post) return announce(c);
  if (p == "/console/announce/end" && post) return endAnnouncement(c);
  if (p == "/console/users" && c.get) return usersPage(c);
  if (p == "/console/publish" && c.get) {
    if (!c.session) return redirect("/console/login");
    const std::string done = c.req.query ? c.req.query("done") : std::string(), back = c.req.query ? c.req.query("rolledback") : std::string();
    const auto revisionNote = [&](const std::string& n, const ct::Words& w) {
      if (n.empty() || n.size() > 16 || n.find_first_not_of("0123456789") != std::string::npos) return std::string();
      return ct::sayNumber(w, c.lang, std::stoll(n));
    };
    const std::string note = revisionNote(done, ct::kPublished);
    return publishPage(c, 200, note.empty() ? revisionNote(back, ct::kRolledBack) : note, "");
  }
  if (p == "/console/publish" && post) return publish(c);
  if (p == "/console/rollback" && c.get) return rollbackPage(c);
  if (p == "/console/rollback" && post) return rollback(c);
  if (p == "/console/screens" && c.get) return screensPage(c);
  if (p.starts_with("/console/screens/shot/") && c.get) return screenShot(c, p.substr(22));
  if (p == "/console/programme" || p.starts_with("/console/programme/")) return programme(c);
  if (p == "/console/preview.js" && c.get)
    return HttpResponse{200, {{"Content-Type", "text/javascript; charset=utf-8"}, {"Cache-Control", "no-cache"}}, previewScript()};
  if (p == "/console/preview" && c.get) return previewPage(c);
  if (p == "/console/preview" && post) return previewStart(c);
  if (p.starts_with("/console/preview/img/") && c.get) return previewImage(c);
  if (p == "/console/announce/preview" && post) return previewAnnouncement(c);
  const bool known = p == "/console/login" || p == "/console/logout" || p == "/console/announce" || p == "/console/announce/end" ||
                     p == "/console/users" || p == "/console/style.css" || p == "/console/" || p == "/console/publish" ||
                     p == "/console/rollback" || p == "/console/screens" || p == "/console/preview" || p == "/console/preview.js" ||
                     p == "/console/announce/preview" || p.starts_with("/console/preview/img/");
  if (known) return HttpResponse{405, {{"Allow", post ? "GET, HEAD" : "POST"}, {"Content-Type", "text/plain; charset=utf-8"}}, "wrong method\n"};
  PageFrame f{c.lang, say(ct::kNotFound, c.lang), "/console/"};
  return HttpResponse{404, {{"Content-Type", "text/html; charset=utf-8"}},
                      consolePage(f, messageMain(c.lang, say(ct::kNotFound, c.lang), say(ct::kNotFound, c.lang)))};
}

HttpResponse Console::refuse(Context& c, int status, const std::string& action, const std::string& outcome, const std::string& text) {
  audit(c, action, outcome);
  PageFrame f{c.lang, text, "/console/"};
  if (c.session) {
    f.user = c.session->user;
    f.role = c.session->role;
    f.csrf = c.session->csrf;
  }
  return HttpResponse{status, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, messageMain(c.lang, say(ct::kConsole, c.lang), text))};
}

bool Console::checkCsrf(Context& c, const std::string& /*action*/) {
  const auto it = c.form.find("csrf");
  return c.session && it != c.form.end() && equalSecrets(it->second, c.session->csrf);
}

HttpResponse Console::signInPage(const std::string& lang, int status, const std::string& name, const std::string& note, bool error) {
  // The sign-in form's own token, in a cookie and in the form (double submit): a page elsewhere
  // cannot sign a browser in to an account of the attacker's choosing.
  const std::string token = platform::randomHex(32);
  PageFrame f{lang, say(ct::kSignIn, lang), "/console/login"};
  HttpResponse r{status, {{"Content-Type", "text/html; charset=utf-8"}}, consolePage(f, signInMain(lang, token, name, note, error))};
  r.headers.emplace_back("Set-Cookie", cookie("sf_signin", token, o_.tls, "3600"));
  return r;
}

// Checked here, on the server's thread and under the lock: the form's token, the limits and the
// users file. The password itself (Argon2id, about a second on a Pi) is checked by the server's
// worker, so screens' polls are answered meanwhile; the check counts against the limits until
// it ends. Unknown names are checked against a dummy hash: the same work, the same time.
HttpResponse Console::signIn(Context& c) {
  const std::string name = c.form.count("user") ? c.form.at("user").substr(0, 64) : "";
  std::string password = c.form.count("password") ? c.form.at("password") : "";
  const std::string token = cookieValue(c.req.header("Cookie"), "sf_signin");
  if (!equalSecrets(c.form.count("csrf") ? c.form.at("csrf") : "", token)) {
    audit(c, "sign-in", "csrf");
    return signInPage(c.lang, 403, name, say(ct::kFormStale, c.lang), true);
  }
  const core::Instant t = now();
  if (const auto wait = limiter_.refusedFor(c.req.remote, name, t)) {
    audit(c, "sign-in", "rate-limited", std::to_string(wait->count()) + " s");
    HttpResponse r = signInPage(c.lang, 429, name, ct::sayNumber(ct::kTooMany, c.lang, (wait->count() + 59) / 60), true);
    r.headers.emplace_back("Retry-After", std::to_string(wait->count()));
    return r;
  }
  const auto users = readUsers(o_.usersFile);
  if (!users) {
    if (o_.log) o_.log("console: " + users.error().message);
    return refuse(c, 503, "sign-in", "no-users-file", users.error().message);
  }
  const User* user = isValidUserName(name) ? users->find(name) : nullptr;
  std::optional<User> known;
  if (user) known = *user;
  const std::string hash = user ? user->hash : dummyHash_;
  limiter_.started(c.req.remote, name);
  HttpResponse r;
  r.later = [this, name, password, known, hash, remote = c.req.remote, lang = c.lang, old = c.sessionCookie] {
    const bool ok = !hash.empty() && verifyPassword(hash, password) && known;
    return finishSignIn(SignInAttempt{name, remote, lang, old, known}, ok);
  };
  r.busy = [this, name, remote = c.req.remote, lang = c.lang] {
    std::lock_guard lock(mutex_);
    limiter_.abandoned(remote, name);
    auditAs(name, remote, "sign-in", "busy");
    HttpResponse busy = signInPage(lang, 503, name, say(ct::kBusy, lang), true);
    busy.headers.emplace_back("Retry-After", "5");
    return busy;
  };
  return r;
}

// On the server's worker, after the password check: the verdict, under the lock again.
HttpResponse Console::finishSignIn(const SignInAttempt& a, bool ok) {
  std::lock_guard lock(mutex_);
  const core::Instant t = now();
  if (!ok) {
    limiter_.failed(a.remote, a.name, t);
    auditAs(a.name, a.remote, "sign-in", a.user ? "wrong-password" : "unknown-user");
    return signInPage(a.lang, 401, a.name, say(ct::kWrongLogin, a.lang), true);
  }
  limiter_.succeeded(a.remote, a.name);
  if (!a.oldSession.empty()) sessions_.close(a.oldSession);  // never keep an id chosen before sign-in
  Session s{platform::randomHex(32), platform::randomHex(32), a.user->name, a.user->role, a.user->hash};
  if (s.id.size() != 64 || s.csrf.size() != 64) {
    auditAs(a.name, a.remote, "sign-in", "no-randomness");
    PageFrame f{a.lang, say(ct::kSignIn, a.lang), "/console/"};
    return HttpResponse{503, {{"Content-Type", "text/html; charset=utf-8"}},
                        consolePage(f, messageMain(a.lang, say(ct::kConsole, a.lang), "no random numbers"))};
  }
  const Session& opened = sessions_.open(std::move(s), t);
  auditAs(a.name, a.remote, "sign-in", "ok", roleName(a.user->role));
  HttpResponse r = redirect("/console/announce");
  r.headers.emplace_back("Set-Cookie", cookie("sf_session", opened.id, o_.tls));
  r.headers.emplace_back("Set-Cookie", cookie("sf_signin", "", o_.tls, "0"));
  return r;
}

HttpResponse Console::signOut(Context& c) {
  if (!c.session) return refuse(c, 403, "sign-out", "no-session", say(ct::kExpired, c.lang));
  if (!checkCsrf(c, "sign-out")) return refuse(c, 403, "sign-out", "csrf", say(ct::kFormStale, c.lang));
  audit(c, "sign-out", "ok");
  sessions_.close(c.session->id);
  HttpResponse r = redirect("/console/login?out=1");
  r.headers.emplace_back("Set-Cookie", cookie("sf_session", "", o_.tls, "0"));
  return r;
}

HttpResponse Console::usersPage(Context& c) {
  if (!c.session) return redirect("/console/login");
  if (c.session->role != Role::Admin) return refuse(c, 403, "users", "forbidden", say(ct::kForbidden, c.lang));
  const auto users = readUsers(o_.usersFile);
  PageFrame f{c.lang, say(ct::kUsers, c.lang), "/console/users", c.session->user, c.session->role, c.session->csrf};
  return HttpResponse{200, {{"Content-Type", "text/html; charset=utf-8"}},
                      consolePage(f, usersMain(c.lang, users ? users->users : std::vector<User>{}))};
}

}  // namespace sf::tools
