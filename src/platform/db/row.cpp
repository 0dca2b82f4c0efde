#include "platform/db/row.hpp"

#include <cmath>
#include <string>

#include "platform/db/errors.hpp"
#include "platform/util/time.hpp"

namespace waymark::db {

const Value& Row::value(std::size_t i) const {
  if (i >= values_.size()) {
    throw DbError("column index " + std::to_string(i) + " is out of range (the row has " +
                  std::to_string(values_.size()) + " columns)");
  }
  return values_[i];
}

std::size_t Row::IndexOf(std::string_view column) const {
  for (std::size_t i = 0; i < names_->size(); ++i) {
    if ((*names_)[i] == column) return i;
  }
  throw DbError("the result has no column named \"" + std::string(column) + "\"");
}

void Row::WrongType(std::size_t i, std::string_view wanted) const {
  std::string name = i < names_->size() ? (*names_)[i] : std::to_string(i);
  throw DbError("column \"" + name + "\" holds " + std::string(TypeName(value(i))) + ", not " +
                std::string(wanted));
}

std::int64_t Row::integer(std::size_t i) const {
  const auto& v = value(i).variant();
  if (auto* p = std::get_if<std::int64_t>(&v)) return *p;
  // PostgreSQL returns SUM() and similar aggregates as numeric; accept whole numbers.
  if (auto* d = std::get_if<double>(&v); d && std::trunc(*d) == *d && std::abs(*d) < 9.0e15) {
    return static_cast<std::int64_t>(*d);
  }
  WrongType(i, "integer");
}

double Row::real(std::size_t i) const {
  const auto& v = value(i).variant();
  if (auto* p = std::get_if<double>(&v)) return *p;
  if (auto* p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  WrongType(i, "real");
}

const std::string& Row::text(std::size_t i) const {
  if (auto* p = std::get_if<std::string>(&value(i).variant())) return *p;
  WrongType(i, "text");
}

const Blob& Row::blob(std::size_t i) const {
  if (auto* p = std::get_if<Blob>(&value(i).variant())) return *p;
  WrongType(i, "blob");
}

TimePoint Row::time(std::size_t i) const {
  auto t = ParseUtc(text(i));
  if (!t) WrongType(i, "a UTC time");
  return *t;
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<double> Row::optional_real(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return real(i);
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<Blob> Row::optional_blob(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return blob(i);
}

std::optional<TimePoint> Row::optional_time(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return time(i);
}

}  // namespace waymark::db
