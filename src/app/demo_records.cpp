#include "app/demo_records.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "app/demo_valid.hpp"
#include "assessments/model.hpp"
#include "assessments/store.hpp"
#include "cases/store.hpp"
#include "consent/model.hpp"
#include "consent/store.hpp"
#include "nrm/deadlines.hpp"
#include "nrm/history.hpp"
#include "nrm/policy.hpp"
#include "nrm/store.hpp"
#include "plans/editing.hpp"
#include "plans/lifecycle.hpp"
#include "plans/schedule.hpp"
#include "plans/sfjbms05.hpp"
#include "plans/store.hpp"
#include "platform/util/ids.hpp"
#include "tasks/store.hpp"

namespace waymark::app::demo {

namespace {

using std::chrono::days;

// Shares of the stages a demo case has reached (of a caseload in a steady state: most people
// are waiting for a Conclusive Grounds decision, which takes many months).
struct StageShare {
  std::string_view stage;
  int weight;
};
constexpr std::array<StageShare, 5> kStageShares{{
    {"not_referred", 15},
    {"rg_pending", 10},
    {"cg_pending", 40},
    {"cg_positive", 15},
    {"move_on", 20},
}};

std::string_view PickStage(std::mt19937_64& rng) {
  int total = 0;
  for (const auto& s : kStageShares) total += s.weight;
  int at = std::uniform_int_distribution<int>(0, total - 1)(rng);
  for (const auto& s : kStageShares) {
    if ((at -= s.weight) < 0) return s.stage;
  }
  return kStageShares.back().stage;
}

int Uniform(std::mt19937_64& rng, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng);
}

std::string_view FirstLanguage(const cases::Case& c) {
  return c.clear.languages.empty() ? std::string_view("eng") : c.clear.languages.front();
}

void KeepConsent(const CaseLife& life, std::string_view purpose, Date on) {
  consent::ConsentInput input;
  input.purpose = std::string(purpose);
  input.decision = "given";
  input.language = std::string(FirstLanguage(life.record));
  input.interpreter = life.record.clear.interpreter_needed ? "yes" : "no";
  input.format = life.record.clear.interpreter_needed ? "translated_document" : "verbal";
  input.decided_on = FormatIsoDate(on);
  consent::StoredConsent stored;
  stored.id = NewId();
  stored.case_id = life.record.id;
  stored.consent = Valid(consent::ValidateConsent(input, life.today), "consent");
  stored.recorded_at = life.At(on);
  stored.recorded_by = life.worker;
  consent::InsertConsent(life.tx, life.key, stored, life.record.organisation_id);
}

// A case's first assessment of a kind.
assessments::Recorded FirstRecord(const CaseLife& life, Date on) {
  assessments::Recorded r;
  r.id = NewId();
  r.case_id = life.record.id;
  r.version = 1;
  r.based_on = 0;
  r.recorded_at = life.At(on);
  r.recorded_by = life.worker;
  return r;
}

}  // namespace

TimePoint CaseLife::At(Date day) const {
  TimePoint t =
      TimePoint(day) + std::chrono::hours(Between(9, 16)) + std::chrono::minutes(Between(0, 59));
  return std::min(t, now);
}

NrmPlan PlanPathway(std::mt19937_64& rng, Date today) {
  NrmPlan plan;
  plan.stage = std::string(PickStage(rng));
  // Built backwards from today so the latest event is recent, whatever the stage.
  auto back = [&](Date from, int low, int high) { return from - days(Uniform(rng, low, high)); };
  if (plan.stage == "rg_pending") {
    plan.referred = back(today, 0, 20);
  } else if (plan.stage == "cg_pending") {
    plan.rg_decided = back(today, 0, 300);
    plan.referred = back(*plan.rg_decided, 2, 40);
  } else if (plan.stage == "cg_positive" || plan.stage == "move_on") {
    if (plan.stage == "move_on") plan.move_on_started = back(today, 0, 30);
    plan.cg_decided =
        plan.move_on_started ? back(*plan.move_on_started, 0, 10) : back(today, 0, 40);
    // The recovery period is at least 30 days since 30 January 2023: decisions come later.
    plan.rg_decided = back(*plan.cg_decided, 45, 400);
    plan.referred = back(*plan.rg_decided, 2, 40);
  }
  return plan;
}

