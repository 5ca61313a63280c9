// Static servers whose validators have one-second resolution (Python's http.server, nginx's
// mtime-size ETag) and a server that answers 304 wrongly: two feeds published within one second
// must both reach the screen, and no change may stay unseen longer than the full-fetch bound.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <sys/stat.h>

#include <atomic>
#include <ctime>
#include <deque>
#include <fstream>
#include <thread>

#include "live_support.hpp"
#include "live/feed_worker.hpp"
#include "platform/http.hpp"

using namespace std::chrono_literals;
using namespace sf;
using sf::test::feedWithRevision;
using sf::test::TempDir;

namespace {

std::string httpDate(std::time_t t) {
  char buf[64];
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::time_t parseHttpDate(const std::string& s) {
  std::tm tm{};
  if (!::strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm)) return -1;
  return ::timegm(&tm);
}

// Serves files of a folder over plain HTTP on 127.0.0.1 as common static servers do.
class StaticServer {
 public:
  enum class Kind {
    Python,  // Last-Modified from the file's mtime in seconds; 304 when If-Modified-Since is not older
    Nginx,   // the same, plus ETag "mtime-size" (hex), compared first
    Stale,   // a content ETag, but any conditional request gets 304 (a stale cache in front)
  };
  StaticServer(std::string root, Kind kind) : root_(std::move(root)), kind_(kind) {
    server_.Get("/(.*)", [this](const httplib::Request& req, httplib::Response& res) { answer(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(5ms);
  }
  ~StaticServer() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int notModified() const { return notModified_.load(); }

 private:
  void answer(const httplib::Request& req, httplib::Response& res) {
    const std::string path = root_ + "/" + req.matches[1].str();
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      res.status = 404;
      return;
    }
    std::ifstream in(path, std::ios::binary);
    const std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    res.set_header("Date", httpDate(std::time(nullptr)));
    if (kind_ == Kind::Stale) {
      if (req.has_header("If-None-Match") || req.has_header("If-Modified-Since")) return notModified(res);
      res.set_header("ETag", "\"" + std::to_string(std::hash<std::string>{}(body)) + "\"");
    } else {
      res.set_header("Last-Modified", httpDate(st.st_mtime));
      char etag[64];
      std::snprintf(etag, sizeof etag, "\"%lx-%lx\"", static_cast<unsigned long>(st.st_mtime), static_cast<unsigned long>(st.st_size));
      if (kind_ == Kind::Nginx) {
        res.set_header("ETag", etag);
        if (req.has_header("If-None-Match")) {
          if (req.get_header_value("If-None-Match") == etag) return notModified(res);
        } else if (req.has_header("If-Modified-Since") && parseHttpDate(req.get_header_value("If-Modified-Since")) >= st.st_mtime) {
          return notModified(res);
        }
      } else if (req.has_header("If-Modified-Since") && parseHttpDate(req.get_header_value("If-Modified-Since")) >= st.st_mtime) {
        return notModified(res);
      }
    }
    res.set_content(body, "application/json");
  }
  void notModified(httplib::Response& res) {
    ++notModified_;
    res.status = 304;
  }

  std::string root_;
  Kind kind_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> notModified_{0};
};

// Writes `text` to `path` with the modification time `mtime`, as two releases in one second get.
void writeAt(const std::string& path, const std::string& text, std::time_t mtime) {
  std::ofstream(path, std::ios::trunc) << text;
  const timespec times[2] = {{mtime, 0}, {mtime, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// A screen on `url` polling every second; returns the revision it plays after `within`.
struct Follower {
  Follower(const std::string& url, const TempDir& dir, std::chrono::milliseconds fullFetchEvery) {
    config.feed = url;
    config.pollSeconds = 1;
    config.cacheDir = dir.path;
    startup = live::loadStartupFeed(config);
    platform::FetchRequest limits;
    limits.totalTimeoutMs = 4000;
    limits.connectTimeoutMs = 2000;
    worker = std::make_unique<live::FeedWorker>(config, startup, queue, live::FeedWorker::Tuning{{}, limits, fullFetchEvery});
  }
  bool reaches(std::int64_t revision, std::chrono::milliseconds within) {
    const auto until = std::chrono::steady_clock::now() + within;
    std::deque<live::WorkerMessage> got;
    while (std::chrono::steady_clock::now() < until) {
      if (queue.drain(got))
        for (auto& m : got)
          if (const auto* u = std::get_if<live::FeedUpdate>(&m); u && u->feed) playing = u->feed->revision;
      got.clear();
      if (playing == revision) return true;
      std::this_thread::sleep_for(20ms);
    }
    return false;
  }
  core::Config config;
  live::StartupFeed startup;
  live::WorkerQueue queue;
  std::unique_ptr<live::FeedWorker> worker;
  std::int64_t playing = -1;
};

}  // namespace

TEST_CASE("validators from a response whose Last-Modified is within a second of its Date are not sent", "[live]") {
  platform::FetchResponse r;
  r.serverDate = 1700000000;
  r.lastModified = httpDate(1700000000);
  r.etag = "\"6553f100-1c4\"";  // nginx: mtime-size
  platform::dropCoarseValidators(r);
  CHECK(r.lastModified.empty());
  CHECK(r.etag.empty());
  r.lastModified = httpDate(1699999999);
  r.etag = "\"a3f5c0e9d2b14c77\"";  // a content hash: kept, it tells versions apart
  platform::dropCoarseValidators(r);
  CHECK(r.lastModified.empty());
  CHECK(r.etag == "\"a3f5c0e9d2b14c77\"");
  r.lastModified = httpDate(1699999990);  // ten seconds old: a later change gets a later time
  r.etag = "\"6553f0f6-1c4\"";
  platform::dropCoarseValidators(r);
  CHECK(r.lastModified == httpDate(1699999990));
  CHECK(r.etag == "\"6553f0f6-1c4\"");
}

TEST_CASE("two feeds published within one second behind a one-second static server both reach the screen", "[live]") {
  const auto kind = GENERATE(StaticServer::Kind::Python, StaticServer::Kind::Nginx);
  TempDir www, cache;
  // Both land in the same second (one in the future, as publish stamps releases that come fast).
  const std::time_t second = std::time(nullptr) + 1;
  writeAt(www.path + "/feed.json", feedWithRevision(5), second);
  StaticServer server(www.path, kind);
  Follower screen(server.url("/feed.json"), cache, std::chrono::hours{1});
  REQUIRE(screen.reaches(5, 5s));
  writeAt(www.path + "/feed.json", feedWithRevision(6), second);  // the same size, the same second
  CHECK(screen.reaches(6, 4s));
}

TEST_CASE("behind a server that answers 304 wrongly, a change shows within the full-fetch bound", "[live]") {
  TempDir www, cache;
  writeAt(www.path + "/feed.json", feedWithRevision(5), std::time(nullptr) - 100);
  StaticServer server(www.path, StaticServer::Kind::Stale);
  Follower screen(server.url("/feed.json"), cache, 3s);
  REQUIRE(screen.reaches(5, 5s));
  writeAt(www.path + "/feed.json", feedWithRevision(6), std::time(nullptr));
  CHECK(screen.reaches(6, 6s));
  CHECK(server.notModified() >= 1);  // validators are still used between full fetches
}
