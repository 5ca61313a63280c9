// The feed's images on the UI thread: one entry per src the feed names, a texture once decoded.
// Views read the table through ViewContext::images; the worker's results arrive via LiveFeed.
#pragma once
#include <string>
#include <vector>

#include "core/feed/model.hpp"
#include "platform/image_header.hpp"
#include "live/worker_messages.hpp"
#include "views/views.hpp"

namespace sf::platform {
class Display;
}

namespace sf::player {

class FeedImages {
 public:
  explicit FeedImages(platform::Display& display) : display_(display) {}
  ~FeedImages();
  FeedImages(const FeedImages&) = delete;
  FeedImages& operator=(const FeedImages&) = delete;

  const std::vector<views::FeedImage>& table() const { return table_; }

  // Makes the entry's texture, or marks it failed. Returns true when the screen may change.
  bool apply(live::ImageReady& ready);
  // Keeps one entry per src `feed` names: adds new ones (empty until loaded) and frees the
  // textures of srcs the feed no longer names. Returns true when an entry was dropped.
  bool retain(const core::Feed& feed);
  // Loads every image of `feed` not loaded yet, here and now (the `render` command and tests),
  // as the image worker does but without its disk cache: relative srcs resolve against `base`,
  // the feed's path or URL ("" resolves none).
  void loadNow(const core::Feed& feed, const std::string& base, const platform::ImageLimits& limits = {});

  std::size_t loaded() const;
  // How many failed, and the first reason, for the organisers' status page.
  std::size_t failed(std::string* firstError = nullptr) const;
  std::vector<std::string> errors() const;  // every failure's reason

 private:
  void release(views::FeedImage& image);

  platform::Display& display_;
  std::vector<views::FeedImage> table_;
  std::vector<std::string> errors_;  // parallel to table_
};

}  // namespace sf::player
