// One libpq connection with a cache of server-side prepared statements. Internal to
// platform/db. Thread safety: none; PgDatabase lends a connection to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

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

  Rows Query(std::string_view sql, const Params& params);
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

  ResultPtr Run(std::string_view sql, const Params& params);
  const std::string& PreparedName(std::string_view sql, const Params& params);
  [[noreturn]] void Throw(pg_result* result) const;

  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // sql + type signature -> name
};

}  // namespace waymark::db
