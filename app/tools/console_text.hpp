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
inline constexpr Words kEndLabel{"Beenden:", "End:"};
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
