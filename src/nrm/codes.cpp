#include "nrm/codes.hpp"

#include <array>
#include <stdexcept>

#include "platform/util/code_table.hpp"

namespace waymark::nrm {

namespace {

template <class E>
using Term = CodeEntry<E>;

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

// For a table column or a filter, where the full label is too long, in kStates' order. RG and
// CG are the Reasonable and Conclusive Grounds decisions, as practitioners write them.
constexpr std::array<std::string_view, kStates.size()> kShortStateLabels{
    "Not referred",
    "Duty to Notify sent",
    "Waiting for the RG decision",
    "Negative RG decision",
    "RG reconsideration requested",
    "Recovery period, waiting for CG",
    "Disqualified, waiting for CG",
    "Positive CG decision",
    "Negative CG decision",
    "CG reconsideration requested",
    "Move-on support",
    "Exited support",
    "Reach-In support",
};
static_assert(InDeclarationOrder(kStates), "kShortStateLabels is indexed by PathwayState");

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

constexpr auto kAllStates = ValuesOf(kStates);

}  // namespace

std::span<const PathwayState> AllPathwayStates() { return kAllStates; }
std::string_view Code(PathwayState v) { return EntryFor(kStates, v).code; }
std::string_view Label(PathwayState v) { return EntryFor(kStates, v).label; }
std::string_view ShortLabel(PathwayState v) {
  return kShortStateLabels.at(static_cast<std::size_t>(v));
}
std::optional<PathwayState> ParsePathwayState(std::string_view c) { return ParseCode(kStates, c); }

std::string_view Code(EventKind v) { return EntryFor(kEvents, v).code; }
std::string_view Label(EventKind v) { return EntryFor(kEvents, v).label; }
std::optional<EventKind> ParseEventKind(std::string_view c) { return ParseCode(kEvents, c); }

std::string_view Code(CompetentAuthority v) { return EntryFor(kAuthorities, v).code; }
std::string_view Label(CompetentAuthority v) { return EntryFor(kAuthorities, v).label; }
std::optional<CompetentAuthority> ParseCompetentAuthority(std::string_view c) {
  return ParseCode(kAuthorities, c);
}

std::string_view Code(RgOutcome v) { return EntryFor(kRgOutcomes, v).code; }
std::string_view Label(RgOutcome v) { return EntryFor(kRgOutcomes, v).label; }
std::optional<RgOutcome> ParseRgOutcome(std::string_view c) { return ParseCode(kRgOutcomes, c); }

std::string_view Code(CgOutcome v) { return EntryFor(kCgOutcomes, v).code; }
std::string_view Label(CgOutcome v) { return EntryFor(kCgOutcomes, v).label; }
std::optional<CgOutcome> ParseCgOutcome(std::string_view c) { return ParseCode(kCgOutcomes, c); }

std::string_view Code(DisqualificationGrounds v) { return EntryFor(kGrounds, v).code; }
std::string_view Label(DisqualificationGrounds v) { return EntryFor(kGrounds, v).label; }
std::optional<DisqualificationGrounds> ParseDisqualificationGrounds(std::string_view c) {
  return ParseCode(kGrounds, c);
}

std::string_view Code(DecisionStage v) { return EntryFor(kStages, v).code; }
std::string_view Label(DecisionStage v) { return EntryFor(kStages, v).label; }
std::optional<DecisionStage> ParseDecisionStage(std::string_view c) {
  return ParseCode(kStages, c);
}

}  // namespace waymark::nrm
