// pugixml parses in place without expanding any entity it does not know, which already defuses
// entity tricks; we still refuse entity declarations outright so the organiser hears why.
#include "platform/xml.hpp"

#include <pugixml.hpp>

#include <string>

namespace sf::platform {
namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxElements = 500000;

struct Position {
  int line = 1, column = 1;
};

// Line and column (in characters, not bytes) of a byte offset.
Position positionOf(std::string_view text, std::size_t offset) {
  Position p;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

std::string localName(const char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return std::string(colon == std::string_view::npos ? n : n.substr(colon + 1));
}

std::string trimmedCopy(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

class Converter {
 public:
  explicit Converter(std::string_view text) : text_(text) {}

  // Iterative over siblings, recursive over depth (bounded by kMaxDepth).
  bool convert(const pugi::xml_node& node, core::XmlElement& out, int depth, core::Diagnostics& ds) {
    const Position at = advanceTo(static_cast<std::size_t>(node.offset_debug()));
    if (depth > kMaxDepth || ++count_ > kMaxElements) {
      ds.push_back({core::Severity::Error, "", at.line, at.column, "",
                    depth > kMaxDepth ? "elements nested deeper than 64 levels are refused"
                                      : "more than 500,000 elements are refused"});
      return false;
    }
    out.name = localName(node.name());
    out.line = at.line;
    out.column = at.column;
    for (const auto& a : node.attributes()) out.attributes.emplace_back(localName(a.name()), a.value());
    std::string text;
    for (const auto& c : node.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text += c.value();
      } else if (c.type() == pugi::node_element) {
        out.children.emplace_back();
        if (!convert(c, out.children.back(), depth + 1, ds)) return false;
      }
    }
    out.text = trimmedCopy(std::move(text));
    return true;
  }

 private:
  // Elements come in document order, so the position is carried forward, not counted afresh:
  // a 3 MB schedule has over 100,000 elements.
  Position advanceTo(std::size_t offset) {
    if (offset < offset_) return positionOf(text_, offset);
    const Position step = positionOf(text_.substr(offset_), offset - offset_);
    pos_.column = step.line > 1 ? step.column : pos_.column + step.column - 1;
    pos_.line += step.line - 1;
    offset_ = offset;
    return pos_;
  }

  std::string_view text_;
  std::size_t count_ = 0;
  std::size_t offset_ = 0;
  Position pos_;
};

}  // namespace

core::XmlDocument parseXml(std::string_view text) {
  core::XmlDocument doc;
  // Entity declarations only ever serve tricks in a schedule or an alert: refused with a reason.
  if (const auto dt = text.find("<!DOCTYPE"); dt != std::string_view::npos && text.find("<!ENTITY", dt) != std::string_view::npos) {
    const Position at = positionOf(text, text.find("<!ENTITY", dt));
    doc.diagnostics.push_back({core::Severity::Error, "", at.line, at.column, "",
                               "entity declarations (<!ENTITY …>) are refused: they can point at other files or "
                               "expand a few bytes into gigabytes; export the file without a DTD"});
    return doc;
  }
  pugi::xml_document xml;
  // The default set minus DOCTYPE nodes: escapes (&amp; &#xA;) resolve, nothing else expands.
  const unsigned options = pugi::parse_default & ~pugi::parse_doctype;
  const pugi::xml_parse_result result = xml.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) {
    const Position at = positionOf(text, static_cast<std::size_t>(result.offset));
    doc.diagnostics.push_back({core::Severity::Error, "", at.line, at.column, "",
                               std::string("not well-formed XML: ") + result.description()});
    return doc;
  }
  const pugi::xml_node root = xml.document_element();
  if (!root) {
    doc.diagnostics.push_back({core::Severity::Error, "", 1, 1, "", "the XML has no root element"});
    return doc;
  }
  Converter converter(text);
  doc.roots.emplace_back();
  if (!converter.convert(root, doc.roots.back(), 1, doc.diagnostics)) doc.roots.clear();
  return doc;
}

}  // namespace sf::platform
