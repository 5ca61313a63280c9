// The typed JSON reader's rules: what counts as a string, an id, a text by language, an instant
// with offset, a whole number in range; the messages name the expected and the found value.
#include "core/feed/json_reader.hpp"

#include <algorithm>
#include <cmath>

#include "core/base/text_util.hpp"

namespace sf::core {

using nlohmann::json;

std::string describeJson(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number (" + v.dump() + ")";
    case json::value_t::string: return "a string (" + quoteShort(v.get_ref<const std::string&>()) + ")";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    default: return "an unsupported value";
  }
}

bool JsonReader::isObject(const json& v, const std::string& ptr, std::string_view what) {
  if (v.is_object()) return true;
  error(ptr, "expected an object (" + std::string(what) + "), found " + describeJson(v));
  return false;
}

void JsonReader::unknownKeys(const json& obj, const std::string& ptr, std::initializer_list<std::string_view> known) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
    const std::string p = ptr + "/" + pointerToken(it.key());
    warn(p, "unknown key \"" + it.key() + "\" is ignored (kept for newer players); known keys here: " + join(known));
    unknown_[p] = it.value();
  }
}

const json* JsonReader::member(const json& obj, const std::string& ptr, std::string_view key, bool required) {
  auto it = obj.find(key);
  if (it != obj.end()) return &*it;
  if (required) error(ptr, "missing required key \"" + std::string(key) + "\"");
  return nullptr;
}

std::optional<std::string> JsonReader::string(const json* v, const std::string& ptr, bool allowEmpty) {
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(ptr, "expected a string, found " + describeJson(*v));
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > limits_.maxStringBytes) {
    error(ptr, "text is " + std::to_string(s.size()) + " bytes; the limit is " + std::to_string(limits_.maxStringBytes));
    return std::nullopt;
  }
  if (!allowEmpty && trimmed(s).empty()) {
    error(ptr, "expected a non-empty string, found an empty one");
    return std::nullopt;
  }
  return s;
}

std::string JsonReader::id(const json* v, const std::string& ptr) {
  auto s = string(v, ptr);
  if (!s) return {};
  if (!isValidId(*s)) {
    error(ptr, "expected an id of letters, digits, '.', '_', ':' or '-' (at most 128, starting with a letter or digit), found " + quoteShort(*s));
    return *s;
  }
  return *s;
}

std::vector<std::string> JsonReader::ids(const json* v, const std::string& ptr) {
  std::vector<std::string> out;
  if (!v || !array(*v, ptr, "of ids")) return out;
  for (std::size_t i = 0; i < v->size(); ++i) out.push_back(id(&(*v)[i], ptr + "/" + std::to_string(i)));
  return out;
}

std::vector<std::string> JsonReader::strings(const json* v, const std::string& ptr) {
  std::vector<std::string> out;
  if (!v || !array(*v, ptr, "of strings")) return out;
  for (std::size_t i = 0; i < v->size(); ++i)
    if (auto s = string(&(*v)[i], ptr + "/" + std::to_string(i))) out.push_back(*s);
  return out;
}

bool JsonReader::array(const json& v, const std::string& ptr, std::string_view what) {
  if (!v.is_array()) {
    error(ptr, "expected an array " + std::string(what) + ", found " + describeJson(v));
    return false;
  }
  if (v.size() > limits_.maxItems) {
    error(ptr, "array has " + std::to_string(v.size()) + " items; the limit is " + std::to_string(limits_.maxItems));
    return false;
  }
  return true;
}

LocalText JsonReader::text(const json* v, const std::string& ptr, bool required, std::size_t longAfter) {
  LocalText out;
  if (!v) return out;
  if (v->is_string()) {
    if (auto s = string(v, ptr, !required)) {
      lengthHint(*s, ptr, longAfter);
      if (!s->empty()) out.set(languages.front(), *s);
    }
    return out;
  }
  if (!v->is_object()) {
    error(ptr, "expected a text: a string or an object by language such as {\"de\": \"…\", \"en\": \"…\"}, found " + describeJson(*v));
    return out;
  }
  for (auto it = v->begin(); it != v->end(); ++it) {
    const std::string p = ptr + "/" + pointerToken(it.key());
    if (std::find(languages.begin(), languages.end(), it.key()) == languages.end()) {
      warn(p, "text in \"" + it.key() + "\", which /languages does not list, is ignored");
      continue;
    }
    if (auto s = string(&it.value(), p, !required)) {
      lengthHint(*s, p, longAfter);
      if (!s->empty()) out.set(it.key(), *s);
    }
  }
  if (out.empty()) {
    if (required) error(ptr, "expected a text in at least one of the languages " + join(languages) + ", found none");
    return out;
  }
  for (const auto& lang : languages) {
    if (!out.has(lang))
      warn(ptr, "no \"" + lang + "\" text; \"" + out.values().front().first + "\" is shown instead");
  }
  return out;
}

