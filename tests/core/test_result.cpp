// Result<T>, the error convention of the adapters and services: a value, or the reason, never
// both; reading the wrong side is a programming error the tests below never make.
#include <catch2/catch.hpp>
#include <memory>

#include "core/base/result.hpp"

using sf::core::fail;
using sf::core::Result;

namespace {
Result<int> half(int n) {
  if (n % 2 != 0) return fail("odd: " + std::to_string(n));
  return n / 2;
}
Result<void> check(bool ok) {
  if (!ok) return fail("not ok");
  return {};
}
}  // namespace

TEST_CASE("a Result holds the value or the reason") {
  const auto good = half(8);
  REQUIRE(good);
  CHECK(*good == 4);
  CHECK(good.value_or(-1) == 4);
  const auto bad = half(7);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message == "odd: 7");
  CHECK(bad.value_or(-1) == -1);
}

TEST_CASE("Result<void> says only whether it worked") {
  CHECK(check(true).has_value());
  const auto r = check(false);
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "not ok");
}

TEST_CASE("a Result can hold a value that only moves") {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(3);
  REQUIRE(r);
  const std::unique_ptr<int> p = std::move(r).value();
  CHECK(*p == 3);
}
