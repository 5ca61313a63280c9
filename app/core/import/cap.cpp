// CAP alerts to imported announcements. Alerts refer to each other by "sender,identifier,sent"
// triples: the later message wins, so a screen never shows a warning that was lifted.
#include "core/import/cap.hpp"

#include <set>

#include "core/base/text_util.hpp"

namespace sf::core {
namespace {


// Severity to the announcement's priority: the highest valid one is shown.
int priorityOf(std::string_view severity) {
  if (severity == "Extreme") return 400;
  if (severity == "Severe") return 300;
  if (severity == "Moderate") return 200;
  return 100;  // Minor, Unknown
}

// "en-CA" -> "en": the feed's languages are primary subtags. CAP's default is en-US.
std::string languageOf(std::string_view tag) {
  std::string out;
  for (char c : trimmed(tag)) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out.empty() ? "en" : out;
}

// The identifiers a <references> element names ("sender,identifier,sent" separated by spaces).
std::vector<std::string> referencedIds(std::string_view refs) {
  std::vector<std::string> out;
  for (std::size_t pos = 0; pos < refs.size();) {
    const auto space = refs.find(' ', pos);
    const auto triple = refs.substr(pos, space == std::string_view::npos ? std::string_view::npos : space - pos);
    const auto first = triple.find(',');
    const auto second = first == std::string_view::npos ? first : triple.find(',', first + 1);
    if (second != std::string_view::npos) out.emplace_back(trimmed(triple.substr(first + 1, second - first - 1)));
    pos = space == std::string_view::npos ? refs.size() : space + 1;
  }
  return out;
}

struct Alert {
  const XmlElement* element = nullptr;
  std::string id, msgType;
};

class AlertReader {
 public:
  explicit AlertReader(ImportResult& r) : r_(r) {}

  void read(const Alert& alert) {
    const XmlElement& a = *alert.element;
    ImportedAnnouncement out;
    out.key = alert.id;
    out.origin = "line " + std::to_string(a.line);
    const auto sent = parseInstant(trimmedString(a.childText("sent")));
    std::optional<Instant> start, end;
    for (const auto& info : a.children) {
      if (info.name != "info") continue;
      const std::string lang = languageOf(info.childText("language"));
      if (out.text.contains(lang)) continue;  // a second block in the same language adds detail, not a new text
      std::string headline = trimmedString(info.childText("headline"));
      if (headline.empty()) headline = trimmedString(info.childText("event"));
      std::string body = plainText(trimmedString(info.childText("description")));
      if (const std::string what = plainText(trimmedString(info.childText("instruction"))); !what.empty())
        body += (body.empty() ? "" : "\n\n") + what;
      if (body.empty()) body = headline;
      if (body.empty()) continue;
      if (!headline.empty()) out.title[lang] = shorten(headline, 80);
      out.text[lang] = shorten(body, 400);
      out.priority = std::max(out.priority, priorityOf(trimmedString(info.childText("severity"))));
      // The window is the widest any language gives: all blocks describe the same alert.
      auto from = parseInstant(trimmedString(info.childText("onset")));
      if (!from) from = parseInstant(trimmedString(info.childText("effective")));
      if (!from) from = sent;
      const auto until = parseInstant(trimmedString(info.childText("expires")));
      if (from && (!start || *from < *start)) start = from;
      if (until && (!end || *until > *end)) end = until;
    }
    if (out.text.empty()) return warn(a, "the alert has no <info> with a headline or description; nothing to show");
    if (!start) return warn(a, "the alert gives no time it starts (<onset>, <effective> or <sent>); left out");
    if (!end) {
      // CAP leaves <expires> optional; a screen must not show a warning for ever.
      end = *start + std::chrono::hours{24};
      warn(a, "the alert has no <expires>; it is shown for 24 hours");
    }
    if (*end <= *start) return warn(a, "the alert expires before it starts; left out");
    out.start = *start;
    out.end = *end;
    r_.announcements.push_back(std::move(out));
  }

 private:
  void warn(const XmlElement& at, std::string msg) {
    r_.diagnostics.push_back({Severity::Warning, "", at.line, at.column, "", std::move(msg)});
  }
  ImportResult& r_;
};

// The alerts of a document: the root <alert>, or the alerts embedded in an Atom feed's entries.
std::vector<Alert> alertsOf(const XmlElement& root, ImportResult& r) {
  std::vector<Alert> out;
  auto add = [&](const XmlElement& a) { out.push_back({&a, trimmedString(a.childText("identifier")), trimmedString(a.childText("msgType"))}); };
  if (root.name == "alert") add(root);
  if (root.name == "feed")
    for (const auto& entry : root.children) {
      if (entry.name != "entry") continue;
      const XmlElement* content = entry.child("content");
      const XmlElement* alert = content ? content->child("alert") : nullptr;
      if (alert) add(*alert);
      else r.diagnostics.push_back({Severity::Warning, "", entry.line, entry.column, "",
                                    "the entry holds no alert; import the alert's own address"});
    }
  return out;
}

}  // namespace

ImportResult importCap(std::string_view text, const ImportOptions& opts) {
  ImportResult r;
  const auto parsed = parseXmlSource(text, opts, r.diagnostics);
  if (!parsed) return r;
  const XmlElement& root = *parsed;
  if (root.name != "alert" && root.name != "feed") {
    r.diagnostics.push_back({Severity::Error, "", root.line, root.column, "",
                             "expected a CAP <alert> or an Atom <feed> of alerts, found <" + root.name + ">"});
    return r;
  }
  const std::vector<Alert> alerts = alertsOf(root, r);
  // Replaced and cancelled alerts go, and so do the cancellations themselves.
  std::set<std::string> gone;
  for (const auto& a : alerts)
    if (a.msgType == "Update" || a.msgType == "Cancel")
      for (auto& id : referencedIds(a.element->childText("references"))) gone.insert(id);
  AlertReader reader(r);
  for (const auto& a : alerts) {
    const std::string status = trimmedString(a.element->childText("status"));
    if (a.id.empty()) {
      r.diagnostics.push_back({Severity::Warning, "", a.element->line, a.element->column, "", "an alert without <identifier>; left out"});
      ++r.refused;
    } else if (status != "Actual") {
      r.diagnostics.push_back({Severity::Warning, "", a.element->line, a.element->column, "",
                               "a " + (status.empty() ? std::string("message without <status>") : status + " message") +
                                   " is not for the public; left out"});
      ++r.skipped;
    } else if (a.msgType == "Cancel" || gone.contains(a.id)) {
      ++r.skipped;
    } else {
      reader.read(a);
    }
  }
  if (!hasErrors(r.diagnostics) && r.announcements.empty() && r.skipped == 0)
    report(r.diagnostics, Severity::Error, "", "no alert with a text and a time was found");
  r.suggestedSourceId = "cap";
  return r;
}

int recogniseCap(std::string_view text, std::string_view) {
  const std::string_view head = trimmed(withoutBom(text)).substr(0, 2048);
  if (!head.starts_with("<")) return 0;
  const bool capNamespace = head.find("urn:oasis:names:tc:emergency:cap") != std::string_view::npos;
  return capNamespace && (head.find("alert") != std::string_view::npos || head.find("<feed") != std::string_view::npos) ? 4 : 0;
}

}  // namespace sf::core
