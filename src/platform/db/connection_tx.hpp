// The Tx both backends hand to callbacks: forwards to a connection and remembers failure.
// After a statement throws, the transaction is spoiled (PostgreSQL's own rule, applied to SQLite
// too so that code behaves the same on both): later statements throw and it will not commit.
// Internal to platform/db. Thread safety: none; lives on the callback's thread.
#pragma once

#include <type_traits>

#include "platform/db/database.hpp"

namespace waymark::db {

template <class Connection, BackendKind kKind>
class ConnectionTx final : public Tx {
 public:
  explicit ConnectionTx(Connection& connection) : connection_(connection) {}

  Rows Query(std::string_view sql, const Params& params) override {
    return Guarded([&] { return connection_.Query(sql, params); });
  }
  std::int64_t Execute(std::string_view sql, const Params& params) override {
    return Guarded([&] { return connection_.Execute(sql, params); });
  }
  void ExecuteScript(std::string_view sql) override {
    Guarded([&] { connection_.ExecuteScript(sql); });
  }
  // Queued on a connection that can send several statements at once; otherwise run now.
  PendingRows QueryLater(std::string_view sql, const Params& params) override {
    if constexpr (requires { connection_.Queue(sql, params); }) {
      auto slot = Guarded([&] { return connection_.Queue(sql, params); });
      return PendingRows(std::move(slot), [this] { Guarded([&] { connection_.SendQueued(); }); });
    } else {
      return Tx::QueryLater(sql, params);
    }
  }
  BackendKind Backend() const override { return kKind; }
  bool spoiled() const { return spoiled_; }

 private:
  template <class F>
  std::invoke_result_t<F&> Guarded(F&& f) {
    if (spoiled_) throw DbError("an earlier statement in this transaction failed");
    try {
      return f();
    } catch (...) {
      spoiled_ = true;
      throw;
    }
  }

  Connection& connection_;
  bool spoiled_ = false;
};

}  // namespace waymark::db
