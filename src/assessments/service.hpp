// Needs and risk assessments inside a case: record a new version, read the current one or any
// earlier one, list the versions, and the two facts other features need (the risk review date,
// the areas of need). Inputs and outputs are typed structs so a JSON API can call the same
// functions as the pages.
//
// Each call is one transaction through cases::RunCaseWork: the policy decides about this actor
// and this case (reads need case.view, so a break-glass reader can read; recording needs
// case.edit on an open case), every read and every record is audited (assessment.view,
// assessment.needs.record, assessment.risk.record, with ids, codes and levels only), and a
// refusal is audited as permission.denied. Another provider's case is "not found".
//
// Versions: an assessment is never overwritten. Recording one names the version it was based
// on (0 for a case's first); if someone saved a newer one meanwhile it is refused with
// Problem::Conflict and nothing is written.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessments/model.hpp"
#include "assessments/review_policy.hpp"
#include "assessments/store.hpp"
#include "cases/service.hpp"
#include "identity/deps.hpp"
#include "identity/sign_in.hpp"

namespace waymark::assessments {

inline constexpr std::string_view kStaleNeeds =
    "Someone else recorded a needs assessment for this case while you were working on yours. "
    "Yours has not been saved: read theirs, then record yours again";
inline constexpr std::string_view kStaleRisk =
    "Someone else recorded a risk assessment for this case while you were working on yours. "
    "Yours has not been saved: read theirs, then record yours again";
inline constexpr std::string_view kNoSuchNeeds =
    "There is no needs assessment with that number for this case";
inline constexpr std::string_view kNoSuchRisk =
    "There is no risk assessment with that number for this case";

// The case an answer is about, for captions and links.
struct AssessedCase {
  std::string id;
  std::string reference;
  bool can_record = false;  // may record a new assessment (assigned or manager; case open)
};

// Both kinds for one case: the current of each (if any) and every version, newest first.
struct AssessmentsOverview {
  AssessedCase about;
  std::optional<StoredNeeds> needs{};
  std::optional<StoredRisk> risk{};
  bool risk_review_overdue = false;
  std::vector<NeedsVersionSummary> needs_versions{};
  std::vector<RiskVersionSummary> risk_versions{};
};

struct NeedsVersionView {
  AssessedCase about;
  StoredNeeds saved;
  bool current = false;  // no newer version exists
};

struct RiskVersionView {
  AssessedCase about;
  StoredRisk saved;
  bool current = false;
  bool review_overdue = false;  // only meaningful when current
};

// What a form to record a new assessment starts from: the current one, to prefill a review.
struct NeedsDraft {
  AssessedCase about;
  std::optional<StoredNeeds> current{};
  Date today{};
};

struct RiskDraft {
  AssessedCase about;
  std::optional<StoredRisk> current{};
  Date today{};
  RiskReviewPolicy policy{};  // in force today: how soon each level must be reviewed
};

class AssessmentService {
 public:
  // `policies` must outlive the service.
  explicit AssessmentService(
      identity::Deps deps, const RiskReviewPolicyTable& policies = RiskReviewPolicyTable::Default())
      : deps_(deps), policies_(policies) {}

  Result<AssessmentsOverview> Overview(const identity::Actor& actor, std::string_view case_id,
                                       const identity::Origin& origin);
  Result<std::vector<NeedsVersionSummary>> NeedsVersions(const identity::Actor& actor,
                                                         std::string_view case_id,
                                                         const identity::Origin& origin);
  Result<std::vector<RiskVersionSummary>> RiskVersions(const identity::Actor& actor,
                                                       std::string_view case_id,
                                                       const identity::Origin& origin);
  // One version; version 0 means the current one. NotFound when there is no such version.
  Result<NeedsVersionView> Needs(const identity::Actor& actor, std::string_view case_id,
                                 int version, const identity::Origin& origin);
  Result<RiskVersionView> Risk(const identity::Actor& actor, std::string_view case_id, int version,
                               const identity::Origin& origin);

  // For the forms: refused unless the actor may record (case.edit, case open).
  Result<NeedsDraft> StartNeeds(const identity::Actor& actor, std::string_view case_id,
                                const identity::Origin& origin);
  Result<RiskDraft> StartRisk(const identity::Actor& actor, std::string_view case_id,
                              const identity::Origin& origin);

  // Validates (every problem at once, as Problem::Invalid), refuses a stale `based_on`, and
  // saves a new version. Recording a risk assessment also sets the case list's risk level.
  Result<StoredNeeds> RecordNeeds(const identity::Actor& actor, std::string_view case_id,
                                  const NeedsAssessmentInput& input, int based_on,
                                  const identity::Origin& origin);
  Result<StoredRisk> RecordRisk(const identity::Actor& actor, std::string_view case_id,
                                const RiskAssessmentInput& input, int based_on,
                                const identity::Origin& origin);

  // For reminders and plans: the current risk review (nullopt when never assessed) and the
  // areas of the current needs assessment. Audited as reads.
  Result<std::optional<RiskReviewDate>> RiskReview(const identity::Actor& actor,
                                                   std::string_view case_id,
                                                   const identity::Origin& origin);
  Result<std::vector<NeedDomain>> NeedAreas(const identity::Actor& actor, std::string_view case_id,
                                            const identity::Origin& origin);

 private:
  identity::Deps deps_;
  const RiskReviewPolicyTable& policies_;
};

// The case overview's two sections, "Needs assessment" and "Risk assessment": register them with
// cases::CaseService::AddSection. They read only the clear columns.
cases::SectionSummariser NeedsSection();
cases::SectionSummariser RiskSection();

}  // namespace waymark::assessments