std::optional<Date> FirstEventOn(const NrmPlan& plan) { return plan.referred; }

void AddConsents(const CaseLife& life, const NrmPlan& nrm) {
  KeepConsent(life, "support", life.opened);
  // Consent to the referral is recorded on the day of the referral, before it is made.
  if (nrm.referred) KeepConsent(life, "nrm_referral", *nrm.referred);
}

std::string AddNrmEvents(const CaseLife& life, const NrmPlan& nrm) {
  const nrm::Policy& policy = nrm::DefaultPolicy();
  std::vector<nrm::Event> events;
  if (nrm.referred) {
    bool ieca = life.OneIn(5);
    events.push_back(
        nrm::Referred{*nrm.referred, "Demo First Responder Organisation",
                      ieca ? nrm::CompetentAuthority::kIeca : nrm::CompetentAuthority::kSca});
  }
  if (nrm.rg_decided) events.push_back(nrm::RgDecided{*nrm.rg_decided, nrm::RgOutcome::kPositive});
  if (nrm.cg_decided) {
    events.push_back(nrm::CgDecided{*nrm.cg_decided,
                                    life.OneIn(4) ? nrm::CgOutcome::kSlaveryServitudeForcedLabour
                                                  : nrm::CgOutcome::kHumanTrafficking});
  }
  if (nrm.move_on_started) events.push_back(nrm::MoveOnStarted{*nrm.move_on_started});

  nrm::ApplyContext context{.policy = policy,
                            .nrm_referral_consent_recorded = true,  // AddConsents recorded it
                            .person_is_child = false,
                            .identifying_details_consent_recorded = false,
                            .today = life.today};
  std::vector<nrm::Entry> entries;
  nrm::Pathway pathway;
  for (auto& event : events) {
    nrm::Entry entry{NewId(), event, std::nullopt};
    pathway = Valid(nrm::Append(entries, entry, context), "NRM event");
    nrm::StoredEntry stored{.id = entry.id,
                            .seq = static_cast<int64_t>(entries.size()) + 1,
                            .event = event,
                            .corrects = std::nullopt,
                            .note = "",
                            .recorded_at = life.At(nrm::DateOf(event)),
                            .recorded_by = life.worker};
    nrm::InsertEntry(life.tx, life.key, life.record.organisation_id, life.record.id, stored);
    entries.push_back(std::move(entry));
  }
  // What the NRM pages will replay must be what was just checked.
  pathway = Valid(nrm::Replay(entries, policy), "NRM replay");
  std::string stage(nrm::Code(pathway.state));
  if (stage != nrm.stage) throw std::logic_error("demo NRM pathway ended at " + stage);
  cases::SetNrmStage(life.tx, life.record.id, stage);
  std::vector<tasks::Deadline> deadlines;
  for (const auto& d : nrm::DeadlinesFor(pathway, policy)) {
    deadlines.push_back({"nrm." + std::string(nrm::Code(d.kind)), d.date});
  }
  tasks::ReplaceDeadlines(life.tx, life.record.id, life.record.organisation_id, "nrm", deadlines);
  return stage;
}

