// What identity's services need from the platform, passed in once by the app.
// Everything referenced must outlive the services.
#pragma once

#include <chrono>

#include "platform/audit/audit_log.hpp"
#include "platform/audit/group_commit.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/db/database.hpp"
#include "platform/util/clock.hpp"

namespace waymark::identity {

struct SessionLimits {
  std::chrono::minutes idle{15};
  std::chrono::hours absolute{12};
};

struct Deps {
  db::Database& db;
  const crypto::Keyring& keyring;
  const Clock& clock;
  const audit::AuditLog& audit;
  // Where reads (which run in read transactions) commit their audit events, grouped.
  audit::GroupCommit& audit_reads;
  SessionLimits limits;
};

}  // namespace waymark::identity
