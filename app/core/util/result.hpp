#pragma once
// Errors are values. A Result<T> holds either a T or an Error whose message a person
// (a volunteer at the door, an organizer at a laptop) can act on.
#include <string>
#include <utility>
#include <variant>

namespace rapport {

struct Error {
  std::string message;
  std::string where;  // "file:line" when the error points into an input file
  // The input itself is wrong (another event's file, a bad row): the CLI exits 2, not 1.
  bool bad_input = false;

  std::string to_string() const { return where.empty() ? message : where + ": " + message; }
};

inline Error make_error(std::string message, std::string where = {}) {
  return Error{std::move(message), std::move(where)};
}

// An error in what the user handed us (exit 2 at the CLI).
inline Error make_bad_input(std::string message, std::string where = {}) {
  return Error{std::move(message), std::move(where), true};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool failed_ = false;
};

using Status = Result<void>;

}  // namespace rapport

// Propagate an error from an expression returning Result<...>.
#define RAPPORT_TRY(expr)                                   \
  do {                                                      \
    auto rapport_try_result_ = (expr);                      \
    if (!rapport_try_result_.ok()) return rapport_try_result_.error(); \
  } while (0)
