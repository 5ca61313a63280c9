// The collector's database read from outside, read-only, as after a crash: SQLite's own integrity
// check, and which reports the collector answered 200 to are not in it.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sf::test {

// Runs `sql` on the database opened read-only; each row's columns as text. An error is one row
// "error: …".
inline std::vector<std::vector<std::string>> queryReadOnly(const std::string& path, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    rows.push_back({"error: " + std::string(db ? sqlite3_errmsg(db) : "out of memory")});
    sqlite3_close_v2(db);
    return rows;
  }
  sqlite3_stmt* q = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr);
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    if ((rc = sqlite3_step(q)) != SQLITE_ROW) break;
    auto& row = rows.emplace_back();
    for (int i = 0; i < sqlite3_column_count(q); ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(q, i));
      row.emplace_back(text ? text : "");
    }
  }
  if (rc != SQLITE_DONE) rows.push_back({"error: " + std::string(sqlite3_errmsg(db))});
  sqlite3_finalize(q);
  sqlite3_close_v2(db);
  return rows;
}

// "ok", or what PRAGMA integrity_check found.
inline std::string integrityCheck(const std::string& path) {
  std::string found;
  for (const auto& row : queryReadOnly(path, "PRAGMA integrity_check")) found += (found.empty() ? "" : "; ") + row.at(0);
  return found;
}

// The screens whose answered report (screen -> revision) the database does not hold: no row, or
// an older revision than the one answered.
inline std::vector<std::string> missingReports(const std::string& path, const std::map<std::string, std::int64_t>& answered) {
  std::map<std::string, std::int64_t> stored;
  for (const auto& row : queryReadOnly(path, "SELECT name, report FROM screens")) {
    if (row.size() != 2) return {row.at(0)};
    const auto report = nlohmann::json::parse(row[1], nullptr, false);
    stored[row[0]] = report.is_object() ? report.value("revision", std::int64_t{-1}) : -1;
  }
  std::vector<std::string> missing;
  for (const auto& [screen, revision] : answered) {
    const auto it = stored.find(screen);
    if (it == stored.end() || it->second < revision) missing.push_back(screen);
  }
  return missing;
}

}  // namespace sf::test
