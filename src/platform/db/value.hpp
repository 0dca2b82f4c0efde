// The values that cross the database boundary: SQL parameters and result columns.
// A Value is null, a 64-bit integer, a double, UTF-8 text or bytes. Parameters are always bound,
// never spliced into SQL text. Implicit constructors let callers write
//   tx.Execute("UPDATE t SET a = ?, b = ? WHERE id = ?", {42, std::optional<std::string>{}, id});
// Conventions shared by both backends: bool is stored as INTEGER 0/1; TimePoint as FormatUtc text
// (27 characters, sorts as text); std::optional<T> is null when empty.
// Thread safety: plain values; no shared state.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "platform/util/clock.hpp"

namespace waymark::db {

using Blob = std::vector<std::uint8_t>;

class Value {
 public:
  using Variant = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(std::nullopt_t) {}
  Value(bool b) : data_(std::int64_t{b ? 1 : 0}) {}
  // Every integer type but bool and char. Unsigned 64-bit values above INT64_MAX throw
  // std::out_of_range: neither database has an unsigned 64-bit column type.
  template <std::integral T>
  requires(!std::same_as<T, bool> && !std::same_as<T, char>) Value(T i) : data_(CheckedInt64(i)) {}
  template <std::floating_point T>
  Value(T d) : data_(static_cast<double>(d)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(Blob b) : data_(std::move(b)) {}
  Value(TimePoint t);
  template <class T>
  Value(const std::optional<T>& o) {
    if (o) *this = Value(*o);
  }

  const Variant& variant() const { return data_; }
  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }

  friend bool operator==(const Value&, const Value&) = default;

 private:
  template <class T>
  static std::int64_t CheckedInt64(T i) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
      if (i > static_cast<T>(INT64_MAX)) ThrowOutOfRange();
    }
    return static_cast<std::int64_t>(i);
  }
  [[noreturn]] static void ThrowOutOfRange();

  Variant data_;
};

// Positional parameters for the `?` placeholders, in order.
using Params = std::vector<Value>;

// "null", "integer", "real", "text" or "blob": for error messages (never the value itself).
std::string_view TypeName(const Value& v);

}  // namespace waymark::db
