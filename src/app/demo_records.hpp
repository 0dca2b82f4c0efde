// The records behind each synthetic demo case (demo_cases.hpp): consents, the NRM pathway,
// assessments, a plan, contacts, dependants and a modern-slavery history, written straight to
// the features' stores inside the caller's batch transaction. Every value is first built as
// the form a worker would fill in and passed through the feature's own Validate* rule (or the
// NRM's Append), so demo data never holds anything the application would refuse; a refusal is
// a bug in the generator and throws std::logic_error. Content is obviously fake.
// Thread safety: functions of one db::Tx and one generator, on the caller's thread.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "cases/model.hpp"
#include "platform/crypto/data_key.hpp"
#include "platform/db/database.hpp"
#include "platform/util/clock.hpp"
#include "platform/util/date.hpp"

namespace waymark::app::demo {

// One case being filled in: who works it and the span of its life so far.
struct CaseLife {
  db::Tx& tx;
  const crypto::DataKey& key;
  const cases::Case& record;
  std::string worker;   // the assigned support worker (or the manager)
  std::string manager;  // the service manager, "" when none
  Date opened;          // the day the case was opened
  Date today;
  TimePoint now;
  std::mt19937_64& rng;

  int Between(int low, int high) const {  // inclusive
    return std::uniform_int_distribution<int>(low, high)(rng);
  }
  bool OneIn(int n) const { return Between(1, n) == 1; }
  // A time on `day` during working hours, never after now.
  TimePoint At(Date day) const;
};

// The dates of a pathway ending at a given stage, decided before the case is inserted (the
// case's opening date follows from its first event).
struct NrmPlan {
  std::string stage;  // the stage the events lead to, as nrm::Code(PathwayState)
  std::optional<Date> referred, rg_decided, cg_decided, move_on_started;
};
NrmPlan PlanPathway(std::mt19937_64& rng, Date today);
// The first day of the pathway, or nullopt when not referred.
std::optional<Date> FirstEventOn(const NrmPlan& plan);

// Support consent, and NRM referral consent when `nrm.referred`.
void AddConsents(const CaseLife& life, const NrmPlan& nrm);
// The NRM events (each checked with nrm::Append), cases.nrm_stage from the replayed pathway,
// and the pathway's deadlines as tasks. Returns the stage set.
std::string AddNrmEvents(const CaseLife& life, const NrmPlan& nrm);
// A risk assessment (with cases.risk_level and the "risk.review" deadline) and a needs
// assessment. Returns the overall risk code.
std::string AddAssessments(const CaseLife& life);
// An agreed support and safety plan with its "plan.review" deadline.
void AddAgreedPlan(const CaseLife& life);
// About `count` contacts spread from the opening day to today; returns how many were added.
int AddContacts(const CaseLife& life, int count);
void AddDependants(const CaseLife& life);
// One or two periods of exploitation, types in the Home Office's 2024 shares for adults.
void AddExploitationHistory(const CaseLife& life, bool referred);

}  // namespace waymark::app::demo
