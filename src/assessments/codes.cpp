#include "assessments/codes.hpp"

#include <array>

namespace waymark::assessments {

namespace {

template <class E>
struct Entry {
  E value;
  std::string_view code;
  std::string_view label;
};

// Each table lists every value once, in enum order, so AllX() can be built from it.
template <class E, size_t N>
const Entry<E>& Find(const std::array<Entry<E>, N>& table, E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry;
  }
  return table[0];  // unreachable for a valid enum value
}

template <class E, size_t N>
std::optional<E> Parse(const std::array<Entry<E>, N>& table, std::string_view code) {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.value;
  }
  return std::nullopt;
}

template <class E, size_t N>
constexpr std::array<E, N> Values(const std::array<Entry<E>, N>& table) {
  std::array<E, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = table[i].value;
  return out;
}

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

constexpr auto kAllNeedDomains = Values(kNeedDomains);
constexpr auto kAllTimeFrames = Values(kTimeFrames);
constexpr auto kAllAssessmentKinds = Values(kAssessmentKinds);
constexpr auto kAllMeetingModes = Values(kMeetingModes);
constexpr auto kAllRiskKinds = Values(kRiskKinds);
constexpr auto kAllRiskLevels = Values(kRiskLevels);
constexpr auto kAllOverallRisks = Values(kOverallRisks);

}  // namespace

std::span<const NeedDomain> AllNeedDomains() { return kAllNeedDomains; }
std::span<const TimeFrame> AllTimeFrames() { return kAllTimeFrames; }
std::span<const AssessmentKind> AllAssessmentKinds() { return kAllAssessmentKinds; }
std::span<const MeetingMode> AllMeetingModes() { return kAllMeetingModes; }
std::span<const RiskKind> AllRiskKinds() { return kAllRiskKinds; }
std::span<const RiskLevel> AllRiskLevels() { return kAllRiskLevels; }
std::span<const OverallRisk> AllOverallRisks() { return kAllOverallRisks; }

std::string_view Code(NeedDomain value) { return Find(kNeedDomains, value).code; }
std::string_view Code(TimeFrame value) { return Find(kTimeFrames, value).code; }
std::string_view Code(AssessmentKind value) { return Find(kAssessmentKinds, value).code; }
std::string_view Code(MeetingMode value) { return Find(kMeetingModes, value).code; }
std::string_view Code(RiskKind value) { return Find(kRiskKinds, value).code; }
std::string_view Code(RiskLevel value) { return Find(kRiskLevels, value).code; }
std::string_view Code(OverallRisk value) { return Find(kOverallRisks, value).code; }

std::optional<NeedDomain> ParseNeedDomain(std::string_view code) {
  return Parse(kNeedDomains, code);
}
std::optional<TimeFrame> ParseTimeFrame(std::string_view code) { return Parse(kTimeFrames, code); }
std::optional<AssessmentKind> ParseAssessmentKind(std::string_view code) {
  return Parse(kAssessmentKinds, code);
}
std::optional<MeetingMode> ParseMeetingMode(std::string_view code) {
  return Parse(kMeetingModes, code);
}
std::optional<RiskKind> ParseRiskKind(std::string_view code) { return Parse(kRiskKinds, code); }
std::optional<RiskLevel> ParseRiskLevel(std::string_view code) { return Parse(kRiskLevels, code); }
std::optional<OverallRisk> ParseOverallRisk(std::string_view code) {
  return Parse(kOverallRisks, code);
}

std::string_view Label(NeedDomain value) { return Find(kNeedDomains, value).label; }
std::string_view Label(TimeFrame value) { return Find(kTimeFrames, value).label; }
std::string_view Label(AssessmentKind value) { return Find(kAssessmentKinds, value).label; }
std::string_view Label(MeetingMode value) { return Find(kMeetingModes, value).label; }
std::string_view Label(RiskKind value) { return Find(kRiskKinds, value).label; }
std::string_view Label(RiskLevel value) { return Find(kRiskLevels, value).label; }
std::string_view Label(OverallRisk value) { return Find(kOverallRisks, value).label; }

std::string_view Phrase(RiskKind value) { return Find(kRiskPhrases, value).label; }

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
