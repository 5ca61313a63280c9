// The import formats in one table: each names itself, recognises its own files and reads them.
// A new format is its importer file plus one line in formats.cpp; the tools list what is here.
#pragma once
#include <span>
#include <string_view>

#include "core/import/common.hpp"

namespace sf::core {

struct ImportFormat {
  std::string_view id;           // what --format takes, e.g. "frab"
  std::string_view aliases;      // other spellings --format takes, separated by spaces
  std::string_view description;  // for messages: "frab/pretalx schedule JSON"
  // How sure the format is that `text` (from a file called `lowerName`) is its own: 0 not at all;
  // the highest score wins, the table's order breaks ties. Cheap looks only, no full parse.
  int (*recognise)(std::string_view text, std::string_view lowerName);
  ImportResult (*read)(std::string_view text, const ImportOptions& opts);
  ImportItems items = ImportItems::Events;  // which of the feed's lists its items go into
  // How to save the file as UTF-8, for the message when it is not.
  std::string_view saveAsUtf8 = "save or export it as UTF-8";
};

// Every format, in the order they are tried.
std::span<const ImportFormat> importFormats();
// By id or alias; nullptr when no format has that name ("auto" is none: detect).
const ImportFormat* findImportFormat(std::string_view name);
// The format whose recogniser is surest about `text`; the last resort is plain-text CSV.
const ImportFormat& detectImportFormat(std::string_view text, std::string_view name);

// Runs the importer for `format` (nullptr: detected from the text and name). Never throws.
ImportResult importSource(std::string_view text, std::string_view name, const ImportFormat* format,
                          const ImportOptions& opts);

}  // namespace sf::core
