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

class AssessmentCanaryTest : public AssessmentTest {
 protected:
  std::string StoredBytes() {
    std::string all;
    if (GetParam() == db::BackendKind::kSqlite) {
      std::string path = test_db().url().substr(std::string_view("sqlite:").size());
      for (const std::string& file : {path, path + "-wal", path + "-journal"}) {
        std::ifstream in(file, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      EXPECT_GT(all.size(), 10000u) << "the database files were not read";
      return all;
    }
    db().Read([&](db::Tx& tx) {
      for (const auto& table :
           tx.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    "current_schema() AND table_type = 'BASE TABLE'")) {
        // Table names come from the catalogue, not from a person.
        for (const auto& row : tx.Query("SELECT t::text FROM \"" + table.text(0) + "\" t")) {
          all += row.text(0);
          all += '\n';
        }
      }
    });
    EXPECT_NE(all.find("assessment.risk.record"), std::string::npos) << "the tables were not read";
    return all;
  }
};

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
