// Result<T>: a value or the reason there is none, shaped like C++23's std::expected so it can be
// swapped for it later. The one error convention of the OS adapters and the live services.
#pragma once
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace sf::core {

// Why something failed, in words for a log line or the status page.
struct Error {
  std::string message;
  // For callers that act on the kind of failure ("timeout", "too-large" …); empty when no caller
  // needs more than the words.
  std::string kind;
  long code = 0;  // a number that goes with the kind, e.g. the HTTP status of an "http" failure
};

// Wraps a reason so a Result<T> can be built from it: `return fail("no such file");`.
struct Unexpected {
  Error error;
};
inline Unexpected fail(std::string message) { return Unexpected{Error{std::move(message), {}, 0}}; }
inline Unexpected failAs(std::string kind, std::string message, long code = 0) {
  return Unexpected{Error{std::move(message), std::move(kind), code}};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit, as expected<T>
  Result(Unexpected u) : v_(std::in_place_index<1>, std::move(u.error)) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }
  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, Error> v_;
};

// Success with nothing to return.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Unexpected u) : error_(std::move(u.error)), failed_(true) {}  // NOLINT

  bool has_value() const { return !failed_; }
  explicit operator bool() const { return has_value(); }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool failed_ = false;
};

}  // namespace sf::core
