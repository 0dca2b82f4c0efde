#include "nrm/codes.hpp"

#include <array>
#include <stdexcept>

namespace waymark::nrm {

namespace {

template <class E>
struct Term {
  E value;
  std::string_view code;
  std::string_view label;
};

// Tables list every enumerator exactly once; the unit tests check the round trip for each.
template <class E, size_t N>
const Term<E>& Find(const std::array<Term<E>, N>& table, E value) {
  for (const Term<E>& term : table) {
    if (term.value == value) return term;
  }
  throw std::logic_error("NRM vocabulary: an enumerator has no code");
}

template <class E, size_t N>
std::optional<E> Parse(const std::array<Term<E>, N>& table, std::string_view code) {
  for (const Term<E>& term : table) {
    if (term.code == code) return term.value;
  }
  return std::nullopt;
}

constexpr std::array<Term<PathwayState>, 13> kStates{{
    {PathwayState::kNotReferred, "not_referred", "Not referred to the NRM"},
    {PathwayState::kDutyToNotifySent, "duty_to_notify_sent", "Duty to Notify sent (no referral)"},
    {PathwayState::kRgPending, "rg_pending",
     "Referred: waiting for the Reasonable Grounds decision"},
    {PathwayState::kRgNegative, "rg_negative", "Negative Reasonable Grounds decision"},
    {PathwayState::kRgReconsiderationRequested, "rg_reconsideration_requested",
     "Reconsideration of the Reasonable Grounds decision requested"},
    {PathwayState::kCgPending, "cg_pending",
     "Recovery period: waiting for the Conclusive Grounds decision"},
    {PathwayState::kDisqualified, "disqualified",
     "Disqualified on public order or bad-faith grounds: waiting for the Conclusive Grounds "
     "decision"},
    {PathwayState::kCgPositive, "cg_positive", "Positive Conclusive Grounds decision"},
    {PathwayState::kCgNegative, "cg_negative", "Negative Conclusive Grounds decision"},
    {PathwayState::kCgReconsiderationRequested, "cg_reconsideration_requested",
     "Reconsideration of the Conclusive Grounds decision requested"},
    {PathwayState::kMoveOn, "move_on", "Move-on support"},
    {PathwayState::kExited, "exited", "Exited support"},
    {PathwayState::kReachIn, "reach_in", "Reach-In support"},
}};

constexpr std::array<Term<EventKind>, 11> kEvents{{
    {EventKind::kDutyToNotifySent, "duty_to_notify_sent", "Duty to Notify sent"},
    {EventKind::kReferred, "referred", "Referred to the NRM"},
    {EventKind::kRgDecided, "rg_decided", "Reasonable Grounds decision"},
    {EventKind::kCgDecided, "cg_decided", "Conclusive Grounds decision"},
    {EventKind::kReconsiderationRequested, "reconsideration_requested",
     "Reconsideration requested"},
    {EventKind::kDisqualified, "disqualified", "Public order or bad-faith disqualification"},
    {EventKind::kMoveOnStarted, "move_on_started", "Move-on support started"},
    {EventKind::kRnaSubmitted, "rna_submitted", "Recovery Needs Assessment submitted"},
    {EventKind::kRnaDecided, "rna_decided", "Recovery Needs Assessment decided"},
    {EventKind::kExited, "exited", "Exited support"},
    {EventKind::kReachInStarted, "reach_in_started", "Reach-In support started"},
}};

constexpr std::array<Term<CompetentAuthority>, 2> kAuthorities{{
    {CompetentAuthority::kSca, "sca", "Single Competent Authority (SCA)"},
    {CompetentAuthority::kIeca, "ieca", "Immigration Enforcement Competent Authority (IECA)"},
}};

constexpr std::array<Term<RgOutcome>, 2> kRgOutcomes{{
    {RgOutcome::kPositive, "positive", "Positive"},
    {RgOutcome::kNegative, "negative", "Negative"},
}};

constexpr std::array<Term<CgOutcome>, 3> kCgOutcomes{{
    {CgOutcome::kHumanTrafficking, "human_trafficking", "Victim of human trafficking"},
    {CgOutcome::kSlaveryServitudeForcedLabour, "slavery_servitude_forced_labour",
     "Victim of slavery, servitude, or forced or compulsory labour"},
    {CgOutcome::kNegative, "negative", "Not recognised as a victim (negative)"},
}};

constexpr std::array<Term<DisqualificationGrounds>, 2> kGrounds{{
    {DisqualificationGrounds::kPublicOrder, "public_order", "Public order"},
    {DisqualificationGrounds::kBadFaith, "bad_faith", "Bad faith"},
}};

constexpr std::array<Term<DecisionStage>, 2> kStages{{
    {DecisionStage::kReasonableGrounds, "rg", "Reasonable Grounds"},
    {DecisionStage::kConclusiveGrounds, "cg", "Conclusive Grounds"},
}};

}  // namespace

std::string_view Code(PathwayState v) { return Find(kStates, v).code; }
std::string_view Label(PathwayState v) { return Find(kStates, v).label; }
std::optional<PathwayState> ParsePathwayState(std::string_view c) { return Parse(kStates, c); }

std::string_view Code(EventKind v) { return Find(kEvents, v).code; }
std::string_view Label(EventKind v) { return Find(kEvents, v).label; }
std::optional<EventKind> ParseEventKind(std::string_view c) { return Parse(kEvents, c); }

std::string_view Code(CompetentAuthority v) { return Find(kAuthorities, v).code; }
std::string_view Label(CompetentAuthority v) { return Find(kAuthorities, v).label; }
std::optional<CompetentAuthority> ParseCompetentAuthority(std::string_view c) {
  return Parse(kAuthorities, c);
}

std::string_view Code(RgOutcome v) { return Find(kRgOutcomes, v).code; }
std::string_view Label(RgOutcome v) { return Find(kRgOutcomes, v).label; }
std::optional<RgOutcome> ParseRgOutcome(std::string_view c) { return Parse(kRgOutcomes, c); }

std::string_view Code(CgOutcome v) { return Find(kCgOutcomes, v).code; }
std::string_view Label(CgOutcome v) { return Find(kCgOutcomes, v).label; }
std::optional<CgOutcome> ParseCgOutcome(std::string_view c) { return Parse(kCgOutcomes, c); }

std::string_view Code(DisqualificationGrounds v) { return Find(kGrounds, v).code; }
std::string_view Label(DisqualificationGrounds v) { return Find(kGrounds, v).label; }
std::optional<DisqualificationGrounds> ParseDisqualificationGrounds(std::string_view c) {
  return Parse(kGrounds, c);
}

std::string_view Code(DecisionStage v) { return Find(kStages, v).code; }
std::string_view Label(DecisionStage v) { return Find(kStages, v).label; }
std::optional<DecisionStage> ParseDecisionStage(std::string_view c) { return Parse(kStages, c); }

}  // namespace waymark::nrm
