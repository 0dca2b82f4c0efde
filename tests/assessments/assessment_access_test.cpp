// Who may read and record assessments: the assigned worker and the service manager; a
// break-glass reader may read only; the unassigned colleague, the administrator and another
// provider are refused, every refusal is audited, and a closed case takes no new assessment.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/assessments/assessment_fixture.hpp"

namespace waymark::assessments::testing {
namespace {

class AssessmentAccessTest : public AssessmentTest {};

TEST_P(AssessmentAccessTest, OnlyTheCaseTeamReadsAndRecordsAndRefusalsAreAudited) {
  RecordNeeds(worker_, SomeNeeds(), 0);
  int64_t rows = AssessmentRows();
  int64_t denied = CountAudit("permission.denied");

  for (const identity::User* refused : {&colleague_, &admin_}) {
    SCOPED_TRACE(refused->email);
    auto read = service().Overview(ActorFor(*refused), case_.id, origin_);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, ProblemKind::kForbidden);
    auto record = service().RecordNeeds(ActorFor(*refused), case_.id, SomeNeeds(), 1, origin_);
    ASSERT_FALSE(record);
    EXPECT_EQ(record.error().kind, ProblemKind::kForbidden);
    EXPECT_FALSE(service().RecordRisk(ActorFor(*refused), case_.id, SomeRisk(), 0, origin_));
    EXPECT_FALSE(service().StartNeeds(ActorFor(*refused), case_.id, origin_));
  }
  // Another provider is not told the case exists.
  auto outsider = service().Needs(ActorFor(other_manager_), case_.id, 1, origin_);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().kind, ProblemKind::kNotFound);
  auto outsider_record =
      service().RecordRisk(ActorFor(other_manager_), case_.id, SomeRisk(), 0, origin_);
  ASSERT_FALSE(outsider_record);
  EXPECT_EQ(outsider_record.error().kind, ProblemKind::kNotFound);

  EXPECT_EQ(AssessmentRows(), rows);
  EXPECT_EQ(StoredRiskLevel(), "");
  EXPECT_EQ(CountAudit("permission.denied"), denied + 10);
  EXPECT_EQ(CountAudit("assessment.view"), 0);
  EXPECT_EQ(CountAudit("assessment.risk.record"), 0);

  // The manager reads and records.
  EXPECT_TRUE(service().Overview(ActorFor(manager_), case_.id, origin_));
  RecordRisk(manager_, SomeRisk(), 0);
  EXPECT_EQ(StoredRiskLevel(), "high");
}

TEST_P(AssessmentAccessTest, ABreakGlassReaderReadsButCannotRecord) {
  RecordRisk(worker_, SomeRisk(), 0);
  auto enrolled = Enrol(colleague_);
  clock_.Advance(std::chrono::seconds(30));
  identity::Actor colleague = ActorFor(colleague_);
  ASSERT_TRUE(case_service().OpenWithBreakGlass(colleague, case_.id,
                                                "Police called at night asking whether she is safe",
                                                CodeAt(enrolled.secret, clock_.Now()), origin_));

  auto read = service().Overview(colleague, case_.id, origin_);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_FALSE(read->about.can_record);
  ASSERT_TRUE(read->risk);
  EXPECT_EQ(read->risk->assessment.overall, OverallRisk::kHigh);
  auto rows = AuditRows();
  EXPECT_EQ(rows.back().action, "assessment.view");

  auto start = service().StartRisk(colleague, case_.id, origin_);
  ASSERT_FALSE(start);
  EXPECT_EQ(start.error().kind, ProblemKind::kForbidden);
  auto record =
      service().RecordRisk(colleague, case_.id, SomeRisk("low", "2025-01-01"), 1, origin_);
  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(Count("risk_assessments"), 1);
  EXPECT_EQ(StoredRiskLevel(), "high");
}

TEST_P(AssessmentAccessTest, AClosedCaseKeepsItsAssessmentsButTakesNoNewOne) {
  RecordNeeds(worker_, SomeNeeds(), 0);
  ASSERT_TRUE(case_service().Close(ActorFor(manager_), case_.id, "support_completed", 1, origin_));
  auto record = service().RecordNeeds(ActorFor(worker_), case_.id, SomeNeeds(), 1, origin_);
  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(record.error().message, cases::kClosedCase);
  auto read = service().Needs(ActorFor(worker_), case_.id, 1, origin_);
  ASSERT_TRUE(read);
  EXPECT_FALSE(read->about.can_record);
  EXPECT_EQ(Count("needs_assessments"), 1);
}

WAYMARK_INSTANTIATE_DB_TEST(AssessmentAccessTest);

}  // namespace
}  // namespace waymark::assessments::testing
