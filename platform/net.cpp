// getifaddrs/gethostname wrappers. Cheap enough to call once a second while the feed is
// unreachable: no sockets are opened.
#include "net.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sf::platform {

core::Result<std::string> hostName() {
  char buf[256] = {0};
  if (::gethostname(buf, sizeof buf - 1) != 0) return core::fail(std::string("no host name: ") + std::strerror(errno));
  return std::string(buf);
}

core::Result<std::vector<std::string>> ipAddresses() {
  std::vector<std::string> out;
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return core::fail(std::string("cannot list the network interfaces: ") + std::strerror(errno));
  for (ifaddrs* i = list; i; i = i->ifa_next) {
    if (!i->ifa_addr || !(i->ifa_flags & IFF_UP) || (i->ifa_flags & IFF_LOOPBACK)) continue;
    char buf[INET6_ADDRSTRLEN] = {0};
    if (i->ifa_addr->sa_family == AF_INET)
      ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_addr)->sin_addr, buf, sizeof buf);
    else if (i->ifa_addr->sa_family == AF_INET6)
      ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(i->ifa_addr)->sin6_addr, buf, sizeof buf);
    else
      continue;
    out.push_back(std::string(i->ifa_name) + " " + buf);
  }
  ::freeifaddrs(list);
  std::sort(out.begin(), out.end());
  return out;
}

core::Result<std::string> networkFingerprint() {
  auto addresses = ipAddresses();
  if (!addresses) return core::Unexpected{addresses.error()};
  std::string fp;
  for (const auto& a : *addresses) fp += a + ";";
  return fp;
}

}  // namespace sf::platform
