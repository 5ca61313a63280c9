// The console's words in German and English, side by side so neither language falls behind.
// Pages pick one with say(); user and feed texts never pass through here unescaped.
#pragma once
#include <string_view>

namespace sf::tools::console_text {

struct Words {
  const char* de;
  const char* en;
};
inline const char* say(const Words& w, std::string_view lang) { return lang == "en" ? w.en : w.de; }

inline constexpr Words kConsole{"Konsole", "Console"};
inline constexpr Words kSkip{"Zum Inhalt springen", "Skip to content"};
inline constexpr Words kMainNav{"Bereiche", "Sections"};
inline constexpr Words kLanguage{"Sprache", "Language"};
inline constexpr Words kSignIn{"Anmelden", "Sign in"};
inline constexpr Words kSignInLead{"Für Organisatorinnen und Organisatoren dieser Veranstaltung.",
                                   "For the organisers of this event."};
inline constexpr Words kName{"Name", "Name"};
inline constexpr Words kPassword{"Passwort", "Password"};
inline constexpr Words kSignOut{"Abmelden", "Sign out"};
inline constexpr Words kSignedOut{"Abgemeldet.", "Signed out."};
inline constexpr Words kWrongLogin{"Name oder Passwort stimmt nicht.", "Wrong name or password."};
inline constexpr Words kTooMany{"Zu viele Fehlversuche. Bitte in %d Minuten erneut versuchen.",
                                "Too many failed attempts. Please try again in %d minutes."};
inline constexpr Words kBusy{"Gerade melden sich viele an. Bitte in ein paar Sekunden noch einmal versuchen.",
                             "Many people are signing in right now. Please try again in a few seconds."};
inline constexpr Words kExpired{"Die Sitzung ist abgelaufen oder ungültig. Bitte neu anmelden.",
                                "The session has expired or is not valid. Please sign in again."};
inline constexpr Words kFormStale{"Das Formular war veraltet. Bitte noch einmal senden.",
                                  "The form was out of date. Please send it again."};
inline constexpr Words kForbidden{"Das darf nur ein Admin.", "Only an admin may do this."};
inline constexpr Words kNotFound{"Diese Seite gibt es nicht.", "There is no such page."};
inline constexpr Words kBack{"Zur Konsole", "Back to the console"};
inline constexpr Words kRoleOrganiser{"Organisation", "Organiser"};
inline constexpr Words kRoleAdmin{"Admin", "Admin"};
inline constexpr Words kSignedInAs{"Angemeldet als", "Signed in as"};

inline constexpr Words kAnnounce{"Durchsage", "Announce"};
inline constexpr Words kLevel{"Stufe", "Level"};
inline constexpr Words kInfo{"Info", "Info"};
inline constexpr Words kInfoHint{"Laufband über dem laufenden Programm", "A banner over the running rotation"};
inline constexpr Words kImportant{"Wichtig", "Important"};
inline constexpr Words kImportantHint{"Übernimmt den ganzen Bildschirm", "Takes over the whole screen"};
inline constexpr Words kEmergency{"Notfall", "Emergency"};
inline constexpr Words kEmergencyHint{"Weiß auf Rot über allem, weckt dunkle Bildschirme",
                                      "White on red over everything, wakes dark screens"};
inline constexpr Words kTextIn{"Text", "Text"};
inline constexpr Words kWhere{"Wo", "Where"};
inline constexpr Words kAll{"Alle Bildschirme", "All screens"};
inline constexpr Words kGroups{"Gruppen", "Groups"};
inline constexpr Words kRooms{"Räume", "Rooms"};
inline constexpr Words kNames{"Gruppen oder Räume, mit Komma getrennt", "Groups or rooms, separated by commas"};
inline constexpr Words kRoomsKnown{"Räume im Programm:", "Rooms in the programme:"};
inline constexpr Words kUntil{"Bis", "Until"};
inline constexpr Words kUntilHint{"Dauer wie 30m, 2h, 1h30m oder Uhrzeit wie 14:30",
                                  "A duration such as 30m, 2h, 1h30m or a time such as 14:30"};
inline constexpr Words kSend{"Senden", "Send"};
inline constexpr Words kSent{"Gesendet. Die Bildschirme zeigen es beim nächsten Abruf.",
                             "Sent. Screens show it at their next poll."};
inline constexpr Words kEnded{"Beendet. Die Bildschirme nehmen es beim nächsten Abruf weg.",
                              "Ended. Screens take it down at their next poll."};
inline constexpr Words kActive{"Aktiv und geplant", "Active and planned"};
inline constexpr Words kNoneActive{"Keine Durchsage aktiv.", "No announcement is active."};
inline constexpr Words kEndNow{"Jetzt beenden", "End now"};
inline constexpr Words kUntilShort{"bis", "until"};
inline constexpr Words kFromShort{"ab", "from"};
inline constexpr Words kEveryScreen{"alle Bildschirme", "all screens"};
inline constexpr Words kPlanned{"geplant", "planned"};

inline constexpr Words kNeedText{"Bitte einen Text eingeben.", "Please enter a text."};
inline constexpr Words kTextTooLong{"Der Text ist länger als 500 Zeichen.", "The text is longer than 500 characters."};
inline constexpr Words kNeedNames{"Bitte die Gruppen oder Räume nennen.", "Please name the groups or rooms."};
inline constexpr Words kBadNames{"Namen dürfen Buchstaben, Ziffern, '.', '_', ':' und '-' enthalten.",
                                 "Names may hold letters, digits, '.', '_', ':' and '-'."};
inline constexpr Words kBadUntil{"„Bis“ verstehe ich nicht: eine Dauer wie 30m oder eine Uhrzeit wie 14:30 in der Zukunft.",
                                 "“Until” is not clear: a duration such as 30m or a time such as 14:30 in the future."};
inline constexpr Words kBadLevel{"Bitte eine Stufe wählen.", "Please choose a level."};
inline constexpr Words kFailed{"Nicht gesendet:", "Not sent:"};

inline constexpr Words kUsers{"Benutzer", "Users"};
inline constexpr Words kUsersLead{"Ändern mit „schaufenster user add|passwd|remove“ auf diesem Rechner.",
                                  "Change them with “schaufenster user add|passwd|remove” on this machine."};
inline constexpr Words kRole{"Rolle", "Role"};


// The Publish page (draft against release, history, rollback) and the Screens page.
inline constexpr Words kPublish{"Veröffentlichen", "Publish"};
inline constexpr Words kPublishLead{"Was das Veröffentlichen des Entwurfs auf den Bildschirmen ändert.",
                                    "What publishing the draft changes on the screens."};
inline constexpr Words kDraftAgainst{"Entwurf gegenüber Release", "Draft against release"};
inline constexpr Words kNothingPublished{"Noch nichts veröffentlicht: der Entwurf wird das erste Release.",
                                         "Nothing published yet: the draft becomes the first release."};
inline constexpr Words kNoChanges{"Der Entwurf zeigt dasselbe wie das aktuelle Release.",
                                  "The draft shows the same as the current release."};
inline constexpr Words kEventsAdded{"Neue Termine", "Events added"};
inline constexpr Words kEventsMoved{"Verschoben", "Moved"};
inline constexpr Words kEventsCancelled{"Abgesagt", "Cancelled"};
inline constexpr Words kEventsRemoved{"Entfernt", "Removed"};
inline constexpr Words kEventsEdited{"Termine mit anderem Text (Titel, Beschreibung, Vortragende …):",
                                     "Events with other text (title, description, speakers …):"};
inline constexpr Words kOtherContent{"Außerdem geändert: Projekte, Folien, Räume, Aussehen oder Kopf des Feeds.",
                                     "Also changed: projects, slides, rooms, look or the feed's header."};
inline constexpr Words kAnnouncementsAdded{"Durchsagen neu", "Announcements added"};
inline constexpr Words kAnnouncementsEnded{"Durchsagen beendet", "Announcements ended"};
inline constexpr Words kAndMore{"… und %d weitere", "… and %d more"};
inline constexpr Words kDraftInvalid{"Der Entwurf ist nicht gültig und kann nicht veröffentlicht werden:",
                                     "The draft is not valid and cannot be published:"};
inline constexpr Words kLine{"Zeile", "line"};
inline constexpr Words kPublishButton{"Jetzt veröffentlichen", "Publish now"};
inline constexpr Words kPublishHint{"Bekommt die nächste Revision (signiert, wenn serve einen Schlüssel hat) und erreicht die Bildschirme beim nächsten Abruf.",
                                    "Gets the next revision (signed when serve has a key) and reaches the screens at their next poll."};
inline constexpr Words kAdminPublishes{"Veröffentlichen und Zurückrollen darf nur ein Admin.",
                                       "Only an admin may publish or roll back."};
inline constexpr Words kPublished{"Veröffentlicht als Revision %d.", "Published as revision %d."};
inline constexpr Words kRolledBack{"Zurückgerollt: Revision %d zeigt wieder den alten Stand.",
                                   "Rolled back: revision %d shows the earlier content again."};
inline constexpr Words kStale{"Entwurf oder Release haben sich geändert, seit die Seite geladen wurde. Bitte noch einmal prüfen.",
                              "The draft or the release changed since the page was loaded. Please check again."};
inline constexpr Words kNotPublished{"Nicht veröffentlicht:", "Not published:"};
inline constexpr Words kHistory{"Verlauf", "Release history"};
inline constexpr Words kHistoryLead{"Jedes aufbewahrte Release, das neueste zuerst.", "Every kept release, newest first."};
inline constexpr Words kNoReleases{"Noch keine Releases.", "No releases yet."};
inline constexpr Words kCurrent{"aktuell", "current"};
inline constexpr Words kUnknown{"unbekannt", "unknown"};
inline constexpr Words kUnknownHistory{"Wer und was: unbekannt (älteres Release ohne Verlauf).",
                                       "Who and what: unknown (an older release without history)."};
inline constexpr Words kViaConsole{"Konsole", "console"};
inline constexpr Words kViaCommand{"Befehl", "command"};
inline constexpr Words kFirstRelease{"erstes Release", "first release"};
inline constexpr Words kNoEventChange{"Termine unverändert", "events unchanged"};
inline constexpr Words kCountAdded{"neu", "added"};
inline constexpr Words kCountMoved{"verschoben", "moved"};
inline constexpr Words kCountCancelled{"abgesagt", "cancelled"};
inline constexpr Words kCountRemoved{"entfernt", "removed"};
inline constexpr Words kCountEdited{"bearbeitet", "edited"};
inline constexpr Words kCountEvents{"Termine", "events"};
inline constexpr Words kCountAnnAdded{"Durchsagen neu: %d", "announcements added: %d"};
inline constexpr Words kCountAnnEnded{"Durchsagen beendet: %d", "announcements ended: %d"};
inline constexpr Words kNoteAnnouncement{"Durchsage", "announcement"};
inline constexpr Words kNoteEnded{"beendet:", "ended:"};
inline constexpr Words kRollbackSame{"Das Programm ist dasselbe wie im aktuellen Release.",
                                     "The programme is the same as in the current release."};
inline constexpr Words kCountOther{"sonstige Inhalte", "other content"};
inline constexpr Words kRollbackTo{"Zurück zu r%d", "Rollback to r%d"};
inline constexpr Words kRollback{"Zurückrollen", "Roll back"};
inline constexpr Words kRollbackLabel{"Zurückrollen auf Revision", "Roll back to revision"};
inline constexpr Words kRollbackLead{"Der Inhalt von Revision %d geht als neue, höhere Revision erneut hinaus; Bildschirme nehmen nur steigende Revisionen an.",
                                     "The content of revision %d goes out again as a new, higher revision; screens accept rising revisions only."};
inline constexpr Words kRollbackAnnouncements{"Durchsagen bleiben, wie sie jetzt sind: keine beendete kommt zurück, keine laufende verschwindet.",
                                              "Announcements stay as they are now: none that ended comes back, none that runs disappears."};
inline constexpr Words kRollbackChanges{"Was sich gegenüber dem aktuellen Release ändert", "What changes against the current release"};
inline constexpr Words kConfirmRollback{"Ja, zurückrollen", "Yes, roll back"};
inline constexpr Words kCancel{"Abbrechen", "Cancel"};
inline constexpr Words kNoSuchRelease{"Dieses Release gibt es nicht (mehr), oder es ist das aktuelle.",
                                      "There is no such release (any more), or it is the current one."};

inline constexpr Words kScreens{"Bildschirme", "Screens"};
inline constexpr Words kScreensLead{"Was die Bildschirme melden und wie es den Programmquellen geht.",
                                    "What the screens report and how the programme's sources are doing."};
inline constexpr Words kNoFleet{"Keine Bildschirm-Meldungen: serve läuft ohne --fleet.",
                                "No screen reports: serve runs without --fleet."};
inline constexpr Words kNoScreensYet{"Noch hat sich kein Bildschirm gemeldet.", "No screen has reported yet."};
inline constexpr Words kSources{"Programmquellen", "Programme sources"};
inline constexpr Words kNoSync{"Keine Quellen: serve läuft ohne --sync-state.", "No sources: serve runs without --sync-state."};
inline constexpr Words kSyncUnreadable{"Der Status von sync ist nicht lesbar:", "The sync status cannot be read:"};
inline constexpr Words kLastCheck{"Zuletzt geprüft", "Last check"};
inline constexpr Words kLastImport{"Zuletzt übernommen", "Last import"};
inline constexpr Words kResult{"Ergebnis", "Result"};
inline constexpr Words kResultOk{"in Ordnung", "fine"};
inline constexpr Words kNever{"nie", "never"};
inline constexpr Words kItems{"Einträge", "Items"};
inline constexpr Words kHeldBack{"Zurückgehalten", "Held back"};
inline constexpr Words kHeldHint{"Wartet auf Freigabe:", "Waiting to be accepted:"};
inline constexpr Words kSyncPublished{"Zuletzt von sync veröffentlicht", "Last published by sync"};

}  // namespace sf::tools::console_text
