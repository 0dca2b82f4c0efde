#include "platform/db/postgres/pg_database.hpp"

#include <libpq-fe.h>

#include <condition_variable>
#include <mutex>
#include <vector>

#include "platform/db/connection_tx.hpp"
#include "platform/db/postgres/pg_connection.hpp"

namespace waymark::db {

namespace {

using PgTx = ConnectionTx<PgConnection, BackendKind::kPostgres>;

// "host /run/pg, port 5432, database waymark, user waymark": for messages, without the password.
std::string Describe(PQconninfoOption* options) {
  std::string out;
  for (auto* o = options; o && o->keyword; ++o) {
    std::string_view key = o->keyword;
    const char* label = key == "host"       ? "host"
                        : key == "hostaddr" ? "address"
                        : key == "port"     ? "port"
                        : key == "dbname"   ? "database"
                        : key == "user"     ? "user"
                                            : nullptr;
    if (!label || !o->val || !*o->val) continue;
    if (!out.empty()) out += ", ";
    out += std::string(label) + " " + o->val;
  }
  return out.empty() ? "libpq defaults" : out;
}

class PgDatabase final : public Database {
 public:
  PgDatabase(std::string url, std::string description, const OpenOptions& options)
      : url_(std::move(url)), description_(std::move(description)), options_(options) {}

  BackendKind Backend() const override { return BackendKind::kPostgres; }

  bool Ping() override {
    try {
      return Read([](Tx& tx) { return tx.Query("SELECT 1").size() == 1; });
    } catch (...) {
      return false;  // the answer is the report: not ready
    }
  }

  PoolStats Stats() const override {
    std::lock_guard lock(mutex_);
    PoolStats s;
    s.max_connections = options_.pool_size;
    s.open = open_;
    s.in_use = in_use_;
    s.waits = waits_;
    s.timeouts = timeouts_;
    s.discarded = discarded_;
    return s;
  }

  void RefreshStatistics() override {
    Lease connection(*this);
    connection->ExecuteScript("VACUUM (ANALYZE)");
  }

  // Connects eagerly so that Open reports an unreachable server at start-up.
  void Warm() { Lease connection(*this); }

 protected:
  void RunTransaction(Mode mode, const std::function<bool(Tx&)>& body) override {
    if (mode == Mode::kReadStatement) return RunStatement(body);
    Lease connection(*this);
    try {
      // Sent with the first statement; a connection that died while idle is re-established
      // there (PgConnection::Begin).
      connection->Begin(mode == Mode::kWrite ? "BEGIN" : "BEGIN READ ONLY");
      PgTx tx(*connection);
      if (!body(tx)) {
        connection->Rollback();
      } else if (tx.spoiled() || connection->InFailedTransaction()) {
        throw DbError("the transaction was not committed because a statement in it failed");
      } else {
        connection->Commit();
      }
    } catch (...) {
      try {
        connection->Rollback();
      } catch (const DbError&) {
        // The original failure matters more; the lease drops the connection if it broke.
      }
      throw;
    }
  }

 private:
  // One SELECT on its own (Database::ReadStatement): nothing to begin or commit. A connection
  // found broken (the server restarted since it was last used) is replaced and the SELECT sent
  // again, once, as a transaction's first statement would be.
  void RunStatement(const std::function<bool(Tx&)>& body) {
    for (int attempt = 0;; ++attempt) {
      Lease connection(*this);
      try {
        PgTx tx(*connection);
        body(tx);
        return;
      } catch (const DatabaseUnavailable&) {
        if (attempt > 0 || !connection->Broken()) throw;
      }
    }
  }

  // A connection lent by the pool for one transaction or statement: given back when the lease
  // ends, however it ends (Release drops it if it broke or was left inside a transaction).
  class Lease {
   public:
    explicit Lease(PgDatabase& pool) : pool_(pool), connection_(pool.Acquire()) {}
    ~Lease() { pool_.Release(std::move(connection_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    PgConnection& operator*() { return *connection_; }
    PgConnection* operator->() { return connection_.get(); }

   private:
    PgDatabase& pool_;
    std::unique_ptr<PgConnection> connection_;
  };

  std::unique_ptr<PgConnection> Acquire() {
    std::unique_lock lock(mutex_);
    auto available = [&] { return !idle_.empty() || open_ < options_.pool_size; };
    if (!available()) {
      ++waits_;
      if (!changed_.wait_for(lock, options_.acquire_timeout, available)) {
        ++timeouts_;
        throw DatabaseUnavailable("no PostgreSQL connection became free in time (pool size " +
                                  std::to_string(options_.pool_size) + ")");
      }
    }
    ++in_use_;
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return connection;
    }
    ++open_;
    lock.unlock();
    try {
      return std::make_unique<PgConnection>(url_, description_, options_);
    } catch (...) {
      lock.lock();
      --open_;
      --in_use_;
      changed_.notify_one();
      throw;
    }
  }

  void Release(std::unique_ptr<PgConnection> connection) {
    bool keep = connection && !connection->Broken() && !connection->InTransaction();
    bool reconnected = connection && connection->TakeReconnected();  // a broken one replaced
    if (!keep) connection.reset();                                   // close outside the pool lock
    std::lock_guard lock(mutex_);
    --in_use_;
    if (reconnected) ++discarded_;
    if (keep) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
      ++discarded_;
    }
    changed_.notify_one();
  }

  const std::string url_;
  const std::string description_;
  const OpenOptions options_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  int open_ = 0;
  int in_use_ = 0;
  std::uint64_t waits_ = 0;
  std::uint64_t timeouts_ = 0;
  std::uint64_t discarded_ = 0;
};

}  // namespace

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, const OpenOptions& options) {
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &error);
  if (parsed == nullptr) {
    // libpq's reason may quote part of the URL, password included, so it is not repeated.
    if (error) PQfreemem(error);
    return Fail(Problem{ProblemKind::kInvalid,
                        "The PostgreSQL URL is not a valid libpq connection URI "
                        "(postgresql://user:password@host:port/database?param=value)",
                        {}});
  }
  std::string description = Describe(parsed);
  PQconninfoFree(parsed);
  auto database = std::make_unique<PgDatabase>(url, description, options);
  try {
    database->Warm();
  } catch (const DbError& e) {
    return Fail(Problem::Unavailable(e.what()));
  }
  return database;
}

}  // namespace waymark::db
