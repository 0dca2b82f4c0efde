#include "plans/service.hpp"

#include <algorithm>

#include "identity/users.hpp"
#include "plans/service_internal.hpp"

namespace waymark::plans {

using cases::CaseWork;
using cases::RunCaseRead;
using cases::RunCaseWork;
using PolicyAction = identity::Action;
using identity::Actor;
using identity::Origin;

namespace internal {

std::optional<int> InForceVersion(const std::vector<StoredPlan>& versions) {
  std::vector<Plan> plans;
  for (const auto& v : versions) plans.push_back(v.plan);
  auto in_force = PlanInForce(plans);
  if (!in_force) return std::nullopt;
  return in_force->version;
}

PlanView MakeView(CaseWork& w, cases::AuthorisedCase found, std::optional<StoredPlan> current,
                  const std::vector<StoredPlan>& versions) {
  PlanView view{std::move(found.header),
                std::move(found.access),
                std::move(current),
                InForceVersion(versions),
                {}};
  auto add_person = [&](const std::string& id) {
    if (id.empty()) return;
    for (const auto& p : view.people) {
      if (p.user_id == id) return;
    }
    auto user = identity::FindUser(w.tx, id);
    view.people.push_back({id, user ? user->display_name : std::string("Unknown user")});
  };
  auto add_plan = [&](const Plan& plan) {
    if (plan.agreement) add_person(plan.agreement->agreed_by);
    if (plan.approval) add_person(plan.approval->approved_by);
  };
  for (const auto& v : versions) add_plan(v.plan);
  if (view.current) add_plan(view.current->plan);
  return view;
}

}  // namespace internal

bool PlanView::CanEdit() const {
  return access.can_edit && header.status == cases::CaseStatus::kOpen;
}

std::string PlanView::NameOf(std::string_view user_id) const {
  for (const auto& p : people) {
    if (p.user_id == user_id) return p.display_name;
  }
  return "Unknown user";
}

namespace {

audit::Event ViewEvent(CaseWork& w, const cases::AuthorisedCase& found, std::string_view what) {
  auto event = w.Event("plan.view", found.header.id);
  event.details = {{"page", std::string(what)}};
  if (!found.access.assigned && !found.access.manager) {
    event.details.emplace_back("access", "break_glass");
  }
  return event;
}

}  // namespace

Result<PlanView> PlanService::Current(const Actor& actor, std::string_view case_id,
                                      const Origin& origin) {
  return RunCaseRead<PlanView>(deps_, actor, origin, [&](CaseWork& w) -> Result<PlanView> {
    auto found = w.Authorise(case_id, PolicyAction::kCaseView);
    if (!found) return Fail(found.error());
    auto key = w.Key();
    auto versions = LoadPlanVersions(w.tx, key, found->header.id);
    w.Audit(ViewEvent(w, *found, "plan"));
    std::optional<StoredPlan> current;
    if (!versions.empty()) current = versions.back();
    return internal::MakeView(w, std::move(*found), std::move(current), versions);
  });
}

Result<PlanView> PlanService::Version(const Actor& actor, std::string_view case_id, int version,
                                      const Origin& origin) {
  return RunCaseRead<PlanView>(deps_, actor, origin, [&](CaseWork& w) -> Result<PlanView> {
    auto found = w.Authorise(case_id, PolicyAction::kCaseView);
    if (!found) return Fail(found.error());
    auto key = w.Key();
    auto versions = LoadPlanVersions(w.tx, key, found->header.id);
    auto it = std::find_if(versions.begin(), versions.end(),
                           [&](const StoredPlan& v) { return v.plan.version == version; });
    if (it == versions.end()) {
      return Fail(Problem::NotFound("This plan has no version " + std::to_string(version)));
    }
    auto event = ViewEvent(w, *found, "version");
    event.details.emplace_back("version", std::to_string(version));
    w.Audit(std::move(event));
    StoredPlan shown = *it;
    return internal::MakeView(w, std::move(*found), std::move(shown), versions);
  });
}

Result<PlanHistory> PlanService::Versions(const Actor& actor, std::string_view case_id,
                                          const Origin& origin) {
  using Out = PlanHistory;
  return RunCaseRead<Out>(deps_, actor, origin, [&](CaseWork& w) -> Result<Out> {
    auto found = w.Authorise(case_id, PolicyAction::kCaseView);
    if (!found) return Fail(found.error());
    auto key = w.Key();
    auto versions = LoadPlanVersions(w.tx, key, found->header.id);
    w.Audit(ViewEvent(w, *found, "versions"));
    std::optional<StoredPlan> current;
    if (!versions.empty()) current = versions.back();
    auto view = internal::MakeView(w, std::move(*found), std::move(current), versions);
    return Out{std::move(view), std::move(versions)};
  });
}

Result<CheckAnswersView> PlanService::CheckAnswers(const Actor& actor, std::string_view case_id,
                                                   const Origin& origin) {
  return RunCaseRead<CheckAnswersView>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<CheckAnswersView> {
        auto found = w.Authorise(case_id, PolicyAction::kCaseView);
        if (!found) return Fail(found.error());
        auto key = w.Key();
        auto versions = LoadPlanVersions(w.tx, key, found->header.id);
        if (versions.empty()) return Fail(Problem::NotFound(std::string(kNoPlan)));
        w.Audit(ViewEvent(w, *found, "check_answers"));
        const Plan& plan = versions.back().plan;
        CheckAnswersView out{{}, CheckYourAnswers(plan), MissingBeforeAgreement(plan)};
        out.view = internal::MakeView(w, std::move(*found), versions.back(), versions);
        return out;
      });
}

Result<PlanSchedule> PlanService::Schedule(const Actor& actor, std::string_view case_id,
                                           const Origin& origin) {
  return RunCaseRead<PlanSchedule>(deps_, actor, origin, [&](CaseWork& w) -> Result<PlanSchedule> {
    auto found = w.Authorise(case_id, PolicyAction::kCaseView);
    if (!found) return Fail(found.error());
    auto key = w.Key();
    std::vector<Plan> plans;
    for (auto& v : LoadPlanVersions(w.tx, key, found->header.id)) plans.push_back(v.plan);
    w.Audit(ViewEvent(w, *found, "schedule"));
    return ScheduleFor(PlanInForce(plans), w.today);
  });
}

cases::CaseSection PlanService::Section(const cases::Case& record,
                                        const std::optional<PlanHeader>& header, Date today) {
  cases::CaseSection section{"Support and safety plan", "/cases/" + record.id + "/plan",
                             "Not started"};
  if (!header) return section;
  switch (header->status) {
    case PlanStatus::kDraft:
      section.status = "Draft";
      break;
    case PlanStatus::kAgreed:
      section.status = "Agreed, awaiting approval";
      break;
    case PlanStatus::kApproved:
      section.status = "Approved";
      section.done = true;
      break;
  }
  if (header->review_on) {
    bool overdue = header->status != PlanStatus::kDraft && *header->review_on <= today;
    section.hint =
        (overdue ? "Review was due " : "Review by ") + FormatDateForPeople(*header->review_on);
  }
  return section;
}

void AddPlanSection(cases::CaseService& cases) {
  cases.AddSection([](CaseWork& work, const crypto::DataKey&, const cases::Case& record,
                      const cases::CaseAccess&) -> cases::SectionSummary {
    auto header = FindCurrentPlanHeaderLater(work.tx, record.id);
    return [header, &record, today = work.today]() mutable {
      return PlanService::Section(record, header.Get(), today);
    };
  });
}

}  // namespace waymark::plans
