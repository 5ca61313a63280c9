// libcurl for URLs, files.cpp for paths. The size limit is enforced in the write callback, so a
// hostile server cannot make us buffer more than the limit.
#include "source.hpp"

#include <curl/curl.h>

#include "files.hpp"

namespace sf::platform {
namespace {

struct Sink {
  std::string data;
  std::size_t limit = 0;
  bool tooLarge = false;
};

std::size_t onData(char* ptr, std::size_t size, std::size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t bytes = size * n;
  if (sink->data.size() + bytes > sink->limit) {
    sink->tooLarge = true;
    return 0;  // aborts the transfer
  }
  sink->data.append(ptr, bytes);
  return bytes;
}

struct CurlInit {
  CurlInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlInit() { curl_global_cleanup(); }
};

}  // namespace

bool isUrl(const std::string& s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("file://");
}

SourceResult readSource(const std::string& pathOrUrl, std::size_t maxBytes) {
  SourceResult r;
  if (!isUrl(pathOrUrl)) {
    auto f = readFile(pathOrUrl, maxBytes);
    r.content = std::move(f.content);
    r.error = std::move(f.error);
    r.tooLarge = f.tooLarge;
    return r;
  }
  static CurlInit init;  // process-wide libcurl setup, once, before the first transfer
  CURL* curl = curl_easy_init();
  if (!curl) {
    r.error = "cannot start a transfer (libcurl)";
    return r;
  }
  Sink sink;
  sink.limit = maxBytes;
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, pathOrUrl.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onData);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(maxBytes));
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "schaufenster/0.1");
  const CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.httpStatus);
  curl_easy_cleanup(curl);
  if (sink.tooLarge || rc == CURLE_FILESIZE_EXCEEDED) {
    r.tooLarge = true;
    r.error = pathOrUrl + " is larger than the limit of " + std::to_string(maxBytes) + " bytes";
    return r;
  }
  if (rc != CURLE_OK) {
    r.error = pathOrUrl + ": " + (errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(rc)));
    return r;
  }
  if (r.httpStatus >= 400) {
    r.error = pathOrUrl + ": the server answered HTTP " + std::to_string(r.httpStatus);
    return r;
  }
  r.content = std::move(sink.data);
  return r;
}

}  // namespace sf::platform
