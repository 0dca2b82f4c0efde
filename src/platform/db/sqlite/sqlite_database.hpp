// The SQLite backend: one writer connection behind a mutex (BEGIN IMMEDIATE) and a bounded pool
// of query_only reader connections, all in WAL mode. Internal to platform/db; use db::Open.
#pragma once

#include <memory>
#include <string>

#include "platform/db/database.hpp"

namespace waymark::db {

// `path` is a file name; the file is created (mode 0600) when missing.
Result<std::unique_ptr<Database>> OpenSqlite(const std::string& path, const OpenOptions& options);

}  // namespace waymark::db
