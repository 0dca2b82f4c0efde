// The SQL of case records: cases, their saved versions, blind-index search keys, assigned
// workers and break-glass grants. Every function runs inside the caller's transaction; personal
// details are encrypted and decrypted here with the organisation's data key and nowhere else.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/model.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"
#include "platform/util/ids.hpp"

namespace waymark::cases {

// The columns of a case without decrypting anything: enough to decide access.
struct CaseHeader {
  std::string id;
  std::string organisation_id;
  std::string reference;
  int64_t version = 1;
  CaseStatus status = CaseStatus::kOpen;
};

std::optional<CaseHeader> FindCaseHeader(db::Tx& tx, std::string_view id);

// A case's header with what the policy needs to know about one user and it: whether they are
// assigned, and until when a live break-glass lets them read it. One statement, since every
// request inside a case starts here (on PostgreSQL each statement is a round trip).
struct CaseHeaderForUser {
  CaseHeader header;
  bool assigned = false;
  std::optional<TimePoint> break_glass_until;
  // With CaseRow::kWhole: the whole row, personal details still encrypted, for DecryptCase once
  // the policy has allowed the read (a statement fewer than LoadCase afterwards).
  std::optional<db::Row> sealed;
};
enum class CaseRow { kHeader, kWhole };
std::optional<CaseHeaderForUser> FindCaseHeaderForUser(db::Tx& tx, std::string_view id,
                                                       std::string_view user_id, TimePoint now,
                                                       CaseRow columns = CaseRow::kHeader);
Case DecryptCase(const db::Row& sealed, const crypto::DataKey& key);
std::optional<CaseHeader> FindCaseHeaderByReference(db::Tx& tx, std::string_view reference);

// The denormalised copies the case lists filter on, kept by the features that own them: the NRM
// stage (from the pathway's replayed events) and the current risk level ("low", "medium",
// "high"). They do not change the case's version.
void SetNrmStage(db::Tx& tx, std::string_view case_id, std::string_view stage);
void SetRiskLevel(db::Tx& tx, std::string_view case_id, std::string_view level);

// A short reference (WM-XXXX-XXXX) no case has yet. References are 40 random bits, so among
// 100,000 cases two alike are a real chance (about 1 in 200); this draws again until it finds
// a free one, at most 10 times, then throws (a broken generator, not an expected outcome).
// `draw` is NewShortReference except in tests.
std::string NewCaseReference(db::Tx& tx, std::string (*draw)() = NewShortReference);

// Loads and decrypts one case; a ciphertext that does not decrypt throws (tampering or a
// lost key is not an expected outcome).
std::optional<Case> LoadCase(db::Tx& tx, const crypto::DataKey& key, std::string_view id);

// Loads and decrypts the cases with these ids, in a few statements rather than one a case; ids
// with no case are left out.
std::map<std::string, Case> LoadCases(db::Tx& tx, const crypto::DataKey& key,
                                      const std::vector<std::string>& ids);

// Inserts `c` (version 1) with its first saved version and search keys.
void InsertCase(db::Tx& tx, const crypto::DataKey& key, const Case& c, std::string_view actor_id,
                TimePoint now);
// Saves `c` as version expected_version + 1; false (and nothing written) when the stored
// version is no longer `expected_version`.
bool UpdateCase(db::Tx& tx, const crypto::DataKey& key, const Case& c, int64_t expected_version,
                std::string_view actor_id, TimePoint now);
bool CloseCase(db::Tx& tx, std::string_view id, std::string_view reason, Date on,
               int64_t expected_version, std::string_view actor_id, TimePoint now);

struct CaseVersion {
  int64_t version = 0;
  TimePoint changed_at{};
  std::string changed_by;  // user id
  ClearDetails clear;
  PersonalDetails personal;
};
std::vector<CaseVersion> ListVersions(db::Tx& tx, const crypto::DataKey& key,
                                      std::string_view case_id);

// Filters for lists; nullopt means any.
struct CaseFilter {
  std::optional<std::string> worker_id;  // only cases assigned to this user
  std::optional<CaseStatus> status;
  std::optional<std::string> nrm_stage;   // a stored stage code
  std::optional<std::string> risk_level;  // a stored level; "" is not yet assessed
  int limit = 50;
  int offset = 0;
};
struct CaseListing {
  std::vector<Case> cases;
  int64_t total = 0;
};
// A page of the list and the total, read with the transaction's other queued reads (the key
// among them: db::Tx::QueryLater), and decrypted at Get.
db::Later<CaseListing> ListCasesLater(db::Tx& tx, db::Later<crypto::DataKey> key,
                                      std::string_view organisation_id, const CaseFilter& filter);

// Ids of cases whose search keys match the name (as a family name or a full name, of the name or
// any other name) and, if given, the date of birth. Candidates only: blind indexes are
// truncated, so callers decrypt and compare.
// With `only_reachable_by`, only cases that user is assigned to or holds live break-glass
// access to (at `now`): for people who may not see the provider's other cases, so the caller
// does not fetch and check candidates it would drop.
struct Reach {
  std::string user_id;
  TimePoint now{};
};
std::vector<std::string> CandidatesByName(db::Tx& tx, const crypto::DataKey& key,
                                          std::string_view organisation_id, std::string_view name,
                                          std::optional<Date> date_of_birth,
                                          const std::optional<Reach>& only_reachable_by = {});

// Whether `name` (normalised) is one of the case's names: what a blind-index candidate must pass.
bool NameMatches(const PersonalDetails& personal, std::string_view name);

// Assigned workers: ids and names, in the order they were assigned, in one statement (joined
// with identity's users table, read only; an empty name if the user's row has gone).
struct AssignedWorker {
  std::string user_id;
  std::string display_name;
};
std::vector<AssignedWorker> AssignedWorkers(db::Tx& tx, std::string_view case_id);
// The same, read with the transaction's other queued reads (db::Tx::QueryLater).
db::Later<std::vector<AssignedWorker>> AssignedWorkersLater(db::Tx& tx, std::string_view case_id);
bool IsAssigned(db::Tx& tx, std::string_view case_id, std::string_view user_id);
bool AssignWorker(db::Tx& tx, std::string_view case_id, std::string_view organisation_id,
                  std::string_view user_id, std::string_view by, TimePoint now);
bool UnassignWorker(db::Tx& tx, std::string_view case_id, std::string_view user_id);

// Break-glass grants.
struct BreakGlass {
  std::string id;
  std::string case_id;
  std::string case_reference;
  std::string user_id;
  std::string reason;  // decrypted
  TimePoint opened_at{};
  TimePoint expires_at{};
  std::optional<std::string> reviewed_by;
  std::optional<TimePoint> reviewed_at;
  std::string review_note;
  int64_t version = 1;
};
void InsertBreakGlass(db::Tx& tx, const crypto::DataKey& key, const BreakGlass& grant,
                      std::string_view organisation_id);
std::vector<BreakGlass> ListBreakGlass(db::Tx& tx, const crypto::DataKey& key,
                                       std::string_view organisation_id, bool unreviewed_only);
// How many of the organisation's grants no service manager has reviewed yet (no key needed).
int64_t CountUnreviewedBreakGlass(db::Tx& tx, std::string_view organisation_id);
std::vector<BreakGlass> ListBreakGlassForCase(db::Tx& tx, const crypto::DataKey& key,
                                              std::string_view case_id);
bool MarkBreakGlassReviewed(db::Tx& tx, const crypto::DataKey& key, std::string_view id,
                            std::string_view organisation_id, std::string_view reviewer,
                            std::string_view note, int64_t expected_version, TimePoint now);

}  // namespace waymark::cases
