// `schaufenster serve --fleet` as a process of the test on a free loopback port, for the fleet's
// end-to-end tests; HTTP helpers speak to it through the platform's client.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "child_process.hpp"
#include "platform/http.hpp"

namespace sf::test {

struct Collector {
  static constexpr const char* kToken = "fleet-token-0123456789";

  explicit Collector(const std::string& binary, std::string notifyUrl = {}) : notify(std::move(notifyUrl)) {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "sf-fleet-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    fs::create_directories(dir + "/www");
    start(binary);
  }
  void start(const std::string& binary) {
    port = freeLoopbackPort();
    pid = ::fork();
    if (pid == 0) {
      std::freopen((dir + "/serve.log").c_str(), "a", stderr);
      std::freopen("/dev/null", "w", stdout);
      const std::string www = dir + "/www", db = dir + "/fleet.db", portText = std::to_string(port);
      std::vector<const char*> argv{binary.c_str(), "serve", www.c_str(), "--port", portText.c_str(), "--bind", "127.0.0.1",
                                    "--timeout", "2", "--fleet", db.c_str(), "--fleet-token", kToken};
      if (!notify.empty()) {
        argv.push_back("--notify");
        argv.push_back(notify.c_str());
      }
      argv.push_back(nullptr);
      ::execv(binary.c_str(), const_cast<char* const*>(argv.data()));
      ::_exit(127);
    }
    for (int i = 0; i < 250; ++i) {
      if (get("/fleet/screens.json")) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  void stop() {
    if (pid > 0) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
      pid = -1;
    }
  }
  ~Collector() {
    stop();
    std::filesystem::remove_all(dir);
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port) + path; }

  core::Result<platform::PostResponse> post(const std::string& body, const std::string& token = kToken) const {
    platform::PostRequest req;
    req.url = url("/fleet/report");
    req.body = body;
    req.bearerToken = token;
    return platform::post(req);
  }
  // A GET with the token (the platform's fetch sends no Authorization, so a POST-less client is
  // built here from the same adapter: curl's user:password in the URL).
  core::Result<platform::FetchResponse> get(const std::string& path, bool withToken = true) const {
    platform::FetchRequest req;
    req.url = withToken ? "http://fleet:" + std::string(kToken) + "@127.0.0.1:" + std::to_string(port) + path : url(path);
    req.connectTimeoutMs = 1000;
    req.totalTimeoutMs = 3000;
    return platform::fetch(req);
  }

  std::string notify;
  std::string dir;
  int port = 0;
  pid_t pid = -1;
};

}  // namespace sf::test
