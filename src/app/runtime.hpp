// What every subcommand that touches data needs, opened once: configuration, the key file, the
// database, the clock and the audit log. Owns them; identity's services borrow them.
#pragma once

#include <memory>

#include "app/config.hpp"
#include "identity/deps.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/audit/group_commit.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/db/database.hpp"

namespace waymark::app {

struct Runtime {
  Config config;
  std::shared_ptr<const Clock> clock;  // the system clock, or a test's ManualClock
  crypto::Keyring keyring;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<audit::AuditLog> audit;
  std::unique_ptr<audit::GroupCommit> audit_reads;

  identity::Deps deps() const;
};

// Loads the key file and opens the database; refuses a schema that is not exactly the one this
// program was built for (pending migrations, or a newer database).
Result<std::unique_ptr<Runtime>> OpenRuntime(
    const Config& config, std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>());

// Opens the database only (migrate needs no keys).
Result<std::unique_ptr<db::Database>> OpenDatabase(const Config& config);

}  // namespace waymark::app
