// The reporter's hand-over: it asks the UI through the work queue, posts what the UI gave it,
// and drops a report the collector cannot take instead of queueing it.
#include <catch2/catch.hpp>

#include <thread>

#include "live/reporter.hpp"
#include "collector_process.hpp"
#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include "core/show/fleet_metrics.hpp"
#include <nlohmann/json.hpp>
#include "platform/files.hpp"
#include "promtool.hpp"

using namespace std::chrono_literals;

namespace {

// Waits for the reporter's ReportDue on the queue, as the UI loop would.
bool waitForDue(sf::live::WorkerQueue& queue, std::chrono::milliseconds limit) {
  std::deque<sf::live::WorkerMessage> got;
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (queue.drain(got))
      for (const auto& m : got)
        if (std::holds_alternative<sf::live::ReportDue>(m)) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

// The next ReportDue on the queue, if one comes in time.
std::optional<sf::live::ReportDue> nextDue(sf::live::WorkerQueue& queue, std::chrono::milliseconds limit) {
  std::deque<sf::live::WorkerMessage> got;
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (queue.drain(got))
      for (const auto& m : got)
        if (const auto* due = std::get_if<sf::live::ReportDue>(&m)) return *due;
    std::this_thread::sleep_for(10ms);
  }
  return std::nullopt;
}

struct TextFileDir {
  TextFileDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sf-textfile-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TextFileDir() { std::filesystem::remove_all(path); }
  std::string path;
};

std::optional<std::string> readWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Reads `path` as fast as it can until told to stop, sorting what it saw into complete versions
// (one of `whole`) and anything else (a torn or half-written file).
struct Reader {
  explicit Reader(std::string p) : path(std::move(p)), thread([this] { run(); }) {}
  ~Reader() { stop(); }
  void stop() {
    done = true;
    if (thread.joinable()) thread.join();
  }
  void run() {
    while (!done) {
      if (auto text = readWhole(path)) {
        ++reads;
        std::lock_guard lock(m);
        seen.insert(std::move(*text));
      }
    }
  }
  std::string path;
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::mutex m;
  std::set<std::string> seen;
  std::thread thread;
};

sf::core::ScreenReport snapshotAt(std::int64_t revision) {
  sf::core::ScreenReport r;
  r.screen = "Foyer \"links\"\nC:\\";  // a quote, a line feed and a backslash for the labels
  r.feedId = "campus";
  r.revision = revision;
  r.contentAgeSeconds = 90;
  r.uptimeSeconds = 12;
  r.framesPerSecond = 1.5;
  r.slowestFrameMs = 21;
  return r;
}

// A config that reports to a loopback port nothing listens on, and a first beat that comes soon.
sf::core::Config unreachableCollector() {
  sf::core::Config config;
  config.cacheDir = "/tmp";
  config.report = {"http://127.0.0.1:" + std::to_string(sf::test::freeLoopbackPort()) + "/fleet/report", "token", 5, false};
  return config;
}

sf::live::ReporterTuning quickFirstBeat() {
  sf::live::ReporterTuning tuning;
  tuning.firstBeat = 50ms;
  return tuning;
}

}  // namespace

TEST_CASE("offline, a screenshot goes with its dropped report, and the next beat asks for none", "[fleet]") {
  sf::live::WorkerQueue queue;
  sf::live::Reporter reporter(unreachableCollector(), queue, quickFirstBeat());
  auto first = nextDue(queue, 2s);
  REQUIRE(first);
  CHECK(first->reachable);  // nothing was tried yet
  CHECK_FALSE(first->shotLost);
  sf::core::ScreenReport snapshot;
  snapshot.screen = "Foyer";
  reporter.send(snapshot, sf::live::Frame{std::vector<std::uint8_t>(64 * 40 * 4, 200), 64, 40});
  for (int i = 0; i < 200 && reporter.failed() == 0; ++i) std::this_thread::sleep_for(10ms);
  CHECK(reporter.failed() == 1);
  CHECK(reporter.screenshotsSent() == 0);
  // The next beat tells the UI not to make one (nobody listens) and that the last one was lost.
  auto second = nextDue(queue, 7s);
  REQUIRE(second);
  CHECK_FALSE(second->reachable);
  CHECK(second->shotLost);
}

