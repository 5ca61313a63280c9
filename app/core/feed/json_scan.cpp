// Strict JSON scanning with positions: the DOM parser tells neither where a value sits nor about
// duplicate keys, so this pass does both, and gives organisers messages in plain words.
#include "core/feed/json_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

std::string describeByte(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return "the end of the input";
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x21 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  static const char* hex = "0123456789ABCDEF";
  std::string out = "byte 0x";
  out += hex[c >> 4];
  out += hex[c & 15];
  if (c == ' ') out += " (space)";
  else if (c == '\n') out += " (line break)";
  return out;
}

// Length of a valid UTF-8 sequence at `pos`, or 0 when the bytes there are not well-formed.
std::size_t utf8Length(std::string_view s, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) len = 2;
  else if (b0 == 0xE0) { len = 3; lo = 0xA0; }
  else if (b0 >= 0xE1 && b0 <= 0xEC) len = 3;
  else if (b0 == 0xED) { len = 3; hi = 0x9F; }  // no UTF-16 surrogates
  else if (b0 >= 0xEE && b0 <= 0xEF) len = 3;
  else if (b0 == 0xF0) { len = 4; lo = 0x90; }
  else if (b0 >= 0xF1 && b0 <= 0xF3) len = 4;
  else if (b0 == 0xF4) { len = 4; hi = 0x8F; }
  else return 0;
  if (pos + len > s.size()) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if (b < (i == 1 ? lo : 0x80) || b > (i == 1 ? hi : 0xBF)) return 0;
  }
  return len;
}

struct SyntaxError {
  std::size_t offset;
  std::string message;
};

// One recursive-descent pass. Recursion is bounded by maxDepth, checked before descending.
class Scanner {
 public:
  Scanner(std::string_view text, const ScanLimits& limits, Diagnostics& out)
      : text_(text), limits_(limits), out_(out) {}

