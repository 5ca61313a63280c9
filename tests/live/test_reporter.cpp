// The reporter's hand-over: it asks the UI through the work queue, posts what the UI gave it,
// and drops a report the collector cannot take instead of queueing it.
#include <catch2/catch.hpp>

#include <thread>

#include "live/reporter.hpp"
#include "collector_process.hpp"

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

}  // namespace

TEST_CASE("offline, a screenshot goes with its dropped report, and the next beat asks for none", "[fleet]") {
  sf::live::WorkerQueue queue;
  sf::core::Config config;
  config.cacheDir = "/tmp";
  config.report = {"http://127.0.0.1:" + std::to_string(sf::test::freeLoopbackPort()) + "/fleet/report", "token", 5};
  sf::live::ReporterTuning tuning;
  tuning.firstBeat = 50ms;
  sf::live::Reporter reporter(config, queue, tuning);
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
  sf::core::Config config;
  config.cacheDir = "/tmp";
  config.report = {"http://127.0.0.1:" + std::to_string(sf::test::freeLoopbackPort()) + "/fleet/report", "token", 5};
  sf::live::ReporterTuning tuning;
  tuning.firstBeat = 50ms;
  sf::live::Reporter reporter(config, queue, tuning);
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
  config.report = {"http://127.0.0.1:9/fleet/report", "token", 5};
  sf::live::ReporterTuning tuning;
  tuning.firstBeat = 50ms;
  {
    sf::live::Reporter reporter(config, queue, tuning);
    REQUIRE(waitForDue(queue, 2s));
    std::this_thread::sleep_for(300ms);
    CHECK(reporter.failed() + reporter.sent() == 0);
  }  // and it stops at once, though it waits for an answer
}
