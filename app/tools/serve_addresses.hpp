// The addresses `serve` prints: URLs that screens and people on the network can really use, made
// from the address it listens on and the machine's interfaces ("0.0.0.0" names no machine).
#pragma once
#include <string>
#include <vector>

namespace sf::tools {

struct InterfaceAddress {
  std::string interface;  // "eth0"
  std::string address;    // "192.168.1.20" or "2001:db8::20"
};

struct ReachableUrl {
  std::string base;       // "http://192.168.1.20:8080" (IPv6 in brackets), no trailing slash
  std::string interface;  // where it was found; empty for an address given with --bind
};

// Listening on every IPv4 address ("0.0.0.0"): each up, non-loopback interface's IPv4 address;
// on every IPv6 address ("::"): each global IPv6 address (link-local ones need a zone no screen
// config can carry). A single address: that one. Loopback only when nothing else is left.
std::vector<ReachableUrl> reachableUrls(const std::string& bind, int port, const std::vector<InterfaceAddress>& interfaces,
                                        bool tls);

// Reads platform::ipAddresses()'s "eth0 192.168.1.20" lines.
std::vector<InterfaceAddress> parseInterfaceLines(const std::vector<std::string>& lines);

}  // namespace sf::tools
