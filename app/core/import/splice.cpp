// Minimal-change rewriting of a feed file: members and array items the import did not change
// keep their original bytes, so an organiser's hand formatting survives an import.
#include <cctype>
#include <map>

#include "core/import/splice.hpp"

#include "core/feed/json_scan.hpp"
#include "core/import/merge.hpp"

namespace sf::core {
namespace {

using ojson = nlohmann::ordered_json;

struct Span {
  std::size_t begin = 0, end = 0;  // [begin, end) of a value in the text
};

struct Member {
  std::string key;
  std::size_t keyBegin = 0;  // where its key's opening quote is
  Span value;
};

// Members of the object at `i`. Empty when the text is not as expected.
std::vector<Member> members(std::string_view t, std::size_t i) {
  std::vector<Member> out;
  i = skipJsonSpace(t, i);
  if (i >= t.size() || t[i] != '{') return {};
  i = skipJsonSpace(t, i + 1);
  while (i < t.size() && t[i] != '}') {
    const std::size_t keyBegin = i, keyEnd = skipJsonValue(t, i);
    std::string key;
    try {
      key = ojson::parse(t.substr(i, keyEnd - i)).get<std::string>();
    } catch (const std::exception&) {
      return {};
    }
    i = skipJsonSpace(t, keyEnd);
    if (i >= t.size() || t[i] != ':') return {};
    const std::size_t vb = skipJsonSpace(t, i + 1), ve = skipJsonValue(t, vb);
    out.push_back({std::move(key), keyBegin, Span{vb, ve}});
    i = skipJsonSpace(t, ve);
    if (i < t.size() && t[i] == ',') i = skipJsonSpace(t, i + 1);
  }
  return out;
}

std::vector<Span> items(std::string_view t, Span arr) {
  std::vector<Span> out;
  std::size_t i = skipJsonSpace(t, arr.begin + 1);
  while (i < arr.end && t[i] != ']') {
    const std::size_t e = skipJsonValue(t, i);
    out.push_back({i, e});
    i = skipJsonSpace(t, e);
    if (i < arr.end && t[i] == ',') i = skipJsonSpace(t, i + 1);
  }
  return out;
}

std::string indented(const ojson& v, std::size_t indent) {
  const std::string pad(indent, ' ');
  std::string out;
  for (char c : v.dump(2, ' ', false, ojson::error_handler_t::replace)) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

std::size_t columnOf(std::string_view t, std::size_t pos) {
  const auto nl = t.rfind('\n', pos == 0 ? 0 : pos - 1);
  return nl == std::string_view::npos ? pos : pos - nl - 1;
}

// An array's new text, reusing the original text of every item that is unchanged.
std::string arrayText(std::string_view t, Span arr, const ojson& before, const ojson& after) {
  const auto old = items(t, arr);
  if (old.size() != before.size() || after.empty()) return indented(after, 2);
  const std::size_t indent = old.empty() ? 4 : columnOf(t, old.front().begin);
  const std::string pad(indent, ' ');
  std::string out = "[";
  std::size_t next = 0;  // original items are matched in order: a merge never reorders kept ones
  for (std::size_t k = 0; k < after.size(); ++k) {
    out += k == 0 ? "\n" : ",\n";
    out += pad;
    std::size_t match = next;
    while (match < before.size() && before[match] != after[k]) ++match;
    if (match < before.size()) {
      out += t.substr(old[match].begin, old[match].end - old[match].begin);
      next = match + 1;
    } else {
      out += indented(after[k], indent);
    }
  }
  return out + "\n" + std::string(indent >= 2 ? indent - 2 : 0, ' ') + "]";
}

}  // namespace

std::string rewriteFeedText(std::string_view original, const ojson& before, const ojson& after) {
  const std::string fallback = serializeFeed(after);
  const auto spans = members(original, 0);
  if (spans.size() != before.size() || !before.is_object() || !after.is_object()) return fallback;
  // A member the import added goes before the member that follows it in `after` ("rooms" before
  // "events"), or, when none follows, before the closing brace.
  std::map<std::string, std::vector<std::string>> addedBefore;
  std::vector<std::string> addedAtEnd, pending;
  for (auto it = after.begin(); it != after.end(); ++it) {
    if (!before.contains(it.key())) {
      pending.push_back(it.key());
    } else if (!pending.empty()) {
      addedBefore[it.key()] = std::move(pending);
      pending.clear();
    }
  }
  addedAtEnd = std::move(pending);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const auto& [key, keyBegin, span] = spans[k];
    if (auto added = addedBefore.find(key); added != addedBefore.end()) {
      const std::string pad(columnOf(original, keyBegin), ' ');
      out += original.substr(copied, keyBegin - copied);
      for (const auto& a : added->second) out += ojson(a).dump() + ": " + indented(after[a], 2) + ",\n" + pad;
      copied = keyBegin;
      if (!after.contains(key)) return fallback;
    }
    if (!after.contains(key)) {  // removed (an emptied list of the import's): with the comma before it
      if (k == 0) return fallback;
      const std::size_t prevEnd = spans[k - 1].value.end;
      if (copied > prevEnd) return fallback;
      out += original.substr(copied, prevEnd - copied);
      copied = span.end;
      continue;
    }
    if (after[key] == before[key]) continue;
    out += original.substr(copied, span.begin - copied);
    out += after[key].is_array() && before[key].is_array() ? arrayText(original, span, before[key], after[key]) : indented(after[key], 2);
    copied = span.end;
  }
  const std::size_t close = original.rfind('}');
  if (close == std::string_view::npos || close < copied) return fallback;
  std::size_t lastValueEnd = close;
  while (lastValueEnd > copied && std::isspace(static_cast<unsigned char>(original[lastValueEnd - 1]))) --lastValueEnd;
  out += original.substr(copied, lastValueEnd - copied);
  for (const auto& a : addedAtEnd) out += ",\n  " + ojson(a).dump() + ": " + indented(after[a], 2);
  out += original.substr(lastValueEnd);
  try {
    if (ojson::parse(out) == after) return out;  // the splice must say exactly what the merge says
  } catch (const std::exception&) {
  }
  return fallback;
}

}  // namespace sf::core
