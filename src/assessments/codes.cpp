#include "assessments/codes.hpp"

#include <array>

#include "platform/util/code_table.hpp"

namespace waymark::assessments {

namespace {

template <class E>
using Entry = CodeEntry<E>;

constexpr std::array<Entry<NeedDomain>, 13> kNeedDomains{{
    {NeedDomain::kSafety, "safety", "Safety"},
    {NeedDomain::kAccommodation, "accommodation", "Accommodation"},
    {NeedDomain::kPhysicalHealth, "physical_health", "Physical health"},
    {NeedDomain::kMentalHealth, "mental_health", "Mental health"},
    {NeedDomain::kLegalImmigration, "legal_immigration", "Legal: immigration"},
    {NeedDomain::kLegalCriminalJustice, "legal_criminal_justice", "Legal: criminal justice"},
    {NeedDomain::kLegalCompensation, "legal_compensation", "Legal: compensation"},
    {NeedDomain::kFinances, "finances", "Finances"},
    {NeedDomain::kLanguage, "language", "Language"},
    {NeedDomain::kEducationEmployment, "education_employment", "Education and employment"},
    {NeedDomain::kDependants, "dependants", "Dependants"},
    {NeedDomain::kSocialConnection, "social_connection", "Social connection"},
    {NeedDomain::kFaithCulture, "faith_culture", "Faith and culture"},
}};

constexpr std::array<Entry<TimeFrame>, 3> kTimeFrames{{
    {TimeFrame::kImmediate, "immediate", "Immediate"},
    {TimeFrame::kShortTerm, "short_term", "Short term"},
    {TimeFrame::kLongTerm, "long_term", "Long term"},
}};

constexpr std::array<Entry<AssessmentKind>, 2> kAssessmentKinds{{
    {AssessmentKind::kInitial, "initial", "Initial assessment"},
    {AssessmentKind::kFull, "full", "Full assessment"},
}};

constexpr std::array<Entry<MeetingMode>, 3> kMeetingModes{{
    {MeetingMode::kInPerson, "in_person", "In person"},
    {MeetingMode::kPhone, "phone", "By phone"},
    {MeetingMode::kVideo, "video", "By video"},
}};

constexpr std::array<Entry<RiskKind>, 6> kRiskKinds{{
    {RiskKind::kReTrafficking, "re_trafficking", "Re-trafficking"},
    {RiskKind::kExploiterContact, "exploiter_contact", "Contact from exploiters"},
    {RiskKind::kSelfHarm, "self_harm", "Self-harm"},
    {RiskKind::kHarmToOthers, "harm_to_others", "Harm to others"},
    {RiskKind::kLocationExposure, "location_exposure", "Exposure of location"},
    {RiskKind::kHealth, "health", "Health"},
}};

constexpr std::array<Entry<RiskKind>, 6> kRiskPhrases{{
    {RiskKind::kReTrafficking, "re_trafficking", "the risk of re-trafficking"},
    {RiskKind::kExploiterContact, "exploiter_contact", "the risk of contact from exploiters"},
    {RiskKind::kSelfHarm, "self_harm", "the risk of self-harm"},
    {RiskKind::kHarmToOthers, "harm_to_others", "the risk of harm to others"},
    {RiskKind::kLocationExposure, "location_exposure", "the risk that their location is exposed"},
    {RiskKind::kHealth, "health", "the risk to their health"},
}};

constexpr std::array<Entry<RiskLevel>, 4> kRiskLevels{{
    {RiskLevel::kNone, "none", "None"},
    {RiskLevel::kLow, "low", "Low"},
    {RiskLevel::kMedium, "medium", "Medium"},
    {RiskLevel::kHigh, "high", "High"},
}};

constexpr std::array<Entry<OverallRisk>, 3> kOverallRisks{{
    {OverallRisk::kLow, "low", "Low"},
    {OverallRisk::kMedium, "medium", "Medium"},
    {OverallRisk::kHigh, "high", "High"},
}};

constexpr auto kAllNeedDomains = ValuesOf(kNeedDomains);
constexpr auto kAllTimeFrames = ValuesOf(kTimeFrames);
constexpr auto kAllAssessmentKinds = ValuesOf(kAssessmentKinds);
constexpr auto kAllMeetingModes = ValuesOf(kMeetingModes);
constexpr auto kAllRiskKinds = ValuesOf(kRiskKinds);
constexpr auto kAllRiskLevels = ValuesOf(kRiskLevels);
constexpr auto kAllOverallRisks = ValuesOf(kOverallRisks);

}  // namespace

std::span<const NeedDomain> AllNeedDomains() { return kAllNeedDomains; }
std::span<const TimeFrame> AllTimeFrames() { return kAllTimeFrames; }
std::span<const AssessmentKind> AllAssessmentKinds() { return kAllAssessmentKinds; }
std::span<const MeetingMode> AllMeetingModes() { return kAllMeetingModes; }
std::span<const RiskKind> AllRiskKinds() { return kAllRiskKinds; }
std::span<const RiskLevel> AllRiskLevels() { return kAllRiskLevels; }
std::span<const OverallRisk> AllOverallRisks() { return kAllOverallRisks; }

std::string_view Code(NeedDomain value) { return EntryFor(kNeedDomains, value).code; }
std::string_view Code(TimeFrame value) { return EntryFor(kTimeFrames, value).code; }
std::string_view Code(AssessmentKind value) { return EntryFor(kAssessmentKinds, value).code; }
std::string_view Code(MeetingMode value) { return EntryFor(kMeetingModes, value).code; }
std::string_view Code(RiskKind value) { return EntryFor(kRiskKinds, value).code; }
std::string_view Code(RiskLevel value) { return EntryFor(kRiskLevels, value).code; }
std::string_view Code(OverallRisk value) { return EntryFor(kOverallRisks, value).code; }

std::optional<NeedDomain> ParseNeedDomain(std::string_view code) {
  return ParseCode(kNeedDomains, code);
}
std::optional<TimeFrame> ParseTimeFrame(std::string_view code) {
  return ParseCode(kTimeFrames, code);
}
std::optional<AssessmentKind> ParseAssessmentKind(std::string_view code) {
  return ParseCode(kAssessmentKinds, code);
}
std::optional<MeetingMode> ParseMeetingMode(std::string_view code) {
  return ParseCode(kMeetingModes, code);
}
std::optional<RiskKind> ParseRiskKind(std::string_view code) { return ParseCode(kRiskKinds, code); }
std::optional<RiskLevel> ParseRiskLevel(std::string_view code) {
  return ParseCode(kRiskLevels, code);
}
std::optional<OverallRisk> ParseOverallRisk(std::string_view code) {
  return ParseCode(kOverallRisks, code);
}

std::string_view Label(NeedDomain value) { return EntryFor(kNeedDomains, value).label; }
std::string_view Label(TimeFrame value) { return EntryFor(kTimeFrames, value).label; }
std::string_view Label(AssessmentKind value) { return EntryFor(kAssessmentKinds, value).label; }
std::string_view Label(MeetingMode value) { return EntryFor(kMeetingModes, value).label; }
std::string_view Label(RiskKind value) { return EntryFor(kRiskKinds, value).label; }
std::string_view Label(RiskLevel value) { return EntryFor(kRiskLevels, value).label; }
std::string_view Label(OverallRisk value) { return EntryFor(kOverallRisks, value).label; }

std::string_view Phrase(RiskKind value) { return EntryFor(kRiskPhrases, value).label; }

RiskLevel AsRiskLevel(OverallRisk value) {
  switch (value) {
    case OverallRisk::kLow:
      return RiskLevel::kLow;
    case OverallRisk::kMedium:
      return RiskLevel::kMedium;
    case OverallRisk::kHigh:
      return RiskLevel::kHigh;
  }
  return RiskLevel::kHigh;
}

}  // namespace waymark::assessments
