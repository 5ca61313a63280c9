// libcurl behind a small struct interface, so no curl type leaves platform/. Each call uses its
// own easy handle; the worker calls it every few seconds, so handle reuse would save little.
#include "http.hpp"

#include <curl/curl.h>

#include <cctype>

namespace sf::platform {
namespace {

struct Transfer {
  FetchResponse* response;
  std::size_t limit;
  bool tooLarge = false;
};

std::size_t onBody(char* ptr, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t bytes = size * n;
  if (t->response->body.size() + bytes > t->limit) {
    t->tooLarge = true;
    return 0;  // aborts: we never buffer more than the limit
  }
  t->response->body.append(ptr, bytes);
  return bytes;
}

std::string trimHeaderValue(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  return std::string(v);
}

std::size_t onHeader(char* ptr, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(ptr, size * n);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): forget the old headers
    t->response->etag.clear();
    t->response->lastModified.clear();
    t->response->serverDate.reset();
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string name(line.substr(0, colon));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string value = trimHeaderValue(line.substr(colon + 1));
  if (name == "etag") t->response->etag = value;
  else if (name == "last-modified") t->response->lastModified = value;
  else if (name == "date") {
    const time_t d = curl_getdate(value.c_str(), nullptr);
    if (d > 0) t->response->serverDate = static_cast<std::int64_t>(d);
  }
  return size * n;
}

struct GlobalInit {
  GlobalInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~GlobalInit() { curl_global_cleanup(); }
};

core::Unexpected describeError(CURLcode rc, const char* detail, const std::string& url) {
  const char* kind = "network";  // what the status file calls the fault; unknown codes count as network
  std::string what;
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST: what = "could not find the server (name lookup failed)"; break;
    case CURLE_COULDNT_CONNECT: what = "the server did not accept the connection (down or unreachable)"; break;
    case CURLE_OPERATION_TIMEDOUT: kind = "timeout"; what = "the server answered too slowly or not at all (timed out)"; break;
    case CURLE_PEER_FAILED_VERIFICATION: kind = "tls"; what = "the server's TLS certificate is not trusted"; break;
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: kind = "tls"; what = "the server's key does not match the pinned key"; break;
    case CURLE_SSL_CONNECT_ERROR: kind = "tls"; what = "the TLS handshake failed"; break;
    case CURLE_TOO_MANY_REDIRECTS: kind = "redirects"; what = "too many redirects (a redirect loop?)"; break;
    case CURLE_PARTIAL_FILE: kind = "truncated"; what = "the download ended early (truncated)"; break;
    case CURLE_FILE_COULDNT_READ_FILE: what = "the file cannot be read"; break;
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING: what = "the connection broke off"; break;
    default: what = curl_easy_strerror(rc); break;
  }
  std::string message = url + ": " + what;
  if (detail && *detail) message += " (" + std::string(detail) + ")";
  return core::failAs(kind, std::move(message));
}

// "5f3e1a2b-1c4" (nginx: mtime-size) or "1c4-5f3e1a2b3c4d0" / "2a-1c4-5f3e…" (Apache): hex
// numbers joined by dashes, optionally weak.
bool looksLikeTimeAndSize(std::string_view etag) {
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  if (etag.size() < 5 || etag.front() != '"' || etag.back() != '"') return false;
  etag = etag.substr(1, etag.size() - 2);
  int dashes = 0;
  for (char c : etag) {
    if (c == '-') ++dashes;
    else if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  }
  return dashes >= 1 && dashes <= 2 && etag.front() != '-' && etag.back() != '-' && etag.find("--") == std::string_view::npos;
}

}  // namespace

void dropCoarseValidators(FetchResponse& r) {
  if (r.lastModified.empty()) return;
  const time_t modified = curl_getdate(r.lastModified.c_str(), nullptr);
  // Without a Date to compare with, the version may have been written the second it was sent.
  const bool coarse = modified <= 0 || !r.serverDate || modified + 1 >= *r.serverDate;
  if (!coarse) return;
  r.lastModified.clear();
  if (looksLikeTimeAndSize(r.etag)) r.etag.clear();
}

core::Result<FetchResponse> fetch(const FetchRequest& req) {
  static GlobalInit init;  // libcurl's process-wide setup, once, before the first transfer
  FetchResponse r;
  CURL* curl = curl_easy_init();
  if (!curl) return core::failAs("network", "cannot start a transfer (libcurl)");
  Transfer t{&r, req.maxBytes};
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = nullptr;
  if (!req.etag.empty()) headers = curl_slist_append(headers, ("If-None-Match: " + req.etag).c_str());
  if (!req.lastModified.empty()) headers = curl_slist_append(headers, ("If-Modified-Since: " + req.lastModified).c_str());

  curl_easy_setopt(curl, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, req.maxRedirects);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, req.connectTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, req.totalTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, req.lowSpeedBytes);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, req.lowSpeedSeconds);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip, deflate, br, zstd as built
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(req.maxBytes));
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!req.caBundle.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, req.caBundle.c_str());
  if (!req.pinnedKey.empty()) curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, req.pinnedKey.c_str());
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "schaufenster/0.1");

  const CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  curl_easy_cleanup(curl);
  curl_slist_free_all(headers);

  if (t.tooLarge || rc == CURLE_FILESIZE_EXCEEDED)
    return core::failAs("too-large", req.url + ": larger than the limit of " + std::to_string(req.maxBytes) + " bytes");
  if (rc != CURLE_OK) return describeError(rc, errbuf, req.url);
  if (r.status >= 400)
    return core::failAs("http", req.url + ": the server answered HTTP " + std::to_string(r.status) +
                                    (r.status == 404 ? " (not found)" : r.status >= 500 ? " (server error)" : ""),
                        r.status);
  r.notModified = r.status == 304;
  dropCoarseValidators(r);
  return r;
}

core::Result<PostResponse> post(const PostRequest& req) {
  static GlobalInit init;
  FetchResponse reply;  // only its body is used: Transfer and onBody are shared with fetch()
  CURL* curl = curl_easy_init();
  if (!curl) return core::failAs("network", "cannot start a transfer (libcurl)");
  Transfer t{&reply, req.maxReplyBytes};
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_slist* headers = curl_slist_append(nullptr, ("Content-Type: " + req.contentType).c_str());
  if (!req.bearerToken.empty()) headers = curl_slist_append(headers, ("Authorization: Bearer " + req.bearerToken).c_str());
  for (const auto& [name, value] : req.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip for a small body

  curl_easy_setopt(curl, CURLOPT_URL, req.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, req.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, req.connectTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, req.totalTimeoutMs);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!req.caBundle.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, req.caBundle.c_str());
  if (!req.pinnedKey.empty()) curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, req.pinnedKey.c_str());
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "schaufenster/0.1");

  const CURLcode rc = curl_easy_perform(curl);
  PostResponse r;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
  curl_easy_cleanup(curl);
  curl_slist_free_all(headers);
  if (t.tooLarge) return core::failAs("too-large", req.url + ": the reply is larger than " + std::to_string(req.maxReplyBytes) + " bytes");
  if (rc != CURLE_OK) return describeError(rc, errbuf, req.url);
  if (r.status >= 400) {
    std::string said = reply.body.substr(0, 200);
    for (auto& c : said)
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return core::failAs("http", req.url + ": the server answered HTTP " + std::to_string(r.status) + (said.empty() ? "" : " (" + said + ")"),
                        r.status);
  }
  r.body = std::move(reply.body);
  return r;
}

}  // namespace sf::platform
