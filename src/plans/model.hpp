// The support and safety plan as typed values: goals with actions, evidence for each of
// SFJBMS05's twenty points, a review date, and where the plan is in its lifecycle
// (draft -> agreed with the person -> approved by a service manager). Pure rules, no
// storage: the store keeps every version and never overwrites an agreed or approved one.
// The rules that change a plan are in editing.hpp (drafts) and lifecycle.hpp (agree,
// approve, revise); the page before agreeing is built from check_answers.hpp.
// Value types and pure functions; safe from any thread.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "assessments/codes.hpp"
#include "plans/sfjbms05.hpp"
#include "platform/util/date.hpp"

namespace waymark::plans {

using assessments::MeetingMode;
using assessments::NeedDomain;

enum class ActionStatus { kNotStarted, kInProgress, kDone, kCancelled };

// How the information on rights (SFJBMS05 point 5) was given.
enum class RightsFormat { kSpoken, kWritten, kEasyRead, kAudio, kVideo, kSignLanguage, kBraille };

enum class PlanStatus { kDraft, kAgreed, kApproved };

std::span<const ActionStatus> AllActionStatuses();
std::span<const RightsFormat> AllRightsFormats();
std::span<const PlanStatus> AllPlanStatuses();

// Stable codes as stored ("in_progress") and labels for people ("In progress").
std::string_view Code(ActionStatus value);
std::string_view Code(RightsFormat value);
std::string_view Code(PlanStatus value);
std::optional<ActionStatus> ParseActionStatus(std::string_view code);
std::optional<RightsFormat> ParseRightsFormat(std::string_view code);
std::optional<PlanStatus> ParsePlanStatus(std::string_view code);
std::string_view Label(ActionStatus value);
std::string_view Label(RightsFormat value);
std::string_view Label(PlanStatus value);

// The shape of an ISO 639-3 code: three lower-case ASCII letters ("sqi", "vie", "tir").
// Whether the code is assigned is the vocabulary's business, not this rule's.
bool LooksLikeLanguageCode(std::string_view code);

struct Action {
  std::string text;
  std::string owner;  // who does it, in words: "Support worker", "Ana (survivor)", "Solicitor"
  Date due_on;
  ActionStatus status = ActionStatus::kNotStarted;
};

struct Goal {
  std::string text;
  std::vector<NeedDomain> domains;  // the needs it addresses: at least one, no repeats
  std::vector<Action> actions;
};

struct RightsInformation {
  std::string language;  // ISO 639-3
  RightsFormat format;
};

struct PointEvidence {
  std::string text;
  std::optional<RightsInformation> rights;  // point 5 only, and always there for point 5
};

struct Agreement {
  Date agreed_on;
  MeetingMode mode;
  std::string language;  // ISO 639-3: the language the plan was discussed in
  bool interpreter_used = false;
  std::string agreed_by;  // the worker's user id
};

struct Approval {
  std::string approved_by;  // the service manager's user id
  Date approved_on;
};

// Invariants the transitions keep (and a store must load): a draft has neither agreement
// nor approval; an agreed plan has an agreement; an approved plan has both.
struct Plan {
  int version = 1;
  PlanStatus status = PlanStatus::kDraft;
  std::vector<Goal> goals;
  std::array<std::optional<PointEvidence>, kSfjbms05PointCount> evidence;  // [point - 1]
  std::optional<Date> review_on;
  std::optional<Agreement> agreement;
  std::optional<Approval> approval;

  // Evidence for point 1..20; nullopt when not recorded or out of range.
  const std::optional<PointEvidence>& EvidenceFor(int point) const;
};

// Whether an agreed or approved plan should be reviewed on `today`: from its review date on.
// A draft is work in progress, not the plan in force, so it is never due.
bool ReviewDue(const Plan& plan, Date today);

// The plan in force: the highest-version plan that has been agreed or approved; nullopt if
// none has. Versions are unique per case, so a repeat is a broken invariant:
// std::invalid_argument.
std::optional<Plan> PlanInForce(std::span<const Plan> versions);

}  // namespace waymark::plans
