// CSV rows to imported projects. Every cell problem names its line and column, because the
// person fixing it has the spreadsheet open, not the feed.
#include "core/import/csv.hpp"

#include <algorithm>
#include <map>

#include "core/base/text_util.hpp"

namespace sf::core {
namespace {

using ojson = nlohmann::ordered_json;

char detectSeparator(std::string_view text) {
  std::size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    else if (!quoted && c == '\n') break;
    else if (!quoted && c == ',') ++comma;
    else if (!quoted && c == ';') ++semi;
    else if (!quoted && c == '\t') ++tab;
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

std::vector<std::string> splitList(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    auto bar = s.find('|', pos);
    if (bar == std::string_view::npos) bar = s.size();
    if (auto item = trimmed(s.substr(pos, bar - pos)); !item.empty()) out.emplace_back(item);
    pos = bar + 1;
  }
  return out;
}

// "2024-03-01", or "1.3.2024" / "01.03.2024" as German spreadsheets write dates.
std::optional<std::string> isoDate(std::string_view s) {
  if (parseDate(s)) return std::string(s);
  int part[3] = {0, 0, 0}, idx = 0, digitsInPart = 0;
  for (char c : s) {
    if (c == '.' && idx < 2 && digitsInPart > 0) {
      ++idx;
      digitsInPart = 0;
    } else if (c >= '0' && c <= '9' && digitsInPart < 4) {
      part[idx] = part[idx] * 10 + (c - '0');
      ++digitsInPart;
    } else {
      return std::nullopt;
    }
  }
  if (idx != 2 || digitsInPart != 4) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", part[2], part[1] % 100, part[0] % 100);
  if (!parseDate(buf)) return std::nullopt;
  return std::string(buf);
}

// Columns whose text exists once per language: base name -> feed key.
constexpr std::pair<std::string_view, std::string_view> kTextColumns[] = {
    {"title", "title"}, {"subtitle", "subtitle"}, {"summary", "summary"}, {"description", "description"}, {"programme", "programme"}};
constexpr std::string_view kPlainColumns[] = {"id",       "field",      "related_fields", "status",  "status_as_of",
                                              "applicants", "funding_start", "funding_end", "partners", "link",
                                              "image",    "tags",          "hall",        "stand"};

struct Column {
  std::string base;  // "title", "field", …
  std::string lang;  // for text columns with a language suffix
};

}  // namespace

CsvTable parseCsv(std::string_view text) {
  CsvTable t;
  text = withoutBom(text);
  t.separator = detectSeparator(text);
  CsvRow row;
  CsvCell cell;
  int line = 1, column = 1;
  bool quoted = false, inCell = false, afterQuote = false;
  int quoteLine = 0;
  auto endCell = [&]() {
    row.push_back(std::move(cell));
    cell = CsvCell{};
    inCell = afterQuote = false;
  };
  auto endRow = [&]() {
    endCell();
    if (!(row.size() == 1 && trimmed(row[0].text).empty())) t.rows.push_back(std::move(row));
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!inCell) {
      cell.line = line;
      cell.column = column;
      inCell = true;
    }
    const bool charStart = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell.text += '"';
        ++i;
        ++column;
      } else if (c == '"') {
        quoted = false;
        afterQuote = true;
      } else {
        cell.text += c;
      }
    } else if (c == '"' && trimmed(cell.text).empty() && !afterQuote) {
      cell.text.clear();  // spaces before an opening quote are not part of the cell
      quoted = true;
      quoteLine = line;
    } else if (c == t.separator) {
      endCell();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      endRow();
    } else if (afterQuote && (c == ' ' || c == '\t')) {
      // spaces after a closing quote are dropped
    } else {
      cell.text += c;
    }
    if (c == '\n' || (c == '\r')) {
      ++line;
      column = 1;
      if (!inCell) continue;
    } else if (charStart) {
      ++column;
    }
  }
  if (quoted) {
    t.error = Diagnostic{Severity::Error, "", quoteLine, 0, "", "a quoted cell opened on line " + std::to_string(quoteLine) + " is never closed; expected a closing \""};
    return t;
  }
  if (inCell || !row.empty()) endRow();
  return t;
}

namespace {

void reportAt(ImportResult& r, Severity s, int line, int col, std::string msg) {
  r.diagnostics.push_back(Diagnostic{s, "", line, col, "", std::move(msg)});
}

bool isTextColumn(std::string_view base) {
  return std::any_of(std::begin(kTextColumns), std::end(kTextColumns), [&](const auto& t) { return t.first == base; });
}

// The header line: which column holds what, and so which project keys this source owns (a key
// no column names is left as the feed has it).
struct CsvHeader {
  std::vector<std::optional<Column>> columns;
  std::vector<std::string> owned;
  bool has(std::string_view base) const {
    return std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c && c->base == base; });
  }
};

