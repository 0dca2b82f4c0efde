#include "assessments/service.hpp"

#include <map>

#include "cases/work.hpp"
#include "identity/users.hpp"
#include "platform/db/errors.hpp"
#include "platform/util/ids.hpp"
#include "tasks/store.hpp"

namespace waymark::assessments {

namespace {

using cases::AuthorisedCase;
using cases::CaseWork;
using cases::RunCaseRead;
using cases::RunCaseWork;
using identity::Action;
using identity::Actor;
using identity::Origin;

AssessedCase About(const AuthorisedCase& found) {
  return {found.header.id, found.header.reference,
          found.access.can_edit && found.header.status == cases::CaseStatus::kOpen};
}

// Display names for the people who recorded assessments, each looked up once.
class Names {
 public:
  explicit Names(db::Tx& tx) : tx_(tx) {}
  void Fill(Recorded& recorded) {
    auto [it, inserted] = names_.try_emplace(recorded.recorded_by);
    if (inserted) {
      auto user = identity::FindUser(tx_, recorded.recorded_by);
      it->second = user ? user->display_name : "Unknown user";
    }
    recorded.recorded_by_name = it->second;
  }

 private:
  db::Tx& tx_;
  std::map<std::string, std::string> names_;
};

// assessment.view with what was read; a read through break-glass says so, as case.view does.
void AuditView(CaseWork& w, const AuthorisedCase& found, std::string_view kind,
               std::string_view version) {
  auto event = w.Event("assessment.view", found.header.id);
  event.details = {{"kind", std::string(kind)}};
  if (!version.empty()) event.details.emplace_back("version", std::string(version));
  if (!found.access.assigned && !found.access.manager) {
    event.details.emplace_back("access", "break_glass");
  }
  w.Audit(std::move(event));
}

Recorded NewRecord(const CaseWork& w, std::string_view case_id, int based_on) {
  Recorded r;
  r.id = NewId();
  r.case_id = std::string(case_id);
  r.version = based_on + 1;
  r.based_on = based_on;
  r.recorded_at = w.now;
  r.recorded_by = w.actor.user_id;
  return r;
}

// Two people saving at once both pass the version check; the unique (case, version) key lets
// one through and throws for the other, whose transaction has then rolled back.
template <class T, class Fn>
Result<T> RunRecording(const identity::Deps& deps, const Actor& actor, const Origin& origin,
                       std::string_view stale_message, Fn&& fn) {
  try {
    return RunCaseWork<T>(deps, actor, origin, std::forward<Fn>(fn));
  } catch (const db::UniqueViolation&) {
    return Fail(Problem::Conflict(std::string(stale_message)));
  }
}

std::string CasePath(std::string_view case_id) { return "/cases/" + std::string(case_id); }

}  // namespace

Result<AssessmentsOverview> AssessmentService::Overview(const Actor& actor,
                                                        std::string_view case_id,
                                                        const Origin& origin) {
  return RunCaseRead<AssessmentsOverview>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<AssessmentsOverview> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        const std::string& id = found->header.id;
        crypto::DataKey key = w.Key();
        AssessmentsOverview out{.about = About(*found)};
        Names names(w.tx);
        out.needs_versions = ListNeedsVersions(w.tx, id);
        out.risk_versions = ListRiskVersions(w.tx, id);
        for (auto& v : out.needs_versions) names.Fill(v.recorded);
        for (auto& v : out.risk_versions) names.Fill(v.recorded);
        if (!out.needs_versions.empty()) {
          out.needs = LoadNeeds(w.tx, key, id, out.needs_versions.front().recorded.version);
          names.Fill(out.needs->recorded);
        }
        if (!out.risk_versions.empty()) {
          out.risk = LoadRisk(w.tx, key, id, out.risk_versions.front().recorded.version);
          names.Fill(out.risk->recorded);
          out.risk_review_overdue = ReviewOverdue(out.risk->assessment, w.today);
        }
        AuditView(w, *found, "all", "");
        return out;
      });
}

Result<std::vector<NeedsVersionSummary>> AssessmentService::NeedsVersions(const Actor& actor,
                                                                          std::string_view case_id,
                                                                          const Origin& origin) {
  return RunCaseRead<std::vector<NeedsVersionSummary>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<NeedsVersionSummary>> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        auto versions = ListNeedsVersions(w.tx, found->header.id);
        Names names(w.tx);
        for (auto& v : versions) names.Fill(v.recorded);
        AuditView(w, *found, "needs", "");
        return versions;
      });
}

Result<std::vector<RiskVersionSummary>> AssessmentService::RiskVersions(const Actor& actor,
                                                                        std::string_view case_id,
                                                                        const Origin& origin) {
  return RunCaseRead<std::vector<RiskVersionSummary>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<RiskVersionSummary>> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        auto versions = ListRiskVersions(w.tx, found->header.id);
        Names names(w.tx);
        for (auto& v : versions) names.Fill(v.recorded);
        AuditView(w, *found, "risk", "");
        return versions;
      });
}

