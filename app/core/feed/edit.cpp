// Edits go through nlohmann::ordered_json and are re-validated with parseFeed, so a tool can
// never produce a feed the screens would refuse.
#include "core/feed/edit.hpp"

#include <nlohmann/json.hpp>

#include "core/feed/edit_json.hpp"

#include "core/feed/parse.hpp"

namespace sf::core {
namespace edit_json {

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
  std::string text;
  try {
    text = doc.dump(2) + "\n";
  } catch (const nlohmann::json::exception&) {  // a text that is not UTF-8: say so, never abort
    report(r.diagnostics, Severity::Error, "", "a text is not valid UTF-8; write it in UTF-8 (check the terminal's encoding)");
    return r;
  }
  auto check = parseFeed(text, "edited feed");
  if (!check.feed) {
    r.diagnostics = std::move(check.diagnostics);
    return r;
  }
  r.text = std::move(text);
  return r;
}

ojson localText(const LocalText& t) {
  if (t.values().size() == 1) return t.values().front().second;
  ojson o = ojson::object();
  for (const auto& [lang, s] : t.values()) o[lang] = s;
  return o;
}

}  // namespace edit_json

using edit_json::ojson;

EditResult setRevision(std::string_view feedText, std::int64_t revision, Instant generated) {
  EditResult r;
  auto doc = edit_json::load(feedText, r.diagnostics);
  if (!doc) return r;
  const auto zone = TimeZone::find((*doc)["timeZone"].get<std::string>()).value_or(TimeZone::utc());
  (*doc)["revision"] = revision;
  (*doc)["generated"] = formatInstant(generated, zone);
  return edit_json::finish(*doc);
}

EditResult addAnnouncement(std::string_view feedText, const NewAnnouncement& a) {
  EditResult r;
  auto doc = edit_json::load(feedText, r.diagnostics);
  if (!doc) return r;
  const auto zone = TimeZone::find((*doc)["timeZone"].get<std::string>()).value_or(TimeZone::utc());
  ojson item = ojson::object();
  item["id"] = a.id;
  if (!a.title.empty()) item["title"] = edit_json::localText(a.title);
  item["text"] = edit_json::localText(a.text);
  item["start"] = formatInstant(a.start, zone);
  item["end"] = formatInstant(a.end, zone);
  item["priority"] = a.priority;
  if (a.level != Level::Important) item["level"] = std::string(levelName(a.level));
  if (a.level == Level::Emergency && a.style == EmergencyStyle::Evacuation) item["style"] = "evacuation";
  if (a.level == Level::Emergency && a.pictogram != Pictogram::None) item["pictogram"] = std::string(pictogramName(a.pictogram));
  if (a.level == Level::Info && a.bannerTop) item["position"] = "top";
  if (!a.targets.screens.empty()) item["screens"] = a.targets.screens;
  if (!a.targets.groups.empty()) item["groups"] = a.targets.groups;
  if (!a.targets.rooms.empty()) item["rooms"] = a.targets.rooms;
  ojson& list = (*doc)["announcements"];
  if (!list.is_array()) list = ojson::array();
  bool replaced = false;
  for (auto& existing : list)
    if (existing.value("id", "") == a.id) {
      existing = item;
      replaced = true;
    }
  if (!replaced) list.push_back(item);
  return edit_json::finish(*doc);
}

EditResult endAnnouncement(std::string_view feedText, std::string_view id, Instant at) {
  EditResult r;
  auto doc = edit_json::load(feedText, r.diagnostics);
  if (!doc) return r;
  const auto zone = TimeZone::find((*doc)["timeZone"].get<std::string>()).value_or(TimeZone::utc());
  std::string known;
  if (doc->contains("announcements"))
    for (auto& a : (*doc)["announcements"]) {
      const std::string aid = a.value("id", "");
      if (aid != id) {
        known += (known.empty() ? "" : ", ") + aid;
        continue;
      }
      // The parser accepted the feed, so both are instants.
      const auto start = parseInstant(a["start"].get<std::string>());
      const auto end = parseInstant(a["end"].get<std::string>());
      if (end && *end <= at) return edit_json::finish(*doc);  // over already
      if (start && *start >= at) a["start"] = formatInstant(at - std::chrono::seconds{1}, zone);
      a["end"] = formatInstant(at, zone);
      return edit_json::finish(*doc);
    }
  report(r.diagnostics, Severity::Error, "/announcements",
         "no announcement \"" + std::string(id) + "\" in the feed" + (known.empty() ? std::string(" (it has none)") : "; it has: " + known));
  return r;
}

EditResult rewriteImageSources(std::string_view feedText, const std::function<std::string(const std::string&)>& rewrite) {
  EditResult r;
  auto doc = edit_json::load(feedText, r.diagnostics);
  if (!doc) return r;
  // An image is a src string or an object with "src"; the places are those of imageSources.
  auto image = [&](ojson& holder, const char* key) {
    if (!holder.is_object() || !holder.contains(key)) return;
    ojson& im = holder[key];
    if (im.is_string()) im = rewrite(im.get<std::string>());
    else if (im.is_object() && im.contains("src") && im["src"].is_string()) im["src"] = rewrite(im["src"].get<std::string>());
  };
  if (doc->contains("projects"))
    for (auto& p : (*doc)["projects"]) image(p, "image");
  if (doc->contains("theme") && (*doc)["theme"].is_object()) {  // the logo: one image, or one per base
    ojson& theme = (*doc)["theme"];
    if (theme.contains("logo") && theme["logo"].is_object() && (theme["logo"].contains("light") || theme["logo"].contains("dark"))) {
      image(theme["logo"], "light");
      image(theme["logo"], "dark");
    } else {
      image(theme, "logo");
    }
  }
  if (doc->contains("playlist"))
    for (auto& it : (*doc)["playlist"]) image(it, "image");
  if (doc->contains("sponsors"))
    for (auto& s : (*doc)["sponsors"]) image(s, "logo");
  if (doc->contains("maps"))
    for (auto& m : (*doc)["maps"]) image(m, "image");
  return edit_json::finish(*doc);
}

}  // namespace sf::core
