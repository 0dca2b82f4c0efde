// Needs and risk assessments: typed values, the validation that turns form strings into
// them, and which assessment is current. Pure rules with no storage: the store keeps every
// version (a new assessment never overwrites an old one) and assigns `version`.
// Pure functions and value types; safe from any thread.
//
// Field names in errors (and so in forms):
//   needs assessment: kind, mode, assessed_on, needs, needs-<i>-domain,
//     needs-<i>-time_frame, needs-<i>-description, needs-<i>-met, strengths
//   risk assessment: assessed_on, risks, risks-<code>-level, risks-<code>-notes (code as in
//     Code(RiskKind)), overall, review_on
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "assessments/codes.hpp"
#include "assessments/review_policy.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::assessments {

// Limits on what people type, in characters.
inline constexpr size_t kMaxNeedDescription = 1000;
inline constexpr size_t kMaxStrengths = 4000;
inline constexpr size_t kMaxRiskNotes = 2000;
inline constexpr size_t kMaxNeeds = 60;

struct Need {
  NeedDomain domain;
  TimeFrame time_frame;
  std::string description;
  bool met = false;
};

struct NeedsAssessment {
  int version = 0;  // 1 for a case's first, then +1; 0 until the store assigns it
  AssessmentKind kind;
  MeetingMode mode;
  Date assessed_on;
  std::vector<Need> needs;
  std::string strengths;  // empowering practice: what the person brings, not only needs
};

struct RiskRating {
  RiskKind kind;
  RiskLevel level;
  std::string notes;
};

struct RiskAssessment {
  int version = 0;  // as NeedsAssessment::version
  Date assessed_on;
  std::vector<RiskRating> risks;  // every RiskKind once, in AllRiskKinds() order
  OverallRisk overall;
  Date review_on;

  // The highest individual level (kNone when there are no ratings).
  RiskLevel Highest() const;
};

// What a form sends: every value as typed, dates as ISO text ("2025-03-03").
struct NeedInput {
  std::string domain;      // Code(NeedDomain)
  std::string time_frame;  // Code(TimeFrame)
  std::string description;
  std::string met;  // "yes" or "no"
};

struct NeedsAssessmentInput {
  std::string kind;  // Code(AssessmentKind)
  std::string mode;  // Code(MeetingMode)
  std::string assessed_on;
  std::vector<NeedInput> needs;
  std::string strengths;
};

struct RiskInput {
  std::string kind;   // Code(RiskKind)
  std::string level;  // Code(RiskLevel)
  std::string notes;
};

struct RiskAssessmentInput {
  std::string assessed_on;
  std::vector<RiskInput> risks;  // one for each RiskKind, in any order
  std::string overall;           // Code(OverallRisk)
  std::string review_on;
};

// Rules: kind and mode chosen; assessment date real and not after `today`; 1 to kMaxNeeds
// needs, each with an area, a time frame, a description and whether it is met; strengths
// required for a full assessment (an initial call may not get that far), optional otherwise.
// Every problem is reported at once as Problem::Invalid. The result has version 0.
Result<NeedsAssessment> ValidateNeedsAssessment(const NeedsAssessmentInput& input, Date today);

// Rules: assessment date real and not after `today`; every RiskKind rated exactly once;
// notes required for a medium or high risk; the overall level no lower than the highest
// individual one; a review date after the assessment date and no later than the policy in
// force on the assessment date allows for the overall level.
Result<RiskAssessment> ValidateRiskAssessment(
    const RiskAssessmentInput& input, Date today,
    const RiskReviewPolicyTable& policies = RiskReviewPolicyTable::Default());

// A review is overdue once its date has passed: on the review date itself it is due, not
// yet overdue.
bool ReviewOverdue(const RiskAssessment& assessment, Date today);

struct CurrentRisk {
  RiskAssessment assessment;
  bool review_overdue;
};

// The current assessment is the one with the highest version; earlier ones are history.
// Empty history gives nullopt. Versions are unique per case (the store's key), so a repeated
// or non-positive version is a broken invariant: std::invalid_argument.
std::optional<NeedsAssessment> CurrentNeedsAssessment(std::span<const NeedsAssessment> history);
std::optional<CurrentRisk> CurrentRiskAssessment(std::span<const RiskAssessment> history,
                                                 Date today);

// The version the next assessment gets: one more than the highest, or 1.
int NextVersion(std::span<const NeedsAssessment> history);
int NextVersion(std::span<const RiskAssessment> history);

}  // namespace waymark::assessments
