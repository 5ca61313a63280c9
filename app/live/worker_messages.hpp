// Everything worker threads hand to the UI thread, as one message type for the one queue.
// The UI drains the queue once per loop turn and applies each message to its state.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "feed_worker_status.hpp"
#include "work_queue.hpp"

namespace sf::live {

// A decoded image, ready for the UI thread to turn into a texture; or why it cannot be shown.
struct ImageReady {
  std::string src;  // as the feed names it
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes; empty on error
  std::string error;
};

// The reporter's beat: the UI answers with a snapshot of its values (Reporter::send), and with
// the frame it shows when a screenshot is due.
struct ReportDue {
  bool reachable = true;  // the last report arrived (or none was sent yet): a screenshot is worth making
  bool shotLost = false;  // the last screenshot went with a report that did not arrive
};

using WorkerMessage = std::variant<FeedUpdate, ImageReady, ReportDue>;
using WorkerQueue = WorkQueue<WorkerMessage>;

}  // namespace sf::live