CsvHeader readHeader(const CsvRow& header, ImportResult& r) {
  CsvHeader h;
  std::map<std::string, int> seenColumn;
  for (const auto& cell : header) {
    const std::string name = asciiLower(trimmed(cell.text));
    std::optional<Column> col;
    for (auto plain : kPlainColumns)
      if (name == plain) col = Column{name, ""};
    for (const auto& [base, key] : kTextColumns) {
      if (name == base) col = Column{name, ""};
      else if (name.starts_with(std::string(base) + "_") && isLanguageCode(name.substr(base.size() + 1))) {
        col = Column{std::string(base), name.substr(base.size() + 1)};
        if (std::find(r.languages.begin(), r.languages.end(), col->lang) == r.languages.end()) r.languages.push_back(col->lang);
      }
    }
    if (!col) reportAt(r, Severity::Warning, cell.line, cell.column, "unknown column " + quoteShort(cell.text) + " is ignored; the columns are listed in assets/feed-format.md, \"Importing\"");
    else if (auto [it, fresh] = seenColumn.emplace(name, cell.column); !fresh)
      reportAt(r, Severity::Error, cell.line, cell.column, "column " + quoteShort(name) + " appears twice (first at column " + std::to_string(it->second) + ")");
    h.columns.push_back(col);
  }
  for (std::string_view required : {"id", "title", "summary", "field"})
    if (!h.has(required))
      reportAt(r, Severity::Error, 1, 1, "missing column " + quoteShort(required) + (required == "title" || required == "summary" ? " (or " + std::string(required) + "_de, " + std::string(required) + "_en, …)" : std::string()));
  auto own = [&](std::string_view column, std::string_view key) {
    if (h.has(column) && std::find(h.owned.begin(), h.owned.end(), key) == h.owned.end()) h.owned.emplace_back(key);
  };
  own("title", "title"), own("subtitle", "subtitle"), own("summary", "summary"), own("description", "description");
  own("field", "field"), own("related_fields", "relatedFields"), own("status", "status"), own("status_as_of", "status");
  for (auto c : {"applicants", "programme", "funding_start", "funding_end"}) own(c, "funding");
  own("partners", "partners"), own("link", "links"), own("image", "image"), own("tags", "tags");
  own("hall", "stand"), own("stand", "stand");
  return h;
}

// One data row's cells by column, with the checks every kind of cell shares; faults go to `r`
// at the cell's line and column.
struct RowReader {
  const CsvRow& row;
  int line;
  ImportResult& r;
  std::map<std::string, const CsvCell*> plain;
  std::map<std::string, ojson> texts;  // base -> string or {lang: text}

  RowReader(const CsvRow& row, const CsvHeader& h, ImportResult& result) : row(row), line(row.front().line), r(result) {
    for (std::size_t ci = 0; ci < row.size() && ci < h.columns.size(); ++ci) {
      if (!h.columns[ci]) continue;
      const std::string value(trimmed(row[ci].text));
      if (value.empty()) continue;
      const Column& col = *h.columns[ci];
      if (isTextColumn(col.base)) {
        if (col.lang.empty()) texts[col.base] = value;
        else if (!texts[col.base].is_string()) texts[col.base][col.lang] = value;
      } else {
        plain[col.base] = &row[ci];
      }
    }
    if (row.size() > h.columns.size())
      reportAt(r, Severity::Warning, line, row[h.columns.size()].column, "the row has " + std::to_string(row.size()) + " cells but the header only " + std::to_string(h.columns.size()) + "; the extra cells are ignored");
  }
  void error(const std::string& base, const std::string& msg) {
    const CsvCell* c = plain.count(base) ? plain[base] : nullptr;
    reportAt(r, Severity::Error, c ? c->line : line, c ? c->column : 1, "column " + quoteShort(base) + ": " + msg);
  }
  std::string cell(const std::string& base) { return plain.count(base) ? std::string(trimmed(plain[base]->text)) : std::string(); }
  ojson idList(const std::string& base) {
    ojson out = ojson::array();
    for (const auto& v : splitList(cell(base))) {
      if (isValidId(v)) out.push_back(v);
      else error(base, "expected ids of letters, digits, '.', '_', ':' or '-' separated by |, found " + quoteShort(v));
    }
    return out;
  }
  ojson date(const std::string& base) {
    const std::string v = cell(base);
    if (v.empty()) return nullptr;
    if (auto d = isoDate(v)) return *d;
    error(base, "expected a date such as 2024-03-01 or 01.03.2024, found " + quoteShort(v));
    return nullptr;
  }
};

// Status and funding: the row's cells that make nested objects.
void readStatusAndFunding(RowReader& rd, ImportedProject& p) {
  const std::string state = asciiLower(rd.cell("status"));
  ojson asOf = rd.date("status_as_of");
  if (!state.empty()) {
    ojson status = ojson::object();
    if (state == "running" || state == "laufend") status["state"] = "running";
    else if (state == "completed" || state == "abgeschlossen") status["state"] = "completed";
    else rd.error("status", "expected running or completed (laufend, abgeschlossen), found " + quoteShort(rd.cell("status")));
    if (!asOf.is_null()) status["asOf"] = asOf;
    p.values["status"] = status;
  } else if (!asOf.is_null()) {
    rd.error("status_as_of", "a date for the status, but no status; expected running or completed in column \"status\"");
  }
  ojson funding = ojson::object();
  if (auto a = splitList(rd.cell("applicants")); !a.empty()) funding["applicants"] = a;
  if (rd.texts.count("programme")) funding["programme"] = rd.texts["programme"];
  if (auto s = rd.date("funding_start"); !s.is_null()) funding["start"] = s;
  if (auto e = rd.date("funding_end"); !e.is_null()) funding["end"] = e;
  if (funding.contains("start") && funding.contains("end") && funding["end"].get<std::string>() < funding["start"].get<std::string>())
    rd.error("funding_end", "funding ends (" + funding["end"].get<std::string>() + ") before it starts (" + funding["start"].get<std::string>() + ")");
  if (!funding.empty()) p.values["funding"] = funding;
}

