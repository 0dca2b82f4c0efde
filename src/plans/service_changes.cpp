// The plan's changes: each loads the newest version, checks the revision the person started
// from, lets a pure rule make the change, writes it and audits it.
#include <algorithm>
#include <cctype>
#include <functional>

#include "assessments/form_rules.hpp"
#include "plans/service.hpp"
#include "plans/service_internal.hpp"
#include "tasks/store.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::plans {

using cases::CaseWork;
using cases::RunCaseWork;
using PolicyAction = identity::Action;
using identity::Actor;
using identity::Origin;

namespace {

using Change = std::function<Result<Plan>(const Plan&, CaseWork&)>;

// Loads the newest version for a change the actor may make, refusing a stale revision.
Result<StoredPlan> LoadForChange(CaseWork& w, const crypto::DataKey& key, std::string_view case_id,
                                 int64_t expected_revision) {
  auto current = LoadCurrentPlan(w.tx, key, case_id);
  if (!current) return Fail(Problem::NotFound(std::string(kNoPlan)));
  if (current->revision != expected_revision) {
    return Fail(Problem::Conflict(std::string(kStalePlan)));
  }
  return *current;
}

// The plan in force's review date, for "my tasks": replaced after every change that can move it.
void KeepPlanDeadlines(CaseWork& w, const crypto::DataKey& key, const cases::CaseHeader& header) {
  std::vector<Plan> plans;
  for (auto& v : LoadPlanVersions(w.tx, key, header.id)) plans.push_back(std::move(v.plan));
  PlanSchedule schedule = ScheduleFor(PlanInForce(plans), w.today);
  std::vector<tasks::Deadline> deadlines;
  if (schedule.review_on) deadlines.push_back({"plan.review", *schedule.review_on});
  tasks::ReplaceDeadlines(w.tx, header.id, header.organisation_id, "plan", deadlines);
}

// A change to the draft (or its agreement): AuthoriseChange, the rule, SaveDraft, the event.
Result<StoredPlan> ChangeDraft(const identity::Deps& deps, const Actor& actor,
                               std::string_view case_id, int64_t expected_revision,
                               const Origin& origin, std::string action, std::string change,
                               const Change& rule) {
  return RunCaseWork<StoredPlan>(deps, actor, origin, [&](CaseWork& w) -> Result<StoredPlan> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    auto key = w.Key();
    auto current = LoadForChange(w, key, found->header.id, expected_revision);
    if (!current) return current;
    auto changed = rule(current->plan, w);
    if (!changed) return Fail(changed.error());
    if (!SaveDraft(w.tx, key, found->header.id, *changed, expected_revision, actor.user_id,
                   w.now)) {
      return Fail(Problem::Conflict(std::string(kStalePlan)));
    }
    KeepPlanDeadlines(w, key, found->header);
    auto event = w.Event(std::move(action), found->header.id);
    event.details = {{"version", std::to_string(changed->version)}};
    if (!change.empty()) event.details.emplace_back("change", std::move(change));
    w.Audit(std::move(event));
    StoredPlan out = *current;
    out.plan = std::move(*changed);
    out.revision = expected_revision + 1;
    out.updated_at = w.now;
    out.updated_by = actor.user_id;
    return out;
  });
}

// "text" -> "evidence-7", "language" -> "evidence-5-language": the check-your-answers names.
Problem EvidenceProblem(int point, const Problem& problem) {
  Problem out = problem;
  std::string prefix = "evidence-" + std::to_string(point);
  for (auto& field : out.fields) {
    field.field = field.field == "text" ? prefix : prefix + "-" + field.field;
  }
  return out;
}

constexpr std::string_view kUnknownLanguage =
    "Enter a language code from ISO 639-3, like sqi for Albanian or vie for Vietnamese";

