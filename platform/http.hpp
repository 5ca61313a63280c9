// One HTTP(S) or file:// request with everything a fleet of screens needs: conditional requests,
// timeouts, a slow-drip guard, a size limit while downloading, bounded redirects, verified TLS.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.hpp"

namespace sf::platform {

struct FetchRequest {
  std::string url;
  std::string etag;          // sent as If-None-Match
  std::string lastModified;  // sent as If-Modified-Since
  std::size_t maxBytes = 16u << 20;
  long connectTimeoutMs = 10000;
  long totalTimeoutMs = 60000;
  long lowSpeedBytes = 64;  // slower than this for lowSpeedSeconds is a stalled server
  long lowSpeedSeconds = 10;
  long maxRedirects = 5;
  std::string caBundle;   // extra trusted CAs (PEM); verification itself cannot be turned off
  std::string pinnedKey;  // "sha256//base64" public key pin
};

// An answer that is good to use: the body, or "not modified".
struct FetchResponse {
  long status = 0;  // HTTP status; 0 for file://
  bool notModified = false;
  std::string body;
  std::string etag;
  std::string lastModified;
  std::optional<std::int64_t> serverDate;  // the Date header, seconds since the epoch
};

// Validators in a response come back only when they can tell two versions apart: a
// Last-Modified within a second of the response's Date (RFC 9110 8.8.2.2), and with it an
// ETag made of modification time and size (nginx's, Apache's), would match a second version
// written in the same second, so both are dropped and the next request asks unconditionally.
// A failure's message is plain words for the status page; its kind is what the status file
// calls the fault: "network", "timeout", "too-large", "http", "tls", "redirects" or "truncated";
// an "http" failure's code is the status the server answered (404, 500 …).
core::Result<FetchResponse> fetch(const FetchRequest& request);

// One POST of a small body (a screen's heartbeat): short timeouts, no redirects followed (a
// report is not re-sent elsewhere), verified TLS, the reply read up to `maxReplyBytes`.
struct PostRequest {
  std::string url;
  std::string body;
  std::string contentType = "application/json";
  std::string bearerToken;  // sent as Authorization: Bearer …, when set
  std::vector<std::pair<std::string, std::string>> headers;
  long connectTimeoutMs = 3000;
  long totalTimeoutMs = 5000;
  std::size_t maxReplyBytes = 16 * 1024;
  std::string caBundle;
  std::string pinnedKey;
};
struct PostResponse {
  long status = 0;
  std::string body;
};
// Failures as fetch() words them; an answer of 400 or more is an "http" failure whose message
// carries the start of the server's reply (the collector says there why it refused).
core::Result<PostResponse> post(const PostRequest& request);

// The rule above, on a response's headers; fetch() applies it.
void dropCoarseValidators(FetchResponse& response);

}  // namespace sf::platform
