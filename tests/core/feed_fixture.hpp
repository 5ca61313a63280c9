// A small valid feed for tests, written so single members can be swapped for broken ones, and
// a helper that finds the line and column of a snippet so locations are asserted exactly.
#pragma once
#include <stdexcept>
#include <string>

#include "core/feed/json_scan.hpp"

namespace sf::test {

// Each line holds one part, so tests can replace a part and still know where things are.
inline const std::string kBaseFeed =
    "{\"format\": \"schaufenster-feed\", \"version\": 1, \"id\": \"test-feed\", \"revision\": 3,\n"
    " \"generated\": \"2024-03-01T09:00:00+01:00\", \"timeZone\": \"Europe/Berlin\", \"languages\": [\"de\", \"en\"],\n"
    " \"title\": {\"de\": \"Testfeed\", \"en\": \"Test feed\"},\n"
    " \"fields\": [{\"id\": \"inno\", \"name\": {\"de\": \"Innovation\", \"en\": \"Innovation\"}, \"color\": \"#C2185B\"},\n"
    "            {\"id\": \"komp\", \"name\": {\"de\": \"Kompetenzen\", \"en\": \"Skills\"}, \"color\": \"#1565C0\"}],\n"
    " \"projects\": [{\"id\": \"p1\", \"title\": {\"de\": \"Projekt eins\", \"en\": \"Project one\"}, \"summary\": {\"de\": \"Kurz.\", \"en\": \"Short.\"}, \"field\": \"inno\"},\n"
    "              {\"id\": \"p2\", \"title\": \"Zweites Projekt\", \"summary\": {\"de\": \"Kurz.\", \"en\": \"Short.\"}, \"field\": \"komp\", \"status\": {\"state\": \"completed\", \"asOf\": \"2024-03-01\"}}],\n"
    " \"events\": [{\"id\": \"e1\", \"title\": {\"de\": \"Eröffnung\", \"en\": \"Opening\"}, \"start\": \"2024-04-25T10:00:00+02:00\", \"end\": \"2024-04-25T11:00:00+02:00\", \"projects\": [\"p1\"]},\n"
    "            {\"id\": \"e2\", \"title\": {\"de\": \"Tag der offenen Tür\", \"en\": \"Open day\"}, \"allDay\": true, \"start\": \"2024-04-26\", \"end\": \"2024-04-27\"}],\n"
    " \"figures\": [{\"id\": \"n\", \"label\": {\"de\": \"Projekte\", \"en\": \"Projects\"}, \"value\": 42}],\n"
    " \"playlist\": [{\"slide\": \"spotlight\", \"project\": \"p1\", \"seconds\": 12}, {\"slide\": \"schedule\", \"seconds\": 10}],\n"
    " \"announcements\": [{\"id\": \"a1\", \"text\": {\"de\": \"Raumwechsel\", \"en\": \"Room change\"}, \"start\": \"2024-04-25T09:00:00+02:00\", \"end\": \"2024-04-25T12:00:00+02:00\", \"priority\": 5}]\n"
    "}\n";

// `base` with the first occurrence of `from` replaced by `to`; throws when `from` is absent, so
// a test can never silently run against the unbroken feed.
inline std::string replaced(const std::string& base, const std::string& from, const std::string& to) {
  const auto pos = base.find(from);
  if (pos == std::string::npos) throw std::logic_error("fixture does not contain: " + from);
  return base.substr(0, pos) + to + base.substr(pos + from.size());
}

// Line and column (1-based, in characters) of the first occurrence of `needle` in `text`.
inline core::TextPosition positionOf(const std::string& text, const std::string& needle) {
  const auto pos = text.find(needle);
  if (pos == std::string::npos) throw std::logic_error("text does not contain: " + needle);
  return core::positionAt(text, pos);
}

}  // namespace sf::test
