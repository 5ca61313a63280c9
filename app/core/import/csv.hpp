// Projects from a spreadsheet saved as CSV: one row per project, one column per language for
// texts (title_de, title_en, …), lists separated by "|". The columns are listed in feed-format.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/import/common.hpp"

namespace sf::core {

struct CsvCell {
  std::string text;
  int line = 0;    // where the cell starts (a quoted cell may span lines)
  int column = 0;  // in characters
};
using CsvRow = std::vector<CsvCell>;

struct CsvTable {
  char separator = ',';
  std::vector<CsvRow> rows;  // the header first; empty lines are dropped
  std::optional<Diagnostic> error;
};

// RFC 4180 with what spreadsheets add: a UTF-8 BOM, ';' or tab instead of ',' (detected from the
// header line), CRLF or LF. Quoted cells may hold separators, line breaks and doubled quotes.
CsvTable parseCsv(std::string_view text);

// One ImportedProject per row, keyed by its id column.
ImportResult importCsv(std::string_view text, const ImportOptions& opts);

// CSV has no signature: 0, so it is what is left when no other format knows the text.
int recogniseCsv(std::string_view text, std::string_view lowerName);

}  // namespace sf::core
