// A stand for the sync tests: a temporary folder with a key, the organiser's base feed, a schedule
// (tests/fixtures/sync-synccon.json) and its variants, a config, and readers for what came out.
#pragma once
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/feed_fixture.hpp"
#include "fixtures.hpp"
#include "platform/crypto.hpp"

namespace sf::test {

struct SyncStand {
  SyncStand() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sf-sync-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    keys = *platform::generateKeyPair();
    keyFile = dir + "/organiser.key";
    std::ofstream(keyFile) << nlohmann::json{{"algorithm", "ed25519"}, {"publicKey", keys.publicKey}, {"secretKey", keys.secretKey}}.dump();
    ::chmod(keyFile.c_str(), 0600);
    schedule = dir + "/schedule.json";
    base = dir + "/base.json";
    publish = dir + "/www";
    config = dir + "/sync.json";
    writeBase("Welcome desk open all day.");
    serve(original());
  }
  ~SyncStand() { std::filesystem::remove_all(dir); }
  SyncStand(const SyncStand&) = delete;
  SyncStand& operator=(const SyncStand&) = delete;

  // The organiser's own feed: one hand-written event, whose description sets the feed's size.
  void writeBase(const std::string& description) {
    nlohmann::ordered_json feed = {{"format", "schaufenster-feed"}, {"version", 1}, {"id", "synccon"}, {"revision", 1},
                                   {"generated", "2024-04-01T09:00:00+02:00"}, {"timeZone", "Europe/Berlin"},
                                   {"languages", {"en"}}, {"title", "SyncCon"}};
    feed["events"] = {{{"id", "welcome"}, {"title", "Welcome desk"}, {"description", description},
                       {"start", "2024-04-25T08:00:00+02:00"}, {"end", "2024-04-25T18:00:00+02:00"}}};
    std::ofstream(base) << feed.dump(2) << "\n";
  }

  static std::string original() { return readText(sourcePath("tests/fixtures/sync-synccon.json")); }
  // "Packaging for kiosks" moves from 11:00 to 15:00 in the same hall.
  static std::string moved() {
    return replaced(replaced(original(), "2024-04-25T11:00:00+02:00", "2024-04-25T15:00:00+02:00"), "\"start\": \"11:00\"",
                    "\"start\": \"15:00\"");
  }
  // The export of a schedule whose talks all vanished (a broken export, or a wrong event).
  static std::string emptied() {
    auto doc = nlohmann::ordered_json::parse(original());
    doc["schedule"]["conference"]["days"][0]["rooms"] = nlohmann::ordered_json::object();
    return doc.dump(1);
  }
  void serve(const std::string& text) const { std::ofstream(schedule) << text; }

  // A config with one source; `source` is its JSON members besides the id.
  void writeConfig(const nlohmann::json& source, int pollSeconds = 300) const {
    nlohmann::json s = source;
    s["id"] = "synccon";
    s["pollSeconds"] = pollSeconds;
    std::ofstream(config) << nlohmann::json{{"baseFeed", "base.json"}, {"key", keyFile}, {"publishTo", "www"},
                                            {"stateDir", "state"}, {"sources", {s}}}.dump(2);
  }

  std::string published() const { return readText(publish + "/feed.json"); }
  std::string signature() const { return readText(publish + "/feed.json.sig"); }
  nlohmann::json publishedJson() const { return nlohmann::json::parse(published(), nullptr, false); }
  nlohmann::json status() const { return nlohmann::json::parse(readText(dir + "/state/sync-status.json"), nullptr, false); }
  bool signatureValid() const { return static_cast<bool>(platform::verifyDocument(published(), signature(), keys.publicKey)); }

  std::string dir, keyFile, schedule, base, publish, config;
  platform::KeyPair keys;
};

// The published event with `id`, or null.
inline nlohmann::json eventById(const nlohmann::json& feed, const std::string& id) {
  if (feed.contains("events"))
    for (const auto& e : feed["events"])
      if (e.value("id", "") == id) return e;
  return nullptr;
}

inline int countFrom(const nlohmann::json& feed, const std::string& prefix) {
  int n = 0;
  if (feed.contains("events"))
    for (const auto& e : feed["events"]) n += e.value("id", "").starts_with(prefix);
  return n;
}

}  // namespace sf::test

namespace sf::test {
inline nlohmann::json eventByTitle(const nlohmann::json& feed, const std::string& title) {
  if (feed.contains("events"))
    for (const auto& e : feed["events"])
      if (e.contains("title") && e["title"].is_string() && e["title"] == title) return e;
  return nullptr;
}
}  // namespace sf::test