Result<NeedsVersionView> AssessmentService::Needs(const Actor& actor, std::string_view case_id,
                                                  int version, const Origin& origin) {
  return RunCaseRead<NeedsVersionView>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<NeedsVersionView> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        const std::string& id = found->header.id;
        int latest = LatestNeedsVersion(w.tx, id);
        int wanted = version == 0 ? latest : version;
        crypto::DataKey key = w.Key();
        auto saved = wanted > 0 ? LoadNeeds(w.tx, key, id, wanted) : std::nullopt;
        if (!saved) return Fail(Problem::NotFound(std::string(kNoSuchNeeds)));
        Names(w.tx).Fill(saved->recorded);
        AuditView(w, *found, "needs", std::to_string(wanted));
        return NeedsVersionView{About(*found), std::move(*saved), wanted == latest};
      });
}

Result<RiskVersionView> AssessmentService::Risk(const Actor& actor, std::string_view case_id,
                                                int version, const Origin& origin) {
  return RunCaseRead<RiskVersionView>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<RiskVersionView> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        const std::string& id = found->header.id;
        int latest = LatestRiskVersion(w.tx, id);
        int wanted = version == 0 ? latest : version;
        crypto::DataKey key = w.Key();
        auto saved = wanted > 0 ? LoadRisk(w.tx, key, id, wanted) : std::nullopt;
        if (!saved) return Fail(Problem::NotFound(std::string(kNoSuchRisk)));
        Names(w.tx).Fill(saved->recorded);
        AuditView(w, *found, "risk", std::to_string(wanted));
        bool current = wanted == latest;
        bool overdue = current && ReviewOverdue(saved->assessment, w.today);
        return RiskVersionView{About(*found), std::move(*saved), current, overdue};
      });
}

Result<NeedsDraft> AssessmentService::StartNeeds(const Actor& actor, std::string_view case_id,
                                                 const Origin& origin) {
  return RunCaseRead<NeedsDraft>(deps_, actor, origin, [&](CaseWork& w) -> Result<NeedsDraft> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    const std::string& id = found->header.id;
    NeedsDraft out{.about = About(*found), .current = std::nullopt, .today = w.today};
    if (int latest = LatestNeedsVersion(w.tx, id); latest > 0) {
      crypto::DataKey key = w.Key();
      out.current = LoadNeeds(w.tx, key, id, latest);
      AuditView(w, *found, "needs", std::to_string(latest));
    }
    return out;
  });
}

Result<RiskDraft> AssessmentService::StartRisk(const Actor& actor, std::string_view case_id,
                                               const Origin& origin) {
  return RunCaseRead<RiskDraft>(deps_, actor, origin, [&](CaseWork& w) -> Result<RiskDraft> {
    auto found = w.AuthoriseChange(case_id);
    if (!found) return Fail(found.error());
    const std::string& id = found->header.id;
    auto policy = policies_.On(w.today);
    if (!policy) throw std::logic_error("no risk review policy is in force today");
    RiskDraft out{
        .about = About(*found), .current = std::nullopt, .today = w.today, .policy = *policy};
    if (int latest = LatestRiskVersion(w.tx, id); latest > 0) {
      crypto::DataKey key = w.Key();
      out.current = LoadRisk(w.tx, key, id, latest);
      AuditView(w, *found, "risk", std::to_string(latest));
    }
    return out;
  });
}

Result<StoredNeeds> AssessmentService::RecordNeeds(const Actor& actor, std::string_view case_id,
                                                   const NeedsAssessmentInput& input, int based_on,
                                                   const Origin& origin) {
  return RunRecording<StoredNeeds>(
      deps_, actor, origin, kStaleNeeds, [&](CaseWork& w) -> Result<StoredNeeds> {
        auto found = w.AuthoriseChange(case_id);
        if (!found) return Fail(found.error());
        auto valid = ValidateNeedsAssessment(input, w.today);
        if (!valid) return Fail(valid.error());
        const std::string& id = found->header.id;
        if (based_on != LatestNeedsVersion(w.tx, id)) {
          return Fail(Problem::Conflict(std::string(kStaleNeeds)));
        }
        StoredNeeds saved{NewRecord(w, id, based_on), std::move(*valid)};
        saved.assessment.version = saved.recorded.version;
        InsertNeeds(w.tx, w.Key(), w.actor.organisation_id, saved);
        std::string areas;
        for (NeedDomain area : CurrentNeedAreas(w.tx, id)) {
          if (!areas.empty()) areas += ',';
          areas += Code(area);
        }
        auto event = w.Event("assessment.needs.record", id);
        event.details = {{"assessment_id", saved.recorded.id},
                         {"version", std::to_string(saved.recorded.version)},
                         {"kind", std::string(Code(saved.assessment.kind))},
                         {"areas", areas}};
        w.Audit(std::move(event));
        Names(w.tx).Fill(saved.recorded);
        return saved;
      });
}

