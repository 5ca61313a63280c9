// The id, text and offset helpers the importers share. Ids must stay the same across re-imports,
// so everything here is deterministic.
#include "core/import/common.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/base/text_util.hpp"
#include "core/feed/json_scan.hpp"

namespace sf::core {
namespace {

bool idChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == ':';
}

std::string hash8(std::string_view s) {  // FNV-1a: stable across platforms and releases
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

}  // namespace

std::string slugify(std::string_view s, std::size_t maxLen) {
  std::string out;
  bool dash = false;
  for (char ch : s) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += c;
      if (out.size() >= maxLen) break;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string itemId(std::string_view sourceId, std::string_view key) {
  const std::size_t room = 128 - sourceId.size() - 1;
  bool clean = !key.empty() && key.size() <= room;
  for (char c : key) clean = clean && idChar(c);
  if (clean) return std::string(sourceId) + ":" + std::string(key);
  // Keep what is readable of the key, then the hash of the whole key, which tells keys apart
  // that differ only in the characters replaced here.
  std::string slug;
  for (char c : key) {
    const char d = idChar(c) ? c : '-';
    if (d == '-' && (slug.empty() || slug.back() == '-')) continue;
    slug += d;
  }
  const std::size_t keep = room > 9 ? room - 9 : 0;
  if (slug.size() > keep) slug.resize(keep);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return std::string(sourceId) + ":" + (slug.empty() ? "" : slug + "-") + hash8(key);
}

bool isValidSourceId(std::string_view s) {
  return s.size() <= 64 && isValidId(s) && s.find(':') == std::string_view::npos;
}

std::string sourceIdFromName(std::string_view pathOrUrl) {
  std::string_view p = pathOrUrl;
  if (const auto q = p.find_first_of("?#"); q != std::string_view::npos && p.find("://") != std::string_view::npos)
    p = p.substr(0, q);
  if (const auto s = p.find("://"); s != std::string_view::npos) {
    p = p.substr(s + 3);
    const auto slash = p.find('/');
    p = slash == std::string_view::npos ? std::string_view{} : p.substr(slash);
  }
  static constexpr std::string_view generic[] = {"schedule", "export", "widgets", "widget", "calendar", "index",
                                                 "feed",     "data",   "schedule-json", "talks", "events", "ical",
                                                 "frab",     "pretalx", "public", "json", "download", "api"};
  while (!p.empty()) {
    while (!p.empty() && p.back() == '/') p.remove_suffix(1);
    const auto slash = p.rfind('/');
    std::string_view seg = slash == std::string_view::npos ? p : p.substr(slash + 1);
    p = slash == std::string_view::npos ? std::string_view{} : p.substr(0, slash);
    if (const auto dot = seg.rfind('.'); dot != std::string_view::npos && dot > 0) seg = seg.substr(0, dot);
    const std::string slug = slugify(seg);
    bool isGeneric = slug.empty();
    for (auto g : generic) isGeneric = isGeneric || slug == g;
    if (!isGeneric) return slug;
  }
  return "import";
}

std::string plainText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '<') {
      const auto close = s.find('>', i);
      if (close == std::string_view::npos) {
        out += c;
        continue;
      }
      const std::string tag = asciiLower(s.substr(i + 1, close - i - 1));
      if (tag.starts_with("br") || tag.starts_with("p") || tag.starts_with("/p") || tag.starts_with("li") ||
          tag.starts_with("/div") || tag.starts_with("div"))
        out += '\n';
      i = close;
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> entities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
      bool done = false;
      for (const auto& [from, to] : entities) {
        if (s.substr(i, from.size()) == from) {
          out += to;
          i += from.size() - 1;
          done = true;
          break;
        }
      }
      if (!done) out += c;
      continue;
    }
    if (c == '\r') continue;
    out += c == '\t' ? ' ' : c;
  }
  // Tidy: trim every line, no runs of spaces, at most one empty line in a row.
  std::string tidy;
  std::size_t emptyRun = 0;
  std::size_t pos = 0;
  while (pos <= out.size()) {
    auto nl = out.find('\n', pos);
    if (nl == std::string::npos) nl = out.size();
    std::string line;
    for (char c : trimmed(std::string_view(out).substr(pos, nl - pos))) {
      if (c == ' ' && !line.empty() && line.back() == ' ') continue;
      line += c;
    }
    if (line.empty()) {
      ++emptyRun;
    } else {
      if (!tidy.empty()) tidy += emptyRun > 0 ? "\n\n" : "\n";
      tidy += line;
      emptyRun = 0;
    }
    pos = nl + 1;
  }
  return tidy;
}

