#include "platform/db/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <cctype>
#include <string>
#include <vector>

namespace waymark::db {

namespace {
// Beyond this many distinct statements (dynamic IN lists, say) new ones are not cached.
constexpr std::size_t kMaxCachedStatements = 256;

bool IsBlank(const char* s) {
  for (; *s; ++s) {
    if (!std::isspace(static_cast<unsigned char>(*s)) && *s != ';') return false;
  }
  return true;
}
}  // namespace

void ThrowSqliteError(int rc, const char* message) {
  std::string text = std::string("SQLite: ") + (message ? message : sqlite3_errstr(rc));
  std::string code = std::to_string(rc);
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      throw UniqueViolation(text, code);
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw SerializationFailure(text, code);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FULL:
      throw DatabaseUnavailable(text, code);
  }
  throw DbError(text, code);
}

// A prepared statement in use: reset and unbound when done, finalised if it is not cached.
struct SqliteConnection::Statement {
  Statement(sqlite3_stmt* s, bool c) : stmt(s), cached(c) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* stmt;
  bool cached;
  ~Statement() {
    if (cached) {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    } else {
      sqlite3_finalize(stmt);
    }
  }
};

SqliteConnection::SqliteConnection(const std::string& path, Role role, const OpenOptions& options) {
  // SQLite's memory statistics take a process-wide mutex on every allocation, which the page
  // cache does on each read; Waymark never asks for them. This must precede the first open and
  // is refused (harmlessly) once SQLite is initialised.
  static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kNoMemoryStatistics;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw DatabaseUnavailable("SQLite cannot open " + path + ": " + message, std::to_string(rc));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, static_cast<int>(options.busy_timeout.count()));
  // Defensive mode stops SQL from corrupting the file (writable_schema and friends); untrusted
  // schema stops functions with side effects from running inside views and triggers; no
  // double-quoted string literals, so "x" means an identifier as on PostgreSQL.
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db_, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  try {
    if (role == Role::kWriter) {
      Rows mode = Query("PRAGMA journal_mode=WAL", {});
      if (mode.empty() || mode[0].text(0) != "wal") {
        throw DbError("SQLite could not switch " + path + " to WAL journal mode");
      }
    }
    ExecuteScript(
        "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; "
        "PRAGMA trusted_schema=OFF;");
    if (role == Role::kReader) ExecuteScript("PRAGMA query_only=ON;");

  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

bool SqliteConnection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

void SqliteConnection::Throw(int rc) const { ThrowSqliteError(rc, sqlite3_errmsg(db_)); }

SqliteConnection::Statement SqliteConnection::Prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) return Statement{it->second, true};
  bool cache = cache_.size() < kMaxCachedStatements;
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                              cache ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, &tail);
  if (rc != SQLITE_OK) Throw(rc);
  if (stmt == nullptr || (tail && !IsBlank(tail))) {
    sqlite3_finalize(stmt);
    throw DbError("Query and Execute take exactly one SQL statement; use ExecuteScript for more");
  }
  if (cache) cache_.emplace(std::move(key), stmt);
  return Statement{stmt, cache};
}

void SqliteConnection::Bind(sqlite3_stmt* stmt, const Params& params) {
  int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size())) {
    throw DbError("the statement has " + std::to_string(expected) + " placeholders but " +
                  std::to_string(params.size()) + " parameters were given");
  }
  for (int i = 0; i < expected; ++i) {
    const auto& v = params[static_cast<std::size_t>(i)].variant();
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(v)) {
      rc = sqlite3_bind_null(stmt, i + 1);
    } else if (auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, i + 1, *n);
    } else if (auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, i + 1, *d);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      // PostgreSQL text cannot hold NUL; refuse it here too so both backends agree.
      if (s->find('\0') != std::string::npos) {
        throw DbError("parameter " + std::to_string(i + 1) +
                      " is text containing a NUL byte; bind bytes as a Blob");
      }
      rc = sqlite3_bind_text64(stmt, i + 1, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      const auto& b = std::get<Blob>(v);
      // A null pointer would bind NULL, and an empty vector's data() may be null.
      rc = b.empty() ? sqlite3_bind_zeroblob(stmt, i + 1, 0)
                     : sqlite3_bind_blob64(stmt, i + 1, b.data(), b.size(), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) Throw(rc);
  }
}

Rows SqliteConnection::Query(std::string_view sql, const Params& params) {
  Statement s = Prepare(sql);
  Bind(s.stmt, params);
  int columns = sqlite3_column_count(s.stmt);
  auto names = std::make_shared<ColumnNames>();
  for (int c = 0; c < columns; ++c) names->emplace_back(sqlite3_column_name(s.stmt, c));
  Rows rows(std::move(names));
  for (;;) {
    int rc = sqlite3_step(s.stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) Throw(rc);
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(s.stmt, c)) {
        case SQLITE_INTEGER:
          values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(s.stmt, c)));
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(s.stmt, c));
          break;
        case SQLITE_TEXT: {
          auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s.stmt, c));
          values.emplace_back(
              std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s.stmt, c))));
          break;
        }
        case SQLITE_BLOB: {
          auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(s.stmt, c));
          auto n = static_cast<std::size_t>(sqlite3_column_bytes(s.stmt, c));
          values.emplace_back(p ? Blob(p, p + n) : Blob());
          break;
        }
        default:
          values.emplace_back();
      }
    }
    rows.Add(std::move(values));
  }
  return rows;
}

std::int64_t SqliteConnection::Execute(std::string_view sql, const Params& params) {
  Statement s = Prepare(sql);
  Bind(s.stmt, params);
  int rc;
  while ((rc = sqlite3_step(s.stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) Throw(rc);
  return sqlite3_changes64(db_);
}

void SqliteConnection::ExecuteScript(std::string_view sql) {
  std::string text(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    ThrowSqliteError(sqlite3_extended_errcode(db_), message.c_str());
  }
}

}  // namespace waymark::db
