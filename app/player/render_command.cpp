// `schaufenster render --view NAME --size WxH --at TIME -o out.png`: one frame of the player,
// drawn with SDL's offscreen driver, so screens can be checked and documented with no display.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "platform/display/png.hpp"
#include "player/player.hpp"
#include "player/player_commands.hpp"

namespace sf::cli {
namespace {

const char* actionName(core::ActionKind k) {
  switch (k) {
    case core::ActionKind::OpenProject: return "open-project";
    case core::ActionKind::OpenField: return "open-field";
    case core::ActionKind::BrowseFields: return "browse-fields";
    case core::ActionKind::Back: return "back";
    case core::ActionKind::Home: return "home";
    case core::ActionKind::SetLanguage: return "set-language";
    case core::ActionKind::ToggleLanguage: return "toggle-language";
    case core::ActionKind::NextSlide: return "next-slide";
    case core::ActionKind::PreviousSlide: return "previous-slide";
    case core::ActionKind::OpenProgramme: return "open-programme";
    case core::ActionKind::OpenEvent: return "open-event";
    case core::ActionKind::ProgrammeDay: return "programme-day";
    case core::ActionKind::ProgrammeRoom: return "programme-room";
    case core::ActionKind::ProgrammeTrack: return "programme-track";
    case core::ActionKind::ProgrammePicker: return "programme-picker";
    case core::ActionKind::ProgrammeGrid: return "programme-grid";
    case core::ActionKind::ProgrammeRoomPage: return "programme-room-page";
    default: return "none";
  }
}

}  // namespace

int runRender(const std::vector<std::string>& args) {
  CLI::App app{"Renders one frame of the player to a PNG without a display (SDL offscreen driver).\n"
               "Views: " + player::viewNames() + ".",
               "schaufenster render"};
  std::string source{kEmbedded}, at, size = "1920x1080", viewName = "auto", project, field, lang, output, configPath;
  std::string event, room, day, track, picker, map, imagesFrom;
  bool clockSeconds = false, targets = false, grid = false;
  std::size_t item = core::kNoProject;
  app.add_option("--feed", source, "feed file or URL (default: the embedded feed)");
  app.add_option("--at", at, "the moment to show (default: now), e.g. 2024-04-25T10:00");
  app.add_option("--size", size, "frame size WIDTHxHEIGHT")->default_str("1920x1080");
  app.add_option("--view", viewName, "which screen to draw")->default_str("auto");
  app.add_option("--project", project, "project id for spotlight and detail");
  app.add_option("--field", field, "field id for field-list");
  app.add_option("--event", event, "event id for event (default: the first)");
  app.add_option("--item", item, "image, text, sponsors: the playlist item's position, from 0 (default: the first of the kind)");
  app.add_option("--room", room, "room id, name or GUID: the room of room, the room filter of programme");
  app.add_option("--map", map, "map: the map's id (default: the first a map slide shows, else the feed's first)");
  app.add_option("--day", day, "programme: the day shown, YYYY-MM-DD (default: today or the next day with events)");
  app.add_option("--track", track, "programme: a track id to filter by");
  app.add_flag("--grid", grid, "programme: rooms side by side, time running down (wide screens)");
  app.add_option("--picker", picker, "programme: open the picker of every room or track")->check(CLI::IsMember({"rooms", "tracks"}));
  app.add_option("--lang", lang, "language (default: the feed's first)");
  app.add_flag("--clock-seconds", clockSeconds, "the header clock shows seconds (config clockSeconds)");
  app.add_flag("--targets", targets, "also list where the frame reacts to a tap: ACTION INDEX X Y WIDTH HEIGHT a line");
  app.add_option("--config", configPath, "draw as the screen with this configuration: its screenName, groups and rooms "
                                         "choose targeted slides and announcements; its location and exit show in emergencies");
  float diagonal = 0, distance = 0;
  app.add_option("--diagonal", diagonal, "the screen's diagonal in inches (config screenDiagonal): type is then sized to be "
                                         "legible from the viewing distance (config viewingDistance; default: from the size, "
                                         "2.2 times the diagonal, 0.4 to 3 m)")
      ->check(CLI::Range(3.0, 300.0));
  app.add_option("--viewing-distance", distance, "metres from which visitors read the screen (config viewingDistance); "
                                                 "needs the screen's size (--diagonal or the config's screenDiagonal)")
      ->check(CLI::Range(0.3, 50.0));
  app.add_option("--images-from", imagesFrom, "resolve the feed's relative image paths as if the feed were this file "
                                              "(for a copy of a feed drawn elsewhere)");
  app.add_option("-o,--output", output, "PNG file to write")->required();
  if (auto code = parseArgs(app, args)) return *code;

  const auto view = player::parseView(viewName);
  if (!view) {
    std::cerr << "render: unknown view \"" << viewName << "\"\n";
    return kExitUsage;
  }
  int w = 0, h = 0;
  if (std::sscanf(size.c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 200 || w > 8192 || h > 8192) {
    std::cerr << "render: --size wants WIDTHxHEIGHT, e.g. 1080x1920\n";
    return kExitUsage;
  }
  LoadedFeed loaded = loadFeed(source);
  if (!loaded.parsed.feed) {
    for (const auto& d : loaded.parsed.diagnostics) std::cerr << core::formatDiagnostic(d) << '\n';
    return kExitInvalid;
  }
  const core::Feed& feed = *loaded.parsed.feed;
  const auto moment = readMoment(at, feed, "render");
  if (!moment) return kExitUsage;
  const core::Millis when = std::chrono::time_point_cast<std::chrono::milliseconds>(*moment);
  std::optional<core::Config> config;
  if (!configPath.empty()) config = screenConfig(configPath, "render");
  // Without a size (flag or config) the frame keeps the type scale of the pixels alone.
  if (diagonal <= 0 && config) diagonal = config->screenDiagonal;
  if (distance <= 0 && config) distance = config->viewingDistance;
  const float dpi = core::screenDpi(w, h, 0, diagonal);
  distance = core::viewingDistanceFor(distance, w, h, dpi);
  if (diagonal <= 0 && app.count("--viewing-distance"))
    std::cerr << "render: --viewing-distance needs the screen's size (--diagonal, or screenDiagonal in --config); "
                 "type follows the pixels alone\n";
  player::FrameRenderer renderer(w, h, dpi, distance);
  if (!renderer.error().empty()) {
    std::cerr << "render: " << renderer.error() << '\n';
    return kExitInvalid;
  }
  player::RenderRequest req;
  req.feed = &feed;
  req.width = w;
  req.height = h;
  req.view = *view;
  req.project = project;
  req.field = field;
  req.event = event;
  req.room = room;
  req.item = item;
  req.map = map;
  req.day = day;
  req.track = track;
  req.picker = picker;
  req.grid = grid;
  if (*view == player::View::Programme) req.roomFilter = room;
  req.language = !lang.empty() ? lang : std::string(core::startLanguage(feed));
  if (config) {
    req.screen = core::screenIdentity(*config);
    req.location = config->location;
    req.exitHint = config->exitHint;
    req.here = config->here;
    for (const auto& d : core::checkConfigAgainstFeed(*config, feed)) std::cerr << "render: " << configPath << ": " << core::formatDiagnostic(d) << '\n';
    if (req.screenRooms.empty()) req.screenRooms = config->rooms;  // a room's door screen
  }
  req.at = when;
  req.clockSeconds = clockSeconds;
  req.loadImages = true;
  if (source != kEmbedded) req.imageBase = imagesFrom.empty() ? source : imagesFrom;
  const auto result = renderer.render(req);
  // A missing picture is no failure: the frame shows the generated visual, as a screen would.
  for (const auto& e : result.imageErrors) std::cerr << "render: image not shown: " << e << '\n';
  if (!result.error.empty()) {
    std::cerr << "render: " << result.error << '\n';
    return kExitInvalid;
  }
  if (const auto written = platform::writePng(output, result.rgba, result.width, result.height); !written) {
    std::cerr << "render: " << written.error().message << '\n';
    return kExitInvalid;
  }
  std::cout << output << ": " << result.width << "x" << result.height << " " << viewName << '\n';
  // Where to tap, for scripts that drive a real screen (the system test taps "Entdecken" so).
  if (targets)
    for (const auto& hit : result.hits)
      std::cout << "target " << actionName(hit.action.kind) << ' ' << hit.action.index << ' ' << hit.rect.x << ' '
                << hit.rect.y << ' ' << hit.rect.w << ' ' << hit.rect.h << '\n';
  return kExitOk;
}

}  // namespace sf::cli
