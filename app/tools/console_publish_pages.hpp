// The HTML of the console's Publish page (draft against release, history, rollback) and Screens
// page. Handlers fill these plain-text structures; every text is escaped when written.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sf::tools {

struct ChangeList {
  std::string heading;             // "Moved (2)"
  std::vector<std::string> lines;  // one event or announcement each
  std::size_t more = 0;            // not listed
};

struct HistoryRow {
  std::int64_t revision = 0;
  std::string when, who, counts, note;  // words, already in the page's language
  bool current = false, known = false;
};

struct PublishView {
  std::string lang, csrf;
  bool admin = false;
  std::string notice, error;
  std::optional<std::int64_t> current;      // the release screens show
  std::vector<std::string> problems;        // the draft's errors in words; not empty: invalid
  std::vector<ChangeList> changes;          // empty with `same`
  std::vector<std::string> remarks;         // "events with other text: 2", other content
  bool same = false;
  std::string draftHash, base;              // what the form was shown against
  std::vector<HistoryRow> history;
};
std::string publishMain(const PublishView& v);

struct RollbackView {
  std::string lang, csrf;
  std::int64_t revision = 0;
  std::string base;
  std::string when, who;
  std::vector<ChangeList> changes;
  std::vector<std::string> remarks;
  bool same = false;
};
std::string rollbackMain(const RollbackView& v);

struct ScreenFact {
  std::string label, value;
  bool problem = false;
};
struct ScreenCard {
  std::string name, state, stateText, where, shotUrl, shotAlt;
  std::vector<ScreenFact> facts;  // shows, last seen, fault …
};
struct SourceRow {
  std::string id, location, lastCheck, lastChange, result, items, held, accept;
  bool failing = false;
};
struct ScreensView {
  std::string lang;
  bool fleet = false, sync = false;
  std::vector<ScreenCard> screens;
  std::string syncError, syncSummary;
  std::vector<SourceRow> sources;
};
std::string screensMain(const ScreensView& v);

}  // namespace sf::tools