std::optional<Instant> JsonReader::instant(const json* v, const std::string& ptr) {
  auto s = string(v, ptr);
  if (!s) return std::nullopt;
  if (auto t = parseInstant(*s)) return t;
  if (parseInstantOrLocal(*s, TimeZone::utc()))
    error(ptr, "expected a date and time with a UTC offset such as 2024-04-25T10:00:00+02:00, found " + quoteShort(*s) + ", which has no offset");
  else
    error(ptr, "expected a date and time with a UTC offset such as 2024-04-25T10:00:00+02:00, found " + quoteShort(*s));
  return std::nullopt;
}

std::optional<Date> JsonReader::date(const json* v, const std::string& ptr) {
  auto s = string(v, ptr);
  if (!s) return std::nullopt;
  if (auto d = parseDate(*s)) return d;
  error(ptr, "expected a date such as 2024-04-25, found " + quoteShort(*s));
  return std::nullopt;
}

std::optional<std::int64_t> JsonReader::integer(const json* v, const std::string& ptr, std::int64_t lo, std::int64_t hi) {
  if (!v) return std::nullopt;
  std::optional<std::int64_t> n;
  if (v->is_number_integer() || v->is_number_unsigned()) {
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) n = hi + 1;
    else n = v->get<std::int64_t>();
  } else if (v->is_number_float() && std::floor(v->get<double>()) == v->get<double>() && std::abs(v->get<double>()) < 9e15) {
    n = static_cast<std::int64_t>(v->get<double>());
  }
  if (!n) {
    error(ptr, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", found " + describeJson(*v));
    return std::nullopt;
  }
  if (*n < lo || *n > hi) {
    error(ptr, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", found " + v->dump());
    return std::nullopt;
  }
  return n;
}

std::optional<bool> JsonReader::boolean(const json* v, const std::string& ptr) {
  if (!v) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  error(ptr, "expected true or false, found " + describeJson(*v));
  return std::nullopt;
}

std::string JsonReader::url(const json* v, const std::string& ptr) {
  auto s = string(v, ptr);
  if (!s) return {};
  if (!isWebUrl(*s)) {
    error(ptr, "expected a web address starting with https:// or http://, found " + quoteShort(*s));
    return {};
  }
  return *s;
}

void JsonReader::lengthHint(const std::string& s, const std::string& ptr, std::size_t longAfter) {
  if (longAfter == 0) return;
  const std::size_t n = utf8Length(s);
  if (n > longAfter)
    warn(ptr, "text is " + std::to_string(n) + " characters; screens show about " + std::to_string(longAfter) + " and shorten the rest");
}

// An image as the format writes it everywhere: a src string, or {"src", "alt"}. Nothing when the
// src is unusable (reported).
std::optional<ImageRef> readImageRef(JsonReader& r, const nlohmann::json& im, const std::string& ip) {
  ImageRef ref;
  const json* src = &im;
  if (im.is_object()) {
    r.unknownKeys(im, ip, {"src", "alt"});
    src = r.member(im, ip, "src", true);
    ref.alt = r.text(r.member(im, ip, "alt", false), ip + "/alt", false);
  }
  const std::string srcPtr = im.is_object() ? ip + "/src" : ip;
  if (auto s = r.string(src, srcPtr)) {
    if (isWebUrl(*s) || isSafeRelativePath(*s)) ref.src = *s;
    else r.error(srcPtr, "expected an https:// URL or a relative path inside the feed's folder (no \"..\", no leading \"/\"), found " + quoteShort(*s));
  }
  if (ref.src.empty()) return std::nullopt;
  return ref;
}

}  // namespace sf::core
