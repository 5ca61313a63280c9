// One way to turn a feed's image src into pixels, for the image worker and for `render`: resolve
// it next to the feed, fetch or read it within limits, keep it on disk by content, decode it.
#pragma once
#include <cstddef>
#include <string>

#include "core/base/result.hpp"
#include "platform/http.hpp"
#include "platform/image_decode.hpp"

namespace sf::live {

// Resolves an image reference against the feed's URL ("" when it cannot be resolved).
std::string resolveImageUrl(const std::string& src, const std::string& feedUrl);

// Where a feed's image src points: absolute URLs as they are, relative ones next to the feed
// (a URL or a local path). Empty when `src` is relative and there is nothing to resolve against.
std::string resolveImageSource(const std::string& src, const std::string& base);

class ImageLoader {
 public:
  struct Options {
    std::string cacheDir;  // images go to <cacheDir>/images
    std::size_t cacheBytes = 64u << 20;  // 0: no disk cache (`render`)
    platform::ImageLimits limits;
    platform::FetchRequest tuning;  // timeouts for image downloads; url and maxBytes are set per image
  };

  explicit ImageLoader(Options options);

  // The error's message names the image and the reason; its kind is "retry" when the bytes could
  // not be had (no network, a server error: worth asking again later), empty when the image
  // itself is refused (too large, not an image, a bomb) and asking again would not help.
  core::Result<platform::DecodedImage> load(const std::string& src, const std::string& base);

 private:
  core::Result<std::string> download(const std::string& where);
  std::string cached(const std::string& url);
  void store(const std::string& url, const std::string& bytes);

  Options options_;
};

}  // namespace sf::live
