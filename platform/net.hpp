// What the status page tells about the machine's network: host name and addresses, and a
// fingerprint that changes when the network comes or goes, so the feed worker can retry at once.
#pragma once
#include <string>
#include <vector>

namespace sf::platform {

std::string hostName();
std::vector<std::string> ipAddresses();  // up, non-loopback interfaces
std::string networkFingerprint();        // changes whenever an interface or address does

}  // namespace sf::platform
