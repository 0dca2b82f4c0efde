// The PostgreSQL backend: a bounded pool of libpq connections, each with its own prepared
// statements; broken connections are dropped and replaced on demand. Internal to platform/db;
// use db::Open.
#pragma once

#include <memory>
#include <string>

#include "platform/db/database.hpp"

namespace waymark::db {

// `url` is a libpq URI. Connects once to find out whether the server is there.
Result<std::unique_ptr<Database>> OpenPostgres(const std::string& url, const OpenOptions& options);

}  // namespace waymark::db
