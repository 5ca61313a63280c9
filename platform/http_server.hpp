// A small HTTP server made to face a stand's network (libmicrohttpd behind a struct interface):
// bounded connections in total and per address, bounded headers, slow and idle clients cut off.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sf::platform {

struct ServerLimits {
  unsigned maxConnections = 256;
  unsigned maxPerAddress = 16;            // one screen needs one or two
  std::chrono::seconds requestTimeout{10};  // to send a request's headers, and idle between requests
  std::size_t connectionMemory = 16 * 1024;  // request line, headers and buffers of one connection
  // Request bodies (POST, PUT) are read up to this size and handed to the handler; a larger one
  // is answered 413 without reading it. 0: bodies are not read (GET-only servers).
  std::size_t maxBody = 0;
  // Slow answers (HttpResponse::later) run on this many worker threads (0: none, every slow
  // answer is busy), and at most `workQueue` of them wait for a free worker; beyond that the
  // request is answered as busy at once.
  unsigned workers = 0;
  unsigned workQueue = 8;
};

struct HttpRequest {
  std::string method;
  std::string path;    // percent-decoded, without the query
  std::string remote;  // the client's address
  std::function<std::string(const char* name)> header;  // a request header, or ""
  std::string body;    // with ServerLimits::maxBody, the request's body
  std::function<std::string(const char* name)> query;  // a query argument (percent-decoded), or ""; may be empty
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // small replies
  // A file's bytes, sent from the descriptor without reading them into memory; the server
  // closes the descriptor.
  int fd = -1;
  std::uint64_t offset = 0, length = 0;
  // Work too slow for the one event thread (a password check takes a second on a Pi): when set,
  // this connection waits while a worker runs `later` and is answered with what it returns, and
  // the event thread goes on serving everyone else. When the workers' queue is full, `busy`
  // answers at once on the event thread (empty: a plain 503 with Retry-After). Neither may call
  // the request's header or query functions: they copy what they need before.
  std::function<HttpResponse()> later, busy;
};

// HTTPS (libmicrohttpd with GnuTLS): a PEM certificate (with its chain) and its private key.
// Both empty: plain HTTP.
struct ServerTls {
  std::string certPem;
  std::string keyPem;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;
using HttpLogger = std::function<void(const std::string& line)>;

class HttpServer {
 public:
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Listens on `address` (IPv4 or IPv6 literal) and `port` (0: any free port) and answers on
  // its own thread, over TLS when `tls` holds a certificate. Returns the server, or null and the
  // reason in `error`.
  static std::unique_ptr<HttpServer> start(const std::string& address, int port, const ServerLimits& limits,
                                           HttpHandler handler, HttpLogger log, std::string& error, const ServerTls& tls = {});
  int port() const { return port_; }
  void stop();

  struct State;

 private:
  HttpServer() = default;
  void reap();
  void work();

  std::unique_ptr<State> state_;
  int port_ = 0;
};

}  // namespace sf::platform
