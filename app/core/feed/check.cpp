// Rules across the feed: unique ids, references that resolve, readable colours, playlists that
// can play. Pointers are derived from each item's index, which parseFeed keeps until it is done.
#include "core/feed/check.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/feed/color.hpp"
#include "core/feed/conference.hpp"
#include "core/feed/parse.hpp"
#include "core/feed/text_fit.hpp"
#include "core/feed/theme.hpp"
#include "core/feed/venue_map.hpp"
#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

template <class T>
void uniqueIds(const std::vector<T>& items, const std::string& coll, std::string_view what, Diagnostics& out) {
  std::unordered_map<std::string_view, std::size_t> first;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id.empty()) continue;
    auto [it, inserted] = first.emplace(items[i].id, i);
    if (!inserted)
      report(out, Severity::Error, "/" + coll + "/" + std::to_string(i) + "/id",
             "duplicate " + std::string(what) + " id " + quoteShort(items[i].id) + "; first used at /" + coll + "/" +
                 std::to_string(it->second));
  }
}

std::string fieldList(const Feed& feed) {
  std::vector<std::string> ids;
  for (const auto& f : feed.fields) ids.push_back(f.id);
  return ids.empty() ? "none (add /fields)" : join(ids);
}

// Texts the player's fonts cannot fully show: organisers hear of it here, visitors see the fallback
// of text_fit (another language, or emoji left out and □ for the rest).
void fontCoverage(const LocalText& t, const std::string& ptr, Diagnostics& out) {
  const auto& values = t.values();
  for (const auto& [lang, text] : values) {
    if (canShowAll(text)) continue;
    const bool other = std::any_of(values.begin(), values.end(), [](const auto& v) { return !v.second.empty() && canShowAll(v.second); });
    report(out, Severity::Warning, ptr,
           "the \"" + lang + "\" text " + quoteShort(text, 30) + " has characters the player's fonts lack; screens show " +
               (other ? "another language's text instead" : "it without emoji and with \u25A1 for the rest"));
  }
}

void fontCoverage(const Feed& feed, Diagnostics& out) {
  const auto at = [](const char* coll, std::size_t i, const char* key) { return std::string("/") + coll + "/" + std::to_string(i) + "/" + key; };
  fontCoverage(feed.title, "/title", out);
  for (std::size_t i = 0; i < feed.fields.size(); ++i) {
    fontCoverage(feed.fields[i].name, at("fields", i, "name"), out);
    fontCoverage(feed.fields[i].summary, at("fields", i, "summary"), out);
  }
  for (std::size_t i = 0; i < feed.projects.size(); ++i) {
    const Project& p = feed.projects[i];
    fontCoverage(p.title, at("projects", i, "title"), out);
    fontCoverage(p.subtitle, at("projects", i, "subtitle"), out);
    fontCoverage(p.summary, at("projects", i, "summary"), out);
    fontCoverage(p.description, at("projects", i, "description"), out);
  }
  for (std::size_t i = 0; i < feed.events.size(); ++i) {
    const Event& e = feed.events[i];
    fontCoverage(e.title, at("events", i, "title"), out);
    fontCoverage(e.place, at("events", i, "place"), out);
    fontCoverage(e.room, at("events", i, "room"), out);
    fontCoverage(e.subtitle, at("events", i, "subtitle"), out);
  }
  for (std::size_t i = 0; i < feed.rooms.size(); ++i) {
    fontCoverage(feed.rooms[i].name, at("rooms", i, "name"), out);
    fontCoverage(feed.rooms[i].building, at("rooms", i, "place") + "/building", out);
    fontCoverage(feed.rooms[i].floor, at("rooms", i, "place") + "/floor", out);
  }
  for (std::size_t i = 0; i < feed.tracks.size(); ++i) {
    fontCoverage(feed.tracks[i].name, at("tracks", i, "name"), out);
  }
  for (std::size_t i = 0; i < feed.figures.size(); ++i) {
    fontCoverage(feed.figures[i].label, at("figures", i, "label"), out);
    fontCoverage(feed.figures[i].value, at("figures", i, "value"), out);
    fontCoverage(feed.figures[i].note, at("figures", i, "note"), out);
  }
  for (std::size_t i = 0; i < feed.maps.size(); ++i) {
    fontCoverage(feed.maps[i].name, at("maps", i, "name"), out);
    for (std::size_t k = 0; k < feed.maps[i].markers.size(); ++k)
      fontCoverage(feed.maps[i].markers[k].label, at("maps", i, "markers") + "/" + std::to_string(k) + "/label", out);
  }
  for (std::size_t i = 0; i < feed.announcements.size(); ++i) {
    fontCoverage(feed.announcements[i].title, at("announcements", i, "title"), out);
    fontCoverage(feed.announcements[i].text, at("announcements", i, "text"), out);
  }
}

}  // namespace

