#include "plans/check_answers.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "plan_fixtures.hpp"

namespace waymark::plans {
namespace {

using testing::CompleteDraft;

const AnswerRow* RowFor(const std::vector<AnswerRow>& rows, std::string_view field) {
  auto it = std::find_if(rows.begin(), rows.end(),
                         [&](const AnswerRow& row) { return row.change_field == field; });
  return it == rows.end() ? nullptr : &*it;
}

TEST(CheckYourAnswers, AnEmptyDraftShowsWhatIsMissing) {
  auto rows = CheckYourAnswers(Plan{});
  ASSERT_EQ(rows.size(), 1u + 20u + 2u + 1u);
  EXPECT_EQ(rows.front().question, "Goals");
  EXPECT_EQ(rows.front().answer, "None added");
  EXPECT_EQ(rows.front().change_field, "goals");
  EXPECT_EQ(rows[1].question, "1. Actions taken so far");
  EXPECT_EQ(rows[1].answer, "Not recorded");
  EXPECT_EQ(RowFor(rows, "evidence-5-language")->answer, "Not recorded");
  EXPECT_EQ(RowFor(rows, "evidence-5-format")->answer, "Not recorded");
  EXPECT_EQ(rows.back().question, "Review date");
  EXPECT_EQ(rows.back().answer, "Not set");
  EXPECT_EQ(rows.back().change_field, "review_on");
}

TEST(CheckYourAnswers, DescribesGoalsActionsEvidenceAndReview) {
  Plan plan = CompleteDraft();
  plan = AddGoal(plan, {"Feel part of a community", {"social_connection", "faith_culture"}, {}})
             .value();
  auto rows = CheckYourAnswers(plan);

  EXPECT_EQ(rows[0].question, "Goal 1");
  EXPECT_EQ(rows[0].answer, "Move into safe, settled housing");
  EXPECT_EQ(rows[0].change_field, "goals-0-text");
  EXPECT_EQ(rows[1].question, "Needs goal 1 addresses");
  EXPECT_EQ(rows[1].answer, "Accommodation, Safety");
  EXPECT_EQ(rows[1].change_field, "goals-0-domains");
  EXPECT_EQ(rows[2].question, "Goal 1, action 1");
  EXPECT_EQ(rows[2].answer,
            "Refer to the council's housing team (Support worker, due 1 April 2025, not started)");
  EXPECT_EQ(rows[2].change_field, "goals-0-actions-0");
  EXPECT_EQ(rows[3].change_field, "goals-0-actions-1");
  EXPECT_EQ(rows[4].question, "Goal 2");
  EXPECT_EQ(RowFor(rows, "goals-1-domains")->answer, "Social connection, Faith and culture");
  EXPECT_EQ(RowFor(rows, "goals-1-actions")->answer, "None added");
  EXPECT_FALSE(RowFor(rows, "goals"));

  EXPECT_EQ(RowFor(rows, "evidence-5")->question, "5. Information on rights");
  EXPECT_EQ(RowFor(rows, "evidence-5")->answer, "Evidence for point 5");
  EXPECT_EQ(RowFor(rows, "evidence-5-language")->answer, "sqi");
  EXPECT_EQ(RowFor(rows, "evidence-5-format")->answer, "Written");
  EXPECT_EQ(RowFor(rows, "evidence-20")->question, "20. Records kept");
  EXPECT_EQ(RowFor(rows, "review_on")->answer, "10 June 2025");
}

TEST(CheckYourAnswers, EveryGapBeforeAgreementLinksToARow) {
  Plan plan = CompleteDraft();
  plan.goals[0].actions.clear();
  plan.evidence[4]->rights.reset();
  plan.evidence[11].reset();
  plan.review_on.reset();
  auto missing = MissingBeforeAgreement(plan);
  ASSERT_EQ(missing.size(), 5u);
  auto rows = CheckYourAnswers(plan);
  for (const auto& gap : missing) {
    EXPECT_TRUE(RowFor(rows, gap.field)) << gap.field;
  }
  EXPECT_TRUE(RowFor(CheckYourAnswers(Plan{}), MissingBeforeAgreement(Plan{})[0].field));
  EXPECT_TRUE(MissingBeforeAgreement(CompleteDraft()).empty());
}

}  // namespace
}  // namespace waymark::plans
