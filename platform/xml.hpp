// XML for the importers, read with pugixml into the core's plain tree. Built to take files from
// anywhere: no DTD, no entity but XML's own, bounded depth and size, every refusal located.
#pragma once
#include <string_view>

#include "core/base/xml_tree.hpp"

namespace sf::platform {

// The document's root element with everything below it, or a located reason it was refused:
// not well-formed, a DOCTYPE that declares entities (external entities, "billion laughs"),
// nesting deeper than 64 or more than 500,000 elements.
core::XmlDocument parseXml(std::string_view text);

}  // namespace sf::platform