void checkFeed(const Feed& feed, Diagnostics& out) {
  fontCoverage(feed, out);
  uniqueIds(feed.fields, "fields", "field", out);
  uniqueIds(feed.projects, "projects", "project", out);
  uniqueIds(feed.events, "events", "event", out);
  uniqueIds(feed.rooms, "rooms", "room", out);
  uniqueIds(feed.tracks, "tracks", "track", out);
  checkConference(feed, out);
  checkTheme(feed, out);
  checkRoomSelectors(feed, out);
  checkMaps(feed, out);
  uniqueIds(feed.figures, "figures", "figure", out);
  uniqueIds(feed.announcements, "announcements", "announcement", out);
  uniqueIds(feed.sponsorTiers, "sponsorTiers", "sponsor tier", out);
  checkOwnSlides(feed, out);

  std::unordered_set<std::string_view> fieldIds, projectIds;
  for (const auto& f : feed.fields) fieldIds.insert(f.id);
  for (const auto& p : feed.projects) projectIds.insert(p.id);

  for (std::size_t i = 0; i < feed.fields.size(); ++i) {
    const Rgb c = feed.fields[i].color;
    const double ratio = contrastRatio(c, readableTextOn(c));
    if (ratio < kWcagAaText) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.1f", ratio);
      report(out, Severity::Warning, "/fields/" + std::to_string(i) + "/color",
             std::string("text on this colour reaches a contrast of only ") + buf + ":1; WCAG AA needs 4.5:1, so pick a darker or lighter colour");
    }
  }

  for (std::size_t i = 0; i < feed.projects.size(); ++i) {
    const auto& p = feed.projects[i];
    const std::string base = "/projects/" + std::to_string(i);
    if (!p.field.empty() && !fieldIds.contains(p.field))
      report(out, Severity::Error, base + "/field", "unknown field of action " + quoteShort(p.field) + "; the feed defines: " + fieldList(feed));
    for (std::size_t k = 0; k < p.relatedFields.size(); ++k) {
      const auto& rf = p.relatedFields[k];
      const std::string ptr = base + "/relatedFields/" + std::to_string(k);
      if (rf.empty()) continue;
      if (!fieldIds.contains(rf))
        report(out, Severity::Error, ptr, "unknown field of action " + quoteShort(rf) + "; the feed defines: " + fieldList(feed));
      else if (rf == p.field)
        report(out, Severity::Warning, ptr, quoteShort(rf) + " is already the primary field; it need not be listed again");
    }
  }

  for (std::size_t i = 0; i < feed.events.size(); ++i) {
    const auto& e = feed.events[i];
    for (std::size_t k = 0; k < e.projects.size(); ++k) {
      if (!e.projects[k].empty() && !projectIds.contains(e.projects[k]))
        report(out, Severity::Error, "/events/" + std::to_string(i) + "/projects/" + std::to_string(k),
               "unknown project " + quoteShort(e.projects[k]) + "; it must be the id of an entry in /projects");
    }
  }

  for (std::size_t i = 0; i < feed.playlist.size(); ++i) {
    const auto& it = feed.playlist[i];
    if (it.seconds < 0) continue;  // skipped: a slide kind from a newer format
    const std::string base = "/playlist/" + std::to_string(i);
    if (it.kind == SlideKind::Spotlight && !it.project.empty() && !projectIds.contains(it.project))
      report(out, Severity::Error, base + "/project", "unknown project " + quoteShort(it.project) + "; it must be the id of an entry in /projects");
    if (!it.field.empty() && !fieldIds.contains(it.field))
      report(out, Severity::Error, base + "/field", "unknown field of action " + quoteShort(it.field) + "; the feed defines: " + fieldList(feed));
    if (it.kind == SlideKind::Spotlights) {
      bool any = false;
      for (const auto& p : feed.projects)
        if ((it.field.empty() || p.field == it.field) && (it.tag.empty() || std::find(p.tags.begin(), p.tags.end(), it.tag) != p.tags.end()))
          any = true;
      if (!any) report(out, Severity::Warning, base, "no project matches this slide's filter; it is skipped");
    }
    if (it.kind == SlideKind::Figures && feed.figures.empty())
      report(out, Severity::Warning, base + "/slide", "a figures slide, but the feed has no /figures; it is skipped");
    if (it.kind == SlideKind::Fields && feed.fields.empty())
      report(out, Severity::Warning, base + "/slide", "a fields slide, but the feed has no /fields; it is skipped");
  }
}

}  // namespace sf::core
