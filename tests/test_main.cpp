// The Catch2 runner shared by every test binary.
// Kept separate so the runner is compiled once, not in each test executable.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
