// The one queue through which worker threads hand results to the UI thread. Pushing wakes the
// UI (which may be asleep until its next deadline); the UI drains it once per loop turn.
#pragma once
#include <deque>
#include <functional>
#include <mutex>
#include <utility>

namespace sf::live {

template <class T>
class WorkQueue {
 public:
  // `wake` runs after every push, on the pushing thread; it must be thread-safe.
  void setWake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
  }

  void push(T item) {
    std::function<void()> wake;
    {
      std::lock_guard lock(mutex_);
      items_.push_back(std::move(item));
      wake = wake_;
    }
    if (wake) wake();
  }

  // News that can wait for the UI's next turn: no wake-up. It replaces the last queued item when
  // `supersedes(last)` says the new one makes it obsolete, so a UI asleep through a dark night
  // does not find hours of them queued.
  template <class Supersedes>
  void pushQuietly(T item, Supersedes supersedes) {
    std::lock_guard lock(mutex_);
    if (!items_.empty() && supersedes(items_.back())) items_.back() = std::move(item);
    else items_.push_back(std::move(item));
  }

  // Moves everything queued into `out` (cleared first). Returns false when nothing was queued,
  // without touching `out`'s capacity, so an idle frame allocates nothing.
  bool drain(std::deque<T>& out) {
    std::lock_guard lock(mutex_);
    if (items_.empty()) return false;
    out.clear();
    std::swap(out, items_);
    return true;
  }

 private:
  std::mutex mutex_;
  std::deque<T> items_;
  std::function<void()> wake_;
};

}  // namespace sf::live
