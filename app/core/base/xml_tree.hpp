// An XML document as the importers read it: elements with their attributes, text and place in
// the file. The core never parses XML itself; the platform's parser fills this in.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/diagnostic.hpp"

namespace sf::core {

struct XmlElement {
  std::string name;  // without a namespace prefix: <cap:alert> is "alert"
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;  // the element's own character data (entities and CDATA resolved), trimmed
  std::vector<XmlElement> children;
  int line = 0, column = 0;  // where its start tag begins, 1-based

  // The first child called `n`, or nullptr.
  const XmlElement* child(std::string_view n) const {
    for (const auto& c : children)
      if (c.name == n) return &c;
    return nullptr;
  }
  // The text of the first child called `n`; empty when there is none.
  std::string_view childText(std::string_view n) const {
    const XmlElement* c = child(n);
    return c ? std::string_view(c->text) : std::string_view();
  }
  std::string_view attribute(std::string_view n) const {
    for (const auto& [k, v] : attributes)
      if (k == n) return v;
    return {};
  }
};

struct XmlDocument {
  std::vector<XmlElement> roots;  // one on success; empty when the text was refused
  Diagnostics diagnostics;        // why it was refused, with line and column; no file name
};

// A parser the caller hands in (platform/xml.hpp), so the importers stay free of any library.
using XmlParser = XmlDocument (*)(std::string_view text);

}  // namespace sf::core