// The rules check a language code's shape; whether it names a language is the vocabulary's.
bool UnknownLanguage(std::string_view code) {
  std::string lowered = Trim(code);
  for (char& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return LooksLikeLanguageCode(lowered) && vocabulary::FindLanguage(lowered) == nullptr;
}

bool IsBlank(const EvidenceInput& input) {
  return Trim(input.text).empty() && Trim(input.language).empty() && Trim(input.format).empty();
}

}  // namespace

Result<StoredPlan> PlanService::Start(const Actor& actor, std::string_view case_id,
                                      const Origin& origin) {
  return RunCaseWork<StoredPlan>(deps_, actor, origin, [&](CaseWork& w) -> Result<StoredPlan> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    if (FindCurrentPlanHeader(w.tx, found->header.id)) {
      return Fail(Problem::Conflict(std::string(kPlanExists)));
    }
    auto key = w.Key();
    StoredPlan out{Plan{}, 1, w.now, actor.user_id, w.now, actor.user_id};
    InsertPlanVersion(w.tx, key, found->header.id, found->header.organisation_id, out.plan, 1,
                      actor.user_id, w.now);
    auto event = w.Event("plan.edit", found->header.id);
    event.details = {{"version", std::string("1")}, {"change", std::string("start")}};
    w.Audit(std::move(event));
    return out;
  });
}

Result<StoredPlan> PlanService::SaveGoal(const Actor& actor, std::string_view case_id,
                                         std::optional<size_t> index, const GoalInput& input,
                                         int64_t expected_revision, const Origin& origin) {
  return ChangeDraft(deps_, actor, case_id, expected_revision, origin, "plan.edit",
                     index ? "goal.change" : "goal.add", [&](const Plan& plan, CaseWork&) {
                       return index ? ReplaceGoal(plan, *index, input) : AddGoal(plan, input);
                     });
}

Result<StoredPlan> PlanService::RemoveGoal(const Actor& actor, std::string_view case_id,
                                           size_t index, int64_t expected_revision,
                                           const Origin& origin) {
  return ChangeDraft(deps_, actor, case_id, expected_revision, origin, "plan.edit", "goal.remove",
                     [&](const Plan& plan, CaseWork&) { return plans::RemoveGoal(plan, index); });
}

Result<StoredPlan> PlanService::RecordEvidence(const Actor& actor, std::string_view case_id,
                                               const std::vector<PointInput>& points,
                                               int64_t expected_revision, const Origin& origin) {
  return ChangeDraft(
      deps_, actor, case_id, expected_revision, origin, "plan.edit", "evidence",
      [&](const Plan& plan, CaseWork&) -> Result<Plan> {
        if (auto editable = CheckEditable(plan); !editable) return Fail(editable.error());
        Plan out = plan;
        std::vector<FieldError> errors;
        for (const auto& [point, input] : points) {
          if (IsBlank(input) && !plan.EvidenceFor(point)) continue;
          auto recorded = plans::RecordEvidence(out, point, input);
          if (recorded) {
            out = std::move(*recorded);
          } else if (recorded.error().kind == ProblemKind::kInvalid) {
            for (auto& e : EvidenceProblem(point, recorded.error()).fields) errors.push_back(e);
          } else {
            return Fail(recorded.error());
          }
        }
        for (const auto& [point, input] : points) {
          std::string field = "evidence-" + std::to_string(point) + "-language";
          bool reported = std::any_of(errors.begin(), errors.end(),
                                      [&](const FieldError& e) { return e.field == field; });
          if (point == kRightsInformationPoint && !reported && UnknownLanguage(input.language)) {
            errors.push_back({field, std::string(kUnknownLanguage)});
          }
        }
        if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
        return out;
      });
}

Result<StoredPlan> PlanService::SetReviewDate(const Actor& actor, std::string_view case_id,
                                              std::string_view review_on, int64_t expected_revision,
                                              const Origin& origin) {
  return ChangeDraft(deps_, actor, case_id, expected_revision, origin, "plan.edit", "review_on",
                     [&](const Plan& plan, CaseWork& w) {
                       return plans::SetReviewDate(plan, review_on, w.today);
                     });
}

