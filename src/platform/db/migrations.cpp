#include "platform/db/migrations.hpp"

#include <sodium.h>

#include <chrono>
#include <map>
#include <stdexcept>

#include "platform/util/time.hpp"

namespace waymark::db {

namespace {

// Any fixed number will do; every Waymark migrator uses the same one.
constexpr std::int64_t kMigrationLockKey = 0x5761796d61726b;  // "Waymark"

struct Applied {
  std::string name;
  std::string checksum;
};

std::string Label(std::int64_t version, std::string_view name) {
  std::string digits = std::to_string(version);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return digits + "_" + std::string(name);
}

bool TableExists(Tx& tx) {
  if (tx.Backend() == BackendKind::kSqlite) {
    return tx
        .QueryOne("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                  {"schema_migrations"})
        .has_value();
  }
  return tx.QueryOne("SELECT to_regclass('schema_migrations') IS NOT NULL")->integer(0) != 0;
}

void Lock(Tx& tx) {
  if (tx.Backend() == BackendKind::kPostgres) {
    tx.Query("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
  }
}

void CreateTable(Tx& tx) {
  if (tx.Backend() == BackendKind::kSqlite) {
    tx.ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
        "NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT");
  } else {
    tx.ExecuteScript(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT "
        "NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
  }
}

std::map<std::int64_t, Applied> ReadApplied(Tx& tx) {
  std::map<std::int64_t, Applied> applied;
  if (!TableExists(tx)) return applied;
  for (const Row& row : tx.Query("SELECT version, name, checksum FROM schema_migrations")) {
    applied[row.integer(0)] = {row.text(1), row.text(2)};
  }
  return applied;
}

Result<void> CheckList(std::span<const Migration> migrations) {
  std::int64_t previous = 0;
  for (const auto& m : migrations) {
    if (m.version <= previous) {
      return Fail(Problem{ProblemKind::kInvalid,
                          "Migration " + Label(m.version, m.name) +
                              " is out of order or duplicated: versions must increase",
                          {}});
    }
    previous = m.version;
  }
  return {};
}

// The database must hold a prefix of `migrations`, unchanged.
Result<void> CheckApplied(const std::map<std::int64_t, Applied>& applied,
                          std::span<const Migration> migrations) {
  std::int64_t newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (!applied.empty() && applied.rbegin()->first > newest_known) {
    const auto& [version, row] = *applied.rbegin();
    return Fail(Problem::Conflict(
        "The database schema is at version " + std::to_string(version) + " (" +
        Label(version, row.name) + ") but this Waymark only knows migrations up to version " +
        std::to_string(newest_known) +
        ": a newer Waymark has migrated it. Run that newer version, or restore a backup taken "
        "before the upgrade; this version will not use the database."));
  }
  std::map<std::int64_t, const Migration*> known;
  for (const auto& m : migrations) known[m.version] = &m;
  for (const auto& [version, row] : applied) {
    auto it = known.find(version);
    if (it == known.end()) {
      return Fail(Problem::Conflict(
          "The database has migration " + Label(version, row.name) +
          " applied, which this Waymark does not contain. The database was migrated by a "
          "different build; run that build, or restore a matching backup."));
    }
    std::string checksum = MigrationChecksum(it->second->sql);
    if (checksum != row.checksum) {
      return Fail(Problem::Conflict(
          "Migration " + Label(version, it->second->name) +
          " was changed after it was applied to this database (recorded checksum " +
          row.checksum.substr(0, 12) + "..., this program's " + checksum.substr(0, 12) +
          "...). Applied migrations must not be edited: restore the original file and put the "
          "change in a new migration."));
    }
  }
  return {};
}

}  // namespace

std::string MigrationChecksum(std::string_view sql) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(sql.data()), sql.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::int64_t SchemaVersion(Database& db) {
  return db.Read([](Tx& tx) {
    auto applied = ReadApplied(tx);
    return applied.empty() ? std::int64_t{0} : applied.rbegin()->first;
  });
}

Result<void> CheckSchemaCurrent(Database& db, std::span<const Migration> migrations) {
  try {
    return db.Read([&](Tx& tx) -> Result<void> {
      auto applied = ReadApplied(tx);
      if (auto ok = CheckApplied(applied, migrations); !ok) return ok;
      if (applied.size() < migrations.size()) {
        return Fail(Problem::Conflict(
            "The database schema is at version " +
            std::to_string(applied.empty() ? 0 : applied.rbegin()->first) +
            " but this Waymark needs version " + std::to_string(migrations.back().version) +
            ": run `waymark migrate` first."));
      }
      return {};
    });
  } catch (const DatabaseUnavailable& e) {
    return Fail(Problem::Unavailable(e.what()));
  }
}

Result<MigrationReport> Migrate(Database& db, std::span<const Migration> migrations) {
  if (auto ok = CheckList(migrations); !ok) return Fail(ok.error());
  MigrationReport report;
  try {
    auto start = db.Write([&](Tx& tx) -> Result<std::int64_t> {
      Lock(tx);
      CreateTable(tx);
      auto applied = ReadApplied(tx);
      if (auto ok = CheckApplied(applied, migrations); !ok) return Fail(ok.error());
      return applied.empty() ? 0 : applied.rbegin()->first;
    });
    if (!start) return Fail(start.error());
    report.from_version = report.to_version = *start;

    for (const auto& m : migrations) {
      bool applied_now = false;
      try {
        applied_now = db.Write([&](Tx& tx) {
          Lock(tx);
          if (tx.QueryOne("SELECT 1 FROM schema_migrations WHERE version = ?", {m.version})) {
            return false;  // already applied, maybe by a concurrent migrator
          }
          tx.ExecuteScript(m.sql);
          tx.Execute(
              "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, "
              "?, ?)",
              {m.version, m.name, MigrationChecksum(m.sql),
               FormatUtc(std::chrono::system_clock::now())});
          return true;
        });
      } catch (const DatabaseUnavailable&) {
        throw;
      } catch (const DbError& e) {
        return Fail(Problem{ProblemKind::kInvalid,
                            "Migration " + Label(m.version, m.name) +
                                " failed and was rolled back (the schema stays at version " +
                                std::to_string(report.to_version) + "): " + e.what(),
                            {}});
      }
      if (applied_now) report.applied.push_back(m.version);
      report.to_version = std::max(report.to_version, m.version);
    }
  } catch (const DatabaseUnavailable& e) {
    return Fail(Problem::Unavailable(e.what()));
  }
  return report;
}

}  // namespace waymark::db