TEST_CASE("a report the collector cannot take is dropped, not queued or retried", "[fleet]") {
  sf::live::WorkerQueue queue;
  sf::live::Reporter reporter(unreachableCollector(), queue, quickFirstBeat());
  REQUIRE(waitForDue(queue, 2s));
  sf::core::ScreenReport snapshot;
  snapshot.screen = "Foyer";
  reporter.send(snapshot);
  for (int i = 0; i < 200 && reporter.failed() == 0; ++i) std::this_thread::sleep_for(10ms);
  CHECK(reporter.failed() == 1);
  CHECK(reporter.sent() == 0);
  // The next beat is about five seconds away: nothing is asked for or sent before then.
  CHECK_FALSE(waitForDue(queue, 1s));
  CHECK(reporter.failed() == 1);
}

TEST_CASE("a UI that never answers gets no report sent in its name", "[fleet]") {
  sf::live::WorkerQueue queue;
  sf::core::Config config;
  config.report = {"http://127.0.0.1:9/fleet/report", "token", 5, false};
  sf::live::ReporterTuning tuning;
  tuning.firstBeat = 50ms;
  {
    sf::live::Reporter reporter(config, queue, tuning);
    REQUIRE(waitForDue(queue, 2s));
    std::this_thread::sleep_for(300ms);
    CHECK(reporter.failed() + reporter.sent() == 0);
  }  // and it stops at once, though it waits for an answer
}

TEST_CASE("without a collector the screen writes its metrics as a node_exporter textfile, whole every time", "[fleet][promtool]") {
  TextFileDir dir;
  sf::live::WorkerQueue queue;
  sf::core::Config config;
  config.cacheDir = dir.path;
  config.metricsTextfile = dir.path + "/schaufenster.prom";
  config.report.seconds = 1;  // the beat; 5 s at least in a config file, short here to see rewrites
  sf::live::ReporterTuning tuning;
  tuning.firstBeat = 50ms;
  std::set<std::string> written;
  Reader reader(config.metricsTextfile);
  {
    sf::live::Reporter reporter(config, queue, tuning);
    for (int beat = 1; beat <= 3; ++beat) {
      REQUIRE(waitForDue(queue, 3s));
      reporter.send(snapshotAt(100 + beat));
      for (int i = 0; i < 300 && reporter.textfilesWritten() < beat; ++i) std::this_thread::sleep_for(10ms);
      REQUIRE(reporter.textfilesWritten() == beat);
      const auto text = readWhole(config.metricsTextfile);
      REQUIRE(text);
      written.insert(*text);
      CHECK_THAT(*text, Catch::Contains("schaufenster_screen_revision{screen=\"Foyer \\\"links\\\"\\nC:\\\\\"} " +
                                        std::to_string(100 + beat) + "\n"));
    }
    CHECK(reporter.sent() + reporter.failed() == 0);  // no collector: nothing is posted
  }
  reader.stop();
  const std::string last = *readWhole(config.metricsTextfile);
  // Prometheus' own checker takes it: HELP and TYPE, units, escaping.
  REQUIRE(sf::test::havePromtool());
  const auto checked = sf::test::promtoolCheck(last);
  INFO(last);
  CHECK(checked.output == "");
  CHECK(checked.exitCode == 0);
  CHECK_THAT(last, Catch::Contains("schaufenster_screen_slowest_frame_seconds{"));
  CHECK_THAT(last, Catch::Contains("schaufenster_screen_free_disk_bytes{"));  // the reporter's own facts
  CHECK_THAT(last, Catch::Contains("schaufenster_screen_info{"));
  // Every read while it was rewritten found one whole version, never a part of one.
  INFO("reads: " << reader.reads.load());
  CHECK(reader.reads.load() > 100);
  for (const auto& seen : reader.seen) CHECK(written.count(seen) == 1);
  // Nothing but the file is left in node_exporter's folder (no temporary files).
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) files += e.path().extension() == ".prom" || e.path().string().find(".tmp.") != std::string::npos;
  CHECK(files == 1);
}

