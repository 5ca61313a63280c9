// The sync config's reader (every mistake named by its JSON pointer) and the suspicion rule: a
// schedule that empties or halves itself at once is more often a broken export than a decision.
#include "core/import/sync_rules.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "core/base/text_util.hpp"
#include "core/import/common.hpp"
#include "core/import/formats.hpp"

namespace sf::core {
namespace {

using json = nlohmann::json;

bool readString(const json& obj, const std::string& key, const std::string& at, std::string& out, Diagnostics& ds) {
  if (!obj.contains(key)) return false;
  if (!obj[key].is_string() || obj[key].get<std::string>().empty()) {
    report(ds, Severity::Error, at + "/" + key, "expected a non-empty string");
    return false;
  }
  out = obj[key].get<std::string>();
  return true;
}

void readInt(const json& obj, const std::string& key, const std::string& at, int lo, int hi, int& out, Diagnostics& ds) {
  if (!obj.contains(key)) return;
  if (!obj[key].is_number_integer() || obj[key].get<long long>() < lo || obj[key].get<long long>() > hi) {
    report(ds, Severity::Error, at + "/" + key, "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return;
  }
  out = obj[key].get<int>();
}

void readBool(const json& obj, const std::string& key, const std::string& at, bool& out, Diagnostics& ds) {
  if (!obj.contains(key)) return;
  if (!obj[key].is_boolean()) {
    report(ds, Severity::Error, at + "/" + key, "expected true or false");
    return;
  }
  out = obj[key].get<bool>();
}

void warnUnknown(const json& obj, const std::string& at, std::initializer_list<std::string_view> known, Diagnostics& ds) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool ok = false;
    for (auto k : known) ok = ok || it.key() == k;
    if (!ok) report(ds, Severity::Warning, at + "/" + pointerToken(it.key()), "unknown key, ignored (a typo?)");
  }
}

std::optional<SyncSource> readSource(const json& s, const std::string& at, Diagnostics& ds) {
  if (!s.is_object()) {
    report(ds, Severity::Error, at, "expected an object with \"url\" (or \"file\") and \"id\"");
    return std::nullopt;
  }
  warnUnknown(s, at, {"id", "url", "file", "format", "pollSeconds", "live", "breaks"}, ds);
  SyncSource src;
  const bool url = readString(s, "url", at, src.location, ds);
  std::string file;
  const bool isFile = readString(s, "file", at, file, ds);
  if (url == isFile) {
    report(ds, Severity::Error, at, "expected either \"url\" (http, https or file URL) or \"file\" (a path)");
    return std::nullopt;
  }
  if (isFile) src.location = file;
  if (!readString(s, "id", at, src.id, ds)) src.id = sourceIdFromName(src.location);
  if (!isValidSourceId(src.id)) {
    report(ds, Severity::Error, at + "/id", quoteShort(src.id) + " is not a source id: letters, digits, '.', '_' or '-' (no ':'), at most 64");
    return std::nullopt;
  }
  if (readString(s, "format", at, src.format, ds) && src.format != "auto" && !findImportFormat(src.format)) {
    std::string names = "auto";
    for (const auto& f : importFormats()) names += ", " + std::string(f.id);
    report(ds, Severity::Error, at + "/format", "unknown format " + quoteShort(src.format) + "; expected one of " + names);
    return std::nullopt;
  }
  readBool(s, "live", at, src.live, ds);
  src.pollSeconds = src.live ? kSyncLivePollSeconds : kSyncDefaultPollSeconds;
  readInt(s, "pollSeconds", at, 1, 86400, src.pollSeconds, ds);
  readBool(s, "breaks", at, src.includeBreaks, ds);
  return src;
}

}  // namespace

SyncConfigResult parseSyncConfig(std::string_view text) {
  SyncConfigResult r;
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    report(r.diagnostics, Severity::Error, "", "not a JSON object; expected {\"baseFeed\": …, \"publishTo\": …, \"sources\": [...]}");
    return r;
  }
  warnUnknown(doc, "", {"baseFeed", "key", "publishTo", "stateDir", "keep", "sources"}, r.diagnostics);
  SyncConfig c;
  if (!readString(doc, "baseFeed", "", c.baseFeed, r.diagnostics) && !doc.contains("baseFeed"))
    report(r.diagnostics, Severity::Error, "/baseFeed", "missing: the organiser's feed the sources are merged into");
  if (!readString(doc, "publishTo", "", c.publishTo, r.diagnostics) && !doc.contains("publishTo"))
    report(r.diagnostics, Severity::Error, "/publishTo", "missing: the folder to publish into (as `publish --to`)");
  readString(doc, "key", "", c.key, r.diagnostics);
  readString(doc, "stateDir", "", c.stateDir, r.diagnostics);
  readInt(doc, "keep", "", 1, 1000, c.keep, r.diagnostics);
  if (!doc.contains("sources") || !doc["sources"].is_array() || doc["sources"].empty()) {
    report(r.diagnostics, Severity::Error, "/sources", "expected a list of at least one source");
  } else {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < doc["sources"].size(); ++i) {
      const std::string at = "/sources/" + std::to_string(i);
      auto src = readSource(doc["sources"][i], at, r.diagnostics);
      if (!src) continue;
      if (!ids.insert(src->id).second) {
        report(r.diagnostics, Severity::Error, at + "/id", "the source id " + quoteShort(src->id) + " is used twice; give each source its own");
        continue;
      }
      c.sources.push_back(std::move(*src));
    }
  }
  if (!hasErrors(r.diagnostics)) r.config = std::move(c);
  return r;
}

Suspicion judgeImportCount(std::optional<std::size_t> previous, std::size_t now, std::string_view what) {
  Suspicion s;
  if (!previous || *previous == 0) return s;
  const std::string had = std::to_string(*previous);
  if (now == 0) {
    s.suspicious = true;
    s.reason = "returns no " + std::string(what) + " (it had " + had + ")";
  } else if (now * 2 < *previous) {
    s.suspicious = true;
    s.reason = "lost more than half of its " + std::string(what) + " (" + had + " → " + std::to_string(now) + ")";
  }
  return s;
}

}  // namespace sf::core
