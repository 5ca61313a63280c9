// `announce`: add a message to the current release and publish it (and keep it in the organiser's
// feed), end one (`--end ID`) in both, or list what shows where (`--list`).
#include <chrono>
#include <iomanip>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "core/base/text_util.hpp"
#include "core/feed/edit.hpp"
#include "core/feed/targeting.hpp"
#include "platform/files.hpp"
#include "release.hpp"
#include "key_file.hpp"
#include "tools/announce_service.hpp"
#include "platform/clock.hpp"

namespace sf::cli {
namespace {

// Every text an organiser typed must be UTF-8: a terminal in another encoding sends Latin-1.
bool allUtf8(const std::vector<std::pair<const char*, const std::string*>>& texts) {
  for (const auto& [option, value] : texts) {
    const std::size_t bad = core::firstInvalidUtf8(*value);
    if (bad == std::string::npos) continue;
    std::cerr << "announce: " << option << " is not valid UTF-8 (byte " << bad + 1 << " of " << value->size()
              << "); set the terminal to UTF-8 (e.g. LANG=de_DE.UTF-8) or convert the text with iconv\n";
    return false;
  }
  return true;
}

std::string commaList(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::string whereText(const core::Targets& t) {
  if (!t.any()) return "every screen";
  std::string out;
  if (!t.screens.empty()) out += "screens " + commaList(t.screens);
  if (!t.groups.empty()) out += (out.empty() ? "" : "; ") + std::string("groups ") + commaList(t.groups);
  if (!t.rooms.empty()) out += (out.empty() ? "" : "; ") + std::string("rooms ") + commaList(t.rooms);
  return out;
}

int listAnnouncements(const core::Feed& f, const std::string& source) {
  const core::Instant t = platform::systemSeconds();
  std::cout << "announcements in " << source << " at " << core::formatInstant(t, f.zone) << ":\n";
  if (f.announcements.empty()) std::cout << "  none\n";
  for (const auto& a : f.announcements) {
    const bool over = a.end <= t, pending = a.start > t;
    const char* state = over ? "ended" : pending ? "planned" : "active";
    std::cout << "  " << std::left << std::setw(8) << state << a.id << "  [" << core::levelName(a.level) << ", priority "
              << a.priority << "] " << core::formatInstant(a.start, f.zone) << " – " << core::formatInstant(a.end, f.zone)
              << "\n      on " << whereText(a.targets);
    if (!a.recurring.always()) {
      const std::string days = core::formatDays(a.recurring.days);
      std::cout << ", " << (days.empty() ? "daily" : days) << " " << core::formatClockTime(a.recurring.from) << "–"
                << core::formatClockTime(a.recurring.until);
    }
    std::cout << "\n      " << a.text.in(f.languages.front()) << '\n';
  }
  return kExitOk;
}

// The feed file, the published folder and its key, as announce_service takes them; nothing after
// saying why the key cannot be read.
std::optional<tools::FeedPlace> placeOf(const std::string& feed, const std::string& dir, const std::string& key) {
  tools::FeedPlace place{feed, dir, std::nullopt, key, 10};
  if (!key.empty()) {
    auto keys = readKeyFile(key);
    if (!keys) {
      std::cerr << keys.error().message << '\n';
      return std::nullopt;
    }
    place.keys = std::move(*keys);
  }
  return place;
}

void printPublished(const tools::Published& p, const std::string& dir) {
  std::cout << "published revision " << p.revision << (p.signed_ ? " (signed)" : "") << " to " << dir
            << "/feed.json; screens pick it up at their next poll\n";
}

// Ends `id` in the organiser's file and in the current release, so that neither a publish of the
// file nor the screens bring it back (tools/announce_service.hpp, shared with the console).
int endAnnouncement(const std::string& id, const std::string& feed, const std::string& dir, const std::string& key) {
  const auto place = placeOf(feed, dir, key);
  if (!place) return kExitInvalid;
  const auto ended = tools::endAndPublish(*place, id, platform::systemSeconds());
  if (!ended) {
    std::cerr << ended.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << "announcement \"" << id << "\" ended in " << feed << '\n';
  if (!ended->published) {  // not in the published feed: nothing shows it, so nothing to end there
    std::cout << "announcement \"" << id << "\" is not in the published feed\n";
    return kExitOk;
  }
  printPublished(*ended->published, dir);
  return kExitOk;
}

}  // namespace

int runAnnounce(const std::vector<std::string>& args) {
  CLI::App app{"Adds a message to what the screens show (the current release in --to) and publishes that, so\n"
               "unpublished edits in --feed stay unpublished; the message is kept in --feed too. --end ends one,\n"
               "--list shows them.\n"
               "Levels: info (a banner over the running rotation), important (takes over the screen, the default),\n"
               "emergency (white on red over everything, wakes dark screens, ignores touch).",
               "schaufenster announce"};
  std::string text, en, title, titleEn, until, from, feed, dir, key, id = "announcement", level = "important", style, pictogram,
      position, endId;
  std::vector<std::string> groups, rooms, screens;
  int priority = 100;
  bool list = false;
  app.add_option("text", text, "the message (in the feed's first language)");
  app.add_option("--en", en, "the message in English, when the feed offers it");
  app.add_option("--title", title, "a short heading, e.g. \"Raumänderung\"");
  app.add_option("--title-en", titleEn, "the heading in English");
  app.add_option("--level", level, "info, important (default) or emergency")->check(CLI::IsMember({"info", "important", "emergency"}));
  app.add_option("--style", style, "emergency: alarm (white on red, default) or evacuation (escape-route green)")
      ->check(CLI::IsMember({"alarm", "evacuation"}));
  app.add_option("--pictogram", pictogram, "emergency: exit, assembly-point, no-entry or first-aid")
      ->check(CLI::IsMember({"exit", "assembly-point", "no-entry", "first-aid"}));
  app.add_option("--position", position, "info: the banner at the top or the bottom (default)")->check(CLI::IsMember({"top", "bottom"}));
  app.add_option("--groups", groups, "only screens of these groups (config groups), comma-separated")->delimiter(',')->allow_extra_args(false);
  app.add_option("--rooms", rooms, "only screens at these rooms (config room/rooms), comma-separated")->delimiter(',')->allow_extra_args(false);
  app.add_option("--screens", screens, "only these screens (config screenName), comma-separated")->delimiter(',')->allow_extra_args(false);
  app.add_option("--until", until, "when it ends: 14:30 (today, venue time), 2024-06-15T14:30, a duration (45m, 2h, 1h30m) "
                                   "or open (until `announce --end`, at most 30 days)");
  app.add_option("--from", from, "when it starts (default: now)");
  app.add_option("--feed", feed, "the organiser's feed file; it keeps the message too (and goes out whole only when nothing is published yet)")->required();
  app.add_option("--to", dir, "the published folder");
  app.add_option("-k,--key", key, "key file: signs the release");
  app.add_option("--id", id, "announcement id; the same id replaces an earlier message");
  app.add_option("--priority", priority, "orders announcements of one level: the highest shows (default 100)")->check(CLI::Range(-1000, 1000));
  app.add_option("--end", endId, "end the announcement with this id now, in --feed and in the published folder");
  app.add_flag("--list", list, "list the announcements in --feed: level, window, where they show, active or not");
  if (auto code = parseArgs(app, args)) return *code;
  if (!allUtf8({{"the text", &text}, {"--en", &en}, {"--title", &title}, {"--title-en", &titleEn}, {"--id", &id}, {"--end", &endId},
                {"--feed", &feed}}))
    return kExitUsage;
  for (const auto* v : {&groups, &rooms, &screens})
    for (const auto& s : *v)
      if (!allUtf8({{"a --groups, --rooms or --screens name", &s}})) return kExitUsage;

  if (list) {
    const LoadedFeed loaded = loadFeed(feed);
    if (!loaded.parsed.feed) {
      printErrors(loaded.parsed.diagnostics);
      return kExitInvalid;
    }
    return listAnnouncements(*loaded.parsed.feed, feed);
  }
  if (dir.empty()) {
    std::cerr << "announce: --to names the published folder the screens read\n";
    return kExitUsage;
  }
  if (!keyOutsideFolder(key, dir)) return kExitUsage;
  if (!endId.empty()) return endAnnouncement(endId, feed, dir, key);
  if (text.empty() || until.empty()) {
    std::cerr << "announce: give the message and --until (a time, a duration such as 45m, or open); or --end ID, or --list\n";
    return kExitUsage;
  }
  if (!core::isValidId(id)) {
    std::cerr << "announce: --id wants letters, digits, '.', '_', ':' or '-', found \"" << id << "\"\n";
    return kExitUsage;
  }

  const LoadedFeed loaded = loadFeed(feed);
  if (!loaded.parsed.feed) {
    printErrors(loaded.parsed.diagnostics);
    return kExitInvalid;
  }
  const core::Feed& f = *loaded.parsed.feed;
  const core::TimeZone& zone = f.zone;
  const core::Instant t = platform::systemSeconds();
  auto readTime = [&](const std::string& s) { return tools::parseMoment(s, zone, t); };
  core::NewAnnouncement a;
  a.id = id;
  a.priority = priority;
  a.level = *core::levelNamed(level);
  if (style == "evacuation") a.style = core::EmergencyStyle::Evacuation;
  if (!pictogram.empty()) a.pictogram = *core::pictogramNamed(pictogram);
  a.bannerTop = position == "top";
  a.targets = {screens, groups, rooms};
  const std::string& first = f.languages.front();
  a.text.set(first, text);
  if (!en.empty() && first != "en") a.text.set("en", en);
  if (!title.empty()) a.title.set(first, title);
  if (!titleEn.empty() && first != "en") a.title.set("en", titleEn);
  if ((!style.empty() || !pictogram.empty()) && a.level != core::Level::Emergency)
    std::cerr << "announce: --style and --pictogram apply to emergencies only; ignored\n";
  const auto start = from.empty() ? std::optional<core::Instant>(t) : readTime(from);
  const std::optional<core::Instant> end = start ? tools::parseUntil(until, *start, zone, t) : std::nullopt;
  if (!end || !start) {
    std::cerr << "announce: expected times such as 14:30, 2024-06-15T14:30 or 2024-06-15T14:30:00+02:00, "
                 "and for --until also a duration (45m, 2h) or open\n";
    return kExitUsage;
  }
  if (*end <= *start) {
    std::cerr << "announce: --until (" << core::formatInstant(*end, zone) << ") is not after the start (" << core::formatInstant(*start, zone) << ")\n";
    return kExitUsage;
  }
  a.start = *start;
  a.end = *end;
  const auto place = placeOf(feed, dir, key);
  if (!place) return kExitInvalid;
  const auto done = tools::announceAndPublish(*place, a, t);
  if (!done) {
    std::cerr << done.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << core::levelName(a.level) << " announcement \"" << id << "\" until " << core::formatInstant(a.end, zone) << " on "
            << whereText(a.targets) << (done->firstRelease ? " added to " + feed + ", which goes out as the first release"
                                                           : " added to the current release (other changes in " + feed + " stay unpublished)")
            << '\n';
  if (!done->draftProblem.empty())
    std::cerr << "announce: on the screens, but not kept in " << feed << ", so a publish of it would drop the message: "
              << done->draftProblem << '\n';
  printPublished(*done, dir);
  return kExitOk;
}

}  // namespace sf::cli
