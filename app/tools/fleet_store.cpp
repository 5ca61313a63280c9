// SQLite behind the FleetStore interface. Reports are stored as the normalised JSON of what was
// parsed, never the raw body, so whatever is read back has passed the collector's checks.
#include "fleet_store.hpp"

#include <sqlite3.h>

#include "core/base/text_util.hpp"
#include "platform/crypto.hpp"

namespace sf::tools {
namespace {

// One prepared statement, finalised on every path.
struct Statement {
  sqlite3_stmt* s = nullptr;
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
  ~Statement() { sqlite3_finalize(s); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void text(int i, const std::string& v) { sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void integer(int i, std::int64_t v) { sqlite3_bind_int64(s, i, v); }
  void blob(int i, const std::string& v) { sqlite3_bind_blob(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  std::string columnBlob(int i) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(s, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
  }
  bool isNull(int i) const { return sqlite3_column_type(s, i) == SQLITE_NULL; }
  std::string column(int i) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
  }
  std::int64_t columnInt(int i) const { return sqlite3_column_int64(s, i); }
};

core::Instant instant(std::int64_t seconds) { return core::Instant{std::chrono::seconds{seconds}}; }
std::int64_t seconds(core::Instant t) { return t.time_since_epoch().count(); }

}  // namespace

std::string shotId(const std::string& screen) { return platform::sha256Hex(screen).substr(0, 16); }

core::Result<std::unique_ptr<FleetStore>> FleetStore::open(const std::string& path) {
  std::unique_ptr<FleetStore> store(new FleetStore());
  if (sqlite3_open_v2(path.c_str(), &store->db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    return core::fail("cannot open the fleet database " + path + ": " + (store->db_ ? sqlite3_errmsg(store->db_) : "out of memory"));
  sqlite3_busy_timeout(store->db_, 2000);
  // WAL: readers never wait for the writer, and a kill mid-write leaves the last commit intact.
  // synchronous=NORMAL in WAL mode loses at most the last commits on a power cut, never the file.
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                          "CREATE TABLE IF NOT EXISTS screens(name TEXT PRIMARY KEY, report TEXT NOT NULL, address TEXT NOT NULL,"
                          " first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, online INTEGER NOT NULL DEFAULT 1)",
                          "CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, screen TEXT NOT NULL, at INTEGER NOT NULL,"
                          " kind TEXT NOT NULL, detail TEXT NOT NULL)",
                          "CREATE INDEX IF NOT EXISTS events_by_screen ON events(screen, id)",
                          // The latest screenshot per screen, apart from the reports so listing the
                          // fleet never reads image bytes.
                          "CREATE TABLE IF NOT EXISTS shots(screen TEXT PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,"
                          " width INTEGER NOT NULL, height INTEGER NOT NULL, at INTEGER NOT NULL, bytes BLOB NOT NULL)"}) {
    if (auto done = store->exec(sql); !done)
      return core::fail("cannot use " + path + " as the fleet database: " + done.error().message);
  }
  // Databases made before screens signed their reports get the two columns; the rows there are
  // unsigned until a signed report pins them.
  for (const char* column : {"key TEXT NOT NULL DEFAULT ''", "sequence INTEGER NOT NULL DEFAULT 0"}) {
    const std::string name = std::string(column).substr(0, std::string(column).find(' '));
    Statement has(store->db_, "SELECT 1 FROM pragma_table_info('screens') WHERE name = ?");
    has.text(1, name);
    if (sqlite3_step(has.s) == SQLITE_ROW) continue;
    if (auto added = store->exec(("ALTER TABLE screens ADD COLUMN " + std::string(column)).c_str()); !added)
      return core::fail("cannot use " + path + " as the fleet database: " + added.error().message);
  }
  return store;
}

FleetStore::~FleetStore() { sqlite3_close_v2(db_); }

core::Result<void> FleetStore::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    return core::fail(message);
  }
  return {};
}

core::Result<void> FleetStore::addEvent(const std::string& screen, core::Instant at, const std::string& kind, const std::string& detail) {
  Statement ins(db_, "INSERT INTO events(screen, at, kind, detail) VALUES(?, ?, ?, ?)");
  ins.text(1, screen);
  ins.integer(2, seconds(at));
  ins.text(3, kind);
  ins.text(4, detail);
  if (sqlite3_step(ins.s) != SQLITE_DONE) return core::fail(sqlite3_errmsg(db_));
  // Bounded: the oldest beyond the newest `historyPerScreen` go.
  Statement trim(db_, "DELETE FROM events WHERE screen = ?1 AND id <= (SELECT id FROM events WHERE screen = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)");
  trim.text(1, screen);
  trim.integer(2, historyPerScreen);
  if (sqlite3_step(trim.s) != SQLITE_DONE) return core::fail(sqlite3_errmsg(db_));
  return {};
}

namespace {

// The pinning rule of record(), on the stored key and sequence of a known screen.
core::Result<void> checkKey(const std::string& screen, const std::string& pinned, std::int64_t lastSequence, const std::string& key,
                            std::int64_t sequence) {
  if (pinned.empty()) return {};
  const std::string name = core::quoteShort(screen);
  if (key.empty())
    return core::failAs("unsigned", "screen " + name + " signs its reports with its own key, and this one is unsigned");
  if (key != pinned)
    return core::failAs("other-key", "screen " + name + " is known by another key; if it was reinstalled, let it pin its new one with "
                                     "`schaufenster fleet FLEET.db --forget-key " + name + "`");
  if (sequence <= lastSequence)
    return core::failAs("replay", "this report of screen " + name + " is not newer than its last one (sent twice, or copied)");
  return {};
}

}  // namespace

core::Result<void> FleetStore::record(const core::ScreenReport& report, const std::string& address, core::Instant now,
                                      int shotWidth, int shotHeight, const std::string& key) {
  std::lock_guard lock(mutex_);
  if (auto began = exec("BEGIN IMMEDIATE"); !began) return began;
  auto work = [&]() -> core::Result<void> {
    Statement old(db_, "SELECT report, key, sequence FROM screens WHERE name = ?");
    old.text(1, report.screen);
    std::optional<core::ScreenReport> before;
    std::string pinned = key;
    if (sqlite3_step(old.s) == SQLITE_ROW) {
      if (auto checked = checkKey(report.screen, old.column(1), old.columnInt(2), key, report.sequence); !checked) return checked;
      if (!old.column(1).empty()) pinned = old.column(1);
      if (auto parsed = core::parseReport(old.column(0))) before = std::move(*parsed);
    } else {
      Statement count(db_, "SELECT COUNT(*) FROM screens");
      if (sqlite3_step(count.s) == SQLITE_ROW && static_cast<std::size_t>(count.columnInt(0)) >= maxScreens)
        return core::failAs("full", "the fleet already has " + std::to_string(maxScreens) + " screens");
    }
    Statement up(db_,
                 "INSERT INTO screens(name, report, address, first_seen, last_seen, online, key, sequence) "
                 "VALUES(?1, ?2, ?3, ?4, ?4, 1, ?5, ?6) "
                 "ON CONFLICT(name) DO UPDATE SET report = ?2, address = ?3, last_seen = ?4, key = ?5, sequence = ?6");
    up.text(1, report.screen);
    core::ScreenReport kept = report;
    kept.screenshot.reset();  // in its own table
    up.text(2, core::reportJson(kept));
    up.text(3, address);
    up.integer(4, seconds(now));
    up.text(5, pinned);
    up.integer(6, report.sequence);
    if (sqlite3_step(up.s) != SQLITE_DONE) return core::fail(sqlite3_errmsg(db_));
    if (report.screenshot) {
      Statement shot(db_, "INSERT OR REPLACE INTO shots(screen, id, type, width, height, at, bytes) VALUES(?, ?, ?, ?, ?, ?, ?)");
      shot.text(1, report.screen);
      shot.text(2, shotId(report.screen));
      shot.text(3, report.screenshot->type);
      shot.integer(4, shotWidth);
      shot.integer(5, shotHeight);
      shot.integer(6, seconds(now));
      shot.blob(7, report.screenshot->bytes);
      if (sqlite3_step(shot.s) != SQLITE_DONE) return core::fail(sqlite3_errmsg(db_));
    }
    if (!before || before->feedId != report.feedId || before->revision != report.revision)
      if (auto e = addEvent(report.screen, now, "revision", report.feedId + " " + std::to_string(report.revision)); !e) return e;
    if ((!before && !report.fault.empty()) || (before && before->fault != report.fault)) {
      auto e = report.fault.empty() ? addEvent(report.screen, now, "recovered", "")
                                    : addEvent(report.screen, now, "fault", report.fault + ": " + report.faultText);
      if (!e) return e;
    }
    return {};
  };
  auto done = work();
  if (!done) {
    (void)exec("ROLLBACK");
    return done;
  }
  if (auto committed = exec("COMMIT"); !committed) {
    (void)exec("ROLLBACK");
    return committed;
  }
  return {};
}

core::Result<void> FleetStore::setOnline(const std::string& screen, bool online, core::Instant now) {
  std::lock_guard lock(mutex_);
  if (auto began = exec("BEGIN IMMEDIATE"); !began) return began;
  Statement up(db_, "UPDATE screens SET online = ? WHERE name = ?");
  up.integer(1, online ? 1 : 0);
  up.text(2, screen);
  auto done = sqlite3_step(up.s) == SQLITE_DONE ? addEvent(screen, now, online ? "online" : "offline", "")
                                                : core::Result<void>(core::fail(sqlite3_errmsg(db_)));
  if (!done) {
    (void)exec("ROLLBACK");
    return done;
  }
  return exec("COMMIT");
}

core::Result<std::vector<ScreenRow>> FleetStore::screens() {
  std::lock_guard lock(mutex_);
  std::vector<ScreenRow> rows;
  Statement q(db_, "SELECT s.report, s.address, s.first_seen, s.last_seen, s.online, h.id, h.type, h.width, h.height, h.at, s.key "
                   "FROM screens s LEFT JOIN shots h ON h.screen = s.name ORDER BY s.name");
  int rc;
  while ((rc = sqlite3_step(q.s)) == SQLITE_ROW) {
    auto parsed = core::parseReport(q.column(0));
    if (!parsed) continue;  // cannot happen for what record() wrote; a hand-edited row is skipped
    rows.push_back({std::move(*parsed), q.column(1), instant(q.columnInt(2)), instant(q.columnInt(3)), q.columnInt(4) != 0, {}, q.column(10)});
    if (!q.isNull(5))
      rows.back().shot = ShotMeta{q.column(5), q.column(6), static_cast<int>(q.columnInt(7)), static_cast<int>(q.columnInt(8)),
                                  instant(q.columnInt(9))};
  }
  if (rc != SQLITE_DONE) return core::fail(std::string("cannot read the fleet: ") + sqlite3_errmsg(db_));
  return rows;
}

core::Result<bool> FleetStore::forgetKey(const std::string& screen, core::Instant now) {
  std::lock_guard lock(mutex_);
  if (auto began = exec("BEGIN IMMEDIATE"); !began) return core::Unexpected{began.error()};
  Statement up(db_, "UPDATE screens SET key = '', sequence = 0 WHERE name = ?");
  up.text(1, screen);
  if (sqlite3_step(up.s) != SQLITE_DONE) {
    const std::string message = sqlite3_errmsg(db_);
    (void)exec("ROLLBACK");
    return core::fail(message);
  }
  const bool found = sqlite3_changes(db_) > 0;
  if (found) {
    if (auto e = addEvent(screen, now, "key-forgotten", ""); !e) {
      (void)exec("ROLLBACK");
      return core::Unexpected{e.error()};
    }
  }
  if (auto committed = exec("COMMIT"); !committed) return core::Unexpected{committed.error()};
  return found;
}

core::Result<std::vector<FleetStore::Presence>> FleetStore::presence() {
  std::lock_guard lock(mutex_);
  std::vector<Presence> out;
  Statement q(db_, "SELECT name, last_seen, COALESCE(json_extract(report, '$.seconds'), 60), online FROM screens ORDER BY name");
  int rc;
  while ((rc = sqlite3_step(q.s)) == SQLITE_ROW)
    out.push_back({q.column(0), instant(q.columnInt(1)), static_cast<int>(q.columnInt(2)), q.columnInt(3) != 0});
  if (rc != SQLITE_DONE) return core::fail(std::string("cannot read the fleet: ") + sqlite3_errmsg(db_));
  return out;
}

core::Result<std::optional<StoredShot>> FleetStore::shot(const std::string& id) {
  std::lock_guard lock(mutex_);
  Statement q(db_, "SELECT type, bytes FROM shots WHERE id = ?");
  q.text(1, id);
  const int rc = sqlite3_step(q.s);
  if (rc == SQLITE_ROW) return std::optional<StoredShot>(StoredShot{q.column(0), q.columnBlob(1)});
  if (rc != SQLITE_DONE) return core::fail(std::string("cannot read the screenshot: ") + sqlite3_errmsg(db_));
  return std::optional<StoredShot>();
}

core::Result<std::vector<FleetEvent>> FleetStore::history(const std::string& screen, int limit) {
  std::lock_guard lock(mutex_);
  std::vector<FleetEvent> out;
  Statement q(db_, screen.empty() ? "SELECT screen, at, kind, detail FROM events ORDER BY id DESC LIMIT ?1"
                                  : "SELECT screen, at, kind, detail FROM events WHERE screen = ?2 ORDER BY id DESC LIMIT ?1");
  q.integer(1, limit);
  if (!screen.empty()) q.text(2, screen);
  int rc;
  while ((rc = sqlite3_step(q.s)) == SQLITE_ROW) out.push_back({q.column(0), instant(q.columnInt(1)), q.column(2), q.column(3)});
  if (rc != SQLITE_DONE) return core::fail(std::string("cannot read the history: ") + sqlite3_errmsg(db_));
  return out;
}

}  // namespace sf::tools
