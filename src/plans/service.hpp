// The support and safety plan's use cases inside a case: read the plan and its versions, start
// one, edit the draft (goals with actions, evidence for SFJBMS05's twenty points, the review
// date), check the answers, agree it with the person, approve it, and start a new version.
//
// Each call is one transaction through cases::RunCaseWork: the policy decision point decides
// about this actor and this case (reads kCaseView, changes kCaseEdit on an open case, approval
// kCasePlanApprove), then the pure rules in editing.hpp and lifecycle.hpp decide about the plan.
// Every change carries the revision it started from; a stale one is refused with kStalePlan and
// changes nothing. Audit events (plan.view, plan.edit, plan.agree, plan.approve, plan.revise)
// hold ids and codes only. Inputs and outputs are typed values so a JSON API can call the same
// functions as the pages.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/service.hpp"
#include "plans/check_answers.hpp"
#include "plans/editing.hpp"
#include "plans/lifecycle.hpp"
#include "plans/schedule.hpp"
#include "plans/store.hpp"

namespace waymark::plans {

inline constexpr std::string_view kStalePlan =
    "Someone else changed this plan while you were editing it. Your changes have not been "
    "saved: check the plan as it is now, then make your changes again";
inline constexpr std::string_view kNoPlan = "This case has no support and safety plan yet";
inline constexpr std::string_view kPlanExists = "This case already has a support and safety plan";

// A case's plan as the actor may see it.
struct PlanView {
  cases::CaseHeader header;
  cases::CaseAccess access;
  std::optional<StoredPlan> current;    // the newest version; nullopt when not started
  std::optional<int> in_force_version;  // the newest agreed or approved version
  std::vector<cases::Person> people;    // names for the user ids the plan mentions

  // Whether the actor may change the draft (not a break-glass reader, the case open).
  bool CanEdit() const;
  // The display name for a user id, or "Unknown user".
  std::string NameOf(std::string_view user_id) const;
};

struct CheckAnswersView {
  PlanView view;
  std::vector<AnswerRow> rows;      // CheckYourAnswers() of the draft
  std::vector<FieldError> missing;  // MissingBeforeAgreement() of the draft
};

// Every version of a case's plan, oldest first, with the view of the newest.
struct PlanHistory {
  PlanView view;
  std::vector<StoredPlan> versions;
};

// Evidence for one point, as a page of the standard's points sends it.
struct PointInput {
  int point = 0;
  EvidenceInput input;
};

class PlanService {
 public:
  explicit PlanService(identity::Deps deps) : deps_(deps) {}

  // The newest version (or none), audited as plan.view.
  Result<PlanView> Current(const identity::Actor& actor, std::string_view case_id,
                           const identity::Origin& origin);
  // One version as it was kept; NotFound for a version the case does not have.
  Result<PlanView> Version(const identity::Actor& actor, std::string_view case_id, int version,
                           const identity::Origin& origin);
  // Every version, oldest first, with names of who agreed and approved each.
  Result<PlanHistory> Versions(const identity::Actor& actor, std::string_view case_id,
                               const identity::Origin& origin);
  // The draft as rows of "check your answers", and what it still lacks before agreement.
  Result<CheckAnswersView> CheckAnswers(const identity::Actor& actor, std::string_view case_id,
                                        const identity::Origin& origin);

  // Version 1 as an empty draft; Conflict (kPlanExists) when the case has a plan.
  Result<StoredPlan> Start(const identity::Actor& actor, std::string_view case_id,
                           const identity::Origin& origin);
  // Adds a goal (`index` nullopt) or replaces goal `index` (0-based).
  Result<StoredPlan> SaveGoal(const identity::Actor& actor, std::string_view case_id,
                              std::optional<size_t> index, const GoalInput& input,
                              int64_t expected_revision, const identity::Origin& origin);
  Result<StoredPlan> RemoveGoal(const identity::Actor& actor, std::string_view case_id,
                                size_t index, int64_t expected_revision,
                                const identity::Origin& origin);
  // Records evidence for several points at once. A point left blank that had no evidence is
  // skipped; recorded evidence cannot be blanked. Errors are named evidence-<point>,
  // evidence-5-language and evidence-5-format (the check-your-answers fields).
  Result<StoredPlan> RecordEvidence(const identity::Actor& actor, std::string_view case_id,
                                    const std::vector<PointInput>& points,
                                    int64_t expected_revision, const identity::Origin& origin);
  Result<StoredPlan> SetReviewDate(const identity::Actor& actor, std::string_view case_id,
                                   std::string_view review_on, int64_t expected_revision,
                                   const identity::Origin& origin);

  // Agrees the draft with the person (Invalid, listing every gap, when it is incomplete).
  Result<StoredPlan> Agree(const identity::Actor& actor, std::string_view case_id,
                           const AgreementInput& input, int64_t expected_revision,
                           const identity::Origin& origin);
  // A service manager approves the agreed plan; never the worker who agreed it.
  Result<StoredPlan> Approve(const identity::Actor& actor, std::string_view case_id,
                             int64_t expected_revision, const identity::Origin& origin);
  // A new draft version from the agreed or approved one, which is kept as it was.
  Result<StoredPlan> Revise(const identity::Actor& actor, std::string_view case_id,
                            int64_t expected_revision, const identity::Origin& origin);

  // For task lists: the plan in force's review date and open actions (audited as plan.view).
  Result<PlanSchedule> Schedule(const identity::Actor& actor, std::string_view case_id,
                                const identity::Origin& origin);

  // The case overview's "Support and safety plan" section, from the current version's header
  // (clear columns only).
  static cases::CaseSection Section(const cases::Case& record,
                                    const std::optional<PlanHeader>& header, Date today);

 private:
  identity::Deps deps_;
};

// Registers the section with the case service.
void AddPlanSection(cases::CaseService& cases);

}  // namespace waymark::plans
