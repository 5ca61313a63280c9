// Many screens' reports in flight at once, for the collector's crash test and load benchmark: a
// plain HTTP/1.1 client on non-blocking sockets, each request from a loopback source address of its own.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace sf::test {

// 127.1.0.1, 127.1.0.2 … for screen 0, 1 …: the whole of 127/8 is loopback on Linux, so each
// simulated screen can connect from an address of its own, as screens in a venue do.
inline std::string screenAddress(std::size_t i) {
  return "127." + std::to_string(1 + i / 65000) + "." + std::to_string(i % 65000 / 250) + "." + std::to_string(1 + i % 250);
}

struct LoadJob {
  std::string source;  // the address to send from; empty: the kernel's choice
  std::string method = "POST";
  std::string path = "/fleet/report";
  std::string body;
  std::size_t tag = 0;  // the caller's own index
  // How long after connecting the request goes out: a slow network, whose connections stay open
  // longer at the server.
  std::chrono::milliseconds sendAfter{0};
};

struct LoadOutcome {
  std::size_t tag = 0;
  int status = 0;        // the HTTP status; 0 when no whole answer came
  std::string failure;   // with status 0: "connect: …", "closed before an answer", "reset: …", "timeout"
  bool connected = false;
  double ms = 0;         // from the connect() to the last byte of the answer
  std::string body;
};

class LoadClient {
 public:
  LoadClient(int port, std::string token, std::chrono::milliseconds timeout)
      : port_(port), token_(std::move(token)), timeout_(timeout), epoll_(::epoll_create1(EPOLL_CLOEXEC)) {}
  ~LoadClient() {
    for (auto& [id, c] : open_) ::close(c.fd);
    ::close(epoll_);
  }
  LoadClient(const LoadClient&) = delete;
  LoadClient& operator=(const LoadClient&) = delete;

