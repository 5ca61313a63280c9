// `serve --cert --key`: HTTPS from libmicrohttpd (GnuTLS) with a certificate the test makes. The
// console's cookies are then Secure, the screens' feed comes over TLS, and plain HTTP gets nothing.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <filesystem>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "platform/http.hpp"
#include "run_binary.hpp"

namespace fs = std::filesystem;

TEST_CASE("serve over HTTPS: the feed and the console, Secure cookies, nothing in plain text", "[console][tls]") {
  std::string tmpl = (fs::temp_directory_path() / "sf-tls-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  const auto made = sf::test::runShell("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1"
                                       " -addext subjectAltName=IP:127.0.0.1 -keyout " + dir + "/key.pem -out " + dir + "/cert.pem");
  REQUIRE(made.exitCode == 0);
  fs::copy_file(sf::test::sourcePath("assets/examples/small-feed.json"), dir + "/feed.json");
  REQUIRE(sf::test::runBinary("publish " + dir + "/feed.json --to " + dir + "/www").exitCode == 0);
  REQUIRE(sf::test::runShell("printf '%s\\n' 'a long password' | " + std::string(SF_BINARY) + " user add " + dir +
                             "/users.json anna --role admin --password-stdin").exitCode == 0);
  const int port = sf::test::freeLoopbackPort();
  {
    sf::test::Child serve(SF_BINARY,
                          {"serve", dir + "/www", "--bind", "127.0.0.1", "--port", std::to_string(port), "--cert", dir + "/cert.pem", "--key",
                           dir + "/key.pem", "--console", "--users", dir + "/users.json", "--feed", dir + "/feed.json"},
                          dir + "/serve.log");
    REQUIRE(sf::test::waitFor(std::chrono::seconds(10),
                              [&] { return sf::test::readText(dir + "/serve.log").find("console: ") != std::string::npos; }));
    CHECK_THAT(sf::test::readText(dir + "/serve.log"), Catch::Contains("screens: https://127.0.0.1:" + std::to_string(port) + "/feed.json"));

    // A screen fetches the feed over verified TLS (the test's certificate as its CA).
    sf::platform::FetchRequest req;
    req.url = "https://127.0.0.1:" + std::to_string(port) + "/feed.json";
    req.caBundle = dir + "/cert.pem";
    const auto feed = sf::platform::fetch(req);
    REQUIRE(feed);
    CHECK(feed->status == 200);

    httplib::SSLClient client("127.0.0.1", port);
    client.set_ca_cert_path((dir + "/cert.pem").c_str());
    client.enable_server_certificate_verification(true);
    const auto login = client.Get("/console/login");
    REQUIRE(login);
    CHECK(login->status == 200);
    const std::string cookie = login->get_header_value("Set-Cookie");
    CHECK_THAT(cookie, Catch::StartsWith("sf_signin=") && Catch::Contains("; Secure") && Catch::Contains("HttpOnly"));

    // Plain HTTP on the same port gets no page.
    httplib::Client plain("127.0.0.1", port);
    plain.set_connection_timeout(2);
    plain.set_read_timeout(2);
    const auto clear = plain.Get("/console/login");
    CHECK((!clear || clear->status >= 400));
  }
  // A key that does not belong to the certificate: a clear refusal at start.
  REQUIRE(sf::test::runShell("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=other"
                             " -keyout " + dir + "/other.pem -out " + dir + "/other-cert.pem").exitCode == 0);
  const auto wrong = sf::test::runShell(std::string("timeout 10 ") + SF_BINARY + " serve " + dir + "/www --bind 127.0.0.1 --port " +
                                        std::to_string(sf::test::freeLoopbackPort()) + " --cert " + dir + "/cert.pem --key " + dir + "/other.pem");
  CHECK(wrong.exitCode != 0);
  CHECK(wrong.exitCode != 124);  // refused, not left running
  fs::remove_all(dir);
}
