// Edits go through nlohmann::ordered_json and are re-validated with parseFeed, so a tool can
// never produce a feed the screens would refuse.
#include "core/feed/edit.hpp"

#include <nlohmann/json.hpp>

#include "core/feed/parse.hpp"

namespace sf::core {
namespace {

using ojson = nlohmann::ordered_json;

std::optional<ojson> load(std::string_view text, Diagnostics& ds) {
  const auto parsed = parseFeed(text, "feed");
  if (!parsed.feed) {
    ds = parsed.diagnostics;
    return std::nullopt;
  }
  return ojson::parse(text, nullptr, false);
}

EditResult finish(const ojson& doc) {
  EditResult r;
  std::string text = doc.dump(2) + "\n";
  auto check = parseFeed(text, "edited feed");
  if (!check.feed) {
    r.diagnostics = std::move(check.diagnostics);
    return r;
  }
  r.text = std::move(text);
  return r;
}

ojson toJson(const LocalText& t) {
  if (t.values().size() == 1) return t.values().front().second;
  ojson o = ojson::object();
  for (const auto& [lang, s] : t.values()) o[lang] = s;
  return o;
}

}  // namespace

EditResult setRevision(std::string_view feedText, std::int64_t revision, Instant generated) {
  EditResult r;
  auto doc = load(feedText, r.diagnostics);
  if (!doc) return r;
  const auto zone = TimeZone::find((*doc)["timeZone"].get<std::string>()).value_or(TimeZone::utc());
  (*doc)["revision"] = revision;
  (*doc)["generated"] = formatInstant(generated, zone);
  return finish(*doc);
}

EditResult addAnnouncement(std::string_view feedText, const NewAnnouncement& a) {
  EditResult r;
  auto doc = load(feedText, r.diagnostics);
  if (!doc) return r;
  const auto zone = TimeZone::find((*doc)["timeZone"].get<std::string>()).value_or(TimeZone::utc());
  ojson item = ojson::object();
  item["id"] = a.id;
  if (!a.title.empty()) item["title"] = toJson(a.title);
  item["text"] = toJson(a.text);
  item["start"] = formatInstant(a.start, zone);
  item["end"] = formatInstant(a.end, zone);
  item["priority"] = a.priority;
  ojson& list = (*doc)["announcements"];
  if (!list.is_array()) list = ojson::array();
  bool replaced = false;
  for (auto& existing : list)
    if (existing.value("id", "") == a.id) {
      existing = item;
      replaced = true;
    }
  if (!replaced) list.push_back(item);
  return finish(*doc);
}

EditResult rewriteImageSources(std::string_view feedText, const std::function<std::string(const std::string&)>& rewrite) {
  EditResult r;
  auto doc = load(feedText, r.diagnostics);
  if (!doc) return r;
  if (doc->contains("projects"))
    for (auto& p : (*doc)["projects"]) {
      if (!p.contains("image")) continue;
      ojson& image = p["image"];
      if (image.is_string()) image = rewrite(image.get<std::string>());
      else if (image.is_object() && image.contains("src")) image["src"] = rewrite(image["src"].get<std::string>());
    }
  return finish(*doc);
}

}  // namespace sf::core