  // Starts the request at once (connect); its outcome comes from a later poll().
  void add(const LoadJob& job) {
    Conn c;
    c.tag = job.tag;
    c.start = std::chrono::steady_clock::now();
    c.sendAt = c.start + job.sendAfter;
    c.out = job.method + " " + job.path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) +
            "\r\nAuthorization: Bearer " + token_ + "\r\nContent-Type: application/json\r\nContent-Length: " +
            std::to_string(job.body.size()) + "\r\nConnection: close\r\n\r\n" + job.body;
    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) return finish(c, std::string("socket: ") + std::strerror(errno));
    if (!job.source.empty()) {
      // The port is chosen at connect(), for the whole 4-tuple, so no source runs out of ports.
      const int one = 1;
      ::setsockopt(c.fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
      sockaddr_in from{};
      from.sin_family = AF_INET;
      ::inet_pton(AF_INET, job.source.c_str(), &from.sin_addr);
      if (::bind(c.fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0)
        return finish(c, std::string("bind: ") + std::strerror(errno));
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port_));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(c.fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0 && errno != EINPROGRESS)
      return finish(c, std::string("connect: ") + std::strerror(errno));
    const std::uint64_t id = next_++;
    epoll_event ev{};
    ev.events = EPOLLOUT | EPOLLIN | EPOLLRDHUP;
    ev.data.u64 = id;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, c.fd, &ev);
    open_.emplace(id, std::move(c));
  }

  // Moves every open request on for up to `wait`; returns the outcomes that came (also those
  // finished in add()).
  std::vector<LoadOutcome> poll(std::chrono::milliseconds wait) {
    std::vector<LoadOutcome> out = std::move(done_);
    done_.clear();
    auto now = std::chrono::steady_clock::now();
    for (const auto& [id, c] : open_)
      if (c.parked) wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(c.sendAt - now));
    epoll_event events[256];
    // Waits even with nothing open, so a caller's loop between requests does not spin.
    const int n = ::epoll_wait(epoll_, events, 256, out.empty() ? static_cast<int>(std::max<std::int64_t>(0, wait.count())) : 0);
    for (int i = 0; i < n; ++i) {
      auto it = open_.find(events[i].data.u64);
      if (it != open_.end() && step(it->first, it->second, events[i].events)) {
        out.push_back(std::move(it->second.outcome));
        open_.erase(it);
      }
    }
    now = std::chrono::steady_clock::now();
    for (auto it = open_.begin(); it != open_.end();) {
      if (it->second.parked && now >= it->second.sendAt) {
        it->second.parked = false;
        watch(it->first, it->second, EPOLLOUT | EPOLLIN | EPOLLRDHUP);
      }
      if (now - it->second.start > timeout_) {
        end(it->second, 0, "timeout");
        out.push_back(std::move(it->second.outcome));
        it = open_.erase(it);
      } else {
        ++it;
      }
    }
    out.insert(out.end(), std::make_move_iterator(done_.begin()), std::make_move_iterator(done_.end()));
    done_.clear();
    return out;
  }
  std::size_t inFlight() const { return open_.size(); }

 private:
  struct Conn {
    int fd = -1;
    std::size_t tag = 0;
    std::chrono::steady_clock::time_point start;
    std::string out, in;
    std::size_t sent = 0;
    bool connected = false;
    std::chrono::steady_clock::time_point sendAt;
    bool parked = false;  // connected, waiting for sendAt
    LoadOutcome outcome;
  };

  void watch(std::uint64_t id, const Conn& c, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = id;
    ::epoll_ctl(epoll_, EPOLL_CTL_MOD, c.fd, &ev);
  }
  void finish(Conn& c, const std::string& failure) {
    end(c, 0, failure);
    done_.push_back(std::move(c.outcome));
  }
  void end(Conn& c, int status, const std::string& failure) {
    if (c.fd >= 0) ::close(c.fd);
    c.fd = -1;
    c.outcome.tag = c.tag;
    c.outcome.status = status;
    c.outcome.failure = failure;
    c.outcome.connected = c.connected;
    c.outcome.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c.start).count();
  }

  // One readiness event; true when the request has its outcome.
  bool step(std::uint64_t id, Conn& c, std::uint32_t events) {
    if (!c.connected) {
      int err = 0;
      socklen_t len = sizeof err;
      ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
      if (err != 0) return end(c, 0, std::string("connect: ") + std::strerror(err)), true;
      if (!(events & (EPOLLOUT | EPOLLIN))) return false;
      c.connected = true;
    }
    const bool early = std::chrono::steady_clock::now() < c.sendAt;
    if (early && !(events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
      c.parked = true;  // only the server closing wakes us until sendAt
      watch(id, c, EPOLLIN | EPOLLRDHUP);
      return false;
    }
    while (!early && c.sent < c.out.size()) {
      const ssize_t n = ::send(c.fd, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL);
      if (n < 0 && errno == EAGAIN) return false;
      if (n < 0) return end(c, 0, std::string("reset: ") + std::strerror(errno)), true;
      c.sent += static_cast<std::size_t>(n);
      if (c.sent == c.out.size()) watch(id, c, EPOLLIN | EPOLLRDHUP);  // from now on only the answer wakes us
    }
    char buf[16384];
    for (;;) {
      const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
      if (n > 0) {
        c.in.append(buf, static_cast<std::size_t>(n));
        if (const int status = complete(c.in)) {
          end(c, status, "");
          c.outcome.body = c.in.substr(c.in.find("\r\n\r\n") + 4);
          return true;
        }
        continue;
      }
      if (n < 0 && errno == EAGAIN) return false;
      if (n < 0) return end(c, 0, std::string("reset: ") + std::strerror(errno)), true;
      return end(c, 0, c.in.empty() ? (c.sent == c.out.size() ? "closed before an answer" : "closed before the request was sent")
                                     : "closed in the middle of an answer"), true;
    }
  }

  // The status once the headers and Content-Length bytes of body are in; 0 before.
  static int complete(const std::string& in) {
    const auto head = in.find("\r\n\r\n");
    if (head == std::string::npos || in.size() < 12 || in.compare(0, 5, "HTTP/") != 0) return 0;
    std::size_t length = 0;
    for (std::size_t p = in.find("\r\n"); p < head; p = in.find("\r\n", p + 2)) {
      if (strncasecmp(in.c_str() + p + 2, "Content-Length:", 15) == 0) length = std::strtoull(in.c_str() + p + 17, nullptr, 10);
    }
    if (in.size() < head + 4 + length) return 0;
    return std::atoi(in.c_str() + 9);
  }

  int port_;
  std::string token_;
  std::chrono::milliseconds timeout_;
  int epoll_;
  std::uint64_t next_ = 1;
  std::unordered_map<std::uint64_t, Conn> open_;
  std::vector<LoadOutcome> done_;
};

}  // namespace sf::test
