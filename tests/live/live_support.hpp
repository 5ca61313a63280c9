// Test support for the live feed: a temporary directory, feeds of a given revision, and an HTTPS
// feed server on 127.0.0.1 with a throw-away certificate and switchable faults.
#pragma once
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "core/feed_fixture.hpp"

namespace sf::test {

struct TempDir {
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sf-live-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string path;
};

inline std::string feedWithRevision(int revision) {
  return replaced(kBaseFeed, "\"revision\": 3", "\"revision\": " + std::to_string(revision));
}

class FeedServer {
 public:
  enum class Mode { Normal, NotFound, ServerError, Drip, Truncated, Huge, RedirectLoop };

  FeedServer() {
    const std::string cmd = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1"
                            " -addext subjectAltName=IP:127.0.0.1 -keyout " + dir_.path + "/key.pem -out " + dir_.path +
                            "/cert.pem 2>/dev/null";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("openssl could not make a test certificate");
    start();
  }
  ~FeedServer() { stop(); }

  // Starts serving; after stop(), on the same port as before.
  void start() {
    stopping_ = false;
    server_ = std::make_unique<httplib::SSLServer>((dir_.path + "/cert.pem").c_str(), (dir_.path + "/key.pem").c_str());
    server_->Get("/feed.json", [this](const httplib::Request& req, httplib::Response& res) { serveFeed(req, res); });
    server_->Get("/feed.json.sig", [this](const httplib::Request&, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      if (signature_.empty()) res.status = 404;
      else res.set_content(signature_, "application/json");
    });
    server_->Get("/files/(.*)", [this](const httplib::Request& req, httplib::Response& res) {
      ++requests_;
      std::lock_guard lock(mutex_);
      auto it = files_.find(req.matches[1]);
      if (it == files_.end()) res.status = 404;
      else res.set_content(it->second, "application/octet-stream");
    });
    if (port_ == 0) port_ = server_->bind_to_any_port("127.0.0.1");
    else if (!server_->bind_to_port("127.0.0.1", port_)) throw std::runtime_error("port " + std::to_string(port_) + " is taken");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  void stop() {
    stopping_ = true;
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  std::string url(const std::string& path) const { return "https://127.0.0.1:" + std::to_string(port_) + path; }
  std::string caFile() const { return dir_.path + "/cert.pem"; }
  int notModifiedCount() const { return notModified_.load(); }
  int requestCount() const { return requests_.load(); }

  void setFeed(std::string body, std::string signature = {}) {
    std::lock_guard lock(mutex_);
    body_ = std::move(body);
    signature_ = std::move(signature);
    etag_ = "\"" + std::to_string(std::hash<std::string>{}(body_)) + "\"";
  }
  void setMode(Mode m) { mode_ = m; }
  // Serves `body` at /files/<name>.
  void setFile(const std::string& name, std::string body) {
    std::lock_guard lock(mutex_);
    files_[name] = std::move(body);
  }

 private:
  void serveFeed(const httplib::Request& req, httplib::Response& res) {
    ++requests_;
    switch (mode_.load()) {
      case Mode::NotFound: res.status = 404; return;
      case Mode::ServerError: res.status = 500; return;
      case Mode::RedirectLoop: res.set_redirect("/feed.json"); return;
      case Mode::Drip:
        res.set_chunked_content_provider("application/json", [this](std::size_t, httplib::DataSink& sink) {
          std::this_thread::sleep_for(std::chrono::seconds(1));
          return !stopping_ && sink.is_writable() && sink.write("{", 1);
        });
        return;
      case Mode::Truncated:
        res.set_content_provider(100000, "application/json", [](std::size_t, std::size_t, httplib::DataSink& sink) {
          sink.write("{\"format\": ", 11);
          return false;  // closes the connection long before Content-Length
        });
        return;
      case Mode::Huge: res.set_content(std::string(2u << 20, ' '), "application/json"); return;
      case Mode::Normal: break;
    }
    std::lock_guard lock(mutex_);
    if (req.get_header_value("If-None-Match") == etag_) {
      ++notModified_;
      res.status = 304;
      return;
    }
    res.set_header("ETag", etag_);
    res.set_content(body_, "application/json");
  }

  TempDir dir_;
  std::unique_ptr<httplib::SSLServer> server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::string body_, signature_, etag_;
  std::map<std::string, std::string> files_;
  std::atomic<Mode> mode_{Mode::Normal};
  std::atomic<bool> stopping_{false};
  std::atomic<int> notModified_{0}, requests_{0};
};

}  // namespace sf::test
