#include "platform/db/database.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "platform/db/postgres/pg_database.hpp"
#include "platform/db/sqlite/sqlite_database.hpp"

namespace waymark::db {

namespace {
thread_local std::vector<const Database*> open_transactions;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
}  // namespace

std::string_view BackendName(BackendKind kind) {
  return kind == BackendKind::kSqlite ? "sqlite" : "postgresql";
}

PendingRows::PendingRows(Rows rows)
    : slot_(std::make_shared<std::optional<Rows>>(std::move(rows))) {}

Rows PendingRows::Get() {
  if (!slot_->has_value() && send_) send_();
  if (!slot_->has_value())
    throw DbError("a queued statement's rows were already taken, or never arrived");
  Rows rows = std::move(**slot_);
  slot_->reset();
  return rows;
}

PendingRows Tx::QueryLater(std::string_view sql, const Params& params) {
  return PendingRows(Query(sql, params));
}

std::optional<Row> Tx::QueryOne(std::string_view sql, const Params& params) {
  return AtMostOne(Query(sql, params));
}

std::optional<Row> AtMostOne(const Rows& rows) {
  if (rows.empty()) return std::nullopt;
  if (rows.size() > 1) {
    throw DbError("QueryOne expected at most one row but the query returned " +
                  std::to_string(rows.size()));
  }
  return rows[0];
}

Rows Database::OneSelectTx::Query(std::string_view sql, const Params& params) {
  if (used_) throw std::logic_error("ReadStatement ran a second statement: use Read");
  if (!StartsWith(sql, "SELECT ")) throw std::logic_error("ReadStatement runs a SELECT only");
  used_ = true;
  return tx_.Query(sql, params);
}

std::int64_t Database::OneSelectTx::Execute(std::string_view, const Params&) {
  throw std::logic_error("ReadStatement runs a SELECT only");
}

void Database::OneSelectTx::ExecuteScript(std::string_view) {
  throw std::logic_error("ReadStatement runs a SELECT only");
}

Database::NestingGuard::NestingGuard(const Database* db) : db_(db) {
  if (std::find(open_transactions.begin(), open_transactions.end(), db) !=
      open_transactions.end()) {
    throw std::logic_error("a transaction was started inside another on the same database");
  }
  open_transactions.push_back(db);
}

Database::NestingGuard::~NestingGuard() {
  open_transactions.erase(std::find(open_transactions.begin(), open_transactions.end(), db_));
}

Result<std::unique_ptr<Database>> Open(std::string_view url, const OpenOptions& options) {
  if (options.pool_size < 1) {
    return Fail(Problem{ProblemKind::kInvalid, "The database pool size must be at least 1", {}});
  }
  if (StartsWith(url, "sqlite:")) {
    std::string_view path = url.substr(7);
    if (StartsWith(path, "///")) path.remove_prefix(2);
    if (path.empty() || StartsWith(path, "//")) {
      return Fail(Problem{ProblemKind::kInvalid,
                          "The SQLite database URL must be sqlite:PATH, for example "
                          "sqlite:/var/lib/waymark/waymark.db",
                          {}});
    }
    return OpenSqlite(std::string(path), options);
  }
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    return OpenPostgres(std::string(url), options);
  }
  return Fail(Problem{ProblemKind::kInvalid,
                      "The database URL must start with sqlite:, postgresql:// or postgres://",
                      {}});
}

}  // namespace waymark::db
