// The table of import formats, detection by their own recognisers, and the one entry point the
// tools call: text in, located events, projects or announcements out, non-UTF-8 refused up front.
#include "core/import/formats.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/base/text_util.hpp"
#include "core/import/cap.hpp"
#include "core/import/c3voc.hpp"
#include "core/import/csv.hpp"
#include "core/import/ics.hpp"
#include "core/import/indico.hpp"
#include "core/import/pretalx_widget.hpp"
#include "core/import/schedule2.hpp"
#include "core/import/schedule_xml.hpp"
#include "core/import/sessionize.hpp"

namespace sf::core {
namespace {

constexpr ImportFormat kFormats[] = {
    {"frab", "pretalx c3voc", "frab/pretalx schedule JSON", recogniseC3voc, importC3voc},
    {"xml", "schedule.xml pentabarf", "frab/pentabarf schedule.xml", recogniseScheduleXml, importScheduleXml},
    {"schedule2", "", "c3voc schedule2 JSON", recogniseSchedule2, importSchedule2},
    {"pretalx-widget", "", "pretalx widget data", recognisePretalxWidget, importPretalxWidget},
    {"sessionize", "", "Sessionize \"All\" JSON", recogniseSessionize, importSessionize},
    {"indico", "", "Indico event JSON", recogniseIndico, importIndico},
    {"ics", "ical", "iCalendar", recogniseIcs, importIcs},
    {"cap", "", "CAP alert", recogniseCap, importCap, ImportItems::Announcements},
    {"csv", "", "CSV", recogniseCsv, importCsv, ImportItems::Projects,
     "in Excel save as \"CSV UTF-8 (comma delimited)\", in LibreOffice choose the character set "
     "\"Unicode (UTF-8)\" when saving as CSV"},
};

// Text that is not UTF-8 (a spreadsheet saved as Windows-1252 or Latin-1) would import as
// replacement characters: refused with the place of the first bad byte and how to save it right.
std::optional<Diagnostic> notUtf8(std::string_view text, const ImportFormat& format) {
  const std::size_t at = firstInvalidUtf8(text);
  if (at == std::string_view::npos) return std::nullopt;
  int line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
  return Diagnostic{Severity::Error, "", line, column, "",
                    std::string("not UTF-8 (byte ") + byte + "); the file is probably Windows-1252 or Latin-1, as "
                    "spreadsheets save by default: " + std::string(format.saveAsUtf8)};
}

}  // namespace

std::span<const ImportFormat> importFormats() { return kFormats; }

const ImportFormat* findImportFormat(std::string_view name) {
  for (const auto& f : kFormats) {
    if (f.id == name) return &f;
    for (std::string_view rest = f.aliases; !rest.empty();) {
      const auto space = rest.find(' ');
      if (rest.substr(0, space) == name) return &f;
      rest = space == std::string_view::npos ? std::string_view{} : rest.substr(space + 1);
    }
  }
  return nullptr;
}

const ImportFormat& detectImportFormat(std::string_view text, std::string_view name) {
  const std::string lowerName = asciiLower(name);
  const ImportFormat* best = nullptr;
  int bestScore = 0;
  for (const auto& f : kFormats) {
    const int score = f.recognise(text, lowerName);
    if (score > bestScore) {
      best = &f;
      bestScore = score;
    }
  }
  // No signature: the only format left that is plain text.
  return best ? *best : *findImportFormat("csv");
}

ImportResult importSource(std::string_view text, std::string_view name, const ImportFormat* format,
                          const ImportOptions& opts) {
  if (!format) format = &detectImportFormat(text, name);
  ImportResult r;
  if (auto bad = notUtf8(text, *format)) {
    r.format = format;
    r.diagnostics.push_back(std::move(*bad));
    return r;
  }
  r = format->read(text, opts);
  r.format = format;
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return r;
}

}  // namespace sf::core
