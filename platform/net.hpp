// What the status page tells about the machine's network: host name and addresses, and a
// fingerprint that changes when the network comes or goes, so the feed worker can retry at once.
#pragma once
#include <string>
#include <vector>

#include "core/base/result.hpp"

namespace sf::platform {

core::Result<std::string> hostName();
core::Result<std::vector<std::string>> ipAddresses();  // up, non-loopback interfaces
// Changes whenever an interface or address does; the error when the interfaces cannot be listed.
core::Result<std::string> networkFingerprint();

}  // namespace sf::platform
