// The console's pages as HTML built on the server: one frame (header, navigation, sign-out,
// language) around each page's main part. Every text from users, forms or feeds is escaped here.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "users.hpp"

namespace sf::tools {

struct PageFrame {
  std::string lang = "de";
  std::string title;
  std::string path;     // this page, for the language links
  std::string user;     // signed in, or empty
  Role role = Role::Organiser;
  std::string csrf;     // the session's form token (for sign-out)
};
std::string consolePage(const PageFrame& frame, const std::string& mainHtml);

// Pieces every page's HTML uses, values escaped: a hidden form field, and a notice (a status
// line, or an alert when `error`; nothing for an empty text).
std::string htmlHidden(const std::string& name, const std::string& value);
std::string htmlNotice(const std::string& text, bool error);

std::string signInMain(const std::string& lang, const std::string& token, const std::string& name, const std::string& notice,
                       bool noticeIsError);

struct AnnounceForm {
  std::string level = "info";
  std::map<std::string, std::string> texts;  // language -> text
  std::string target = "all";                // all, groups, rooms
  std::string names;
  std::string until = "30m";
};
struct ActiveAnnouncement {
  std::string id, level, text, where, from, until;  // plain text; escaped when written
  bool planned = false;
};
struct AnnouncePage {
  std::string lang, csrf;
  std::vector<std::pair<std::string, std::string>> languages;  // code, name ("de", "Deutsch")
  std::string roomsHint;                                        // "hs1 (Hörsaal 1), …"
  AnnounceForm form;
  std::string notice, error;
  std::vector<ActiveAnnouncement> active;
  std::string previewHtml;  // the announcement's preview (built and escaped by console_preview.cpp), or empty
};
std::string announceMain(const AnnouncePage& p);

std::string usersMain(const std::string& lang, const std::vector<User>& users);
std::string messageMain(const std::string& lang, const std::string& heading, const std::string& text);

// The console's one style sheet (served as /console/style.css: no inline style).
const char* consoleCss();
// The preview pages' one script (served as /console/preview.js): reloads while pictures are drawn.
const char* previewScript();

}  // namespace sf::tools
