// The SQL of support and safety plans: one row per version of a case's plan (see
// migrations/*/0007_plans.sql). Every function runs inside the caller's transaction; the free
// text is encrypted and decrypted here with the organisation's data key and nowhere else.
// A document that does not decrypt or read throws (tampering or a lost key is not an expected
// outcome).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plans/model.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"

namespace waymark::plans {

struct StoredPlan {
  Plan plan;
  // Counts every change to the case's plan across versions: what a form carries.
  int64_t revision = 1;
  TimePoint created_at{};
  std::string created_by;
  TimePoint updated_at{};
  std::string updated_by;
};

// The clear columns of the newest version, without the key: enough for the case overview.
struct PlanHeader {
  int version = 1;
  PlanStatus status = PlanStatus::kDraft;
  std::optional<Date> review_on;
  int64_t revision = 1;
};
std::optional<PlanHeader> FindCurrentPlanHeader(db::Tx& tx, std::string_view case_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater).
db::Later<std::optional<PlanHeader>> FindCurrentPlanHeaderLater(db::Tx& tx,
                                                                std::string_view case_id);

// Every version, oldest first; empty when no plan has been started.
std::vector<StoredPlan> LoadPlanVersions(db::Tx& tx, const crypto::DataKey& key,
                                         std::string_view case_id);
std::optional<StoredPlan> LoadPlanVersion(db::Tx& tx, const crypto::DataKey& key,
                                          std::string_view case_id, int version);
std::optional<StoredPlan> LoadCurrentPlan(db::Tx& tx, const crypto::DataKey& key,
                                          std::string_view case_id);

// Inserts `plan` (a draft) as a new version row with `revision`.
void InsertPlanVersion(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                       std::string_view organisation_id, const Plan& plan, int64_t revision,
                       std::string_view actor_id, TimePoint now);

// Writes a draft's content, and its agreement when `plan` is now agreed, as revision
// expected_revision + 1. False (nothing written) when the row is no longer a draft at that
// revision.
bool SaveDraft(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id, const Plan& plan,
               int64_t expected_revision, std::string_view actor_id, TimePoint now);

// Adds the approval to an agreed version, as revision expected_revision + 1; its content is
// untouched. False when the row is no longer agreed at that revision.
bool SaveApproval(db::Tx& tx, std::string_view case_id, int version, const Approval& approval,
                  int64_t expected_revision, TimePoint now);

}  // namespace waymark::plans
