// Which URLs `serve` can promise: only addresses the listening socket really accepts on, so a
// printed URL typed into a screen's config works from the stand's network.
#include "serve_addresses.hpp"

namespace sf::tools {
namespace {

bool isIpv6(const std::string& a) { return a.find(':') != std::string::npos; }

bool isLinkLocal(const std::string& a) {
  return a.size() >= 4 && (a.compare(0, 4, "fe80") == 0 || a.compare(0, 4, "FE80") == 0);
}

std::string urlFor(const std::string& address, int port, bool tls) {
  const std::string host = isIpv6(address) ? "[" + address + "]" : address;
  return std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(port);
}

}  // namespace

std::vector<ReachableUrl> reachableUrls(const std::string& bind, int port, const std::vector<InterfaceAddress>& interfaces,
                                        bool tls) {
  std::vector<ReachableUrl> out;
  const bool anyV4 = bind == "0.0.0.0", anyV6 = bind == "::";
  if (!anyV4 && !anyV6) return {{urlFor(bind, port, tls), ""}};
  for (const auto& i : interfaces) {
    if (i.address.empty() || i.address == "127.0.0.1" || i.address == "::1") continue;
    if (anyV4 ? isIpv6(i.address) : (!isIpv6(i.address) || isLinkLocal(i.address))) continue;
    out.push_back({urlFor(i.address, port, tls), i.interface});
  }
  if (out.empty()) out.push_back({urlFor(anyV4 ? "127.0.0.1" : "::1", port, tls), "lo"});
  return out;
}

std::vector<InterfaceAddress> parseInterfaceLines(const std::vector<std::string>& lines) {
  std::vector<InterfaceAddress> out;
  for (const auto& l : lines) {
    const auto space = l.find(' ');
    if (space == std::string::npos) continue;
    out.push_back({l.substr(0, space), l.substr(space + 1)});
  }
  return out;
}

}  // namespace sf::tools
