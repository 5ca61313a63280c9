// Feed images become textures here, on the UI thread that owns the renderer. Failures keep the
// generated visual on screen and are counted for the status page; visitors never see errors.
#include "feed_images.hpp"

#include <algorithm>

#include "live/image_loader.hpp"
#include "platform/display.hpp"

namespace sf::player {

FeedImages::~FeedImages() {
  for (auto& im : table_) release(im);
}

void FeedImages::release(views::FeedImage& im) {
  display_.destroyTexture(im.texture);
  im.texture = 0;
}

bool FeedImages::apply(live::ImageReady& r) {
  for (std::size_t i = 0; i < table_.size(); ++i) {
    views::FeedImage& im = table_[i];
    if (im.src != r.src) continue;
    release(im);
    im.texture = r.error.empty() ? display_.createTexture(r.rgba.data(), r.width, r.height) : 0;
    im.width = r.width;
    im.height = r.height;
    im.failed = im.texture == 0;
    errors_[i] = !r.error.empty() ? r.error : im.failed ? r.src + ": the screen could not hold the image" : "";
    return true;
  }
  return false;  // the feed stopped naming it while it loaded
}

bool FeedImages::retain(const core::Feed& feed) {
  const std::vector<std::string> named = core::imageSources(feed);
  auto isNamed = [&](const std::string& src) { return std::find(named.begin(), named.end(), src) != named.end(); };
  bool dropped = false;
  for (std::size_t i = table_.size(); i-- > 0;) {
    if (isNamed(table_[i].src)) continue;
    release(table_[i]);
    table_.erase(table_.begin() + static_cast<std::ptrdiff_t>(i));
    errors_.erase(errors_.begin() + static_cast<std::ptrdiff_t>(i));
    dropped = true;
  }
  for (const std::string& src : named) {
    if (std::none_of(table_.begin(), table_.end(), [&](const views::FeedImage& im) { return im.src == src; })) {
      table_.push_back({src});
      errors_.emplace_back();
    }
  }
  return dropped;
}

void FeedImages::loadNow(const core::Feed& feed, const std::string& base, const platform::ImageLimits& limits) {
  retain(feed);
  live::ImageLoader::Options options;
  options.cacheBytes = 0;  // one frame from one feed: nothing to keep
  options.limits = limits;
  live::ImageLoader loader(std::move(options));
  for (views::FeedImage& im : table_) {
    if (im.texture || im.failed) continue;
    live::ImageReady r;
    r.src = im.src;
    if (auto loaded = loader.load(im.src, base)) {
      r.width = loaded->width;
      r.height = loaded->height;
      r.rgba = std::move(loaded->rgba);
    } else {
      r.error = loaded.error().message;
    }
    apply(r);
  }
}

std::size_t FeedImages::loaded() const {
  return static_cast<std::size_t>(std::count_if(table_.begin(), table_.end(), [](const auto& im) { return im.texture != 0; }));
}

std::size_t FeedImages::failed(std::string* firstError) const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < table_.size(); ++i) {
    if (!table_[i].failed) continue;
    if (n++ == 0 && firstError) *firstError = errors_[i];
  }
  return n;
}

std::vector<std::string> FeedImages::errors() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < table_.size(); ++i)
    if (table_[i].failed) out.push_back(errors_[i]);
  return out;
}

}  // namespace sf::player
