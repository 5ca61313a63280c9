// libmicrohttpd answers on one event-loop thread, so a thousand idle sockets cost memory, not
// threads. A reaper cuts connections that take too long to send their headers (slowloris); slow
// answers wait, suspended, for a small pool of workers with a bounded queue.
#include "http_server.hpp"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdarg>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "core/base/text_util.hpp"

namespace sf::platform {

struct HttpServer::State {
  MHD_Daemon* daemon = nullptr;
  ServerLimits limits;
  ServerTls tls;  // kept while the daemon runs: libmicrohttpd reads the PEM texts in place
  HttpHandler handler;
  HttpLogger log;

  // Each open connection: its socket, and since when it has owed us a request's headers.
  struct Connection {
    int fd = -1;
    std::chrono::steady_clock::time_point since;
    bool waiting = true;  // for headers (new or kept-alive connection), not busy with a request
    bool deferred = false;  // its answer went to the workers and has not been sent yet
  };
  std::mutex mutex;
  std::condition_variable wake;
  bool stopping = false;
  std::map<MHD_Connection*, Connection> connections;
  std::thread reaper;
  int deferredOpen = 0;  // connections with `deferred`: a stopping server lets them have their answer
  std::condition_variable drained;

  // Slow answers: suspended connections waiting for a worker. A mutex of their own, never held
  // while libmicrohttpd is called back into, except around the suspend that queues a job.
  struct Exchange;
  struct Job {
    MHD_Connection* connection = nullptr;
    Exchange* exchange = nullptr;
  };
  std::mutex workMutex;
  std::condition_variable workWake;
  bool workStopping = false;
  std::deque<Job> jobs;
  std::vector<std::thread> workers;
};

namespace {

using State = HttpServer::State;

std::string addressOf(MHD_Connection* c) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  if (!info || !info->client_addr) return "?";
  char buf[INET6_ADDRSTRLEN] = "?";
  const sockaddr* sa = info->client_addr;
  if (sa->sa_family == AF_INET) ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(sa)->sin_addr, buf, sizeof buf);
  else if (sa->sa_family == AF_INET6) ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(sa)->sin6_addr, buf, sizeof buf);
  return buf;
}

void onConnection(void* cls, MHD_Connection* c, void**, MHD_ConnectionNotificationCode code) {
  auto* s = static_cast<State*>(cls);
  std::lock_guard lock(s->mutex);
  if (code == MHD_CONNECTION_NOTIFY_STARTED) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    s->connections[c] = {info ? info->connect_fd : -1, std::chrono::steady_clock::now(), true};
  } else {
    if (auto it = s->connections.find(c); it != s->connections.end() && it->second.deferred) {
      --s->deferredOpen;
      s->drained.notify_all();
    }
    s->connections.erase(c);  // before libmicrohttpd closes the socket, so the reaper never touches a reused one
  }
}

}  // namespace

// A request that is not answered in one call: its body being read (Upload), or its slow answer
// being worked out while the connection is suspended (Waiting; `answer` is set before resuming).
struct HttpServer::State::Exchange {
  enum class Stage { Upload, Waiting } stage = Stage::Upload;
  std::string body;
  bool tooLarge = false;
  std::function<HttpResponse()> later;
  HttpResponse answer;
};

namespace {

using Exchange = State::Exchange;
int answered;  // any address serves as "this request has its answer"

void onCompleted(void* cls, MHD_Connection* c, void** requestState, MHD_RequestTerminationCode) {
  auto* s = static_cast<State*>(cls);
  if (requestState && *requestState && *requestState != &answered) delete static_cast<Exchange*>(*requestState);
  if (requestState) *requestState = nullptr;
  std::lock_guard lock(s->mutex);
  if (auto it = s->connections.find(c); it != s->connections.end()) {
    it->second.waiting = true;
    it->second.since = std::chrono::steady_clock::now();
    if (it->second.deferred) {
      it->second.deferred = false;
      --s->deferredOpen;
      s->drained.notify_all();
    }
  }
}

void onLibraryMessage(void* cls, const char* format, va_list ap) {
  auto* s = static_cast<State*>(cls);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, format, ap);
  std::string line(buf);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (s->log) s->log("server: " + core::escapeControls(line));
}

MHD_Response* makeResponse(HttpResponse& r) {
  if (r.fd >= 0) {
    MHD_Response* m = MHD_create_response_from_fd_at_offset64(r.length, r.fd, r.offset);
    if (!m) ::close(r.fd);  // ours again when libmicrohttpd did not take it
    r.fd = -1;
    return m;
  }
  return MHD_create_response_from_buffer(r.body.size(), r.body.data(), MHD_RESPMEM_MUST_COPY);
}

MHD_Result queue(MHD_Connection* c, HttpResponse res) {
  MHD_Response* m = makeResponse(res);
  if (!m) return MHD_NO;  // closes the connection
  for (const auto& [name, value] : res.headers) MHD_add_response_header(m, name.c_str(), value.c_str());
  const MHD_Result queued = MHD_queue_response(c, static_cast<unsigned>(res.status), m);
  MHD_destroy_response(m);
  return queued;
}

