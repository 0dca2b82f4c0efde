// A fixture for audit log tests: a fresh database on each backend with the real schema applied,
// a generated keyring, a manual clock, and the tools an intruder with database access has
// (switching the append-only triggers off, computing the public chain hash).
// Thread safety: one fixture per test; AppendOne may be called from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/audit_log.hpp"
#include "platform/crypto/keyring.hpp"
#include "platform/db/database.hpp"
#include "platform/util/clock.hpp"
#include "tests/platform/db/test_database.hpp"

namespace waymark::audit::testing {

// Every column of one audit_events row.
struct EventRow {
  int64_t seq = 0;
  std::string at;
  std::optional<std::string> request_id, actor_id, organisation_id;
  std::string action, outcome;
  std::optional<std::string> subject_type, subject_id;
  std::string details, prev_hash, hash, mac;
};

// The chain hash as documented in audit_log.cpp, written again from its description: an intruder
// can do the same, which is why the MAC exists. Tests check it against stored hashes first.
std::string IntruderChainHash(const EventRow& row);

class AuditTest : public db::testing::DatabaseTest {
 protected:
  void SetUp() override;

  // A distinct, personal-data-free event for `index`.
  static Event SampleEvent(int index);
  // Appends `count` events in one transaction; returns the sequence numbers Append gave.
  std::vector<int64_t> AppendEvents(int count, int first_index = 1);
  // Appends one event in its own transaction.
  int64_t AppendOne(int index);

  // Runs one statement with the append-only triggers out of the way (SQLite: dropped;
  // PostgreSQL: disabled for the statement's transaction).
  void Tamper(std::string_view sql, const db::Params& params = {});
  // Several statements, as Tamper, in one transaction.
  void TamperAll(const std::vector<std::pair<std::string, db::Params>>& statements);

  std::optional<EventRow> ReadEvent(int64_t seq);
  std::vector<int64_t> StoredSequenceNumbers();
  struct Head {
    int64_t seq;
    std::string hash;
  };
  Head ReadHead();

  VerifyReport VerifyWithOwnKey() { return Verify(db(), keys_.audit_mac_key()); }
  Anchor AnchorNow() {
    return MakeAnchor(db(), keys_.audit_signing_seed(), keys_.audit_public_key(), clock_);
  }

  crypto::Keyring keys_ = crypto::Keyring::Generate();
  ManualClock clock_{TimePoint(std::chrono::seconds(1'800'000'000))};
  AuditLog log_{keys_.audit_mac_key(), clock_};
};

}  // namespace waymark::audit::testing
