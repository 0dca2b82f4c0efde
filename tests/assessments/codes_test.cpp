#include "assessments/codes.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace waymark::assessments {
namespace {

// Every value's code parses back to it, codes and labels are unique and non-empty, and an
// unknown code is refused.
template <class E, class Parse>
void ExpectRoundTrip(std::span<const E> values, Parse parse, size_t expected_count) {
  EXPECT_EQ(values.size(), expected_count);
  std::set<std::string_view> codes, labels;
  for (E value : values) {
    EXPECT_EQ(parse(Code(value)), value) << Code(value);
    EXPECT_FALSE(Label(value).empty());
    EXPECT_TRUE(codes.insert(Code(value)).second) << Code(value);
    EXPECT_TRUE(labels.insert(Label(value)).second) << Label(value);
  }
  EXPECT_FALSE(parse("not_a_code"));
  EXPECT_FALSE(parse(""));
}

template <class E>
std::vector<std::string> CodesOf(std::span<const E> values) {
  std::vector<std::string> out;
  for (E value : values) out.emplace_back(Code(value));
  return out;
}

TEST(AssessmentCodes, EveryListRoundTrips) {
  ExpectRoundTrip(AllNeedDomains(), ParseNeedDomain, 13);
  ExpectRoundTrip(AllTimeFrames(), ParseTimeFrame, 3);
  ExpectRoundTrip(AllAssessmentKinds(), ParseAssessmentKind, 2);
  ExpectRoundTrip(AllMeetingModes(), ParseMeetingMode, 3);
  ExpectRoundTrip(AllRiskKinds(), ParseRiskKind, 6);
  ExpectRoundTrip(AllRiskLevels(), ParseRiskLevel, 4);
  ExpectRoundTrip(AllOverallRisks(), ParseOverallRisk, 3);
}

// Codes are stored: renaming one would orphan stored rows, so they are pinned here.
TEST(AssessmentCodes, StoredCodesAreStable) {
  EXPECT_EQ(CodesOf(AllNeedDomains()),
            (std::vector<std::string>{
                "safety", "accommodation", "physical_health", "mental_health", "legal_immigration",
                "legal_criminal_justice", "legal_compensation", "finances", "language",
                "education_employment", "dependants", "social_connection", "faith_culture"}));
  EXPECT_EQ(CodesOf(AllTimeFrames()),
            (std::vector<std::string>{"immediate", "short_term", "long_term"}));
  EXPECT_EQ(CodesOf(AllAssessmentKinds()), (std::vector<std::string>{"initial", "full"}));
  EXPECT_EQ(CodesOf(AllMeetingModes()), (std::vector<std::string>{"in_person", "phone", "video"}));
  EXPECT_EQ(CodesOf(AllRiskKinds()),
            (std::vector<std::string>{"re_trafficking", "exploiter_contact", "self_harm",
                                      "harm_to_others", "location_exposure", "health"}));
  EXPECT_EQ(CodesOf(AllRiskLevels()), (std::vector<std::string>{"none", "low", "medium", "high"}));
  EXPECT_EQ(CodesOf(AllOverallRisks()), (std::vector<std::string>{"low", "medium", "high"}));
}

TEST(AssessmentCodes, LabelsReadAsPeopleWriteThem) {
  EXPECT_EQ(Label(NeedDomain::kLegalImmigration), "Legal: immigration");
  EXPECT_EQ(Label(NeedDomain::kEducationEmployment), "Education and employment");
  EXPECT_EQ(Label(TimeFrame::kShortTerm), "Short term");
  EXPECT_EQ(Label(MeetingMode::kPhone), "By phone");
  EXPECT_EQ(Label(RiskKind::kLocationExposure), "Exposure of location");
  EXPECT_EQ(Phrase(RiskKind::kSelfHarm), "the risk of self-harm");
}

TEST(AssessmentCodes, OverallRiskIsNeverNone) {
  EXPECT_FALSE(ParseOverallRisk("none"));
  EXPECT_EQ(AsRiskLevel(OverallRisk::kLow), RiskLevel::kLow);
  EXPECT_EQ(AsRiskLevel(OverallRisk::kMedium), RiskLevel::kMedium);
  EXPECT_EQ(AsRiskLevel(OverallRisk::kHigh), RiskLevel::kHigh);
}

TEST(AssessmentCodes, RiskLevelsAreOrderedFromNoneToHigh) {
  EXPECT_LT(RiskLevel::kNone, RiskLevel::kLow);
  EXPECT_LT(RiskLevel::kLow, RiskLevel::kMedium);
  EXPECT_LT(RiskLevel::kMedium, RiskLevel::kHigh);
}

}  // namespace
}  // namespace waymark::assessments
