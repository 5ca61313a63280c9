// The Programme page's HTML: the day's list of the draft's events with their marks, one event's
// fix forms (cancel, move, title, speakers), and the form for a short new event. Escapes every text.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sf::tools {

using ProgrammeChoices = std::vector<std::pair<std::string, std::string>>;  // value, label

struct ProgrammeRow {
  std::string id, time, room, title, speakers, source;  // plain text; source: the sync source's id
  bool cancelled = false, changed = false, added = false, pinned = false;
};

struct ProgrammeListPage {
  std::string lang, day, room;  // the day shown (YYYY-MM-DD), the room filter ("" for all)
  ProgrammeChoices days;        // day, label
  ProgrammeChoices rooms;       // filter key, label
  std::vector<ProgrammeRow> rows;
  std::string error;
};
std::string programmeListMain(const ProgrammeListPage& p);

struct ProgrammeEventPage {
  std::string lang, csrf, id, day;
  std::string heading, when, room, source;  // source: the sync source's id, empty when none
  std::vector<std::string> pinned;          // keys pinned for it
  bool cancelled = false, allDay = false;
  ProgrammeChoices languages, rooms;
  std::map<std::string, std::string> form;  // field -> value shown (start, end, room, title-de, speakers…)
  std::string notice, error;
  std::vector<std::string> reasons;  // why an edit was refused, in words
};
std::string programmeEventMain(const ProgrammeEventPage& p);

struct ProgrammeNewPage {
  std::string lang, csrf;
  ProgrammeChoices languages, rooms;
  std::map<std::string, std::string> form;  // day, start, duration, room, title-de…, speakers
  std::string error;
  std::vector<std::string> reasons;
};
std::string programmeNewMain(const ProgrammeNewPage& p);

}  // namespace sf::tools