HttpResponse tooLarge(std::size_t limit) {
  return {413, {{"Content-Type", "text/plain; charset=utf-8"}, {"Connection", "close"}},
          "the request body is larger than " + std::to_string(limit) + " bytes\n"};
}

HttpResponse serverBusy() {
  return {503, {{"Content-Type", "text/plain; charset=utf-8"}, {"Retry-After", "5"}}, "busy; please try again in a few seconds\n"};
}

// A slow answer goes to the workers: the connection is suspended before the job is visible to
// them, so a worker never resumes a connection that is not yet suspended. A full queue (or a
// server that is stopping) answers as busy at once.
MHD_Result deferAnswer(State* s, MHD_Connection* c, void** requestState, HttpResponse res) {
  {
    std::unique_lock lock(s->workMutex);
    if (!s->workStopping && s->jobs.size() < s->limits.workQueue && s->limits.workers > 0) {
      auto* ex = new Exchange{Exchange::Stage::Waiting, {}, false, std::move(res.later), {}};
      *requestState = ex;
      MHD_suspend_connection(c);
      s->jobs.push_back({c, ex});
      lock.unlock();
      s->workWake.notify_one();
      // Nothing of this connection runs before we return (this is its event thread): safe to mark now.
      std::lock_guard connectionsLock(s->mutex);
      if (auto it = s->connections.find(c); it != s->connections.end()) {
        it->second.deferred = true;
        ++s->deferredOpen;
      }
      return MHD_YES;
    }
  }
  *requestState = &answered;
  return queue(c, res.busy ? res.busy() : serverBusy());
}

MHD_Result onRequest(void* cls, MHD_Connection* c, const char* url, const char* method, const char* /*version*/,
                     const char* data, std::size_t* uploadSize, void** requestState) {
  auto* s = static_cast<State*>(cls);
  const bool withBody = s->limits.maxBody > 0 && (std::strcmp(method, "POST") == 0 || std::strcmp(method, "PUT") == 0);
  if (*requestState == &answered) {
    *uploadSize = 0;  // a body we did not ask for is dropped; the reply is already queued
    return MHD_YES;
  }
  auto* ex = static_cast<Exchange*>(*requestState);
  if (ex && ex->stage == Exchange::Stage::Waiting) {
    // Resumed by the worker that set the answer.
    HttpResponse res = std::move(ex->answer);
    delete ex;
    *requestState = &answered;
    *uploadSize = 0;
    return queue(c, std::move(res));
  }
  if (!ex) {
    {
      std::lock_guard lock(s->mutex);
      if (auto it = s->connections.find(c); it != s->connections.end()) it->second.waiting = false;
    }
    if (withBody) {
      // A declared length over the limit is refused before a byte of it is read.
      const char* length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
      if (length && std::strtoull(length, nullptr, 10) > s->limits.maxBody) {
        *requestState = &answered;
        return queue(c, tooLarge(s->limits.maxBody));
      }
      *requestState = new Exchange;
      return MHD_YES;  // libmicrohttpd calls again with the body, then once more with none
    }
  }
  std::string body;
  if (ex) {
    if (*uploadSize > 0) {
      if (ex->body.size() + *uploadSize > s->limits.maxBody) ex->tooLarge = true;  // chunked, without a length
      else ex->body.append(data, *uploadSize);
      *uploadSize = 0;
      return MHD_YES;
    }
    const bool large = ex->tooLarge;
    body = std::move(ex->body);
    delete ex;
    if (large) {
      *requestState = &answered;
      return queue(c, tooLarge(s->limits.maxBody));
    }
  }
  *requestState = &answered;
  HttpRequest req{method, url, addressOf(c),
                  [c](const char* name) {
                    const char* v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
                    return std::string(v ? v : "");
                  },
                  std::move(body),
                  [c](const char* name) {
                    const char* v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
                    return std::string(v ? v : "");
                  }};
  HttpResponse res = s->handler(req);
  if (res.later) return deferAnswer(s, c, requestState, std::move(res));
  return queue(c, std::move(res));
}

}  // namespace

