// One libpq connection with a cache of server-side prepared statements. Internal to
// platform/db. Thread safety: none; PgDatabase lends a connection to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "platform/db/database.hpp"

struct pg_conn;
struct pg_result;

namespace waymark::db {

class PgConnection {
 public:
  // Throws DatabaseUnavailable naming `description` (host, port, database; never the password).
  PgConnection(const std::string& url, const std::string& description, const OpenOptions& options);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Transactions. BEGIN is not sent on its own: it goes with the transaction's first statement
  // in one round trip (libpq's pipeline mode), and a transaction that ran no statement sends
  // neither BEGIN nor COMMIT. If that first exchange finds the connection broken (the server
  // restarted since it was last used), nothing has happened yet, so it reconnects and sends
  // both again, once.
  void Begin(std::string_view begin_sql);
  void Commit();
  // Ends the transaction if one is open on a working connection; forgets a BEGIN never sent.
  void Rollback();
  // True once after Begin..Commit if the connection was re-established in between.
  bool TakeReconnected();

  Rows Query(std::string_view sql, const Params& params);
  // Tx::QueryLater: the statement waits in a queue, and its rows land in the slot when the queue
  // is sent: by SendQueued, or together with the next statement that is not queued (one
  // pipeline, one round trip, the pending BEGIN included).
  PendingRows::Slot Queue(std::string_view sql, const Params& params);
  void SendQueued();
  std::int64_t Execute(std::string_view sql, const Params& params);
  // Simple-query protocol: several statements, no parameters.
  void ExecuteScript(std::string_view sql);

  bool Broken() const;
  bool InTransaction() const;        // inside BEGIN, failed or not
  bool InFailedTransaction() const;  // PostgreSQL will refuse everything until ROLLBACK

 private:
  struct ResultDeleter {
    void operator()(pg_result* r) const;
  };
  using ResultPtr = std::unique_ptr<pg_result, ResultDeleter>;

  struct Queued {
    std::string sql;
    Params params;
    PendingRows::Slot out;
  };
  struct Statement {
    std::string_view sql;
    const Params& params;
  };
  // Parameters as libpq takes them; `values` point into `texts` and the Params.
  struct Bound {
    std::vector<std::string> texts;
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
  };

  static void Bind(const Params& params, Bound& out);
  static Rows ToRows(pg_result* result);
  // After a failure the rest of a pipeline is aborted, so the first failure is the reason; null
  // when every result succeeded (a short answer then means the connection stopped).
  static pg_result* FirstFailure(const std::vector<ResultPtr>& results);
  ResultPtr Run(std::string_view sql, const Params& params);
  // Sends the queue, then `last` if given; fills the queue's slots and returns last's result.
  ResultPtr SendQueuedWith(const Statement* last);
  // Sends the pending BEGIN (if any) and `statements` in one pipeline. Each statement's result,
  // or the first failure thrown.
  std::vector<ResultPtr> Pipeline(const std::vector<Statement>& statements);
  // A statement ready to send: a prepared statement's name, or, once the cache is full, the
  // translated text and parameter types to send unnamed.
  struct Prepared {
    const std::string* name = nullptr;
    std::string sql;
    std::vector<unsigned int> types;  // libpq's Oid
  };
  Prepared Prepare(std::string_view sql, const Params& params);
  [[noreturn]] void Throw(pg_result* result) const;

  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // sql + type signature -> name
  std::string pending_begin_;  // BEGIN not yet sent: it goes with the first statement
  std::vector<Queued> queued_;
  bool reconnected_ = false;
  bool poisoned_ = false;  // left in a state no statement should follow: drop it
};

}  // namespace waymark::db
