// The console's words in German and English, side by side so neither language falls behind.
// Pages pick one with say(); user and feed texts never pass through here unescaped.
#pragma once
#include <string>
#include <string_view>

namespace sf::tools::console_text {

struct Words {
  const char* de;
  const char* en;
};
inline const char* say(const Words& w, std::string_view lang) { return lang == "en" ? w.en : w.de; }
// The words with their "%d" replaced by `n` ("Published as revision 7.").
inline std::string sayNumber(const Words& w, std::string_view lang, long long n) {
  std::string text = say(w, lang);
  if (const auto at = text.find("%d"); at != std::string::npos) text.replace(at, 2, std::to_string(n));
  return text;
}

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
// The Programme page: the draft's events of a day, and the day's usual fixes to one of them.
inline constexpr Words kProgramme{"Programm", "Programme"};
inline constexpr Words kProgrammeLead{"Änderungen gehen in den Entwurf. Die Bildschirme zeigen sie, sobald ein Admin veröffentlicht.",
                                      "Changes go into the draft. Screens show them once an admin publishes."};
inline constexpr Words kDays{"Tage", "Days"};
inline constexpr Words kToday{"heute", "today"};
inline constexpr Words kAllRooms{"Alle Räume", "All rooms"};
inline constexpr Words kRoomFilter{"Raum", "Room"};
inline constexpr Words kNoEvents{"An diesem Tag steht nichts im Programm.", "Nothing is on the programme that day."};
inline constexpr Words kAllDay{"ganztägig", "all day"};
inline constexpr Words kCancelledMark{"Abgesagt", "Cancelled"};
inline constexpr Words kChangedMark{"Geändert", "Changed"};
inline constexpr Words kNewMark{"Neu", "New"};
inline constexpr Words kPinnedMark{"Angeheftet", "Pinned"};
inline constexpr Words kChangedHint{"seit der Veröffentlichung", "since publication"};
inline constexpr Words kFromSource{"Quelle", "Source"};
inline constexpr Words kAddEvent{"Kurzen Termin hinzufügen", "Add a short event"};
inline constexpr Words kEditEvent{"Termin ändern", "Change event"};
inline constexpr Words kToList{"Zurück zum Programm", "Back to the programme"};
inline constexpr Words kWhen{"Wann", "When"};
inline constexpr Words kSpeakers{"Vortragende", "Speakers"};
inline constexpr Words kSpeakersHint{"Eine Person pro Zeile, die Organisation in Klammern: Ada Muster (Stadtwerke)",
                                     "One person per line, the organisation in brackets: Ada Example (City Works)"};
inline constexpr Words kCancelEvent{"Absagen", "Cancel event"};
inline constexpr Words kCancelHint{"Die Bildschirme zeigen den Termin durchgestrichen als abgesagt.",
                                   "Screens show the event struck through as cancelled."};
inline constexpr Words kUncancel{"Absage zurücknehmen", "Take back the cancellation"};
inline constexpr Words kIsCancelled{"Dieser Termin ist abgesagt.", "This event is cancelled."};
inline constexpr Words kMove{"Verschieben", "Move"};
inline constexpr Words kStart{"Beginn", "Start"};
inline constexpr Words kStartHint{"Uhrzeit wie 14:30 (am selben Tag) oder Datum und Zeit wie 2027-03-19T14:30",
                                  "A time such as 14:30 (the same day) or a date and time such as 2027-03-19T14:30"};
inline constexpr Words kEndOrLength{"Ende oder Dauer", "End or duration"};
inline constexpr Words kEndHint{"Uhrzeit wie 15:15 oder Dauer wie 45m, 1h30m", "A time such as 15:15 or a duration such as 45m, 1h30m"};
inline constexpr Words kNoRoom{"ohne Raum", "no room"};
inline constexpr Words kSaveMove{"Verschieben", "Move"};
inline constexpr Words kTitle{"Titel", "Title"};
inline constexpr Words kSaveTitle{"Titel speichern", "Save title"};
inline constexpr Words kSaveSpeakers{"Vortragende speichern", "Save speakers"};
inline constexpr Words kPin{"Diese Änderung anheften: der Abgleich wendet sie nach jedem Import wieder an",
                            "Pin this change: sync applies it again after each import"};
inline constexpr Words kSyncNote{"Dieser Termin kommt aus der Quelle „%s“. Der nächste Import überschreibt Änderungen hier, außer sie sind angeheftet.",
                                 "This event comes from the source “%s”. The next import overwrites changes made here unless they are pinned."};
inline constexpr Words kPinnedNote{"Angeheftet:", "Pinned:"};
inline constexpr Words kSaved{"Im Entwurf gespeichert.", "Saved in the draft."};
inline constexpr Words kSavedPinned{"Im Entwurf gespeichert und angeheftet: der Abgleich wendet die Änderung nach jedem Import wieder an.",
                                    "Saved in the draft and pinned: sync applies the change again after each import."};
inline constexpr Words kSavedUnpinned{"Im Entwurf gespeichert. Achtung: der nächste Import aus der Quelle überschreibt diese Änderung. Zum Behalten die Änderung angeheftet noch einmal speichern.",
                                      "Saved in the draft. Note: the next import from the source overwrites this change. To keep it, save it again with pin ticked."};
inline constexpr Words kAdded{"Termin im Entwurf angelegt.", "Event added to the draft."};
inline constexpr Words kRefusedEdit{"Nicht gespeichert, der Entwurf bleibt wie er war:", "Not saved, the draft stays as it was:"};
inline constexpr Words kNoSuchEvent{"Diesen Termin gibt es im Entwurf nicht (mehr).", "There is no such event in the draft (any more)."};
inline constexpr Words kBadStart{"„Beginn“ verstehe ich nicht: eine Uhrzeit wie 14:30 oder ein Datum mit Zeit wie 2027-03-19T14:30.",
                                 "“Start” is not clear: a time such as 14:30 or a date and time such as 2027-03-19T14:30."};
inline constexpr Words kBadEnd{"„Ende oder Dauer“ verstehe ich nicht: eine Uhrzeit nach dem Beginn wie 15:15 oder eine Dauer wie 45m.",
                               "“End or duration” is not clear: a time after the start such as 15:15 or a duration such as 45m."};
inline constexpr Words kBadRoom{"Diesen Raum gibt es im Programm nicht.", "There is no such room in the programme."};
inline constexpr Words kNeedTitle{"Bitte einen Titel in der ersten Sprache eingeben.", "Please enter a title in the first language."};
inline constexpr Words kTitleTooLong{"Ein Titel ist länger als 150 Zeichen.", "A title is longer than 150 characters."};
inline constexpr Words kSpeakersTooLong{"Höchstens 20 Vortragende mit je 120 Zeichen.", "At most 20 speakers of 120 characters each."};
inline constexpr Words kAllDayNoMove{"Ganztägige Termine werden in der Feed-Datei verschoben, nicht hier.",
                                     "All-day events are moved in the feed file, not here."};
inline constexpr Words kBadAction{"Diese Änderung kenne ich nicht.", "This is not a change I know."};
inline constexpr Words kDay{"Tag", "Day"};
inline constexpr Words kDuration{"Dauer", "Duration"};
inline constexpr Words kDurationHint{"Wie 20m, 45m oder 1h30m", "Such as 20m, 45m or 1h30m"};
inline constexpr Words kAddSave{"Termin anlegen", "Add event"};
inline constexpr Words kFeedUnreadable{"Der Entwurf ist keine gültige Feed-Datei; „schaufenster validate“ sagt, warum.",
                                       "The draft is not a valid feed file; “schaufenster validate” says why."};
// The preview page and the announcement's preview (console_preview.cpp).
inline constexpr Words kPreviewNav{"Vorschau", "Preview"};
inline constexpr Words kPreviewButton{"Vorschau", "Preview"};
inline constexpr Words kPreviewLead{"So zeigen die Bildschirme den Feed zu einem Zeitpunkt, in einer Größe und Sprache. Gezeichnet wird auf "
                                    "diesem Rechner; veröffentlicht wird dabei nichts.",
                                    "How screens show the feed at a moment, in a size and a language. It is drawn on this machine; "
                                    "nothing is published."};
inline constexpr Words kPreviewFeed{"Feed", "Feed"};
inline constexpr Words kPreviewPublished{"Veröffentlicht", "Published"};
inline constexpr Words kPreviewPublishedHint{"Was die Bildschirme gerade abrufen", "What the screens fetch now"};
inline constexpr Words kPreviewDraft{"Entwurf", "Draft"};
inline constexpr Words kPreviewDraftHint{"Die Datei der Organisation, wie sie jetzt ist", "The organiser's file as it is now"};
inline constexpr Words kPreviewMoment{"Zeitpunkt", "Moment"};
inline constexpr Words kPreviewNow{"Jetzt", "Now"};
inline constexpr Words kPreviewLater{"Anderer Zeitpunkt", "Another moment"};
inline constexpr Words kPreviewAt{"Datum und Uhrzeit", "Date and time"};
inline constexpr Words kPreviewAtHint{"Ortszeit der Veranstaltung; gilt, wenn „Anderer Zeitpunkt“ gewählt ist",
                                      "The venue's local time; used when “Another moment” is chosen"};
inline constexpr Words kPreviewSize{"Bildschirmgröße", "Screen size"};
inline constexpr Words kPreviewLandscape{"quer", "landscape"};
inline constexpr Words kPreviewPortrait{"hoch", "portrait"};
inline constexpr Words kPreviewFleetSize{"wie", "as"};
inline constexpr Words kPreviewLanguage{"Sprache", "Language"};
inline constexpr Words kPreviewView{"Ansicht", "View"};
inline constexpr Words kPreviewRotation{"Alle Folien der Rotation", "Every slide of the rotation"};
inline constexpr Words kPreviewProgramme{"Programm", "Programme"};
inline constexpr Words kPreviewSchedule{"Termine", "Schedule"};
inline constexpr Words kPreviewRoom{"Raumbildschirm", "Room screen"};
inline constexpr Words kPreviewDraw{"Vorschau zeichnen", "Draw the preview"};
inline constexpr Words kPreviewQueued{"Wird gezeichnet … Die Seite lädt sich neu, sobald die Bilder fertig sind.",
                                      "Drawing … The page reloads once the pictures are ready."};
inline constexpr Words kPreviewReload{"Neu laden", "Reload"};
inline constexpr Words kPreviewFailed{"Die Vorschau ließ sich nicht zeichnen:", "The preview could not be drawn:"};
inline constexpr Words kPreviewBusy{"Gerade werden zu viele Vorschauen gezeichnet. Bitte gleich noch einmal versuchen.",
                                    "Too many previews are being drawn right now. Please try again in a moment."};
inline constexpr Words kPreviewNoFeed{"Dieser Feed lässt sich nicht lesen (schaufenster validate sagt, warum):",
                                      "This feed cannot be read (schaufenster validate tells why):"};
inline constexpr Words kPreviewNothingPublished{"Noch ist nichts veröffentlicht.", "Nothing is published yet."};
inline constexpr Words kPreviewBadChoice{"Bitte Zeitpunkt, Größe, Sprache und Ansicht aus den Listen wählen.",
                                         "Please choose the moment, size, language and view from the lists."};
inline constexpr Words kPreviewGone{"Diese Vorschau gibt es nicht mehr. Bitte neu zeichnen.", "This preview is gone. Please draw it again."};
inline constexpr Words kPreviewResult{"Ergebnis", "Result"};
inline constexpr Words kPreviewSlide{"Folie", "Slide"};
inline constexpr Words kPreviewAnnounceHeading{"Vorschau der Durchsage", "Preview of the announcement"};
inline constexpr Words kPreviewAnnounceNote{"So zeigen es die Bildschirme. Gesendet ist noch nichts.",
                                            "This is how the screens show it. Nothing has been sent yet."};
inline constexpr Words kPreviewAnnounceCommon{"Kein bekannter Bildschirm passt; gezeigt in gängigen Größen.",
                                              "No known screen matches; shown at common sizes."};
inline constexpr Words kPreviewOpen{"In voller Größe öffnen:", "Open at full size:"};
inline constexpr Words kPreviewDetails{"Stand der Vorschau", "Preview status"};
inline constexpr Words kPreviewUnavailable{"Vorschauen sind hier nicht möglich: kein privater Ordner für die Bilder.",
                                           "Previews are not available here: no private folder for the pictures."};

}  // namespace sf::tools::console_text
