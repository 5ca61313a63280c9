// `preview FEED --at TIME`: every slide of the rotation as screens will show it at that moment,
// at each screen size, as PNG files plus a contact sheet (one PNG and an HTML page) to check.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "core/show/config.hpp"
#include "core/show/player_state.hpp"
#include "core/show/rotation.hpp"
#include "platform/display/png.hpp"
#include "platform/files.hpp"
#include "player/player.hpp"
#include "player/player_commands.hpp"

namespace sf::cli {
namespace {

struct Size {
  int w = 0, h = 0;
};

std::vector<Size> parseSizes(const std::string& list) {
  std::vector<Size> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto end = std::min(list.find(',', start), list.size());
    Size s;
    if (std::sscanf(list.substr(start, end - start).c_str(), "%dx%d", &s.w, &s.h) != 2 || s.w < 200 || s.h < 200 || s.w > 8192 || s.h > 8192)
      return {};
    out.push_back(s);
    start = end + 1;
  }
  return out;
}

struct Thumb {
  std::vector<std::uint8_t> rgba;
  int w = 0, h = 0;
};

// `rgba` (w x h) shrunk by an integer factor (area average): only thumbnails stay in memory.
Thumb shrink(const std::vector<std::uint8_t>& rgba, int w, int h, int factor) {
  Thumb t{{}, w / factor, h / factor};
  t.rgba.resize(static_cast<std::size_t>(t.w) * t.h * 4);
  for (int ty = 0; ty < t.h; ++ty)
    for (int tx = 0; tx < t.w; ++tx) {
      unsigned sum[4] = {0, 0, 0, 0};
      for (int dy = 0; dy < factor; ++dy)
        for (int dx = 0; dx < factor; ++dx) {
          const std::uint8_t* p = &rgba[(static_cast<std::size_t>(ty * factor + dy) * w + (tx * factor + dx)) * 4];
          for (int c = 0; c < 4; ++c) sum[c] += p[c];
        }
      std::uint8_t* d = &t.rgba[(static_cast<std::size_t>(ty) * t.w + tx) * 4];
      for (int c = 0; c < 4; ++c) d[c] = static_cast<std::uint8_t>(sum[c] / (factor * factor));
    }
  return t;
}

void paste(std::vector<std::uint8_t>& sheet, int sheetW, const Thumb& t, int x, int y) {
  for (int row = 0; row < t.h; ++row)
    std::copy_n(&t.rgba[static_cast<std::size_t>(row) * t.w * 4], t.w * 4, &sheet[(static_cast<std::size_t>(y + row) * sheetW + x) * 4]);
}

// The kinds' names are literals: null-terminated.
const char* kindName(core::SlideKind k) { return core::slideKindInfo(k).name.data(); }

}  // namespace

core::Config screenConfig(std::string path, const char* command) {
  const bool explicitPath = !path.empty();
  if (!explicitPath) path = "/etc/schaufenster/config.json";
  auto file = platform::readFile(path, 1u << 20);
  if (!file) {
    if (explicitPath) std::cerr << command << ": " << file.error().message << "; using the default settings\n";
    return {};
  }
  auto parsed = core::parseConfig(*file, path);
  for (const auto& d : parsed.diagnostics) std::cerr << core::formatDiagnostic(d) << '\n';
  return parsed.config;
}

