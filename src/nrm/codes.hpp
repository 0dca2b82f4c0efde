// The NRM pathway's vocabulary: states, event kinds and decision values, each with a stable code
// for storage and a label for people. Codes never change once stored (rename the label, not the
// code); Parse* accepts exactly a code and returns nullopt for anything else.
// Thread safety: pure functions over constant tables, safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace waymark::nrm {

enum class PathwayState {
  kNotReferred,                 // not_referred
  kDutyToNotifySent,            // duty_to_notify_sent: anonymous notification, no referral
  kRgPending,                   // rg_pending: referred, waiting for Reasonable Grounds
  kRgNegative,                  // rg_negative
  kRgReconsiderationRequested,  // rg_reconsideration_requested
  kCgPending,                   // cg_pending: positive RG, recovery period, waiting for CG
  kDisqualified,                // disqualified: public order or bad faith, waiting for CG
  kCgPositive,                  // cg_positive
  kCgNegative,                  // cg_negative
  kCgReconsiderationRequested,  // cg_reconsideration_requested
  kMoveOn,                      // move_on: move-on support after a CG decision
  kExited,                      // exited: left support
  kReachIn,                     // reach_in: came back for help after exit
};

enum class EventKind {
  kDutyToNotifySent,          // duty_to_notify_sent
  kReferred,                  // referred
  kRgDecided,                 // rg_decided
  kCgDecided,                 // cg_decided
  kReconsiderationRequested,  // reconsideration_requested
  kDisqualified,              // disqualified
  kMoveOnStarted,             // move_on_started
  kRnaSubmitted,              // rna_submitted
  kRnaDecided,                // rna_decided
  kExited,                    // exited
  kReachInStarted,            // reach_in_started
};

enum class CompetentAuthority {
  kSca,   // sca: Single Competent Authority
  kIeca,  // ieca: Immigration Enforcement Competent Authority
};

enum class RgOutcome { kPositive, kNegative };  // positive, negative

enum class CgOutcome {
  kHumanTrafficking,              // human_trafficking
  kSlaveryServitudeForcedLabour,  // slavery_servitude_forced_labour
  kNegative,                      // negative: not recognised as a victim
};

enum class DisqualificationGrounds { kPublicOrder, kBadFaith };  // public_order, bad_faith

enum class DecisionStage { kReasonableGrounds, kConclusiveGrounds };  // rg, cg

std::string_view Code(PathwayState state);
std::string_view Label(PathwayState state);
std::string_view ShortLabel(PathwayState state);   // "Waiting for the RG decision"
std::span<const PathwayState> AllPathwayStates();  // in the order of the pathway
std::optional<PathwayState> ParsePathwayState(std::string_view code);

std::string_view Code(EventKind kind);
std::string_view Label(EventKind kind);
std::optional<EventKind> ParseEventKind(std::string_view code);

std::string_view Code(CompetentAuthority authority);
std::string_view Label(CompetentAuthority authority);
std::optional<CompetentAuthority> ParseCompetentAuthority(std::string_view code);

std::string_view Code(RgOutcome outcome);
std::string_view Label(RgOutcome outcome);
std::optional<RgOutcome> ParseRgOutcome(std::string_view code);

std::string_view Code(CgOutcome outcome);
std::string_view Label(CgOutcome outcome);
std::optional<CgOutcome> ParseCgOutcome(std::string_view code);

std::string_view Code(DisqualificationGrounds grounds);
std::string_view Label(DisqualificationGrounds grounds);
std::optional<DisqualificationGrounds> ParseDisqualificationGrounds(std::string_view code);

std::string_view Code(DecisionStage stage);
std::string_view Label(DecisionStage stage);
std::optional<DecisionStage> ParseDecisionStage(std::string_view code);

}  // namespace waymark::nrm