  void run() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark is tolerated
    skipSpace();
    if (pos_ >= text_.size()) {
      fail("the input is empty; expected a JSON object");
      return;
    }
    if (!value()) return;
    skipSpace();
    if (pos_ < text_.size()) fail("unexpected " + describeByte(text_, pos_) + " after the end of the JSON document");
  }

 private:
  bool fail(std::string message) {
    Diagnostic d;
    d.severity = Severity::Error;
    const auto p = positionAt(text_, pos_);
    d.line = p.line;
    d.column = p.column;
    d.jsonPointer = pointer();
    d.message = std::move(message);
    out_.push_back(std::move(d));
    return false;
  }

  bool failAt(std::size_t offset, std::string message) {
    pos_ = offset;
    return fail(std::move(message));
  }

  std::string pointer() const {
    std::string out;
    for (const auto& seg : path_) out += "/" + seg;
    return out;
  }

  void skipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ++pos_;
      else break;
    }
  }

  bool value() {
    skipSpace();
    if (pos_ >= text_.size()) return fail("unexpected end of input; expected a value");
    const char c = text_[pos_];
    switch (c) {
      case '{': return object();
      case '[': return array();
      case '"': return string(nullptr);
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (c == '\'') return fail("strings must use double quotes (\"), found a single quote");
        if (c == '}' || c == ']') return fail("expected a value, found " + describeByte(text_, pos_) + " (a trailing comma is not allowed in JSON)");
        return fail("expected a value (object, array, string, number, true, false or null), found " + describeByte(text_, pos_));
    }
  }

  bool enter() {
    if (static_cast<int>(path_.size()) >= limits_.maxDepth)
      return fail("nesting is deeper than " + std::to_string(limits_.maxDepth) + " levels; a feed needs far fewer");
    return true;
  }

  bool object() {
    if (!enter()) return false;
    ++pos_;  // '{'
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') { ++pos_; return true; }
    std::unordered_map<std::string, std::size_t> seen;
    while (true) {
      skipSpace();
      if (pos_ >= text_.size()) return fail("unexpected end of input inside an object; expected a key or '}'");
      if (text_[pos_] != '"') {
        if (text_[pos_] == '}') return fail("expected a key, found '}' (a trailing comma is not allowed in JSON)");
        return fail("expected a key in double quotes, found " + describeByte(text_, pos_));
      }
      const std::size_t keyStart = pos_;
      std::string key;
      if (!string(&key)) return false;
      path_.push_back(pointerToken(key));
      const auto [it, inserted] = seen.emplace(key, keyStart);
      if (!inserted) {
        const auto first = positionAt(text_, it->second);
        const auto here = positionAt(text_, keyStart);
        Diagnostic d;
        d.line = here.line;
        d.column = here.column;
        d.jsonPointer = pointer();
        d.message = "duplicate key \"" + key + "\" (first at line " + std::to_string(first.line) + ", column " +
                    std::to_string(first.column) + "); each key may appear once per object";
        out_.push_back(std::move(d));
      }
      skipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        path_.pop_back();
        return fail("expected ':' after the key \"" + key + "\", found " + describeByte(text_, pos_));
      }
      ++pos_;
      if (!value()) return false;
      path_.pop_back();
      skipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < text_.size() && text_[pos_] == '}') { ++pos_; return true; }
      return fail("expected ',' or '}' after the value of \"" + key + "\", found " + describeByte(text_, pos_));
    }
  }

  bool array() {
    if (!enter()) return false;
    ++pos_;  // '['
    skipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') { ++pos_; return true; }
    for (std::size_t index = 0;; ++index) {
      path_.push_back(std::to_string(index));
      if (!value()) return false;
      path_.pop_back();
      skipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < text_.size() && text_[pos_] == ']') { ++pos_; return true; }
      return fail("expected ',' or ']' after an array element, found " + describeByte(text_, pos_));
    }
  }

  bool literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) == word) {
      pos_ += word.size();
      return true;
    }
    return fail("expected a value, found " + describeByte(text_, pos_) + " (did you mean " + std::string(word) + "?)");
  }

  bool digits() {
    if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9') return false;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return true;
  }

  bool number() {
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9')
        return fail("a number may not start with 0 followed by more digits");
    } else if (!digits()) {
      return fail("expected a digit in the number, found " + describeByte(text_, pos_));
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digits()) return fail("expected a digit after the decimal point, found " + describeByte(text_, pos_));
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return fail("expected a digit in the exponent, found " + describeByte(text_, pos_));
    }
    return true;
  }

  bool hex4(std::uint32_t& out) {
    if (pos_ + 4 > text_.size()) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_ + i];
      out <<= 4;
      if (c >= '0' && c <= '9') out |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') out |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') out |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return false;
    }
    pos_ += 4;
    return true;
  }

  // Scans a string; when `decoded` is given, writes its decoded value there (keys need it).
  bool string(std::string* decoded) {
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size()) return fail("unexpected end of input inside a string; a closing '\"' is missing");
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') { ++pos_; return true; }
      if (c < 0x20) {
        static const char* hex = "0123456789ABCDEF";
        std::string name = c == '\n' ? "a line break" : c == '\t' ? "a tab" : std::string("control character U+00") + hex[c >> 4] + hex[c & 15];
        return fail(name + " inside a string must be escaped (\\n, \\t or \\u00XX); is a closing '\"' missing?");
      }
      if (c == '\\') {
        const std::size_t escapeStart = pos_++;
        if (pos_ >= text_.size()) return fail("unexpected end of input after '\\' in a string");
        const char e = text_[pos_++];
        char plain = 0;
        switch (e) {
          case '"': plain = '"'; break;
          case '\\': plain = '\\'; break;
          case '/': plain = '/'; break;
          case 'b': plain = '\b'; break;
          case 'f': plain = '\f'; break;
          case 'n': plain = '\n'; break;
          case 'r': plain = '\r'; break;
          case 't': plain = '\t'; break;
          case 'u': {
            std::uint32_t cp = 0;
            if (!hex4(cp)) return failAt(escapeStart, "\\u must be followed by four hex digits");
            if (cp >= 0xDC00 && cp <= 0xDFFF) return failAt(escapeStart, "\\u escape is a lone low surrogate; it must follow a high surrogate");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              std::uint32_t lo = 0;
              if (text_.substr(pos_, 2) != "\\u" || (pos_ += 2, !hex4(lo)) || lo < 0xDC00 || lo > 0xDFFF)
                return failAt(escapeStart, "\\u escape is a lone high surrogate; it must be followed by a low surrogate");
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (decoded) appendUtf8(*decoded, cp);
            continue;
          }
          default:
            return failAt(escapeStart, "invalid escape '\\" + std::string(1, e) + "' in a string; allowed are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
        if (decoded) *decoded += plain;
        continue;
      }
      const std::size_t len = utf8Length(text_, pos_);
      if (len == 0) return fail("invalid UTF-8 (" + describeByte(text_, pos_) + "); feeds must be UTF-8 encoded");
      if (decoded) decoded->append(text_.substr(pos_, len));
      pos_ += len;
    }
  }

  std::string_view text_;
  const ScanLimits& limits_;
  Diagnostics& out_;
  std::size_t pos_ = 0;
  std::vector<std::string> path_;  // escaped reference tokens of the current value
};

std::string readKey(std::string_view t, std::size_t& pos) {
  // Keys passed the scanner; only the escapes that pointers can contain need decoding here.
  std::string key;
  ++pos;
  while (pos < t.size() && t[pos] != '"') {
    if (t[pos] == '\\' && pos + 1 < t.size()) {
      const char e = t[pos + 1];
      if (e == 'u' && pos + 5 < t.size()) {
        std::uint32_t cp = static_cast<std::uint32_t>(std::stoul(std::string(t.substr(pos + 2, 4)), nullptr, 16));
        appendUtf8(key, cp);
        pos += 6;
        continue;
      }
      key += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e;
      pos += 2;
      continue;
    }
    key += t[pos++];
  }
  ++pos;
  return key;
}

// Walks only the subtrees that lead to a wanted pointer and records the offset of each value.
class Locator {
 public:
  Locator(std::string_view text, const std::vector<std::string>& wanted) : t_(text), wanted_(wanted) {}