int runPreview(const std::vector<std::string>& args) {
  CLI::App app{"Renders every slide of the rotation as screens will show it at a moment, at each size,\n"
               "into PNG files plus a contact sheet (sheet.png and index.html) for checking a feed before publishing.",
               "schaufenster preview"};
  std::string source, at, sizes = "1920x1080,1080x1920,800x480", lang, out, configPath, imagesFrom;
  app.add_option("feed", source, "feed file or URL (\"embedded\" for the built-in feed)")->required();
  app.add_option("--at", at, "the moment, e.g. 2024-06-15T10:50 (venue time); default now");
  app.add_option("--sizes", sizes, "comma-separated screen sizes")->default_str(sizes);
  app.add_option("--lang", lang, "language (default: the feed's first)");
  app.add_option("-o,--output", out, "folder for the PNGs and the contact sheet")->required();
  app.add_option("--config", configPath, "the screen's configuration: its transition length, and its name, groups and rooms for targeted items "
                                         "(default: /etc/schaufenster/config.json if it exists)");
  app.add_option("--images-from", imagesFrom, "resolve the feed's relative image paths as if the feed were this file "
                                              "(for a copy of a feed drawn elsewhere)");
  if (auto code = parseArgs(app, args)) return *code;

  const auto screens = parseSizes(sizes);
  if (screens.empty()) {
    std::cerr << "preview: --sizes wants WIDTHxHEIGHT[,WIDTHxHEIGHT…], e.g. 1920x1080,800x480\n";
    return kExitUsage;
  }
  const LoadedFeed loaded = loadFeed(source);
  if (!loaded.parsed.feed) {
    for (const auto& d : loaded.parsed.diagnostics)
      if (d.severity == core::Severity::Error) std::cerr << core::formatDiagnostic(d) << '\n';
    return kExitInvalid;
  }
  const core::Feed& feed = *loaded.parsed.feed;
  const core::TimeZone& zone = feed.zone;
  const auto moment = readMoment(at, feed, "preview");
  if (!moment) return kExitUsage;
  const core::Millis when = std::chrono::time_point_cast<std::chrono::milliseconds>(*moment);
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::cerr << "preview: cannot create " << out << ": " << ec.message() << '\n';
    return kExitInvalid;
  }

  // The cycle running at `when`: each slide is shown just after its transition has settled.
  const core::Config config = screenConfig(configPath, "preview");
  const auto transition = std::chrono::milliseconds{config.transitionMs};
  core::RotationPlan plan = core::buildRotation(feed, core::toInstant(when), core::screenIdentity(config));
  if (!config.rooms.empty()) core::roomScreenRotation(plan, config.rooms.size());  // a room's door screen
  const auto pos = core::rotationAt(plan, when);
  core::Millis cycleStart = pos.slideStart;
  for (std::size_t i = 0; i < pos.index; ++i) cycleStart -= plan.slots[i].duration;
  std::vector<core::Millis> moments;
  core::Millis t = cycleStart;
  for (const auto& slot : plan.slots) {
    moments.push_back(t + transition + std::chrono::milliseconds{300});
    t += slot.duration;
  }

  const std::string language = !lang.empty() ? lang : std::string(core::startLanguage(feed));
  std::ofstream html(out + "/index.html");
  html << "<!doctype html><meta charset=utf-8><title>Preview: " << feed.id << "</title>"
       << "<style>body{background:#0e1116;color:#f4f5f7;font-family:sans-serif;margin:2em}img{max-width:100%;border:1px solid #343b47}"
          "figure{display:inline-block;margin:0 1em 1em 0;vertical-align:top}figcaption{color:#b2bac6;font-size:14px}</style>"
       << "<h1>" << feed.id << ", revision " << feed.revision << ", at " << core::formatInstant(core::toInstant(when), zone) << "</h1>\n";

  constexpr int kThumbW = 320;
  std::vector<std::uint8_t> sheet;
  int sheetW = 0, sheetH = 0;
  std::vector<std::vector<Thumb>> rows;
  int written = 0;
  for (const Size& s : screens) {
    player::FrameRenderer renderer(s.w, s.h);
    if (!renderer.error().empty()) {
      std::cerr << "preview: " << renderer.error() << '\n';
      return kExitInvalid;
    }
    html << "<h2>" << s.w << "×" << s.h << "</h2>\n";
    rows.emplace_back();
    // After the rotation, what visitors open from it: the programme and a talk.
    const std::size_t browse = feed.events.empty() ? 0 : 2;
    for (std::size_t i = 0; i < plan.slots.size() + browse; ++i) {
      const bool slide = i < plan.slots.size();
      player::RenderRequest req;
      req.feed = &feed;
      req.width = s.w;
      req.height = s.h;
      req.language = language;
      req.screenRooms = config.rooms;
      req.at = slide ? moments[i] : when;
      if (!slide) req.view = i == plan.slots.size() ? player::View::Programme : player::View::Event;
      req.transition = transition;
      req.loadImages = true;  // previews show the feed's pictures, as screens will
      req.imageBase = imagesFrom.empty() ? source : imagesFrom;
      req.screen = core::screenIdentity(config);  // targeted slides, banners and takeovers as this screen has them
      req.location = config.location;
      req.exitHint = config.exitHint;
      req.here = config.here;
      auto r = renderer.render(req);
      if (!r.error.empty()) {
        std::cerr << "preview: " << r.error << '\n';
        return kExitInvalid;
      }
      char name[96];
      const char* kind = slide ? kindName(plan.slots[i].kind) : i == plan.slots.size() ? "programme" : "event";
      std::snprintf(name, sizeof name, "%dx%d-%02zu-%s.png", s.w, s.h, i + 1, kind);
      if (const auto written = platform::writePng(out + "/" + name, r.rgba, r.width, r.height); !written) {
        std::cerr << "preview: " << written.error().message << '\n';
        return kExitInvalid;
      }
      const std::string caption = !slide ? std::string(kind)
                                  : plan.slots[i].project < feed.projects.size() ? feed.projects[plan.slots[i].project].title.in(language)
                                                                                 : kindName(plan.slots[i].kind);
      html << "<figure><a href=\"" << name << "\"><img src=\"" << name << "\" width=" << std::min(s.w, 480) << "></a><figcaption>"
           << i + 1 << ". " << caption;
      if (slide) html << " (" << plan.slots[i].duration.count() / 1000 << " s)";
      html << "</figcaption></figure>\n";
      std::cerr << "\r" << s.w << "x" << s.h << ": " << i + 1 << "/" << plan.slots.size() + browse << std::flush;
      const int factor = std::max(1, (r.width + kThumbW - 1) / kThumbW);
      rows.back().push_back(shrink(r.rgba, r.width, r.height, factor));
      ++written;
    }
    std::cerr << '\n';
  }

  // One PNG with every frame small: a row per screen size, wrapped at eight frames.
  constexpr int kPerRow = 8, kGap = 8;
  std::vector<int> rowHeights;
  for (const auto& row : rows) {
    int lineH = 0, lineW = 0, count = 0;
    for (const auto& p : row) {
      lineH = std::max(lineH, p.h);
      lineW += p.w + kGap;
      if (++count % kPerRow == 0 || count == static_cast<int>(row.size())) {
        sheetW = std::max(sheetW, lineW + kGap);
        rowHeights.push_back(lineH);
        sheetH += lineH + kGap;
        lineH = lineW = 0;
      }
    }
  }
  sheetH += kGap;
  sheet.assign(static_cast<std::size_t>(sheetW) * sheetH * 4, 0);
  for (std::size_t i = 3; i < sheet.size(); i += 4) sheet[i] = 255;
  int y = kGap;
  std::size_t line = 0;
  for (const auto& row : rows) {
    int x = kGap, count = 0;
    for (const auto& p : row) {
      paste(sheet, sheetW, p, x, y);
      x += p.w + kGap;
      if (++count % kPerRow == 0 || count == static_cast<int>(row.size())) {
        y += rowHeights[line++] + kGap;
        x = kGap;
      }
    }
  }
  if (const auto written = platform::writePng(out + "/sheet.png", sheet, sheetW, sheetH); !written) {
    std::cerr << "preview: " << written.error().message << '\n';
    return kExitInvalid;
  }
  html << "<h2>Contact sheet</h2><img src=\"sheet.png\">\n";
  std::cout << "preview: " << written << " frames of " << plan.slots.size() << " slides at " << screens.size() << " sizes in " << out
            << " (open " << out << "/index.html or " << out << "/sheet.png)\n";
  return kExitOk;
}

}  // namespace sf::cli
