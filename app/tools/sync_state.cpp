// The sync state and status as JSON files. Unknown keys are ignored, so a newer state file read
// by an older binary loses nothing that matters for holding back.
#include "sync_state.hpp"

#include <sodium.h>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "platform/files.hpp"

namespace sf::tools {
namespace {

using json = nlohmann::ordered_json;

std::string str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

std::string contentHash(std::string_view text) {
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr, 0);
  std::string hex;
  char buf[3];
  for (unsigned char b : out) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    hex += buf;
  }
  return hex;
}

core::Result<SyncState> loadSyncState(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return SyncState{};  // a first start
  auto text = platform::readFile(path, 4u << 20);
  if (!text) return core::Unexpected{text.error()};
  const json doc = json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("sources") || !doc["sources"].is_object())
    return core::fail(path + ": the sync state is damaged; it may say which sources are held back, so it is left as it is. "
                             "Move it aside to start afresh (every source is then read as new)");
  SyncState s;
  s.lastError = str(doc, "lastError");
  s.lastPublished = str(doc, "lastPublished");
  if (doc.contains("lastRevision") && doc["lastRevision"].is_number_integer()) s.lastRevision = doc["lastRevision"].get<std::int64_t>();
  if (doc.contains("lastChanges") && doc["lastChanges"].is_array())
    for (const auto& l : doc["lastChanges"])
      if (l.is_string()) s.lastChanges.push_back(l.get<std::string>());
  for (auto it = doc["sources"].begin(); it != doc["sources"].end(); ++it) {
    const json& j = it.value();
    if (!j.is_object()) continue;
    SourceState st;
    st.etag = str(j, "etag");
    st.lastModified = str(j, "lastModified");
    st.acceptedHash = str(j, "acceptedHash");
    if (j.contains("acceptedCount") && j["acceptedCount"].is_number_unsigned()) st.acceptedCount = j["acceptedCount"].get<std::size_t>();
    st.heldHash = str(j, "heldHash");
    if (j.contains("heldCount") && j["heldCount"].is_number_unsigned()) st.heldCount = j["heldCount"].get<std::size_t>();
    st.heldReason = str(j, "heldReason");
    st.heldSince = str(j, "heldSince");
    st.acceptNext = j.contains("acceptNext") && j["acceptNext"].is_boolean() && j["acceptNext"].get<bool>();
    st.lastCheck = str(j, "lastCheck");
    st.lastChange = str(j, "lastChange");
    st.lastError = str(j, "lastError");
    st.format = str(j, "format");
    if (auto items = str(j, "items"); !items.empty()) st.items = items;
    s.sources[it.key()] = std::move(st);
  }
  return s;
}

core::Result<void> saveSyncState(const std::string& path, const SyncState& s) {
  json doc = json::object();
  doc["sources"] = json::object();
  for (const auto& [id, st] : s.sources) {
    json j = json::object();
    j["etag"] = st.etag;
    j["lastModified"] = st.lastModified;
    j["acceptedHash"] = st.acceptedHash;
    if (st.acceptedCount) j["acceptedCount"] = *st.acceptedCount;
    j["heldHash"] = st.heldHash;
    j["heldCount"] = st.heldCount;
    j["heldReason"] = st.heldReason;
    j["heldSince"] = st.heldSince;
    j["acceptNext"] = st.acceptNext;
    j["lastCheck"] = st.lastCheck;
    j["lastChange"] = st.lastChange;
    j["lastError"] = st.lastError;
    j["format"] = st.format;
    j["items"] = st.items;
    doc["sources"][id] = std::move(j);
  }
  doc["lastError"] = s.lastError;
  doc["lastRevision"] = s.lastRevision;
  doc["lastPublished"] = s.lastPublished;
  doc["lastChanges"] = s.lastChanges;
  return platform::writeFileAtomic(path, doc.dump(2) + "\n", 0600);
}

std::string syncStatusJson(const SyncState& s, const core::SyncConfig& config, const std::string& configPath,
                           const std::string& now) {
  json doc = json::object();
  doc["written"] = now;
  doc["publishTo"] = config.publishTo;
  doc["lastRevision"] = s.lastRevision;
  doc["lastPublished"] = s.lastPublished;
  doc["lastChanges"] = s.lastChanges;
  doc["lastError"] = s.lastError;
  doc["sources"] = json::array();
  for (const auto& src : config.sources) {
    const auto it = s.sources.find(src.id);
    const SourceState st = it == s.sources.end() ? SourceState{} : it->second;
    json j = json::object();
    j["id"] = src.id;
    j["location"] = src.location;
    j["pollSeconds"] = src.pollSeconds;
    j["format"] = st.format;
    j["lastCheck"] = st.lastCheck;
    j["lastChange"] = st.lastChange;
    j["lastError"] = st.lastError;
    j[st.items] = st.acceptedCount ? json(*st.acceptedCount) : json(nullptr);
    j["heldBack"] = !st.heldHash.empty();
    if (!st.heldHash.empty()) {
      j["heldReason"] = st.heldReason;
      j["heldSince"] = st.heldSince;
      j["heldCount"] = st.heldCount;
      j["accept"] = "schaufenster sync " + configPath + " --accept " + src.id;
    }
    doc["sources"].push_back(std::move(j));
  }
  return doc.dump(2) + "\n";
}

}  // namespace sf::tools
