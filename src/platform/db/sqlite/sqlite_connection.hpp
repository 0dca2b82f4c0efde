// One SQLite connection with the project's safety settings and a prepared-statement cache.
// Internal to platform/db. Thread safety: none; the owning SqliteDatabase hands a connection to
// one thread at a time (the connection is opened with SQLITE_OPEN_NOMUTEX).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "platform/db/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace waymark::db {

class SqliteConnection {
 public:
  enum class Role { kWriter, kReader };
  // Throws DbError (DatabaseUnavailable when the file cannot be opened).
  SqliteConnection(const std::string& path, Role role, const OpenOptions& options);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Rows Query(std::string_view sql, const Params& params);
  std::int64_t Execute(std::string_view sql, const Params& params);
  void ExecuteScript(std::string_view sql);
  bool InTransaction() const;

 private:
  struct Statement;
  Statement Prepare(std::string_view sql);
  void Bind(sqlite3_stmt* stmt, const Params& params);
  [[noreturn]] void Throw(int rc) const;

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Maps a SQLite result code and message to the DbError subclass callers can catch.
[[noreturn]] void ThrowSqliteError(int rc, const char* message);

}  // namespace waymark::db
