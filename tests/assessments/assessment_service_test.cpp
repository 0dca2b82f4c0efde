// Recording and reading needs and risk assessments, on both databases: versions are kept, a
// stale save is refused, invalid input changes nothing, the case list's risk level follows the
// current risk assessment, and the overview's sections say what is due.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/organisations.hpp"
#include "platform/db/errors.hpp"
#include "tests/assessments/assessment_fixture.hpp"
#include "tests/assessments/field_messages.hpp"

namespace waymark::assessments::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using waymark::testing::MessageFor;

class AssessmentServiceTest : public AssessmentTest {};

TEST_P(AssessmentServiceTest, ANeedsAssessmentIsRecordedReadBackAndAudited) {
  StoredNeeds saved = RecordNeeds(worker_, SomeNeeds(), 0);
  EXPECT_EQ(saved.recorded.version, 1);
  EXPECT_EQ(saved.recorded.based_on, 0);
  EXPECT_EQ(saved.recorded.recorded_by, worker_.id);
  EXPECT_EQ(saved.assessment.version, 1);

  auto read = service().Needs(ActorFor(manager_), case_.id, 0, origin_);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(read->current);
  EXPECT_EQ(read->about.reference, case_.reference);
  EXPECT_TRUE(read->about.can_record);
  const NeedsAssessment& a = read->saved.assessment;
  EXPECT_EQ(a.kind, AssessmentKind::kFull);
  EXPECT_EQ(a.mode, MeetingMode::kInPerson);
  EXPECT_EQ(FormatIsoDate(a.assessed_on), "2024-03-04");
  ASSERT_EQ(a.needs.size(), 4u);
  EXPECT_EQ(a.needs[1].domain, NeedDomain::kLegalImmigration);
  EXPECT_EQ(a.needs[1].time_frame, TimeFrame::kShortTerm);
  EXPECT_EQ(a.needs[1].description, "Advice from an immigration solicitor");
  EXPECT_FALSE(a.needs[1].met);
  EXPECT_TRUE(a.needs[2].met);
  EXPECT_EQ(a.strengths, "Speaks three languages and is determined to work");
  EXPECT_EQ(read->saved.recorded.recorded_by_name, "Test worker@harbour.test");

  EXPECT_EQ(CountAudit("assessment.needs.record"), 1);
  EXPECT_EQ(CountAudit("assessment.view"), 1);
  auto areas = service().NeedAreas(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(areas);
  EXPECT_THAT(*areas, ElementsAre(NeedDomain::kSafety, NeedDomain::kMentalHealth,
                                  NeedDomain::kLegalImmigration));
}

TEST_P(AssessmentServiceTest, ANewVersionNeverOverwritesAnOldOne) {
  RecordNeeds(worker_, SomeNeeds(), 0);
  NeedsAssessmentInput review = SomeNeeds();
  review.needs[0].met = "yes";
  review.needs[1].description = "Legal aid solicitor found; first meeting booked";
  review.needs.pop_back();
  StoredNeeds second = RecordNeeds(manager_, review, 1);
  EXPECT_EQ(second.recorded.version, 2);
  EXPECT_EQ(second.recorded.based_on, 1);

  auto first = service().Needs(ActorFor(worker_), case_.id, 1, origin_);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->current);
  EXPECT_EQ(first->saved.assessment.needs.size(), 4u);
  EXPECT_EQ(first->saved.assessment.needs[1].description, "Advice from an immigration solicitor");
  EXPECT_FALSE(first->saved.assessment.needs[0].met);
  auto current = service().Needs(ActorFor(worker_), case_.id, 0, origin_);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->saved.recorded.version, 2);
  EXPECT_EQ(current->saved.assessment.needs.size(), 3u);
  EXPECT_TRUE(current->saved.assessment.needs[0].met);

  auto versions = service().NeedsVersions(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].recorded.version, 2);
  EXPECT_EQ((*versions)[0].recorded.recorded_by_name, "Test manager@harbour.test");
  EXPECT_EQ((*versions)[0].needs, 3);
  EXPECT_EQ((*versions)[0].unmet, 1);
  EXPECT_EQ((*versions)[1].recorded.version, 1);
  EXPECT_EQ((*versions)[1].unmet, 2);

  auto missing = service().Needs(ActorFor(worker_), case_.id, 3, origin_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ProblemKind::kNotFound);

  // The tables refuse an overwrite even from outside the service.
  EXPECT_THROW(
      db().Write([](db::Tx& tx) { tx.Execute("UPDATE needs_assessments SET kind = 'initial'"); }),
      db::DbError);
  EXPECT_THROW(db().Write([](db::Tx& tx) {
    tx.Execute("UPDATE risk_assessment_ratings SET level = 'none'");
    tx.Execute("UPDATE needs_assessment_needs SET met = 1");
  }),
               db::DbError);
  EXPECT_EQ(Count("needs_assessments"), 2);
}

