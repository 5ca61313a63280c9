// `schaufenster info [--feed F] [--at TIME] [--lang de|en] [--config SCREEN.json]`: a readable
// summary of a feed, what its schedule shows at a moment and what one screen shows then (its
// rotation, banner and takeover), for organisers checking a feed and its targeting from a terminal.
#include <chrono>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "core/base/text_util.hpp"
#include "core/feed/targeting.hpp"
#include "core/show/config.hpp"
#include "core/show/room_screen.hpp"
#include "core/show/rotation.hpp"
#include "core/show/schedule.hpp"
#include "core/show/ui_text.hpp"
#include "platform/files.hpp"

namespace sf::cli {
namespace {

std::string when(const core::Event& e, const core::TimeZone& z) {
  const auto s = z.toLocal(e.start);
  if (e.allDay) {
    const auto last = z.toLocal(e.end - std::chrono::seconds{1}).date;
    return core::formatDate(s.date) + (last != s.date ? " – " + core::formatDate(last) : "") + " (all day)";
  }
  const auto en = z.toLocal(e.end);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d–%02d:%02d", core::formatDate(s.date).c_str(), s.hour, s.minute, en.hour, en.minute);
  return buf;
}

void list(const char* heading, const std::vector<const core::Event*>& events, const core::TimeZone& z, const std::string& lang) {
  if (events.empty()) return;
  std::cout << "  " << heading << ":\n";
  for (const auto* e : events) {
    std::cout << "    " << when(*e, z) << "  " << core::escapeControls(e->title.in(lang));
    if (!e->place.empty()) std::cout << " · " << core::escapeControls(e->place.in(lang));
    std::cout << '\n';
  }
}

std::string listedOrDash(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "-" : out;
}

void announcement(const char* what, const core::Announcement* a, const std::string& lang) {
  std::cout << "  " << what << ": ";
  if (!a) {
    std::cout << "none\n";
    return;
  }
  std::cout << a->id << " [" << core::levelName(a->level) << ", priority " << a->priority << "] ";
  if (!a->title.empty()) std::cout << core::escapeControls(a->title.in(lang)) << ": ";
  std::cout << core::escapeControls(a->text.in(lang)) << '\n';
}

// What the screen with `config` shows at `now`: the takeover, else the rotation with its banner.
void screenAt(const core::Feed& feed, const core::Config& config, core::Instant now, const std::string& lang) {
  const core::ScreenIdentity screen = core::screenIdentity(config);
  std::cout << "\nThis screen at " << core::formatInstant(now, feed.zone) << ": name " << (screen.name.empty() ? "-" : screen.name)
            << ", groups " << listedOrDash(screen.groups) << ", rooms " << listedOrDash(screen.rooms) << '\n';
  const core::ShownAnnouncements shown = core::announcementsAt(feed, now, screen);
  announcement("takeover", shown.takeover, lang);
  announcement("banner", shown.banner, lang);
  const core::RotationPlan plan = core::buildRotation(feed, now, screen);
  std::cout << "  rotation" << (shown.takeover ? " (hidden by the takeover)" : "") << ", " << plan.slots.size() << " slides, "
            << plan.cycle.count() / 1000 << " s a cycle";
  if (plan.changesAt) std::cout << "; changes at " << core::formatInstant(*plan.changesAt, feed.zone);
  std::cout << ":\n";
  for (const auto& slot : plan.slots) {
    std::cout << "    " << core::slideKindInfo(slot.kind).name;
    if (slot.project < feed.projects.size()) std::cout << "  " << core::escapeControls(feed.projects[slot.project].title.in(lang));
    std::cout << "  (" << slot.duration.count() / 1000 << " s, playlist item " << slot.item << ")\n";
  }
}

// What a room's door screen shows at `now`, line by line, in the screen's own words.
int roomInfo(const core::Feed& feed, const std::string& entry, core::Instant now, const std::string& lang) {
  const core::RoomBinding b = core::bindRoom(feed, entry);
  if (!b.found()) {
    std::cerr << "info: no room \"" << core::escapeControls(entry) << "\" in the feed (by id, name or GUID)";
    const auto rooms = core::programmeRooms(feed);
    if (!rooms.empty()) {
      std::cerr << "; rooms:";
      for (const auto& r : rooms) std::cerr << ' ' << core::escapeControls(r.key);
    }
    std::cerr << '\n';
    return kExitUsage;
  }
  const core::TimeZone& zone = feed.zone;
  const core::RoomScreen rs = core::roomScreenAt(feed, b, now);
  const core::Date today = core::conferenceDay(now, zone);
  char buf[160];
  auto line = [&](const char* label, const core::Event& e) {
    core::formatEventWhen(e, today, zone, lang, buf, sizeof buf);
    std::cout << "  " << label << ": " << buf << "  " << core::escapeControls(e.title.in(lang));
    char speakers[256];
    core::formatSpeakers(e, speakers, sizeof speakers);
    if (speakers[0]) std::cout << " — " << core::escapeControls(speakers);
    if (e.cancelled) std::cout << " [" << core::ui(core::Ui::Cancelled, lang) << "]";
    std::cout << '\n';
  };
  std::cout << "Room " << core::escapeControls(b.name->in(lang)) << (b.room ? " (" + b.room->id + ")" : std::string(" (plain text)"))
            << " at " << core::formatInstant(now, zone) << ": " << core::roomPhaseName(rs.phase) << '\n';
  if (rs.current) {
    line("now", *rs.current);
    core::formatEnds(rs.current->end, zone, lang, buf, sizeof buf);
    std::cout << "  progress: " << static_cast<int>(rs.progress * 100 + 0.5) << " %, " << buf << '\n';
  }
  if (rs.next) {
    char soon[32];
    if (core::formatStartsIn(rs.next->start, now, core::kSoonWindow, soon, sizeof soon)) std::cout << "  next " << soon << '\n';
    line("next", *rs.next);
  }
  for (const auto* e : rs.laterToday) line("later", *e);
  if (rs.nextDayFirst) line("next day", *rs.nextDayFirst);
  for (const auto* e : rs.otherRoomsNow) {
    std::cout << "  elsewhere now: " << core::escapeControls(e->room.in(lang)) << "  " << core::escapeControls(e->title.in(lang)) << '\n';
  }
  return kExitOk;
}

}  // namespace

int runInfo(const std::vector<std::string>& args) {
  CLI::App app{"Summarises a feed and shows what its schedule says at a given time.", "schaufenster info"};
  std::string source{kEmbedded}, at, lang, configPath, room;
  app.add_option("--feed", source, "feed file or URL (default: the embedded feed)");
  app.add_option("--at", at, "the moment to show, e.g. 2024-04-25T10:00 (venue time) or with an offset; default now");
  app.add_option("--lang", lang, "language of the texts (default: the feed's first)");
  app.add_option("--config", configPath, "a screen's config file: show what that screen shows at --at (its screenName, "
                                         "groups and rooms choose targeted slides and announcements)");
  app.add_option("--room", room, "print what this room's door screen shows (a room id, name or GUID)");
  if (auto code = parseArgs(app, args)) return *code;
  core::Config config;
  if (!configPath.empty()) {
    const auto file = platform::readFile(configPath, 1u << 20);
    if (!file) {
      std::cerr << "info: " << file.error().message << '\n';
      return kExitInvalid;
    }
    auto parsed = core::parseConfig(*file, configPath);
    for (const auto& d : parsed.diagnostics) std::cerr << core::escapeControls(core::formatDiagnostic(d)) << '\n';
    config = std::move(parsed.config);
  }

  const LoadedFeed loaded = loadFeed(source);
  if (!loaded.parsed.feed) {
    for (const auto& d : loaded.parsed.diagnostics)
      if (d.severity == core::Severity::Error) std::cerr << core::escapeControls(core::formatDiagnostic(d)) << '\n';
    std::cerr << loaded.name << ": not a valid feed; `schaufenster validate` lists every problem\n";
    return kExitInvalid;
  }
  const core::Feed& feed = *loaded.parsed.feed;
  const core::TimeZone& zone = feed.zone;
  if (lang.empty()) lang = feed.languages.front();
  const auto moment = readMoment(at, feed, "info");
  if (!moment) return kExitUsage;
  const core::Instant now = *moment;
  if (!room.empty()) return roomInfo(feed, room, now, lang);

  std::cout << core::escapeControls(feed.title.in(lang)) << "\n" << summaryLine(feed) << "\n";
  if (!feed.source.empty()) std::cout << core::escapeControls(feed.source.in(lang)) << "\n";
  std::cout << "\nFields of action:\n";
  for (const auto& f : feed.fields) {
    int n = 0, done = 0;
    for (const auto& p : feed.projects)
      if (p.field == f.id) {
        ++n;
        done += p.state == core::ProjectState::Completed;
      }
    std::cout << "  " << core::escapeControls(f.name.in(lang)) << ": " << n << " projects, " << done << " completed\n";
  }
  std::cout << "\nSchedule at " << core::formatInstant(now, zone) << " (" << zone.name() << "):\n";
  const auto s = core::scheduleAt(feed, now, zone);
  list("now", s.now, zone, lang);
  list("next", s.next, zone, lang);
  list("later today", s.laterToday, zone, lang);
  list("just ended", s.justEnded, zone, lang);
  list("nothing ahead; most recent", s.review, zone, lang);
  if (feed.events.empty()) std::cout << "  (no events)\n";
  screenAt(feed, config, now, lang);
  return kExitOk;
}

}  // namespace sf::cli
