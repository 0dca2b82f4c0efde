// The canary: distinctive words typed into a needs description, the strengths and the notes on a
// risk must never appear in the stored bytes (the SQLite file and its WAL, or every PostgreSQL
// row as text), while the codes and levels are in the clear by design.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/assessments/assessment_fixture.hpp"

namespace waymark::assessments::testing {
namespace {

constexpr std::string_view kNeedCanary = "Vondrakovska";
constexpr std::string_view kStrengthCanary = "Pellucidharp";
constexpr std::string_view kRiskCanary = "Grimsdottirquay";

class AssessmentCanaryTest : public AssessmentTest {};

TEST_P(AssessmentCanaryTest, FreeTextNeverReachesTheStoredBytes) {
  NeedsAssessmentInput needs = SomeNeeds();
  needs.needs[0].description = "Move away from " + std::string(kNeedCanary) + " Street";
  needs.strengths = "Sings with the " + std::string(kStrengthCanary) + " choir";
  RecordNeeds(worker_, needs, 0);
  RiskAssessmentInput risk = SomeRisk();
  risk.risks[0].notes = "Recruiter waits at " + std::string(kRiskCanary);
  RecordRisk(worker_, risk, 0);
  // Read back through the service, so reading leaves nothing behind either.
  auto overview = service().Overview(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(overview);
  ASSERT_TRUE(overview->needs);
  EXPECT_EQ(overview->needs->assessment.strengths, needs.strengths);

  std::string bytes = StoredBytes();
  EXPECT_EQ(bytes.find(kNeedCanary), std::string::npos);
  EXPECT_EQ(bytes.find(kStrengthCanary), std::string::npos);
  EXPECT_EQ(bytes.find(kRiskCanary), std::string::npos);
  EXPECT_EQ(bytes.find("Recruiter waits"), std::string::npos);
  // The codes are in the clear, as designed.
  EXPECT_NE(bytes.find("legal_immigration"), std::string::npos);
  EXPECT_NE(bytes.find("re_trafficking"), std::string::npos);
}

WAYMARK_INSTANTIATE_DB_TEST(AssessmentCanaryTest);

}  // namespace
}  // namespace waymark::assessments::testing
