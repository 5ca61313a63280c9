// The Catch2 runner shared by every test binary.
// Kept separate so the runner is compiled once, not in each test executable.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

// CTest runs each test case by name. A name that matches nothing (a name CTest split at a `;`, a
// test renamed since the list was made) must fail, not pass having run nothing.
int main(int argc, char* argv[]) {
  Catch::Session session;
  if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  auto& data = session.configData();
  if (!data.testsOrTags.empty() && !data.listTests && !data.listTestNamesOnly && !data.listTags && !data.listReporters)
    data.warnings = static_cast<Catch::WarnAbout::What>(data.warnings | Catch::WarnAbout::NoTests);
  return session.run();
}
