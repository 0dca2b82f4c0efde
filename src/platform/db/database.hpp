// The thin database interface every store uses, with SQLite and PostgreSQL behind it.
//
//   auto db = db::Open("sqlite:/var/lib/waymark/waymark.db", {});
//   Result<std::string> id = (*db)->Write([&](db::Tx& tx) -> Result<std::string> {
//     if (tx.QueryOne("SELECT 1 FROM users WHERE email = ?", {email})) {
//       return Fail(Problem::Conflict("That email address is already in use"));  // rolls back
//     }
//     tx.Execute("INSERT INTO users (id, email) VALUES (?, ?)", {id, email});
//     return id;                                                                 // commits
//   });
//
// SQL uses `?` placeholders on both backends (translated to $1..$n for PostgreSQL; the jsonb
// `?` operators are therefore unavailable: use jsonb_exists()). Write SQL both databases accept.
//
// Transactions: Write(fn) and Read(fn) run fn(Tx&) in one transaction. It commits when fn returns
// normally, unless fn returns a tl::expected (Result<T>) holding an error: then it rolls back and
// returns that error. An exception thrown by fn rolls back and propagates. Once a statement has
// thrown, the transaction is spoiled on both backends (as PostgreSQL requires): further
// statements throw, and returning normally throws DbError instead of committing.
// Read() is read-only (a write throws DbError). Do not nest transactions on one Database in one
// thread: that throws std::logic_error rather than deadlocking.
//
// Thread safety: a Database is safe to use from many threads at once; each transaction takes
// its own connection (SQLite: the single writer, or one reader from a pool; PostgreSQL: one from
// a bounded pool). A Tx belongs to its callback's thread and must not escape the callback.
// Waiting for a connection longer than OpenOptions::acquire_timeout throws DatabaseUnavailable.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "platform/db/errors.hpp"
#include "platform/db/row.hpp"
#include "platform/db/value.hpp"
#include "platform/util/problem.hpp"

namespace waymark::db {

enum class BackendKind { kSqlite, kPostgres };
std::string_view BackendName(BackendKind kind);  // "sqlite" / "postgresql"

struct OpenOptions {
  // PostgreSQL: the most connections open at once. SQLite: the most reader connections (the
  // writer is one more).
  int pool_size = 8;
  // How long a transaction waits for a free connection before DatabaseUnavailable.
  std::chrono::milliseconds acquire_timeout{10000};
  // SQLite: how long to wait for another process's lock. PostgreSQL: connect timeout.
  std::chrono::milliseconds busy_timeout{5000};
};

// For /metrics. Counters only grow; `in_use` and `open` are current values.
struct PoolStats {
  int max_connections = 0;  // writer + readers on SQLite
  int open = 0;
  int in_use = 0;
  std::uint64_t waits = 0;      // transactions that had to wait for a connection
  std::uint64_t timeouts = 0;   // ... and gave up
  std::uint64_t discarded = 0;  // broken connections dropped (PostgreSQL)
};

// Rows of a statement queued with Tx::QueryLater. Valid only inside the transaction's callback.
class PendingRows {
 public:
  using Slot = std::shared_ptr<std::optional<Rows>>;
  // Rows already read (a backend that runs the statement at once).
  explicit PendingRows(Rows rows);
  // Rows that `send` puts in `slot` (a backend that queues the statement).
  PendingRows(Slot slot, std::function<void()> send)
      : slot_(std::move(slot)), send_(std::move(send)) {}

  // The statement's rows; call it once. The first Get of a batch sends everything the
  // transaction has queued. Throws as Query would; an error in any statement of the batch throws
  // here, since it spoils the whole transaction.
  Rows Get();

 private:
  Slot slot_;
  std::function<void()> send_;
};

// A value decoded from rows that arrive later: what a store returns from a QueryLater.
template <class T>
class Later {
 public:
  Later(PendingRows rows, std::function<T(const Rows&)> decode)
      : rows_(std::move(rows)), decode_(std::move(decode)) {}
  T Get() { return decode_(rows_.Get()); }  // once
  // The same rows, with `then` applied to what they decode to.
  template <class F>
  Later<std::invoke_result_t<F&, T>> Then(F then) && {
    return {std::move(rows_), [decode = std::move(decode_), then = std::move(then)](
                                  const Rows& rows) mutable { return then(decode(rows)); }};
  }

 private:
  PendingRows rows_;
  std::function<T(const Rows&)> decode_;
};

// QueryOne's rule for the rows of a statement that returns at most one row.
std::optional<Row> AtMostOne(const Rows& rows);

// One transaction on one connection; valid only inside the Write/Read callback.
class Tx {
 public:
  virtual ~Tx() = default;
  // Rows of a statement with `?` placeholders bound in order to `params`.
  virtual Rows Query(std::string_view sql, const Params& params = {}) = 0;
  // Affected row count of INSERT/UPDATE/DELETE.
  virtual std::int64_t Execute(std::string_view sql, const Params& params = {}) = 0;
  // Several statements without parameters (migrations). Never put values in `sql`.
  virtual void ExecuteScript(std::string_view sql) = 0;
  virtual BackendKind Backend() const = 0;

