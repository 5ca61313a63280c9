// Typed reading of parsed JSON with located diagnostics: each wrong value is reported at its
// JSON pointer with what was expected and what was found, and reading goes on past it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/diagnostic.hpp"
#include "core/base/time.hpp"
#include "core/feed/model.hpp"

namespace sf::core {

struct ReadLimits {
  std::size_t maxItems = 100000;           // per array
  std::size_t maxStringBytes = 64u << 10;  // per string
};

// "a string (\"…\")", "an array", "a number (3.5)": a value as a message names it.
std::string describeJson(const nlohmann::json& v);

class JsonReader {
 public:
  JsonReader(Diagnostics& out, ReadLimits limits, nlohmann::json& unknown)
      : out_(out), limits_(limits), unknown_(unknown) {}

  void error(const std::string& ptr, std::string msg) { report(out_, Severity::Error, ptr, std::move(msg)); }
  void warn(const std::string& ptr, std::string msg) { report(out_, Severity::Warning, ptr, std::move(msg)); }

  std::vector<std::string> languages{"de", "en"};  // the feed's, for texts by language

  bool isObject(const nlohmann::json& v, const std::string& ptr, std::string_view what);

  // Warns once per unknown key and keeps its value, so tools that rewrite a feed preserve it.
  void unknownKeys(const nlohmann::json& obj, const std::string& ptr, std::initializer_list<std::string_view> known);

  const nlohmann::json* member(const nlohmann::json& obj, const std::string& ptr, std::string_view key, bool required);

  std::optional<std::string> string(const nlohmann::json* v, const std::string& ptr, bool allowEmpty = false);

  std::string id(const nlohmann::json* v, const std::string& ptr);

  std::vector<std::string> ids(const nlohmann::json* v, const std::string& ptr);

  std::vector<std::string> strings(const nlohmann::json* v, const std::string& ptr);

  bool array(const nlohmann::json& v, const std::string& ptr, std::string_view what);

  // A string (the same in every language) or an object of language -> string.
  LocalText text(const nlohmann::json* v, const std::string& ptr, bool required, std::size_t longAfter = 0);

  std::optional<Instant> instant(const nlohmann::json* v, const std::string& ptr);

  std::optional<Date> date(const nlohmann::json* v, const std::string& ptr);

  std::optional<std::int64_t> integer(const nlohmann::json* v, const std::string& ptr, std::int64_t lo, std::int64_t hi);

  std::optional<bool> boolean(const nlohmann::json* v, const std::string& ptr);

  std::string url(const nlohmann::json* v, const std::string& ptr);

 private:
  void lengthHint(const std::string& s, const std::string& ptr, std::size_t longAfter);

  Diagnostics& out_;
  ReadLimits limits_;
  nlohmann::json& unknown_;
};

// An image as the format writes it everywhere (projects, posters, sponsor logos, maps): a src
// string, or {"src", "alt"}. Nothing when the src is unusable (reported as an error).
std::optional<ImageRef> readImageRef(JsonReader& r, const nlohmann::json& im, const std::string& ip);

}  // namespace sf::core
