// The fleet's metrics in Prometheus' text exposition format (0.0.4), shared by the collector's
// /metrics and a screen's own node_exporter textfile, so both name and describe a series alike.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/show/fleet_report.hpp"

namespace sf::core {

// A label value as the format wants it: backslash, double quote and line feed escaped, bytes
// that are not UTF-8 replaced by U+FFFD (Prometheus refuses such a value, and the whole scrape).
std::string promLabelValue(std::string_view s);
// A sample value: whole numbers exactly (a revision such as 20240615103000 keeps every digit),
// others with up to 15 significant digits; NaN and ±Inf as the format spells them.
std::string promNumber(double v);

using PromLabels = std::vector<std::pair<std::string_view, std::string_view>>;

// Appends families in order: each family's HELP and TYPE lines, then its samples, so no family is
// split (the format requires a family's samples to stand together).
class PromText {
 public:
  void family(std::string_view name, std::string_view help, std::string_view type = "gauge");
  void sample(std::string_view name, const PromLabels& labels, double value);
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

// A series every screen tells about itself in its report; `value` is empty where the screen
// does not know (no temperature off a Pi).
struct ScreenSeries {
  const char* name;
  const char* help;
  std::optional<double> (*value)(const ScreenReport&);
};
std::span<const ScreenSeries> screenSeries();

// The screen's metrics as a node_exporter textfile (`metricsTextfile`): the series above for its
// own report, each labelled with the screen's name, and the package version and feed as an
// info series.
std::string screenMetricsText(const ScreenReport& r);
// The info series alone (the collector adds it per screen too).
void appendScreenInfo(PromText& out, const std::vector<const ScreenReport*>& reports);

}  // namespace sf::core