Result<StoredRisk> AssessmentService::RecordRisk(const Actor& actor, std::string_view case_id,
                                                 const RiskAssessmentInput& input, int based_on,
                                                 const Origin& origin) {
  return RunRecording<StoredRisk>(
      deps_, actor, origin, kStaleRisk, [&](CaseWork& w) -> Result<StoredRisk> {
        auto found = w.AuthoriseChange(case_id);
        if (!found) return Fail(found.error());
        auto valid = ValidateRiskAssessment(input, w.today, policies_);
        if (!valid) return Fail(valid.error());
        const std::string& id = found->header.id;
        if (based_on != LatestRiskVersion(w.tx, id)) {
          return Fail(Problem::Conflict(std::string(kStaleRisk)));
        }
        StoredRisk saved{NewRecord(w, id, based_on), std::move(*valid)};
        saved.assessment.version = saved.recorded.version;
        InsertRisk(w.tx, w.Key(), w.actor.organisation_id, saved);
        std::string level(Code(saved.assessment.overall));
        cases::SetRiskLevel(w.tx, id, level);
        tasks::ReplaceDeadlines(w.tx, id, found->header.organisation_id, "risk",
                                {{"risk.review", saved.assessment.review_on}});
        auto event = w.Event("assessment.risk.record", id);
        event.details = {{"assessment_id", saved.recorded.id},
                         {"version", std::to_string(saved.recorded.version)},
                         {"level", level}};
        w.Audit(std::move(event));
        Names(w.tx).Fill(saved.recorded);
        return saved;
      });
}

Result<std::optional<RiskReviewDate>> AssessmentService::RiskReview(const Actor& actor,
                                                                    std::string_view case_id,
                                                                    const Origin& origin) {
  return RunCaseRead<std::optional<RiskReviewDate>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::optional<RiskReviewDate>> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        AuditView(w, *found, "risk_review", "");
        return CurrentRiskReview(w.tx, found->header.id, w.today);
      });
}

Result<std::vector<NeedDomain>> AssessmentService::NeedAreas(const Actor& actor,
                                                             std::string_view case_id,
                                                             const Origin& origin) {
  return RunCaseRead<std::vector<NeedDomain>>(
      deps_, actor, origin, [&](CaseWork& w) -> Result<std::vector<NeedDomain>> {
        auto found = w.Authorise(case_id, Action::kCaseView);
        if (!found) return Fail(found.error());
        AuditView(w, *found, "need_areas", "");
        return CurrentNeedAreas(w.tx, found->header.id);
      });
}

namespace {
cases::CaseSection NeedsSummary(const cases::Case& record,
                                const std::vector<NeedsVersionSummary>& versions) {
  cases::CaseSection section{.title = "Needs assessment",
                             .href = CasePath(record.id) + "/assessments",
                             .status = "Not started"};
  if (versions.empty()) return section;
  const NeedsVersionSummary& current = versions.front();
  section.status = "Completed";
  section.done = true;
  section.hint =
      std::string(Label(current.kind)) + " on " + FormatDateForPeople(current.assessed_on) + ". ";
  if (current.unmet == 0) {
    section.hint += current.needs == 1 ? "The need is met" : "All needs are met";
  } else {
    section.hint +=
        std::to_string(current.unmet) + (current.unmet == 1 ? " need" : " needs") + " not yet met";
  }
  return section;
}

cases::CaseSection RiskSummary(const cases::Case& record,
                               const std::optional<RiskReviewDate>& review) {
  cases::CaseSection section{.title = "Risk assessment",
                             .href = CasePath(record.id) + "/assessments",
                             .status = "Not started"};
  if (!review) return section;
  std::string level(Code(review->overall));
  std::string date = FormatDateForPeople(review->review_on);
  if (review->overdue) {
    section.status = "Review overdue";
    section.hint = "Risk: " + level + ". Review was due by " + date;
  } else {
    section.status = "Completed";
    section.done = true;
    section.hint = "Risk: " + level + ". Review by " + date;
  }
  return section;
}
}  // namespace

cases::SectionSummariser NeedsSection() {
  return [](CaseWork& w, const crypto::DataKey&, const cases::Case& record,
            const cases::CaseAccess&) -> cases::SectionSummary {
    return [later = ListNeedsVersionsLater(w.tx, record.id), &record]() mutable {
      return NeedsSummary(record, later.Get());
    };
  };
}

cases::SectionSummariser RiskSection() {
  return [](CaseWork& w, const crypto::DataKey&, const cases::Case& record,
            const cases::CaseAccess&) -> cases::SectionSummary {
    return [later = CurrentRiskReviewLater(w.tx, record.id, w.today), &record]() mutable {
      return RiskSummary(record, later.Get());
    };
  };
}

}  // namespace waymark::assessments