TEST_P(AssessmentServiceTest, AnAssessmentBasedOnAnOlderVersionIsRefusedAsStale) {
  RecordNeeds(worker_, SomeNeeds(), 0);
  RecordRisk(worker_, SomeRisk(), 0);
  // Both started from version 1; the worker saves first.
  RecordNeeds(worker_, SomeNeeds(), 1);
  RecordRisk(worker_, SomeRisk("medium", "2024-08-01"), 1);

  auto needs = service().RecordNeeds(ActorFor(manager_), case_.id, SomeNeeds(), 1, origin_);
  ASSERT_FALSE(needs);
  EXPECT_EQ(needs.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(needs.error().message, kStaleNeeds);
  auto risk = service().RecordRisk(ActorFor(manager_), case_.id, SomeRisk(), 1, origin_);
  ASSERT_FALSE(risk);
  EXPECT_EQ(risk.error().kind, ProblemKind::kConflict);
  EXPECT_THAT(risk.error().message, HasSubstr("Someone else recorded a risk assessment"));
  // A first assessment when one exists is stale too.
  EXPECT_FALSE(service().RecordNeeds(ActorFor(manager_), case_.id, SomeNeeds(), 0, origin_));

  EXPECT_EQ(Count("needs_assessments"), 2);
  EXPECT_EQ(Count("risk_assessments"), 2);
  EXPECT_EQ(StoredRiskLevel(), "medium");
  EXPECT_EQ(CountAudit("assessment.needs.record"), 2);
  EXPECT_EQ(CountAudit("assessment.risk.record"), 2);
}

// Two saves that both passed the version check at once: the (case, version) key stops the second,
// and the service reports that as the same conflict.
TEST_P(AssessmentServiceTest, TheStoreRefusesASecondRowForTheSameVersion) {
  StoredNeeds saved = RecordNeeds(worker_, SomeNeeds(), 0);
  saved.recorded.id = "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0";
  EXPECT_THROW(db().Write([&](db::Tx& tx) {
    auto key = identity::LoadDataKey(tx, keyring(), harbour_.id);
    ASSERT_TRUE(key);
    InsertNeeds(tx, *key, harbour_.id, saved);
  }),
               db::UniqueViolation);
  EXPECT_EQ(Count("needs_assessments"), 1);
}

TEST_P(AssessmentServiceTest, InvalidAssessmentsAreAllReportedAndChangeNothing) {
  NeedsAssessmentInput needs = SomeNeeds();
  needs.assessed_on = "2024-02-30";
  needs.needs[1].domain = "astrology";
  needs.needs[2].description = "  ";
  needs.strengths = "";
  auto refused = service().RecordNeeds(ActorFor(worker_), case_.id, needs, 0, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kInvalid);
  std::vector<std::string> fields;
  for (const auto& f : refused.error().fields) fields.push_back(f.field);
  EXPECT_THAT(fields,
              ElementsAre("assessed_on", "needs-1-domain", "needs-2-description", "strengths"));

  // High risk must be reviewed within three months of the assessment.
  auto late =
      service().RecordRisk(ActorFor(worker_), case_.id, SomeRisk("high", "2024-06-05"), 0, origin_);
  ASSERT_FALSE(late);
  EXPECT_EQ(MessageFor(late.error(), "review_on"),
            "Review date must be on or before 4 June 2024: high overall risk is reviewed within 3 "
            "months");
  RiskAssessmentInput unexplained = SomeRisk("medium", "2024-06-01");
  unexplained.risks[0].notes = "";
  unexplained.overall = "low";
  auto low = service().RecordRisk(ActorFor(worker_), case_.id, unexplained, 0, origin_);
  ASSERT_FALSE(low);
  EXPECT_TRUE(MessageFor(low.error(), "risks-re_trafficking-notes"));
  EXPECT_TRUE(MessageFor(low.error(), "overall"));

  EXPECT_EQ(AssessmentRows(), 0);
  EXPECT_EQ(StoredRiskLevel(), "");
  EXPECT_EQ(CountAudit("assessment.needs.record"), 0);
  EXPECT_EQ(CountAudit("assessment.risk.record"), 0);
}

TEST_P(AssessmentServiceTest, TheCaseListKeepsTheCurrentRiskLevel) {
  cases::CaseFilter only_high;
  only_high.risk_level = "high";
  cases::CaseFilter not_assessed;
  not_assessed.risk_level = "";
  auto count = [&](const cases::CaseFilter& filter) {
    auto listing = case_service().List(ActorFor(manager_), filter, origin_);
    EXPECT_TRUE(listing);
    return listing ? listing->total : -1;
  };
  EXPECT_EQ(count(not_assessed), 1);
  EXPECT_EQ(count(only_high), 0);
  RecordRisk(worker_, SomeRisk("high", "2024-05-31"), 0);
  EXPECT_EQ(StoredRiskLevel(), "high");
  auto high = case_service().List(ActorFor(manager_), only_high, origin_);
  ASSERT_TRUE(high);
  ASSERT_EQ(high->cases.size(), 1u);
  EXPECT_EQ(high->cases[0].id, case_.id);
  EXPECT_EQ(count(not_assessed), 0);

  // The review date is kept for "my tasks" too, replaced by each new assessment.
  auto review_due = [&] {
    return db().Read([&](db::Tx& tx) {
      auto row = tx.QueryOne(
          "SELECT due_on FROM case_deadlines WHERE case_id = ? AND kind = 'risk.review'",
          {case_.id});
      return row ? row->text(0) : std::string();
    });
  };
  EXPECT_EQ(review_due(), "2024-05-31");
  RecordRisk(worker_, SomeRisk("low", "2025-03-04"), 1);
  EXPECT_EQ(StoredRiskLevel(), "low");
  EXPECT_EQ(review_due(), "2025-03-04");
  EXPECT_TRUE(case_service().List(ActorFor(manager_), only_high, origin_)->cases.empty());
  // Recording a risk assessment is not a change to the case's own details.
  auto view = case_service().Open(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->record.version, 1);
  EXPECT_EQ(view->record.risk_level, "low");
}

TEST_P(AssessmentServiceTest, TheReviewDateAndTheOverviewSectionsSayWhatIsDue) {
  cases::CaseService with_sections(deps());
  with_sections.AddSection(NeedsSection());
  with_sections.AddSection(RiskSection());
  auto statuses = [&] {
    auto view = with_sections.Open(ActorFor(worker_), case_.id, origin_);
    EXPECT_TRUE(view);
    std::vector<std::string> out;
    for (const auto& s : view->sections) out.push_back(s.title + ": " + s.status + ": " + s.hint);
    return out;
  };
  EXPECT_THAT(statuses(),
              ElementsAre("Needs assessment: Not started: ", "Risk assessment: Not started: "));
  auto none = service().RiskReview(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);

  RecordNeeds(worker_, SomeNeeds(), 0);
  RecordRisk(worker_, SomeRisk("high", "2024-05-31"), 0);
  EXPECT_THAT(statuses(),
              ElementsAre("Needs assessment: Completed: Full assessment on 4 March 2024. 2 needs "
                          "not yet met",
                          "Risk assessment: Completed: Risk: high. Review by 31 May 2024"));
  auto due = service().RiskReview(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(due && *due);
  EXPECT_EQ(FormatIsoDate((*due)->review_on), "2024-05-31");
  EXPECT_EQ((*due)->overall, OverallRisk::kHigh);
  EXPECT_FALSE((*due)->overdue);

  // On the review date it is due, the day after overdue.
  clock_.Advance(std::chrono::days(88));
  EXPECT_FALSE((*service().RiskReview(ActorFor(worker_), case_.id, origin_))->overdue);
  clock_.Advance(std::chrono::days(1));
  EXPECT_TRUE((*service().RiskReview(ActorFor(worker_), case_.id, origin_))->overdue);
  EXPECT_THAT(statuses()[1],
              "Risk assessment: Review overdue: Risk: high. Review was due by 31 May 2024");
  auto overview = service().Overview(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(overview);
  EXPECT_TRUE(overview->risk_review_overdue);
}

TEST_P(AssessmentServiceTest, TheFormStartsFromTheCurrentAssessmentAndTheReviewPolicy) {
  auto empty = service().StartRisk(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(empty) << empty.error().message;
  EXPECT_FALSE(empty->current);
  EXPECT_EQ(empty->policy.high_months, 3);
  EXPECT_EQ(FormatIsoDate(empty->today), "2024-03-04");
  RecordRisk(worker_, SomeRisk(), 0);
  auto draft = service().StartRisk(ActorFor(worker_), case_.id, origin_);
  ASSERT_TRUE(draft);
  ASSERT_TRUE(draft->current);
  EXPECT_EQ(draft->current->recorded.version, 1);
  EXPECT_EQ(draft->current->assessment.risks[0].notes,
            "Her former recruiter has been seen near the station");
  ASSERT_EQ(draft->current->assessment.risks.size(), AllRiskKinds().size());
  auto needs = service().StartNeeds(ActorFor(manager_), case_.id, origin_);
  ASSERT_TRUE(needs);
  EXPECT_FALSE(needs->current);
}

WAYMARK_INSTANTIATE_DB_TEST(AssessmentServiceTest);

}  // namespace
}  // namespace waymark::assessments::testing
