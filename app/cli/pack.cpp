// `pack FEED -o DIR`: a self-contained folder (feed plus every image it names, with relative
// paths) that a screen plays from a USB stick with no network at all.
#include <filesystem>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "common.hpp"
#include "core/feed/edit.hpp"
#include "key_file.hpp"
#include "platform/crypto.hpp"
#include "platform/files.hpp"
#include "platform/http.hpp"
#include "platform/image_header.hpp"
#include "platform/source.hpp"

namespace sf::cli {
namespace {

// Where a relative image path of the feed lives: beside the feed file, or under its URL.
std::string locate(const std::string& src, const std::string& feedSource) {
  if (src.starts_with("http://") || src.starts_with("https://")) return src;
  const auto slash = feedSource.rfind('/');
  return slash == std::string::npos ? src : feedSource.substr(0, slash + 1) + src;
}

std::string fileName(const std::string& bytes, const platform::ImageHeader& header) {
  // A short content hash: two projects sharing a picture share the file.
  const std::size_t h = std::hash<std::string>{}(bytes);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%016zx", h);
  return std::string("images/") + buf + "." + (header.type == "jpeg" ? "jpg" : header.type);
}

}  // namespace

int runPack(const std::vector<std::string>& args) {
  CLI::App app{"Packs a feed and every image it names into one folder that plays without network\n"
               "(point a screen at DIR/feed.json, e.g. on a USB stick).",
               "schaufenster pack"};
  std::string feed, out, key;
  app.add_option("feed", feed, "feed file or URL")->required();
  app.add_option("-o,--output", out, "the folder to write")->required();
  app.add_option("-k,--key", key, "key file: signs the packed feed (packing changes image paths, so it needs a new signature)");
  if (auto code = parseArgs(app, args)) return *code;

  const LoadedFeed loaded = loadFeed(feed);
  if (!loaded.parsed.feed) {
    for (const auto& d : loaded.parsed.diagnostics)
      if (d.severity == core::Severity::Error) std::cerr << core::formatDiagnostic(d) << '\n';
    std::cerr << feed << ": not packed, because it is not a valid feed\n";
    return kExitInvalid;
  }
  std::error_code ec;
  std::filesystem::create_directories(out + "/images", ec);
  if (ec) {
    std::cerr << "cannot create " << out << "/images: " << ec.message() << '\n';
    return kExitInvalid;
  }

  const std::vector<std::string> sources = core::imageSources(*loaded.parsed.feed);
  std::map<std::string, std::string> packed;  // src -> new relative path, or "" when it failed
  const platform::ImageLimits limits;
  int failed = 0;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string& src = sources[i];
    std::cerr << "image " << i + 1 << "/" << sources.size() << ": " << src << '\n';
    auto got = platform::readSource(locate(src, feed), limits.maxBytes);
    std::string why;
    if (!got) why = got.error().message;
    else if (auto header = platform::checkImageHeader(platform::sniffImage(*got), limits); !header) why = header.error().message;
    if (why.empty()) {
      const std::string name = fileName(*got, *platform::sniffImage(*got));
      if (auto done = platform::writeFileAtomic(out + "/" + name, *got); !done) why = done.error().message;
      else packed[src] = name;
    }
    if (!why.empty()) {
      std::cerr << "  warning: left out (" << why << "); the screen shows a placeholder\n";
      packed[src] = "";
      ++failed;
    }
  }
  auto edited = core::rewriteImageSources(*loaded.text, [&](const std::string& src) {
    auto it = packed.find(src);
    return it == packed.end() ? src : it->second.empty() ? src : it->second;
  });
  if (!edited.text) {
    for (const auto& d : edited.diagnostics) std::cerr << core::formatDiagnostic(d) << '\n';
    return kExitInvalid;
  }
  if (auto done = platform::writeFileAtomic(out + "/feed.json", *edited.text); !done) {
    std::cerr << done.error().message << '\n';
    return kExitInvalid;
  }
  if (!key.empty()) {
    const auto sig = signWithKeyFile(*edited.text, key);
    if (!sig) return kExitInvalid;
    if (auto done = platform::writeFileAtomic(out + "/feed.json.sig", *sig); !done) {
      std::cerr << done.error().message << '\n';
      return kExitInvalid;
    }
  }
  std::cout << "packed " << loaded.parsed.feed->projects.size() << " projects and " << sources.size() - failed << " of "
            << sources.size() << " images into " << out << "; play it with: schaufenster --feed " << out << "/feed.json\n";
  return failed == 0 ? kExitOk : kExitInvalid;
}

}  // namespace sf::cli