TEST_CASE("rewriting the textfile as fast as it goes never shows a torn file, where writing it in place would", "[fleet]") {
  TextFileDir dir;
  const std::string path = dir.path + "/schaufenster.prom";
  // Two versions of very different lengths, large enough to take several write() calls.
  std::string small = sf::core::screenMetricsText(snapshotAt(1));
  std::string big = sf::core::screenMetricsText(snapshotAt(2));
  for (int i = 0; i < 2000; ++i) big += "# a comment line, as long as a few series " + std::to_string(i) + "\n";
  REQUIRE(sf::platform::writeFileAtomic(path, small));
  {
    Reader reader(path);
    for (int i = 0; i < 400; ++i) REQUIRE(sf::platform::writeFileAtomic(path, i % 2 ? small : big));
    reader.stop();
    INFO("reads: " << reader.reads.load());
    CHECK(reader.reads.load() > 50);
    for (const auto& seen : reader.seen) CHECK((seen == small || seen == big));
  }
  // The same reader does catch a file written in place (truncate, then write in two parts):
  // the check above could fail.
  {
    Reader reader(path);
    for (int i = 0; i < 20; ++i) {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << big.substr(0, big.size() / 2) << std::flush;
      std::this_thread::sleep_for(5ms);
      out << big.substr(big.size() / 2);
    }
    reader.stop();
    bool torn = false;
    for (const auto& seen : reader.seen) torn = torn || (seen != small && seen != big);
    CHECK(torn);
  }
}

namespace {

// One beat of a reporter answered as the UI would, and the collector's view of the screen after it.
nlohmann::json beatOnce(const sf::test::Collector& collector, const sf::core::Config& config, int* failed = nullptr) {
  sf::live::WorkerQueue queue;
  sf::live::Reporter reporter(config, queue, quickFirstBeat());
  REQUIRE(waitForDue(queue, 2s));
  sf::core::ScreenReport snapshot;
  snapshot.screen = "Foyer";
  reporter.send(snapshot);
  for (int i = 0; i < 300 && reporter.sent() + reporter.failed() == 0; ++i) std::this_thread::sleep_for(10ms);
  if (failed) *failed = reporter.failed();
  auto listed = collector.get("/fleet/screens.json");
  REQUIRE(listed);
  return nlohmann::json::parse(listed->body)["screens"];
}

}  // namespace

TEST_CASE("a screen signs its reports with a key it makes once and keeps in its state folder", "[fleet]") {
  sf::test::Collector collector(SF_BINARY);
  TextFileDir state;
  sf::core::Config config;
  config.cacheDir = state.path;
  config.report = {collector.url("/fleet/report"), sf::test::Collector::kToken, 5};
  auto screens = beatOnce(collector, config);
  const std::string keyFile = state.path + "/report-key.json";
  REQUIRE(std::filesystem::exists(keyFile));
  // Only the screen's own user may read its secret.
  using std::filesystem::perms;
  const perms mode = std::filesystem::status(keyFile).permissions() & perms::all;
  CHECK(mode == (perms::owner_read | perms::owner_write));
  const auto key = nlohmann::json::parse(*readWhole(keyFile));
  REQUIRE(screens.size() == 1);
  CHECK(screens[0]["signed"] == true);
  CHECK(screens[0]["key"] == key["publicKey"]);

  // Restarted, it signs with the same key, and the collector takes it.
  int failed = -1;
  screens = beatOnce(collector, config, &failed);
  CHECK(failed == 0);
  CHECK(nlohmann::json::parse(*readWhole(keyFile)) == key);

  // A state folder wiped (a reinstalled screen): a new key, which the collector refuses until the
  // old one is forgotten.
  std::filesystem::remove(keyFile);
  beatOnce(collector, config, &failed);
  CHECK(failed == 1);
  CHECK(nlohmann::json::parse(*readWhole(keyFile))["publicKey"] != key["publicKey"]);
  const auto log = readWhole(collector.dir + "/serve.log");
  REQUIRE(log);
  CHECK_THAT(*log, Catch::Contains("/fleet/report 403"));
}

TEST_CASE("a screen told not to sign sends its reports with the token alone and makes no key", "[fleet]") {
  sf::test::Collector collector(SF_BINARY);
  TextFileDir state;
  sf::core::Config config;
  config.cacheDir = state.path;
  config.report = {collector.url("/fleet/report"), sf::test::Collector::kToken, 5, false};
  const auto screens = beatOnce(collector, config);
  REQUIRE(screens.size() == 1);
  CHECK(screens[0]["signed"] == false);
  CHECK_FALSE(std::filesystem::exists(state.path + "/report-key.json"));
}
