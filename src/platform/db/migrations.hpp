// The migration runner: numbered SQL scripts applied in order, each in one transaction together
// with its row in schema_migrations(version, name, checksum, applied_at).
//
// - Checksums (SHA-256 of the script) of applied migrations are compared with the program's:
//   an edited migration is refused, because databases migrated before and after the edit would
//   differ silently.
// - A database whose newest applied migration is unknown to this program (it was migrated by a
//   newer Waymark) is refused, never downgraded or half-understood.
// - Concurrent migrators are serialised: pg_advisory_xact_lock on PostgreSQL, the write lock
//   (BEGIN IMMEDIATE) on SQLite. Each migration re-checks under the lock before applying.
// - A failing migration is rolled back whole; the ones before it stay applied.
// Scripts must not contain BEGIN/COMMIT; the runner owns the transaction.
// Thread safety: free functions; safe to call concurrently (they serialise on the lock).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/util/problem.hpp"

namespace waymark::db {

struct Migration {
  std::int64_t version;  // NNNN from NNNN_name.sql; strictly increasing, > 0
  std::string name;      // the rest of the file name, without .sql
  std::string sql;
};

struct MigrationReport {
  std::int64_t from_version = 0;
  std::int64_t to_version = 0;
  std::vector<std::int64_t> applied;  // versions applied by this run, in order
};

// Applies every migration not yet applied. Problems: kConflict for a database that does not
// match `migrations` (edited checksum, unknown or newer version), kInvalid for a migration that
// failed (message names it and gives the database's reason), kUnavailable for an unreachable
// database. Other DbErrors propagate.
Result<MigrationReport> Migrate(Database& db, std::span<const Migration> migrations);

// For `serve`: Ok only when the database has exactly `migrations` applied; otherwise a Problem
// telling the administrator what to run.
Result<void> CheckSchemaCurrent(Database& db, std::span<const Migration> migrations);

// The newest applied version; 0 for a database never migrated. Throws DbError.
std::int64_t SchemaVersion(Database& db);

// Lowercase hex SHA-256 of the script, as stored in schema_migrations.checksum.
std::string MigrationChecksum(std::string_view sql);

}  // namespace waymark::db
