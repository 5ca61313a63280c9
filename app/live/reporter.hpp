// Heartbeats to the fleet collector: a worker thread of its own asks the UI for a snapshot of
// what only the UI knows, adds the machine's facts, POSTs the report and/or writes its metrics file.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/show/config.hpp"
#include "core/show/fleet_report.hpp"
#include "platform/machine_facts.hpp"
#include "report_key.hpp"
#include "screenshot.hpp"
#include "worker_messages.hpp"

namespace sf::live {

struct ReporterTuning {
  platform::MachineFactSources machine;
  std::chrono::milliseconds firstBeat{3000};  // the first report, soon after start (jittered)
  long timeoutMs = 5000;                      // for the whole POST; shorter for short beats
  ScreenshotOptions screenshot;
};

// Never blocks a frame: the UI only copies a few values into send(). A report that cannot be
// posted is dropped, not queued: the next beat says everything again and says it fresher.
class Reporter {
 public:
  Reporter(const core::Config& config, WorkerQueue& out, ReporterTuning tuning = {});
  ~Reporter();  // stops the thread and waits for it (at most one POST's timeout)
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;

  // The UI's answer to a ReportDue message: its values; the reporter fills in the rest. With a
  // frame, the report carries a screenshot of it, scaled and encoded on the reporter's thread.
  void send(core::ScreenReport snapshot, std::optional<Frame> frame = {});

  // For tests and the journal: reports posted and refused or lost so far.
  int sent() const { return sent_.load(); }
  int failed() const { return failed_.load(); }
  int screenshotsSent() const { return shotsSent_.load(); }
  int textfilesWritten() const { return written_.load(); }  // the config's metricsTextfile

 private:
  void run();
  bool sleep(std::chrono::milliseconds delay);  // false: stopping
  core::ScreenReport complete(core::ScreenReport report) const;  // host, version, machine facts
  void post(core::ScreenReport report, std::optional<Frame> frame);
  void writeTextfile(const core::ScreenReport& report);
  void loadKey();

  core::Config config_;
  WorkerQueue& out_;
  ReporterTuning tuning_;
  std::atomic<int> sent_{0}, failed_{0}, shotsSent_{0}, written_{0};
  std::string lastError_, lastShotError_, lastTextfileError_;
  bool reachable_ = true, shotLost_ = false;  // the reporter thread's own
  std::optional<ReportKey> key_;              // the reporter thread's own; none: unsigned
  std::int64_t lastSequence_ = 0;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::optional<core::ScreenReport> snapshot_;
  std::optional<Frame> frame_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace sf::live