Result<StoredPlan> PlanService::Agree(const Actor& actor, std::string_view case_id,
                                      const AgreementInput& input, int64_t expected_revision,
                                      const Origin& origin) {
  return ChangeDraft(deps_, actor, case_id, expected_revision, origin, "plan.agree", "",
                     [&](const Plan& plan, CaseWork& w) -> Result<Plan> {
                       auto agreed = plans::Agree(plan, input, actor.user_id, w.today);
                       if (!UnknownLanguage(input.language)) return agreed;
                       // Reported with everything else the rules found.
                       Problem problem = agreed ? Problem::Invalid(std::vector<FieldError>{},
                                                                   "The plan cannot be "
                                                                   "agreed yet")
                                                : agreed.error();
                       problem.fields.push_back({"language", std::string(kUnknownLanguage)});
                       return Fail(std::move(problem));
                     });
}

Result<StoredPlan> PlanService::Approve(const Actor& actor, std::string_view case_id,
                                        int64_t expected_revision, const Origin& origin) {
  return RunCaseWork<StoredPlan>(deps_, actor, origin, [&](CaseWork& w) -> Result<StoredPlan> {
    auto found = w.Authorise(case_id, PolicyAction::kCasePlanApprove);
    if (!found) return Fail(found.error());
    if (found->header.status == cases::CaseStatus::kClosed) {
      return Fail(Problem::Conflict(std::string(cases::kClosedCase)));
    }
    auto key = w.Key();
    auto current = LoadForChange(w, key, found->header.id, expected_revision);
    if (!current) return current;
    auto approved = plans::Approve(current->plan, actor.user_id, w.today);
    if (!approved) {
      if (approved.error().kind == ProblemKind::kForbidden) {
        // The four-eyes rule refused: kept in the audit log like a policy refusal.
        w.denial = w.Event("plan.approve", found->header.id, audit::Outcome::kDenied);
        w.denial->details = {{"version", std::to_string(current->plan.version)},
                             {"reason", std::string("approver_agreed_the_plan")}};
      }
      return Fail(approved.error());
    }
    if (!SaveApproval(w.tx, found->header.id, approved->version, *approved->approval,
                      expected_revision, w.now)) {
      return Fail(Problem::Conflict(std::string(kStalePlan)));
    }
    KeepPlanDeadlines(w, key, found->header);
    auto event = w.Event("plan.approve", found->header.id);
    event.details = {{"version", std::to_string(approved->version)}};
    w.Audit(std::move(event));
    StoredPlan out = *current;
    out.plan = std::move(*approved);
    out.revision = expected_revision + 1;
    out.updated_at = w.now;
    out.updated_by = actor.user_id;
    return out;
  });
}

Result<StoredPlan> PlanService::Revise(const Actor& actor, std::string_view case_id,
                                       int64_t expected_revision, const Origin& origin) {
  return RunCaseWork<StoredPlan>(deps_, actor, origin, [&](CaseWork& w) -> Result<StoredPlan> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    auto key = w.Key();
    auto current = LoadForChange(w, key, found->header.id, expected_revision);
    if (!current) return current;
    auto revised = plans::Revise(current->plan);
    if (!revised) return Fail(revised.error());
    StoredPlan out{std::move(*revised), expected_revision + 1, w.now, actor.user_id, w.now,
                   actor.user_id};
    InsertPlanVersion(w.tx, key, found->header.id, found->header.organisation_id, out.plan,
                      out.revision, actor.user_id, w.now);
    KeepPlanDeadlines(w, key, found->header);
    auto event = w.Event("plan.revise", found->header.id);
    event.details = {{"version", std::to_string(out.plan.version)},
                     {"from_version", std::to_string(current->plan.version)}};
    w.Audit(std::move(event));
    return out;
  });
}

}  // namespace waymark::plans