// One data row as a project; the field ids it names go to r.fieldIds.
ImportedProject readProject(RowReader& rd, const CsvHeader& h) {
  ImportResult& r = rd.r;
  ImportedProject p;
  p.key = rd.cell("id");
  p.origin = "line " + std::to_string(rd.line);
  p.ownedKeys = h.owned;
  if (p.key.empty()) reportAt(r, Severity::Error, rd.line, 1, "the row has no id; every project needs one that never changes");
  for (const char* required : {"title", "summary"})
    if (!rd.texts.count(required)) reportAt(r, Severity::Error, rd.line, 1, std::string("the row has no ") + required + "; expected it in at least one language");
  const std::string field = rd.cell("field");
  if (!field.empty() && !isValidId(field)) rd.error("field", "expected the id of a field of action, found " + quoteShort(field));
  if (field.empty()) reportAt(r, Severity::Error, rd.line, 1, "the row has no field; expected the id of one of the feed's fields of action");

  for (const char* key : {"title", "subtitle", "summary", "description"})
    if (rd.texts.count(key)) p.values[key] = rd.texts[key];
  if (!field.empty()) {
    p.values["field"] = field;
    r.fieldIds.push_back(field);
  }
  if (auto rel = rd.idList("related_fields"); !rel.empty()) {
    for (const auto& f : rel) r.fieldIds.push_back(f.get<std::string>());
    p.values["relatedFields"] = rel;
  }
  readStatusAndFunding(rd, p);
  if (auto partners = splitList(rd.cell("partners")); !partners.empty()) p.values["partners"] = partners;
  ojson links = ojson::array();
  for (const auto& l : splitList(rd.cell("link"))) {
    if (isWebUrl(l)) links.push_back(l);
    else rd.error("link", "expected a web address starting with https:// or http://, found " + quoteShort(l));
  }
  if (!links.empty()) p.values["links"] = links;
  if (const std::string img = rd.cell("image"); !img.empty()) {
    if (isWebUrl(img) || isSafeRelativePath(img)) p.values["image"] = img;
    else rd.error("image", "expected an https:// URL or a path inside the feed's folder, found " + quoteShort(img));
  }
  if (auto tags = rd.idList("tags"); !tags.empty()) p.values["tags"] = tags;
  // A fair's stand: the number in "stand" ("B14"), the hall in "hall" ("2"); either may be empty.
  ojson stand = ojson::object();
  for (const char* part : {"hall", "stand"}) {
    const std::string v = rd.cell(part);
    if (v.size() > 40) rd.error(part, "expected a short " + std::string(part) + " such as \"" + (part[0] == 'h' ? "2" : "B14") + "\", found " + quoteShort(v));
    else if (!v.empty()) stand[part[0] == 'h' ? "hall" : "number"] = v;
  }
  if (!stand.empty()) p.values["stand"] = stand;
  return p;
}

}  // namespace

ImportResult importCsv(std::string_view text, const ImportOptions&) {
  ImportResult r;
  const CsvTable table = parseCsv(text);
  if (table.error) {
    r.diagnostics.push_back(*table.error);
    return r;
  }
  if (table.rows.empty()) {
    reportAt(r, Severity::Error, 1, 1, "the file is empty; expected a header line such as id,title_de,title_en,summary_de,summary_en,field");
    return r;
  }
  const CsvHeader header = readHeader(table.rows[0], r);
  if (hasErrors(r.diagnostics)) return r;
  std::map<std::string, int> seenIds;
  for (std::size_t ri = 1; ri < table.rows.size(); ++ri) {
    const auto errorsBefore = countOf(r.diagnostics, Severity::Error);
    RowReader rd(table.rows[ri], header, r);
    ImportedProject p = readProject(rd, header);
    if (!p.key.empty()) {
      if (auto [it, fresh] = seenIds.emplace(p.key, rd.line); !fresh)
        reportAt(r, Severity::Error, rd.line, 1, "id " + quoteShort(p.key) + " is used again (first on line " + std::to_string(it->second) + ")");
    }
    if (countOf(r.diagnostics, Severity::Error) == errorsBefore) r.projects.push_back(std::move(p));
  }
  std::sort(r.fieldIds.begin(), r.fieldIds.end());
  r.fieldIds.erase(std::unique(r.fieldIds.begin(), r.fieldIds.end()), r.fieldIds.end());
  return r;
}

int recogniseCsv(std::string_view, std::string_view) { return 0; }

}  // namespace sf::core
