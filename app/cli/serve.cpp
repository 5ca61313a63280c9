// `serve DIR`: a small web server for a published folder on a stand's own network, where there is
// no other server. Answers conditional requests, so polling screens mostly get a 304.
#include <httplib.h>

#include <csignal>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"

namespace sf::cli {

int runServe(const std::vector<std::string>& args) {
  CLI::App app{"Serves a published folder over HTTP on the local network (for stands without internet).\n"
               "Screens then use http://THIS-MACHINE:PORT/feed.json.",
               "schaufenster serve"};
  std::string dir, bind = "0.0.0.0";
  int port = 8080;
  app.add_option("dir", dir, "the folder `schaufenster publish --to` writes")->required()->check(CLI::ExistingDirectory);
  app.add_option("-p,--port", port, "TCP port (default 8080)")->check(CLI::Range(1, 65535));
  app.add_option("--bind", bind, "address to listen on (default: all)");
  if (auto code = parseArgs(app, args)) return *code;

  httplib::Server server;
  if (!server.set_mount_point("/", dir)) {
    std::cerr << "cannot serve " << dir << '\n';
    return kExitInvalid;
  }
  // Static files get a content ETag; a matching If-None-Match costs the screen one small 304.
  server.set_file_request_handler([](const httplib::Request& req, httplib::Response& res) {
    const std::string etag = "\"" + std::to_string(std::hash<std::string>{}(res.body)) + "\"";
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      res.body.clear();
    }
  });
  server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    std::cerr << req.remote_addr << " " << req.method << " " << req.path << " " << res.status << '\n';
  });
  static httplib::Server* running = &server;  // the one server this process runs, for the signal
  std::signal(SIGINT, [](int) { running->stop(); });
  std::signal(SIGTERM, [](int) { running->stop(); });
  std::cout << "serving " << dir << " on http://" << bind << ":" << port << "/ (Ctrl+C stops)\n" << std::flush;
  if (!server.listen(bind.c_str(), port)) {
    std::cerr << "cannot listen on " << bind << ":" << port << " (in use, or no permission)\n";
    return kExitInvalid;
  }
  return kExitOk;
}

}  // namespace sf::cli
