// The fixed lists that needs and risk assessments are made of, each with a stable code (as
// stored and sent in forms: "legal_immigration") and a label for people ("Legal:
// immigration"). Codes never change once stored; labels may be reworded.
// Pure data; safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace waymark::assessments {

// Areas of need, from domain.md sections 2-4 (the care standards' holistic approach, with the
// 2025 update's education and employment).
enum class NeedDomain {
  kSafety,
  kAccommodation,
  kPhysicalHealth,
  kMentalHealth,
  kLegalImmigration,
  kLegalCriminalJustice,
  kLegalCompensation,
  kFinances,
  kLanguage,
  kEducationEmployment,
  kDependants,
  kSocialConnection,
  kFaithCulture,
};

// When a need should be met; support plans are built around the three.
enum class TimeFrame { kImmediate, kShortTerm, kLongTerm };

// An initial assessment comes first, often by phone; a full one follows a positive
// reasonable grounds decision.
enum class AssessmentKind { kInitial, kFull };

// How a conversation with the person took place (an assessment, agreeing a plan).
enum class MeetingMode { kInPerson, kPhone, kVideo };

enum class RiskKind {
  kReTrafficking,
  kExploiterContact,
  kSelfHarm,
  kHarmToOthers,
  kLocationExposure,
  kHealth,
};

// The level of one risk, in increasing order (the order is relied on).
enum class RiskLevel { kNone, kLow, kMedium, kHigh };

// The overall level of risk: never "none", because someone in support always has some.
enum class OverallRisk { kLow, kMedium, kHigh };

std::span<const NeedDomain> AllNeedDomains();
std::span<const TimeFrame> AllTimeFrames();
std::span<const AssessmentKind> AllAssessmentKinds();
std::span<const MeetingMode> AllMeetingModes();
std::span<const RiskKind> AllRiskKinds();
std::span<const RiskLevel> AllRiskLevels();
std::span<const OverallRisk> AllOverallRisks();

std::string_view Code(NeedDomain value);
std::string_view Code(TimeFrame value);
std::string_view Code(AssessmentKind value);
std::string_view Code(MeetingMode value);
std::string_view Code(RiskKind value);
std::string_view Code(RiskLevel value);
std::string_view Code(OverallRisk value);

std::optional<NeedDomain> ParseNeedDomain(std::string_view code);
std::optional<TimeFrame> ParseTimeFrame(std::string_view code);
std::optional<AssessmentKind> ParseAssessmentKind(std::string_view code);
std::optional<MeetingMode> ParseMeetingMode(std::string_view code);
std::optional<RiskKind> ParseRiskKind(std::string_view code);
std::optional<RiskLevel> ParseRiskLevel(std::string_view code);
std::optional<OverallRisk> ParseOverallRisk(std::string_view code);

std::string_view Label(NeedDomain value);
std::string_view Label(TimeFrame value);
std::string_view Label(AssessmentKind value);
std::string_view Label(MeetingMode value);
std::string_view Label(RiskKind value);
std::string_view Label(RiskLevel value);
std::string_view Label(OverallRisk value);

// The risk inside a sentence: "the risk of self-harm".
std::string_view Phrase(RiskKind value);

// The overall level on the individual scale, for comparing the two.
RiskLevel AsRiskLevel(OverallRisk value);

}  // namespace waymark::assessments
