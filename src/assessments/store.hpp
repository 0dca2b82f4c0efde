// The SQL of needs and risk assessments. Each assessment is one new row (never updated): the
// codes, dates and who recorded it in the clear, and the free text (descriptions of needs,
// strengths, notes on risks) as one JSON document encrypted with the organisation's data key,
// bound to table, column and row. Every function runs inside the caller's transaction and
// trusts the caller to have authorised the case; text is encrypted and decrypted here only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessments/model.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"
#include "platform/util/clock.hpp"

namespace waymark::assessments {

// Who saved an assessment, when, and which version it replaced.
struct Recorded {
  std::string id;  // the row's id
  std::string case_id;
  int version = 0;   // 1 for a case's first, then +1
  int based_on = 0;  // the version it was made from; 0 when it was the first
  TimePoint recorded_at{};
  std::string recorded_by;       // user id
  std::string recorded_by_name;  // filled by the service; "" from the store
};

struct StoredNeeds {
  Recorded recorded;
  NeedsAssessment assessment;  // assessment.version == recorded.version
};

struct StoredRisk {
  Recorded recorded;
  RiskAssessment assessment;
};

// One line of a list of versions, from the clear columns only (nothing is decrypted).
struct NeedsVersionSummary {
  Recorded recorded;
  AssessmentKind kind{};
  MeetingMode mode{};
  Date assessed_on{};
  int needs = 0;
  int unmet = 0;
};

struct RiskVersionSummary {
  Recorded recorded;
  Date assessed_on{};
  OverallRisk overall{};
  Date review_on{};
};

// The current risk assessment's review, for reminders and task lists.
struct RiskReviewDate {
  std::string case_id;
  int version = 0;
  OverallRisk overall{};
  Date review_on{};
  bool overdue = false;  // ReviewOverdue: the review date has passed
};

// The highest version saved for the case, or 0 when there is none.
int LatestNeedsVersion(db::Tx& tx, std::string_view case_id);
int LatestRiskVersion(db::Tx& tx, std::string_view case_id);

// Inserts a new version. A second insert of the same (case, version) throws db::UniqueViolation,
// which is how two people saving at once are told apart: the service turns it into a conflict.
void InsertNeeds(db::Tx& tx, const crypto::DataKey& key, std::string_view organisation_id,
                 const StoredNeeds& saved);
void InsertRisk(db::Tx& tx, const crypto::DataKey& key, std::string_view organisation_id,
                const StoredRisk& saved);

// One version, decrypted; nullopt when the case has no such version. A document that does not
// decrypt or read throws: tampering or a lost key is not an expected outcome.
std::optional<StoredNeeds> LoadNeeds(db::Tx& tx, const crypto::DataKey& key,
                                     std::string_view case_id, int version);
std::optional<StoredRisk> LoadRisk(db::Tx& tx, const crypto::DataKey& key, std::string_view case_id,
                                   int version);

// Every version of the case, newest first.
std::vector<NeedsVersionSummary> ListNeedsVersions(db::Tx& tx, std::string_view case_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater).
db::Later<std::vector<NeedsVersionSummary>> ListNeedsVersionsLater(db::Tx& tx,
                                                                   std::string_view case_id);
std::vector<RiskVersionSummary> ListRiskVersions(db::Tx& tx, std::string_view case_id);

// For other features (tasks, plans), from the clear columns of the current version. The caller
// must already have authorised the read of the case.
std::optional<RiskReviewDate> CurrentRiskReview(db::Tx& tx, std::string_view case_id, Date today);
db::Later<std::optional<RiskReviewDate>> CurrentRiskReviewLater(db::Tx& tx,
                                                                std::string_view case_id,
                                                                Date today);
// The areas of the current needs assessment's needs, each once, in AllNeedDomains() order;
// empty when the case has no needs assessment.
std::vector<NeedDomain> CurrentNeedAreas(db::Tx& tx, std::string_view case_id);

}  // namespace waymark::assessments