  // A SELECT whose rows are wanted later, so that several reads travel together: PostgreSQL
  // queues it and sends the queue in one pipeline (one round trip) at the first PendingRows::Get
  // or the next other statement; SQLite, in-process, runs it at once. Queue only reads whose
  // parameters do not depend on each other's answers.
  virtual PendingRows QueryLater(std::string_view sql, const Params& params = {});

  // nullopt for no row; more than one row is a bug in the query and throws DbError.
  std::optional<Row> QueryOne(std::string_view sql, const Params& params = {});
};

class Database {
 public:
  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  template <class F>
  std::invoke_result_t<F&, Tx&> Write(F&& fn) {
    return Run(Mode::kWrite, fn);
  }
  template <class F>
  std::invoke_result_t<F&, Tx&> Read(F&& fn) {
    return Run(Mode::kRead, fn);
  }
  // A read of exactly one SELECT, for the statement every request makes (finding its session).
  // One statement always sees one snapshot, so PostgreSQL runs it without BEGIN and COMMIT: a
  // round trip fewer. A second statement, or one that is not a SELECT, is a bug and throws
  // std::logic_error on both backends.
  template <class F>
  std::invoke_result_t<F&, Tx&> ReadStatement(F&& fn) {
    return Run(Mode::kReadStatement, fn);
  }

  virtual BackendKind Backend() const = 0;
  // True when a query round-trips now. Never throws; for GET /readyz.
  virtual bool Ping() = 0;
  virtual PoolStats Stats() const = 0;
  // After a bulk load: brings what the planner knows up to date, outside any transaction.
  // PostgreSQL vacuums and analyzes (without a vacuum its visibility map is empty and every
  // index-only scan, such as counting a provider's open cases, also reads each table row).
  // SQLite does nothing: the queries are written for its planner without statistics.
  virtual void RefreshStatistics() = 0;

 protected:
  Database() = default;
  enum class Mode { kRead, kWrite, kReadStatement };
  // Runs `body` in a transaction of `mode`; commits when it returns true, rolls back when it
  // returns false or throws (rethrowing).
  virtual void RunTransaction(Mode mode, const std::function<bool(Tx&)>& body) = 0;

 private:
  template <class R>
  static bool Commits(const R& r) {
    if constexpr (requires {
                    r.has_value();
                    r.error();
                  }) {
      return r.has_value();
    } else {
      return true;
    }
  }

  template <class F>
  std::invoke_result_t<F&, Tx&> Run(Mode mode, F& fn) {
    using R = std::invoke_result_t<F&, Tx&>;
    NestingGuard guard(this);
    auto call = [&](Tx& tx) -> decltype(auto) {
      if (mode != Mode::kReadStatement) return fn(tx);
      OneSelectTx one(tx);
      return fn(one);
    };
    if constexpr (std::is_void_v<R>) {
      RunTransaction(mode, [&](Tx& tx) {
        call(tx);
        return true;
      });
    } else {
      std::optional<R> out;
      RunTransaction(mode, [&](Tx& tx) {
        out.emplace(call(tx));
        return Commits(*out);
      });
      return std::move(*out);
    }
  }

  // What ReadStatement's callback gets: lets one SELECT through to the backend's Tx.
  class OneSelectTx final : public Tx {
   public:
    explicit OneSelectTx(Tx& tx) : tx_(tx) {}
    Rows Query(std::string_view sql, const Params& params) override;
    std::int64_t Execute(std::string_view sql, const Params& params) override;
    void ExecuteScript(std::string_view sql) override;
    BackendKind Backend() const override { return tx_.Backend(); }

   private:
    Tx& tx_;
    bool used_ = false;
  };

  // Detects a transaction started inside another on the same Database and thread.
  class NestingGuard {
   public:
    explicit NestingGuard(const Database* db);
    ~NestingGuard();
    NestingGuard(const NestingGuard&) = delete;
    NestingGuard& operator=(const NestingGuard&) = delete;

   private:
    const Database* db_;
  };
};

// Opens "sqlite:PATH" (also "sqlite:///abs/path"; the file is created with mode 0600 if missing)
// or a libpq URI "postgresql://..." / "postgres://...". Fails with Problem::Invalid for a URL it
// cannot use and Problem::Unavailable for a database it cannot reach; messages never contain
// the password.
Result<std::unique_ptr<Database>> Open(std::string_view url, const OpenOptions& options = {});

}  // namespace waymark::db