  void walk(std::size_t pos, std::string& current) {
    pos = skipJsonSpace(t_, pos);
    record(current, pos);
    if (pos >= t_.size()) return;
    if (t_[pos] == '{') {
      ++pos;
      while (true) {
        pos = skipJsonSpace(t_, pos);
        if (pos >= t_.size() || t_[pos] == '}') return;
        const std::size_t keyPos = pos;
        const std::string key = readKey(t_, pos);
        pos = skipJsonSpace(t_, pos) + 1;  // ':'
        const std::size_t len = current.size();
        current += "/" + pointerToken(key);
        if (leadsToWanted(current)) {
          record(current, keyPos);  // a member is located at its key, where people look for it
          walkChild(pos, current);
        }
        current.resize(len);
        pos = skipJsonSpace(t_, skipJsonValue(t_, skipJsonSpace(t_, pos)));
        if (pos < t_.size() && t_[pos] == ',') ++pos;
        else return;
      }
    }
    if (t_[pos] == '[') {
      ++pos;
      for (std::size_t index = 0;; ++index) {
        pos = skipJsonSpace(t_, pos);
        if (pos >= t_.size() || t_[pos] == ']') return;
        const std::size_t len = current.size();
        current += "/" + std::to_string(index);
        if (leadsToWanted(current)) walk(pos, current);
        current.resize(len);
        pos = skipJsonSpace(t_, skipJsonValue(t_, pos));
        if (pos < t_.size() && t_[pos] == ',') ++pos;
        else return;
      }
    }
  }

  std::unordered_map<std::string, std::size_t> found;

 private:
  void walkChild(std::size_t pos, std::string& current) {
    pos = skipJsonSpace(t_, pos);
    if (pos < t_.size() && (t_[pos] == '{' || t_[pos] == '[')) walk(pos, current);
  }

  void record(const std::string& current, std::size_t pos) {
    if (std::binary_search(wanted_.begin(), wanted_.end(), current)) found.emplace(current, pos);
  }

  bool leadsToWanted(const std::string& current) const {
    auto it = std::lower_bound(wanted_.begin(), wanted_.end(), current);
    for (; it != wanted_.end() && it->compare(0, current.size(), current) == 0; ++it) {
      if (it->size() == current.size() || (*it)[current.size()] == '/') return true;
    }
    return false;
  }

  std::string_view t_;
  const std::vector<std::string>& wanted_;
};

}  // namespace

Diagnostics scanJson(std::string_view text, const ScanLimits& limits) {
  Diagnostics out;
  Scanner(text, limits, out).run();
  return out;
}

TextPosition positionAt(std::string_view text, std::size_t offset) {
  TextPosition p;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;  // count characters, not UTF-8 continuation bytes
    }
  }
  return p;
}

void locatePointers(std::string_view text, Diagnostics& ds) {
  // Every pointer and each of its ancestors is wanted, so a missing member still gets the
  // position of the object it is missing from.
  std::vector<std::string> wanted;
  for (const auto& d : ds) {
    if (d.line != 0) continue;
    std::string p = d.jsonPointer;
    while (true) {
      wanted.push_back(p);
      const auto slash = p.rfind('/');
      if (slash == std::string::npos) break;
      p.resize(slash);
    }
  }
  if (wanted.empty()) return;
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());

  Locator loc(text, wanted);
  std::string current;
  std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  loc.walk(start, current);

  // Offsets to positions in one forward sweep.
  std::vector<std::pair<std::size_t, Diagnostic*>> todo;
  for (auto& d : ds) {
    if (d.line != 0) continue;
    std::string p = d.jsonPointer;
    while (true) {
      if (auto it = loc.found.find(p); it != loc.found.end()) {
        todo.emplace_back(it->second, &d);
        break;
      }
      const auto slash = p.rfind('/');
      if (slash == std::string::npos) break;
      p.resize(slash);
    }
  }
  std::sort(todo.begin(), todo.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  TextPosition p;
  std::size_t i = 0;
  for (auto& [offset, d] : todo) {
    for (; i < offset && i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == '\n') {
        ++p.line;
        p.column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++p.column;
      }
    }
    d->line = p.line;
    d->column = p.column;
  }
}

std::size_t skipJsonValue(std::string_view t, std::size_t pos) {
  auto skipString = [&](std::size_t p) {
    ++p;
    while (p < t.size() && t[p] != '"') p += t[p] == '\\' ? 2 : 1;
    return p + 1;
  };
  if (pos >= t.size()) return pos;
  if (t[pos] == '"') return skipString(pos);
  if (t[pos] != '{' && t[pos] != '[') {
    while (pos < t.size() && std::string_view(",}] \t\n\r").find(t[pos]) == std::string_view::npos) ++pos;
    return pos;
  }
  int depth = 0;
  while (pos < t.size()) {
    const char c = t[pos];
    if (c == '"') {
      pos = skipString(pos);
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    else if ((c == '}' || c == ']') && --depth == 0) return pos + 1;
    ++pos;
  }
  return pos;
}

std::size_t skipJsonSpace(std::string_view t, std::size_t pos) {
  while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '\n' || t[pos] == '\r')) ++pos;
  return pos;
}

}  // namespace sf::core