std::unique_ptr<HttpServer> HttpServer::start(const std::string& address, int port, const ServerLimits& limits,
                                              HttpHandler handler, HttpLogger log, std::string& error, const ServerTls& tls) {
  sockaddr_storage storage{};
  // poll(), not epoll: with libmicrohttpd 0.9.75's edge-triggered epoll, connections accepted as
  // the connection limit was reached sometimes sat unread until the request timeout and were closed
  // without an answer (up to 246 of 1,000 reports in a burst, in 13 of about 200 bursts of
  // sf_bench_fleet_collector); with poll() none in 90. Beyond the limit they wait in the listen queue.
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
  if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<std::uint16_t>(port));
  } else if (::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<std::uint16_t>(port));
    flags |= MHD_USE_IPv6;
  } else {
    error = "\"" + address + "\" is not an IP address (expected e.g. 0.0.0.0, 192.168.1.10 or ::)";
    return nullptr;
  }
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->state_ = std::make_unique<State>();
  State* s = server->state_.get();
  s->limits = limits;
  s->handler = std::move(handler);
  s->log = std::move(log);
  s->tls = tls;
  // The workers wait before the first request can arrive.
  for (unsigned i = 0; i < limits.workers; ++i) s->workers.emplace_back([srv = server.get()] { srv->work(); });
  // The certificate goes in as an option array, empty without TLS, so one call serves both.
  MHD_OptionItem tlsOptions[3] = {{MHD_OPTION_END, 0, nullptr}, {MHD_OPTION_END, 0, nullptr}, {MHD_OPTION_END, 0, nullptr}};
  if (!tls.certPem.empty() || !tls.keyPem.empty()) {
    if (!(MHD_is_feature_supported(MHD_FEATURE_TLS) == MHD_YES)) {
      error = "this libmicrohttpd was built without TLS";
      return nullptr;
    }
    flags |= MHD_USE_TLS;
    tlsOptions[0] = {MHD_OPTION_HTTPS_MEM_CERT, 0, const_cast<char*>(s->tls.certPem.c_str())};
    tlsOptions[1] = {MHD_OPTION_HTTPS_MEM_KEY, 0, const_cast<char*>(s->tls.keyPem.c_str())};
  }
  s->daemon = MHD_start_daemon(
      flags, 0, nullptr, nullptr, &onRequest, s, MHD_OPTION_ARRAY, tlsOptions, MHD_OPTION_EXTERNAL_LOGGER, &onLibraryMessage, s,
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&storage),
      MHD_OPTION_CONNECTION_LIMIT, limits.maxConnections, MHD_OPTION_PER_IP_CONNECTION_LIMIT, limits.maxPerAddress,
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(limits.requestTimeout.count()),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, limits.connectionMemory, MHD_OPTION_NOTIFY_CONNECTION, &onConnection, s,
      MHD_OPTION_NOTIFY_COMPLETED, &onCompleted, s, MHD_OPTION_END);
  if (!s->daemon) {
    error = "cannot listen on " + address + ":" + std::to_string(port) +
            (tls.certPem.empty() ? " (in use, or no permission)" : " (in use, no permission, or the certificate and key do not fit)");
    return nullptr;
  }
  const MHD_DaemonInfo* info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  server->port_ = info ? info->port : port;
  s->reaper = std::thread([srv = server.get()] { srv->reap(); });
  return server;
}

void HttpServer::reap() {
  State* s = state_.get();
  const auto step = std::max<std::chrono::milliseconds>(std::chrono::milliseconds(100), s->limits.requestTimeout / 8);
  std::unique_lock lock(s->mutex);
  while (!s->stopping) {
    s->wake.wait_for(lock, step);
    const auto now = std::chrono::steady_clock::now();
    for (auto& [c, conn] : s->connections) {
      // libmicrohttpd's own timeout restarts with every byte; a client that drips its headers
      // one byte at a time is cut here. The shutdown wakes the event loop, which closes it.
      if (conn.waiting && conn.fd >= 0 && now - conn.since > s->limits.requestTimeout) {
        ::shutdown(conn.fd, SHUT_RDWR);
        conn.since = now;
      }
    }
  }
}

// A worker: takes the oldest slow answer, works it out, and hands it back by resuming the
// connection (libmicrohttpd then calls onRequest again, which queues it).
void HttpServer::work() {
  State* s = state_.get();
  for (;;) {
    State::Job job;
    {
      std::unique_lock lock(s->workMutex);
      s->workWake.wait(lock, [s] { return s->workStopping || !s->jobs.empty(); });
      if (s->workStopping) return;
      job = s->jobs.front();
      s->jobs.pop_front();
    }
    job.exchange->answer = job.exchange->later();
    job.exchange->later = nullptr;
    MHD_resume_connection(job.connection);
  }
}

void HttpServer::stop() {
  if (!state_) return;
  {
    std::lock_guard lock(state_->mutex);
    state_->stopping = true;
  }
  state_->wake.notify_all();
  if (state_->reaper.joinable()) state_->reaper.join();
  // Workers finish the answer in hand; those still queued are told the server is going away.
  // libmicrohttpd must see no suspended connection when it stops.
  {
    std::lock_guard lock(state_->workMutex);
    state_->workStopping = true;
  }
  state_->workWake.notify_all();
  for (auto& w : state_->workers)
    if (w.joinable()) w.join();
  state_->workers.clear();
  for (const auto& job : state_->jobs) {
    job.exchange->answer = serverBusy();
    MHD_resume_connection(job.connection);
  }
  state_->jobs.clear();
  if (!state_->daemon) return;
  {
    // The event loop still runs: it sends those answers (for at most two seconds).
    std::unique_lock lock(state_->mutex);
    state_->drained.wait_for(lock, std::chrono::seconds{2}, [this] { return state_->deferredOpen <= 0; });
  }
  MHD_stop_daemon(state_->daemon);
  state_->daemon = nullptr;
}

HttpServer::~HttpServer() { stop(); }

}  // namespace sf::platform
