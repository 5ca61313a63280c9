// What `serve` tells the organiser to type into a screen: real addresses of this machine with the
// port and the feed's URL, never 0.0.0.0; loopback only when the machine has nothing else.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "platform/net.hpp"
#include "run_binary.hpp"
#include "tools/serve_addresses.hpp"

namespace fs = std::filesystem;
using sf::tools::InterfaceAddress;
using sf::tools::reachableUrls;

namespace {

std::vector<std::string> bases(const std::vector<sf::tools::ReachableUrl>& urls) {
  std::vector<std::string> out;
  for (const auto& u : urls) out.push_back(u.base);
  return out;
}

// `serve` started on `bind`, until it has printed its addresses; its output.
std::string serveOutput(const std::string& bind, int port) {
  std::string tmpl = (fs::temp_directory_path() / "sf-addr-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  fs::copy_file(sf::test::sourcePath("assets/examples/small-feed.json"), dir + "/feed.json");
  REQUIRE(sf::test::runBinary("publish " + dir + "/feed.json --to " + dir + "/www").exitCode == 0);
  std::string out;
  {
    sf::test::Child serve(SF_BINARY, {"serve", dir + "/www", "--port", std::to_string(port), "--bind", bind}, dir + "/out.log");
    sf::test::waitFor(std::chrono::seconds(5), [&] {
      out = sf::test::readText(dir + "/out.log");
      return out.find("screens: ") != std::string::npos && out.back() == '\n';
    });
  }
  fs::remove_all(dir);
  return out;
}

}  // namespace

TEST_CASE("serve's addresses: every interface's address, not the wildcard", "[serve][addresses]") {
  const std::vector<InterfaceAddress> ifs{
      {"eth0", "192.168.1.20"}, {"eth0", "fe80::1c2:3ff:fe4:5"}, {"wlan0", "10.0.0.7"}, {"wlan0", "2001:db8::7"}};
  CHECK(bases(reachableUrls("0.0.0.0", 8080, ifs, false)) ==
        std::vector<std::string>{"http://192.168.1.20:8080", "http://10.0.0.7:8080"});
  // Listening on IPv6 only: global IPv6 addresses in brackets; link-local ones need a zone a URL in a config cannot carry.
  CHECK(bases(reachableUrls("::", 9000, ifs, true)) == std::vector<std::string>{"https://[2001:db8::7]:9000"});
  // One address: that one, even loopback.
  CHECK(bases(reachableUrls("10.0.0.7", 8080, ifs, false)) == std::vector<std::string>{"http://10.0.0.7:8080"});
  CHECK(bases(reachableUrls("127.0.0.1", 8080, ifs, false)) == std::vector<std::string>{"http://127.0.0.1:8080"});
  const auto urls = reachableUrls("0.0.0.0", 8080, ifs, false);
  CHECK(urls[1].interface == "wlan0");
  // A machine with no network yet: loopback, so the organiser can still try it on the machine itself.
  CHECK(bases(reachableUrls("0.0.0.0", 8080, {}, false)) == std::vector<std::string>{"http://127.0.0.1:8080"});
  CHECK(bases(reachableUrls("::", 8080, {{"eth0", "fe80::1"}}, false)) == std::vector<std::string>{"http://[::1]:8080"});
  CHECK(sf::tools::parseInterfaceLines({"eth0 192.168.1.20", "garbage"}).size() == 1);
}

TEST_CASE("serve prints the feed's URL on each address screens can reach", "[serve][addresses]") {
  const int port = sf::test::freeLoopbackPort();
  SECTION("bound to one address") {
    const std::string out = serveOutput("127.0.0.1", port);
    CHECK_THAT(out, Catch::Contains("screens: http://127.0.0.1:" + std::to_string(port) + "/feed.json"));
  }
  SECTION("bound to every address: this machine's own addresses, never 0.0.0.0") {
    const std::string out = serveOutput("0.0.0.0", port);
    CHECK(out.find("0.0.0.0") == std::string::npos);
    std::vector<std::string> expected;
    if (auto lines = sf::platform::ipAddresses())
      for (const auto& i : sf::tools::parseInterfaceLines(*lines))
        if (i.address.find(':') == std::string::npos) expected.push_back(i.address);
    if (expected.empty()) expected.push_back("127.0.0.1");
    const std::regex url("screens: http://([0-9.]+):" + std::to_string(port) + "/feed\\.json");
    std::vector<std::string> printed;
    for (auto it = std::sregex_iterator(out.begin(), out.end(), url); it != std::sregex_iterator(); ++it) printed.push_back((*it)[1]);
    CHECK(printed == expected);
  }
}
