// A console to test against: a published folder, a users file (an admin and an organiser), and
// the real `serve --console` on loopback; plus a small browser with a cookie jar over raw sockets,
// so each test sees exactly the status, headers and cookies a browser would.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "run_binary.hpp"

namespace sf::test {

struct Reply {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string header(const std::string& lower) const {
    for (const auto& [n, v] : headers)
      if (n == lower) return v;
    return {};
  }
  std::vector<std::string> all(const std::string& lower) const {
    std::vector<std::string> out;
    for (const auto& [n, v] : headers)
      if (n == lower) out.push_back(v);
    return out;
  }
};

// One request on its own connection (Connection: close), with a 5 s timeout.
inline Reply rawRequest(int port, const std::string& method, const std::string& path, const std::string& cookie = {},
                        const std::string& body = {}, const std::string& extraHeaders = {}) {
  Reply r;
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return r;
  }
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n";
  if (!cookie.empty()) req += "Cookie: " + cookie + "\r\n";
  if (method == "POST") req += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  req += extraHeaders + "\r\n" + body;
  std::size_t sent = 0;
  while (sent < req.size()) {
    const ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buf[16384];
  while (true) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  const auto end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || end == std::string::npos) return r;
  r.status = std::stoi(raw.substr(9, 3));
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    const auto eol = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, eol - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      r.headers.emplace_back(name, line.substr(line.find_first_not_of(' ', colon + 1)));
    }
    pos = eol + 2;
  }
  r.body = raw.substr(end + 4);
  return r;
}

inline std::string formEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
    else out += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return out;
}

// A browser: keeps the cookies the console sets (for /console) and sends them back.
struct Browser {
  int port = 0;
  std::map<std::string, std::string> jar;
  Reply last;

  std::string cookieHeader() const {
    std::string out;
    for (const auto& [n, v] : jar) out += (out.empty() ? "" : "; ") + n + "=" + v;
    return out;
  }
  Reply go(const std::string& method, const std::string& path, const std::vector<std::pair<std::string, std::string>>& form = {}) {
    std::string body;
    for (const auto& [n, v] : form) body += (body.empty() ? "" : "&") + formEncode(n) + "=" + formEncode(v);
    last = rawRequest(port, method, path, cookieHeader(), body);
    for (const auto& c : last.all("set-cookie")) {
      const auto eq = c.find('='), semi = c.find(';');
      const std::string name = c.substr(0, eq), value = c.substr(eq + 1, semi - eq - 1);
      if (c.find("Max-Age=0") != std::string::npos) jar.erase(name);
      else jar[name] = value;
    }
    return last;
  }
  // The form token in the last page (the first hidden csrf field).
  std::string token() const {
    std::smatch m;
    static const std::regex re("name=\"csrf\" value=\"([0-9a-f]+)\"");
    return std::regex_search(last.body, m, re) ? m[1].str() : std::string();
  }
  Reply signIn(const std::string& name, const std::string& password) {
    go("GET", "/console/login");
    return go("POST", "/console/login", {{"csrf", token()}, {"user", name}, {"password", password}});
  }
};

struct ConsoleRig {
  explicit ConsoleRig(const std::vector<std::string>& extraArgs = {}) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sf-console-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    std::filesystem::copy_file(sourcePath("assets/examples/small-feed.json"), dir + "/feed.json");
    if (runBinary("publish " + dir + "/feed.json --to " + dir + "/www").exitCode != 0) throw std::runtime_error("publish failed");
    addUser("anna", "admin", "anna's long password");
    addUser("ben", "organiser", "ben's long password");
    port = freeLoopbackPort();
    std::vector<std::string> args{"serve", dir + "/www", "--bind", "127.0.0.1", "--port", std::to_string(port),
                                  "--console", "--users", dir + "/users.json", "--feed", dir + "/feed.json"};
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    server = std::make_unique<Child>(SF_BINARY, args, dir + "/serve.log");
    waitFor(std::chrono::seconds(10), [&] { return readText(dir + "/serve.log").find("console: ") != std::string::npos; });
  }
  ~ConsoleRig() {
    server.reset();
    std::filesystem::remove_all(dir);
  }
  void addUser(const std::string& name, const std::string& role, const std::string& password) {
    const auto r = runShell("printf '%s\\n' \"" + password + "\" | " + SF_BINARY + " user add " + dir + "/users.json " + name + " --role " +
                            role + " --password-stdin");
    if (r.exitCode != 0) throw std::runtime_error(r.out);
  }
  Browser browser() const { return Browser{port, {}, {}}; }
  std::vector<std::string> auditLines() const {
    std::vector<std::string> out;
    std::ifstream in(dir + "/console-audit.jsonl");
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }

  std::string dir;
  int port = 0;
  std::unique_ptr<Child> server;
};

}  // namespace sf::test
