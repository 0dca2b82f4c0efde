// Database failures that end an operation. They are exceptions (not Result values) because the
// caller cannot continue the transaction; services catch the specific kinds they can turn into a
// Problem (UniqueViolation -> Problem::Conflict), everything else reaches the request boundary.
// Messages carry the database's description of the failure, never parameter values (they can
// be personal data). Thread safety: plain values.
#pragma once

#include <stdexcept>
#include <string>

namespace waymark::db {

class DbError : public std::runtime_error {
 public:
  // `code` is the PostgreSQL SQLSTATE ("23505") or the SQLite extended result code as text
  // ("2067"); empty when the failure came from this layer.
  DbError(const std::string& message, std::string code = {})
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// A UNIQUE or PRIMARY KEY constraint refused the write (SQLSTATE 23505 /
// SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY): usually a duplicate the user should be told about.
class UniqueViolation : public DbError {
 public:
  using DbError::DbError;
};

// The transaction clashed with a concurrent one (SQLSTATE 40001 / 40P01, SQLITE_BUSY):
// running the whole transaction again may succeed.
class SerializationFailure : public DbError {
 public:
  using DbError::DbError;
};

// The database cannot be reached or no connection became free in time: the request should fail
// with 503, and /readyz reports not ready.
class DatabaseUnavailable : public DbError {
 public:
  using DbError::DbError;
};

}  // namespace waymark::db
