// Query results, fully read into memory so they outlive the transaction and the connection.
// Typed getters throw DbError when the column holds another type (a schema/code mismatch is a
// bug, not an expected outcome); the optional_* getters return nullopt for NULL.
// Integers are 64-bit on both backends. Columns can be addressed by index or by name (a linear
// search of the column names; fine for the handful of columns a query returns).
// Thread safety: immutable after construction; safe to read from several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/value.hpp"
#include "platform/util/clock.hpp"

namespace waymark::db {

using ColumnNames = std::vector<std::string>;

class Row {
 public:
  Row(std::shared_ptr<const ColumnNames> names, std::vector<Value> values)
      : names_(std::move(names)), values_(std::move(values)) {}

  std::size_t size() const { return values_.size(); }
  const Value& value(std::size_t i) const;
  const Value& value(std::string_view column) const { return value(IndexOf(column)); }
  std::size_t IndexOf(std::string_view column) const;  // throws DbError when absent

  bool is_null(std::size_t i) const { return value(i).is_null(); }
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;  // also accepts an integer column
  const std::string& text(std::size_t i) const;
  const Blob& blob(std::size_t i) const;
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  TimePoint time(std::size_t i) const;  // FormatUtc text; throws DbError if malformed

  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  std::optional<double> optional_real(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  std::optional<Blob> optional_blob(std::size_t i) const;
  std::optional<TimePoint> optional_time(std::size_t i) const;

  bool is_null(std::string_view c) const { return is_null(IndexOf(c)); }
  std::int64_t integer(std::string_view c) const { return integer(IndexOf(c)); }
  double real(std::string_view c) const { return real(IndexOf(c)); }
  const std::string& text(std::string_view c) const { return text(IndexOf(c)); }
  const Blob& blob(std::string_view c) const { return blob(IndexOf(c)); }
  bool boolean(std::string_view c) const { return boolean(IndexOf(c)); }
  TimePoint time(std::string_view c) const { return time(IndexOf(c)); }
  std::optional<std::int64_t> optional_integer(std::string_view c) const {
    return optional_integer(IndexOf(c));
  }
  std::optional<double> optional_real(std::string_view c) const {
    return optional_real(IndexOf(c));
  }
  std::optional<std::string> optional_text(std::string_view c) const {
    return optional_text(IndexOf(c));
  }
  std::optional<Blob> optional_blob(std::string_view c) const { return optional_blob(IndexOf(c)); }
  std::optional<TimePoint> optional_time(std::string_view c) const {
    return optional_time(IndexOf(c));
  }

 private:
  [[noreturn]] void WrongType(std::size_t i, std::string_view wanted) const;

  std::shared_ptr<const ColumnNames> names_;
  std::vector<Value> values_;
};

class Rows {
 public:
  Rows() : names_(std::make_shared<ColumnNames>()) {}
  explicit Rows(std::shared_ptr<const ColumnNames> names) : names_(std::move(names)) {}

  // Backends append rows as they read them.
  void Add(std::vector<Value> values) { rows_.emplace_back(names_, std::move(values)); }

  const ColumnNames& columns() const { return *names_; }
  std::size_t size() const { return rows_.size(); }
  bool empty() const { return rows_.empty(); }
  const Row& operator[](std::size_t i) const { return rows_[i]; }
  const Row& at(std::size_t i) const { return rows_.at(i); }
  std::vector<Row>::const_iterator begin() const { return rows_.begin(); }
  std::vector<Row>::const_iterator end() const { return rows_.end(); }

 private:
  std::shared_ptr<const ColumnNames> names_;
  std::vector<Row> rows_;
};

}  // namespace waymark::db
