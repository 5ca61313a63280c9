// Collector load benchmark: the real `serve --fleet` on loopback and 1,000 simulated screens, each
// from its own 127.x.y.z address: the steady beat, the burst after an outage, one NAT address, kills.
//
//   sf_bench_fleet_collector [--screens 1000] [--seconds 120] [--period 60] [--shot-every 20]
//                            [--nofile 1024] [--latency 0] [--bursts 0] [--kills 0] [--no-plateau]
//                            [-- more serve options]
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <queue>
#include <random>
#include <sstream>
#include <thread>

#include "child_process.hpp"
#include "cli/fleet_png.hpp"
#include "core/show/fleet_report.hpp"
#include "fleet_db_check.hpp"
#include "fleet_load_client.hpp"
#include "tools/fleet_store.hpp"

namespace fs = std::filesystem;
using namespace std::chrono;
using Clock = steady_clock;

namespace {

constexpr const char* kToken = "bench-fleet-token-0123456789";

struct Options {
  std::size_t screens = 1000;
  double seconds = 120, period = 60;
  int shotEvery = 20;          // one report in this many carries a screenshot (the glass changed)
  rlim_t nofile = 1024;        // the collector's soft open-files limit, as systemd gives a service; 0: ours
  int kills = 0;
  int bursts = 0;              // B4: the burst repeated this many times
  int latencyMs = 0;           // in the bursts, each request goes out this long after its connection
  bool plateau = true;
  std::string binary = SF_BINARY;
  std::vector<std::string> serveArgs;
};

// A screenshot of about 20 KB, as a screen's 480 px PNG of a slide: flat areas and some detail.
std::string slideShot() {
  std::mt19937 random(7);
  for (std::uint32_t noisy = 8;; noisy += 2) {
    std::string raw;
    for (std::uint32_t y = 0; y < 270; ++y) {
      raw += '\0';
      for (std::uint32_t x = 0; x < 480; ++x)
        for (int c = 0; c < 3; ++c)
          raw += static_cast<char>(y >= 100 && y < 100 + noisy && x < 240 ? random() & 0xff : (y / 3 + c * 40) & 0xff);
    }
    std::string png = sf::test::pngWithData(480, 270, raw);
    if (png.size() >= 20000) return png;
  }
}

struct Reports {
  std::vector<std::string> names, plain, withShot;
};

// Each screen's report (about 370 bytes) with and without a screenshot, at `revision`.
Reports makeReports(std::size_t screens, std::int64_t revision, int seconds, const std::string& shot) {
  Reports out;
  for (std::size_t i = 0; i < screens; ++i) {
    sf::core::ScreenReport r;
    r.screen = "hall-" + std::to_string(i / 100 + 1) + "-screen-" + std::to_string(i % 100 + 1);
    r.groups = {"hall-" + std::to_string(i / 100 + 1)};
    r.rooms = {std::to_string(i / 100 + 1) + "." + std::to_string(i % 100 + 1)};
    r.version = "0.1.0";
    r.seconds = seconds;
    r.feedUrl = "https://fair.example.org/feed.json";
    r.feedId = "campus-fair";
    r.revision = revision;
    r.contentAgeSeconds = 1800;
    r.uptimeSeconds = 93600;
    r.framesPerSecond = 1.2;
    r.slowestFrameMs = 14.2;
    r.freeDiskBytes = 11'800'000'000ULL;
    r.temperatureC = 52.3;
    r.throttled = 0;
    out.names.push_back(r.screen);
    out.plain.push_back(sf::core::reportJson(r));
    r.screenshot = sf::core::ReportScreenshot{"png", shot};
    out.withShot.push_back(sf::core::reportJson(r));
  }
  return out;
}

// `serve --fleet` as a child, its log in DIR/serve.log.
struct Collector {
  Collector(const Options& o, std::string dir) : o(o), dir(std::move(dir)) { start(); }
  ~Collector() { stop(SIGTERM); }
  void start() {
    port = sf::test::freeLoopbackPort();
    std::fflush(nullptr);  // or the child's copy of the buffer is printed again
    pid = ::fork();
    if (pid == 0) {
      if (o.nofile > 0) {
        rlimit l{};
        ::getrlimit(RLIMIT_NOFILE, &l);
        l.rlim_cur = std::min(o.nofile, l.rlim_max);
        ::setrlimit(RLIMIT_NOFILE, &l);
      }
      std::freopen((dir + "/serve.log").c_str(), "a", stderr);
      std::freopen("/dev/null", "w", stdout);
      std::vector<std::string> args{o.binary, "serve", dir + "/www", "--port", std::to_string(port), "--bind", "127.0.0.1",
                                    "--fleet", db(), "--fleet-token", kToken};
      args.insert(args.end(), o.serveArgs.begin(), o.serveArgs.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(o.binary.c_str(), argv.data());
      ::_exit(127);
    }
    for (int i = 0; i < 500 && !answers(); ++i) std::this_thread::sleep_for(milliseconds(20));
  }
  bool answers() const {
    sf::test::LoadClient client(port, kToken, seconds(2));
    client.add({"", "GET", "/fleet/screens.json", "", 0});
    for (;;) {
      auto got = client.poll(milliseconds(100));
      if (!got.empty()) return got[0].status == 200;
    }
  }
  void stop(int signal) {
    if (pid <= 0) return;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      std::printf("   the collector had ended by itself: %s %d\n", WIFSIGNALED(status) ? "signal" : "exit code",
                  WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
      pid = -1;
      return;
    }
    ::kill(pid, signal);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
  }
  std::string db() const { return dir + "/fleet.db"; }

  const Options& o;
  std::string dir;
  int port = 0;
  pid_t pid = -1;
};

double cpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  std::istringstream rest(text.substr(text.rfind(')') + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

std::string memory(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
  std::string line, out;
  while (std::getline(in, line))
    if (line.starts_with("Rss:") || line.starts_with("Pss:")) {
      std::istringstream fields(line);
      std::string name;
      double kb = 0;
      fields >> name >> kb;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%s%s %.1f MiB", out.empty() ? "" : ", ", name.substr(0, 3).c_str(), kb / 1024);
      out += buf;
    }
  return out;
}

double dbBytes(const std::string& db) {
  double total = 0;
  for (const char* suffix : {"", "-wal", "-shm"})
    if (fs::exists(db + suffix)) total += static_cast<double>(fs::file_size(db + suffix));
  return total;
}

std::string rows(const std::string& db) {
  std::string out;
  for (const char* table : {"screens", "shots", "events"})
    out += std::string(out.empty() ? "" : ", ") + sf::test::queryReadOnly(db, std::string("SELECT COUNT(*) FROM ") + table).at(0).at(0) +
           " " + table;
  return out;
}

struct Tally {
  std::vector<double> ms;  // of whole answers
  std::map<int, int> statuses;
  std::map<std::string, int> failures;
  double lastMs = 0;
  void add(const sf::test::LoadOutcome& o) {
    if (o.status) {
      ms.push_back(o.ms);
      ++statuses[o.status];
    } else {
      ++failures[o.connected ? o.failure : "no connection: " + o.failure];
    }
    lastMs = std::max(lastMs, o.ms);
  }
  double at(double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
  }
  std::string summary() const {
    std::string out = "answered";
    for (const auto& [status, n] : statuses) out += " " + std::to_string(n) + " x " + std::to_string(status);
    if (statuses.empty()) out += " none";
    for (const auto& [why, n] : failures) out += "; failed " + std::to_string(n) + " x " + why;
    return out;
  }
  void print(const char* indent) {
    std::printf("%s%s\n", indent, summary().c_str());
    const double p50 = at(0.5), p99 = at(0.99);  // sorts
    std::printf("%srequest time: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", indent, p50, p99, ms.empty() ? 0 : ms.back());
  }
};

void steady(const Options& o, Collector& c, const Reports& reports) {
  std::printf("A. steady state: %zu screens, one report every %.0f s +-10 %% each (%.1f reports/s), %.0f s, "
              "1 in %d with a %zu-byte screenshot\n", o.screens, o.period, static_cast<double>(o.screens) / o.period,
              o.seconds, o.shotEvery, reports.withShot[0].size() - reports.plain[0].size());
  std::mt19937 random(1);
  std::uniform_real_distribution<double> first(0, o.period), jitter(0.9 * o.period, 1.1 * o.period);
  std::uniform_int_distribution<int> shot(1, o.shotEvery);
  using Due = std::pair<Clock::time_point, std::size_t>;
  std::priority_queue<Due, std::vector<Due>, std::greater<>> due;
  const auto start = Clock::now(), end = start + duration_cast<Clock::duration>(duration<double>(o.seconds));
  const auto settled = start + duration_cast<Clock::duration>(duration<double>(o.period * 1.1));
  for (std::size_t i = 0; i < o.screens; ++i) due.push({start + duration_cast<Clock::duration>(duration<double>(first(random))), i});
  sf::test::LoadClient client(c.port, kToken, seconds(30));
  Tally tally;
  const double cpu0 = cpuSeconds(c.pid), db0 = dbBytes(c.db());
  double dbSettled = -1;
  std::size_t sent = 0;
  for (auto now = Clock::now(); now < end || client.inFlight() > 0; now = Clock::now()) {
    while (now < end && due.top().first <= now) {
      const auto [at, i] = due.top();
      due.pop();
      client.add({sf::test::screenAddress(i), "POST", "/fleet/report", shot(random) == 1 ? reports.withShot[i] : reports.plain[i], i});
      ++sent;
      due.push({at + duration_cast<Clock::duration>(duration<double>(jitter(random))), i});
    }
    if (dbSettled < 0 && now >= settled) dbSettled = dbBytes(c.db());
    const auto wait = now < end ? std::min(duration_cast<milliseconds>(due.top().first - now) + milliseconds(1), milliseconds(50))
                                : milliseconds(50);
    for (const auto& out : client.poll(wait)) tally.add(out);
  }
  const double wall = duration<double>(Clock::now() - start).count(), cpu = cpuSeconds(c.pid) - cpu0, db1 = dbBytes(c.db());
  std::printf("   sent %zu reports in %.0f s (%.1f/s)\n", sent, wall, static_cast<double>(sent) / wall);
  tally.print("   ");
  std::printf("   collector CPU: %.2f s in %.0f s = %.2f %% of one core\n", cpu, wall, 100 * cpu / wall);
  std::printf("   collector memory: %s\n", memory(c.pid).c_str());
  std::printf("   database (db + wal + shm): %.2f MiB at the start, %.2f MiB at the end (%s)\n", db0 / 1048576, db1 / 1048576,
              rows(c.db()).c_str());
  if (dbSettled >= 0 && wall > o.period * 1.2) {
    const double perDay = (db1 - dbSettled) / (wall - o.period * 1.1) * 86400;
    std::printf("   growth after every screen had reported once: %.2f MiB -> %.2f MiB, %.1f MiB a day at this rate (new "
                "screenshots; it stops at the bound in D)\n",
                dbSettled / 1048576, db1 / 1048576, perDay / 1048576);
  }
}

// Every screen at once; `fromOne`: all behind one address (a venue's NAT). Returns the answers.
Tally burst(const Options& o, Collector& c, const Reports& reports, bool fromOne, std::map<std::string, std::int64_t>* answered,
            std::int64_t revision, std::size_t killAfter = 0) {
  std::mt19937 random(2);
  std::uniform_int_distribution<int> shot(1, o.shotEvery);
  sf::test::LoadClient client(c.port, kToken, seconds(60));
  Tally tally;
  std::size_t ok = 0;
  for (std::size_t i = 0; i < o.screens; ++i)
    client.add({fromOne ? "" : sf::test::screenAddress(i), "POST", "/fleet/report",
                shot(random) == 1 ? reports.withShot[i] : reports.plain[i], i, milliseconds(o.latencyMs)});
  do {
    for (const auto& out : client.poll(milliseconds(20))) {
      tally.add(out);
      if (out.status != 200) continue;
      ++ok;
      if (answered) (*answered)[reports.names[out.tag]] = revision;
    }
    if (killAfter > 0 && ok >= killAfter && c.pid > 0) c.stop(SIGKILL);
  } while (client.inFlight() > 0);
  return tally;
}

void outage(const Options& o, Collector& c, const std::string& shot, bool fromOne, std::int64_t revision) {
  std::printf("%s. outage burst: all %zu screens at once, %s, each request sent %d ms after its connection\n",
              fromOne ? "B2" : "B", o.screens, fromOne ? "all behind ONE address (a venue's NAT)" : "each from its own address",
              o.latencyMs);
  const Reports reports = makeReports(o.screens, revision, static_cast<int>(o.period), shot);
  std::map<std::string, std::int64_t> answered;
  const double cpu0 = cpuSeconds(c.pid);
  Tally t = burst(o, c, reports, fromOne, &answered, revision);
  t.print("   ");
  std::printf("   all answered or failed after %.0f ms; collector CPU %.2f s; memory: %s\n", t.lastMs, cpuSeconds(c.pid) - cpu0,
              memory(c.pid).c_str());
  std::printf("   of the %zu answered 200, missing from the database: %zu\n", answered.size(),
              sf::test::missingReports(c.db(), answered).size());
}

// The collector with every screen known and no report coming: the once-a-second offline sweep.
void idle(Collector& c, double secondsIdle) {
  const double cpu0 = cpuSeconds(c.pid);
  std::this_thread::sleep_for(duration<double>(secondsIdle));
  const double cpu = cpuSeconds(c.pid) - cpu0;
  std::printf("A2. idle, no reports for %.0f s: collector CPU %.2f s = %.2f %% of one core (the once-a-second offline sweep)\n",
              secondsIdle, cpu, 100 * cpu / secondsIdle);
}

// Every screen once more, all from one address, at their next beat: a period +-10 % after the burst
// that began at `burst`.
void nextBeat(const Options& o, Collector& c, const std::string& shot, Clock::time_point burst, std::int64_t revision) {
  const double window = 0.2 * o.period;
  std::printf("B3. the next beat behind the NAT: all %zu screens again from ONE address, %.0f to %.0f s after the burst\n",
              o.screens, 0.9 * o.period, 1.1 * o.period);
  std::this_thread::sleep_until(burst + duration_cast<Clock::duration>(duration<double>(0.9 * o.period)));
  const Reports reports = makeReports(o.screens, revision, static_cast<int>(o.period), shot);
  std::mt19937 random(4);
  std::uniform_real_distribution<double> when(0, window);
  std::vector<std::pair<Clock::time_point, std::size_t>> due;
  const auto start = Clock::now();
  for (std::size_t i = 0; i < o.screens; ++i) due.push_back({start + duration_cast<Clock::duration>(duration<double>(when(random))), i});
  std::sort(due.begin(), due.end());
  sf::test::LoadClient client(c.port, kToken, seconds(30));
  Tally tally;
  std::size_t next = 0;
  while (next < due.size() || client.inFlight() > 0) {
    for (const auto now = Clock::now(); next < due.size() && due[next].first <= now; ++next)
      client.add({"", "POST", "/fleet/report", reports.plain[due[next].second], due[next].second});
    for (const auto& out : client.poll(milliseconds(5))) tally.add(out);
  }
  tally.print("   ");
}

void kills(const Options& o, Collector& c, const std::string& shot) {
  std::printf("C. kill -9 during the burst, %d times, then restart on the same database\n", o.kills);
  std::mt19937 random(3);
  std::map<std::string, std::int64_t> answered;
  int bad = 0;
  for (int round = 1; round <= o.kills; ++round) {
    const Reports reports = makeReports(o.screens, 100 + round, static_cast<int>(o.period), shot);
    const std::size_t killAfter = std::uniform_int_distribution<std::size_t>(1, o.screens - 1)(random);
    Tally t = burst(o, c, reports, false, &answered, 100 + round, killAfter);
    const bool late = c.pid > 0;  // the burst was through before the kill came
    c.stop(SIGKILL);
    const std::string integrity = sf::test::integrityCheck(c.db());
    const std::size_t missing = sf::test::missingReports(c.db(), answered).size();
    c.start();
    const bool up = c.answers();
    bad += integrity != "ok" || missing > 0 || !up;
    std::printf("   %2d: killed after %zu answers (%s): integrity %s, answered but missing %zu, restarted and answering: %s%s\n",
                round, killAfter, t.summary().c_str(), integrity.c_str(), missing, up ? "yes" : "NO",
                late ? " (killed only after the burst)" : "");
  }
  std::printf("   %d of %d rounds with a problem\n", bad, o.kills);
}

// The outage burst again and again, the collector restarted (SIGTERM) before each so every screen
// may report: how many bursts had every report answered 200, and the worst.
void repeatBursts(const Options& o, Collector& c, const std::string& shot) {
  std::printf("B4. the outage burst %d more times, each after a restart\n", o.bursts);
  int whole = 0;
  std::string worst;
  std::size_t worstOk = o.screens + 1;
  for (int round = 1; round <= o.bursts; ++round) {
    c.stop(SIGTERM);
    c.start();
    const Reports reports = makeReports(o.screens, 200 + round, static_cast<int>(o.period), shot);
    Tally t = burst(o, c, reports, false, nullptr, 200 + round);
    const auto ok = static_cast<std::size_t>(t.statuses[200]);
    whole += ok == o.screens;
    if (ok < worstOk) worstOk = ok, worst = t.summary() + ", the last after " + std::to_string(static_cast<int>(t.lastMs)) + " ms";
  }
  std::printf("   %d of %d bursts had all %zu answered 200; the worst: %s\n", whole, o.bursts, o.screens, worst.c_str());
}

// The database's bound: every screen with its latest screenshot and a full history, written
// directly into a store of its own (no collector), to show where the growth stops.
void plateau(const Options& o, const std::string& dir, const std::string& shot) {
  auto store = sf::tools::FleetStore::open(dir + "/plateau.db").value();
  const int history = store->historyPerScreen;
  const Reports reports = makeReports(o.screens, 1, 60, shot);
  sf::core::Instant now{seconds{1'800'000'000}};
  for (int revision = 1; revision <= history + 1; ++revision) {
    for (std::size_t i = 0; i < o.screens; ++i) {
      auto r = sf::core::parseReport(revision == 1 ? reports.withShot[i] : reports.plain[i]).value();
      r.revision = revision;
      if (!store->record(r, "10.0.0.1", now, 480, 270)) std::printf("   plateau: a write failed\n");
    }
    now += seconds{3600};
  }
  store.reset();
  std::printf("D. the bound: %zu screens, each with a screenshot and %d history entries (written directly): %.1f MiB (%s)\n",
              o.screens, history, dbBytes(dir + "/plateau.db") / 1048576, rows(dir + "/plateau.db").c_str());
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
    if (a == "--screens") o.screens = std::stoul(next());
    else if (a == "--seconds") o.seconds = std::stod(next());
    else if (a == "--period") o.period = std::stod(next());
    else if (a == "--shot-every") o.shotEvery = std::max(1, std::stoi(next()));
    else if (a == "--nofile") o.nofile = std::stoul(next());
    else if (a == "--kills") o.kills = std::stoi(next());
    else if (a == "--bursts") o.bursts = std::stoi(next());
    else if (a == "--latency") o.latencyMs = std::stoi(next());
    else if (a == "--no-plateau") o.plateau = false;
    else if (a == "--binary") o.binary = next();
    else if (a == "--") o.serveArgs.assign(argv + i + 1, argv + argc), i = argc;
    else {
      std::fprintf(stderr, "unknown option %s (see the comment at the top of bench_fleet_collector.cpp)\n", a.c_str());
      std::exit(2);
    }
  }
  o.period = std::max(5.0, o.period);
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  // A thousand sockets at once need more than the usual 1,024 descriptors here.
  rlimit l{};
  ::getrlimit(RLIMIT_NOFILE, &l);
  l.rlim_cur = l.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &l);
  std::string tmpl = (fs::temp_directory_path() / "sf-bench-collector-XXXXXX").string();
  const std::string dir = ::mkdtemp(tmpl.data());
  fs::create_directories(dir + "/www");
  const std::string shot = slideShot();
  std::printf("collector: %s serve --fleet on 127.0.0.1, soft open-files limit %s", o.binary.c_str(),
              o.nofile ? std::to_string(o.nofile).c_str() : "inherited");
  for (const auto& a : o.serveArgs) std::printf(" %s", a.c_str());
  std::printf("\n");
  {
    Collector c(o, dir);
    if (c.pid <= 0 || !c.answers()) {
      std::fprintf(stderr, "the collector did not start (see %s/serve.log)\n", dir.c_str());
      return 1;
    }
    if (o.seconds > 0) steady(o, c, makeReports(o.screens, 41, static_cast<int>(o.period), shot));
    if (o.seconds > 0) idle(c, std::min(30.0, o.seconds));
    outage(o, c, shot, false, 42);
    const auto natBurst = Clock::now();
    outage(o, c, shot, true, 43);
    nextBeat(o, c, shot, natBurst, 44);
    if (o.bursts > 0) repeatBursts(o, c, shot);
    if (o.kills > 0) kills(o, c, shot);
  }
  std::ifstream log(dir + "/serve.log");
  std::map<std::string, int> notes;
  for (std::string line; std::getline(log, line);)
    if (line.empty() || line[0] < '0' || line[0] > '9') ++notes[line];  // all but the request lines
  for (const auto& [line, n] : notes) std::printf("collector log: %d x %s\n", n, line.c_str());
  if (o.plateau) plateau(o, dir, shot);
  fs::remove_all(dir);
}