std::string shorten(std::string_view s, std::size_t maxChars) {
  if (utf8Length(s) <= maxChars) return std::string(s);
  std::size_t bytes = 0, chars = 0;
  while (bytes < s.size()) {  // the byte offset of character number maxChars - 1 (room for "…")
    if ((static_cast<unsigned char>(s[bytes]) & 0xC0) != 0x80 && ++chars > maxChars - 1) break;
    ++bytes;
  }
  const std::string_view cut = s.substr(0, bytes);
  // Prefer a whole sentence when one ends in the last 40 %, else a whole word.
  std::size_t best = std::string_view::npos;
  for (std::size_t i = cut.size(); i-- > cut.size() * 6 / 10;) {
    if ((cut[i] == '.' || cut[i] == '!' || cut[i] == '?') && i + 1 < s.size() && (s[i + 1] == ' ' || s[i + 1] == '\n')) {
      best = i + 1;
      break;
    }
  }
  if (best != std::string_view::npos) return std::string(trimmed(cut.substr(0, best)));
  const auto space = cut.find_last_of(" \n");
  const std::string_view head = space != std::string_view::npos && space > cut.size() / 2 ? cut.substr(0, space) : cut;
  std::string out(trimmed(head));
  while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':' || out.back() == '-')) out.pop_back();
  return out + "…";
}

std::optional<int> offsetMinutesOf(std::string_view s) {
  if (s.size() < 17 || !parseInstant(s)) return std::nullopt;
  if (s.back() == 'Z' || s.back() == 'z') return 0;
  const bool colon = s[s.size() - 3] == ':';
  const std::size_t at = s.size() - (colon ? 6 : 5);
  const char sign = s[at];
  if (sign != '+' && sign != '-') return std::nullopt;
  const int h = (s[at + 1] - '0') * 10 + (s[at + 2] - '0');
  const std::size_t m0 = at + (colon ? 4 : 3);
  const int m = (s[m0] - '0') * 10 + (s[m0 + 1] - '0');
  return (h * 60 + m) * (sign == '-' ? -1 : 1);
}

std::optional<std::string> fixedOffsetZone(int offsetMinutes) {
  if (offsetMinutes % 60 != 0 || offsetMinutes < -12 * 60 || offsetMinutes > 14 * 60) return std::nullopt;
  const int h = offsetMinutes / 60;
  if (h == 0) return std::string("UTC");
  // POSIX turns the sign around: Etc/GMT-1 is one hour ahead of UTC.
  return std::string("Etc/GMT") + (h > 0 ? "-" : "+") + std::to_string(h > 0 ? h : -h);
}

std::string formatOffset(int offsetMinutes) {
  const int a = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offsetMinutes < 0 ? '-' : '+', a / 60, a % 60);
  return buf;
}

std::string_view withoutBom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

bool parseJsonSource(std::string_view text, nlohmann::json& out, Diagnostics& ds) {
  text = withoutBom(text);
  Diagnostics scan = scanJson(text);
  const bool bad = hasErrors(scan);
  ds.insert(ds.end(), scan.begin(), scan.end());
  if (bad) return false;
  try {
    out = nlohmann::json::parse(text);
  } catch (const std::exception& e) {  // the scanner should have caught it; never let it escape
    report(ds, Severity::Error, "", std::string("the JSON could not be read: ") + e.what());
    return false;
  }
  return true;
}

std::optional<XmlElement> parseXmlSource(std::string_view text, const ImportOptions& opts, Diagnostics& ds) {
  if (!opts.parseXml) {
    report(ds, Severity::Error, "", "this build reads no XML");
    return std::nullopt;
  }
  XmlDocument doc = opts.parseXml(withoutBom(text));
  ds.insert(ds.end(), doc.diagnostics.begin(), doc.diagnostics.end());
  if (doc.roots.empty()) return std::nullopt;
  return std::move(doc.roots.front());
}

const nlohmann::json* jsonMember(const nlohmann::json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string jsonText(const nlohmann::json* v) {
  if (v && (v->is_number_integer() || v->is_number_unsigned())) return v->dump();
  return v && v->is_string() ? std::string(trimmed(v->get_ref<const std::string&>())) : std::string();
}

std::optional<std::chrono::minutes> parseDuration(std::string_view s) {
  std::vector<int> parts;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto colon = s.find(':', pos);
    if (colon == std::string_view::npos) colon = s.size();
    const auto part = s.substr(pos, colon - pos);
    if (part.empty() || part.size() > 4) return std::nullopt;
    int n = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    parts.push_back(n);
    pos = colon + 1;
  }
  using std::chrono::minutes;
  if (parts.size() == 2 && parts[1] < 60) return minutes{parts[0] * 60 + parts[1]};
  if (parts.size() == 3 && parts[1] < 24 && parts[2] < 60) return minutes{(parts[0] * 24 + parts[1]) * 60 + parts[2]};
  return std::nullopt;
}

std::optional<int> parseClockMinutes(std::string_view s) {
  if ((s.size() != 5 && s.size() != 8) || s[2] != ':' || (s.size() == 8 && s[5] != ':')) return std::nullopt;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i % 3 != 2 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59 || (s.size() == 8 && s[6] > '5')) return std::nullopt;
  return h * 60 + m;
}

}  // namespace sf::core