std::string AddAssessments(const CaseLife& life) {
  using namespace assessments;
  static constexpr std::array<std::string_view, 4> kLevels{"none", "low", "medium", "high"};
  int overall = life.Between(1, 10);  // 40% low, 40% medium, 20% high
  overall = overall <= 4 ? 1 : overall <= 8 ? 2 : 3;
  Date assessed = std::max(life.opened, life.today - days(life.Between(0, 27)));
  RiskAssessmentInput risk;
  risk.assessed_on = FormatIsoDate(assessed);
  risk.overall = std::string(kLevels[overall]);
  // Within a month: inside every level's review period.
  risk.review_on = FormatIsoDate(assessed + days(28));
  for (RiskKind kind : AllRiskKinds()) {
    int level = life.Between(0, overall);
    risk.risks.push_back({std::string(Code(kind)), std::string(kLevels[level]),
                          level >= 2 ? "Demo note: discussed, and a safety step agreed." : ""});
  }
  StoredRisk saved{FirstRecord(life, assessed),
                   Valid(ValidateRiskAssessment(risk, life.today), "risk")};
  saved.assessment.version = 1;
  InsertRisk(life.tx, life.key, life.record.organisation_id, saved);
  std::string level(Code(saved.assessment.overall));
  cases::SetRiskLevel(life.tx, life.record.id, level);
  tasks::ReplaceDeadlines(life.tx, life.record.id, life.record.organisation_id, "risk",
                          {{"risk.review", saved.assessment.review_on}});

  static constexpr std::array<std::string_view, 3> kFrames{"immediate", "short_term", "long_term"};
  Date needs_on = std::min(life.today, life.opened + days(life.Between(0, 10)));
  NeedsAssessmentInput needs;
  needs.kind = "full";
  needs.mode = life.OneIn(4) ? "phone" : "in_person";
  needs.assessed_on = FormatIsoDate(needs_on);
  needs.strengths = "Demo strengths: speaks two languages, keen to work.";
  auto domains = AllNeedDomains();
  size_t first = life.Between(0, static_cast<int>(domains.size()) - 1);
  int count = life.Between(3, 5);
  for (int i = 0; i < count; ++i) {
    NeedDomain domain = domains[(first + i * 3) % domains.size()];
    needs.needs.push_back({std::string(Code(domain)), std::string(kFrames[life.Between(0, 2)]),
                           "Demo need: " + std::string(Label(domain)) + ".",
                           life.OneIn(3) ? "yes" : "no"});
  }
  StoredNeeds saved_needs{FirstRecord(life, needs_on),
                          Valid(ValidateNeedsAssessment(needs, life.today), "needs")};
  saved_needs.assessment.version = 1;
  InsertNeeds(life.tx, life.key, life.record.organisation_id, saved_needs);
  return level;
}

void AddAgreedPlan(const CaseLife& life) {
  using namespace plans;
  Plan plan;
  plan = Valid(AddGoal(plan, GoalInput{.text = "Demo goal: settled, safe accommodation.",
                                       .domains = {"accommodation", "safety"},
                                       .actions = {{.text = "Demo action: housing referral.",
                                                    .owner = "Support worker",
                                                    .due_on = FormatIsoDate(life.today + days(30)),
                                                    .status = "in_progress"}}}),
               "plan goal");
  for (int point = 1; point <= kSfjbms05PointCount; ++point) {
    EvidenceInput evidence;
    evidence.text = "Demo evidence for point " + std::to_string(point) + ".";
    if (point == kRightsInformationPoint) {
      evidence.language = std::string(FirstLanguage(life.record));
      evidence.format = "spoken";
    }
    plan = Valid(RecordEvidence(plan, point, evidence), "plan evidence");
  }
  Date agreed = std::max(life.opened, life.today - days(life.Between(0, 60)));
  plan =
      Valid(SetReviewDate(plan, FormatIsoDate(life.today + days(life.Between(14, 90))), life.today),
            "plan review date");
  Plan draft = plan;
  plan = Valid(
      Agree(plan,
            AgreementInput{.agreed_on = FormatIsoDate(agreed),
                           .mode = "in_person",
                           .language = std::string(FirstLanguage(life.record)),
                           .interpreter_used = life.record.clear.interpreter_needed ? "yes" : "no"},
            life.worker, life.today),
      "plan agreement");
  TimePoint at = life.At(agreed);
  InsertPlanVersion(life.tx, life.key, life.record.id, life.record.organisation_id, draft, 1,
                    life.worker, at);
  if (!SaveDraft(life.tx, life.key, life.record.id, plan, 1, life.worker, at)) {
    throw std::logic_error("demo plan: the draft just inserted could not be agreed");
  }
  PlanSchedule schedule = ScheduleFor(plan, life.today);
  std::vector<tasks::Deadline> deadlines;
  if (schedule.review_on) deadlines.push_back({"plan.review", *schedule.review_on});
  tasks::ReplaceDeadlines(life.tx, life.record.id, life.record.organisation_id, "plan", deadlines);
}

}  // namespace waymark::app::demo
