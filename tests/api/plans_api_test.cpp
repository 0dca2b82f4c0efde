// The support and safety plan through the JSON API: started, edited as a draft (goals added,
// replaced and removed), agreed with the person, approved by a service manager (never by the
// worker), revised (the approved version kept and read again by its number); the rules' errors
// as JSON paths; a stale revision refused; an unassigned colleague refused.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/api/api_fixture.hpp"

namespace waymark::api::testing {
namespace {

using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// Today in the test application is 2024-03-04.
std::string Goal(int64_t revision, std::string_view text = "A safe place to live") {
  return boost::json::serialize(boost::json::object{
      {"text", text},
      {"domains", boost::json::array{"accommodation", "safety"}},
      {"actions", boost::json::array{boost::json::object{{"text", "Refer to the housing team"},
                                                         {"owner", "Support worker"},
                                                         {"due_on", "2024-03-18"},
                                                         {"status", "in_progress"}}}},
      {"revision", revision}});
}

std::string AllEvidence(int64_t revision) {
  boost::json::array points;
  for (int point = 1; point <= 20; ++point) {
    boost::json::object item{{"point", point},
                             {"text", "Evidence for point " + std::to_string(point)}};
    if (point == 5) {
      item["language"] = "sqi";
      item["format"] = "spoken";
    }
    points.push_back(std::move(item));
  }
  return boost::json::serialize(boost::json::object{{"points", points}, {"revision", revision}});
}

class PlansApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    plan_ = "/api/v1/cases/" + case_id_ + "/plan";
  }

  // Starts the plan and fills the draft so it can be agreed; returns the revision reached.
  int64_t CompleteDraft() {
    auto started = Call(app(), "POST", plan_, token_);
    EXPECT_EQ(started.status, 201) << started.body;
    EXPECT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(1)).status, 200);
    EXPECT_EQ(Call(app(), "PUT", plan_ + "/evidence", token_, AllEvidence(2)).status, 200);
    auto dated = Call(app(), "PUT", plan_ + "/review-date", token_,
                      R"({"review_on": "2024-09-01", "revision": 3})");
    EXPECT_EQ(dated.status, 200) << dated.body;
    return 4;
  }

  std::string plan_;
};

TEST_F(PlansApiTest, APlanIsDraftedAgreedApprovedAndRevised) {
  auto none = JsonOf(Call(app(), "GET", plan_, token_));
  EXPECT_TRUE(none.at("plan").is_null());
  int64_t revision = CompleteDraft();
  auto draft = JsonOf(Call(app(), "GET", plan_, token_));
  EXPECT_EQ(draft.at("plan").at("status").as_string(), "draft");
  EXPECT_EQ(draft.at("plan").at("goals").as_array().size(), 1u);
  EXPECT_EQ(draft.at("plan").at("evidence").as_array().size(), 20u);
  EXPECT_EQ(draft.at("plan").at("evidence").as_array()[4].at("format").as_string(), "spoken");

  auto agreed = Call(app(), "POST", plan_ + "/agree", token_,
                     R"({"agreed_on": "2024-03-04", "mode": "in_person", "language": "sqi",
                         "interpreter_used": true})",
                     {{"If-Match", "\"" + std::to_string(revision) + "\""}});
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  EXPECT_EQ(JsonOf(agreed).at("status").as_string(), "agreed");
  EXPECT_EQ(agreed.Header("ETag"), "\"5\"");

  // The worker who agreed it may not approve it; a service manager may.
  auto self = Call(app(), "POST", plan_ + "/approve", token_, R"({"revision": 5})");
  EXPECT_EQ(self.status, 403) << self.body;
  auto approved =
      Call(app(), "POST", plan_ + "/approve", IssueToken(app(), kManager), R"({"revision": 5})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(JsonOf(approved).at("status").as_string(), "approved");
  EXPECT_FALSE(JsonOf(approved).at("approval").is_null());

  // An approved plan is not edited; a new version is started from it.
  auto frozen = Call(app(), "POST", plan_ + "/goals", token_, Goal(6, "Another goal"));
  EXPECT_EQ(frozen.status, 409);
  auto revised = Call(app(), "POST", plan_ + "/revise", token_, R"({"revision": 6})");
  ASSERT_EQ(revised.status, 200) << revised.body;
  EXPECT_EQ(JsonOf(revised).at("version").as_int64(), 2);
  EXPECT_EQ(JsonOf(revised).at("status").as_string(), "draft");
  auto view = JsonOf(Call(app(), "GET", plan_, token_));
  EXPECT_EQ(view.at("in_force_version").as_int64(), 1);
  auto versions = JsonOf(Call(app(), "GET", plan_ + "/versions", token_)).at("items").as_array();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("status").as_string(), "approved");
  EXPECT_EQ(app().CountAudit("plan.approve"), 1);
}

TEST_F(PlansApiTest, InvalidChangesAre422WithJsonPathsAndChangeNothing) {
  ASSERT_EQ(Call(app(), "POST", plan_, token_).status, 201);
  auto goal = Call(app(), "POST", plan_ + "/goals", token_,
                   R"({"text": "", "domains": ["nowhere"], "revision": 1, "actions": [
                         {"text": "Call the GP", "owner": "", "due_on": "someday",
                          "status": "maybe"}]})");
  EXPECT_EQ(goal.status, 422) << goal.body;
  auto fields = ErrorFields(goal);
  EXPECT_THAT(fields, Contains("text"));
  EXPECT_THAT(fields, Contains("domains"));
  EXPECT_THAT(fields, Contains("actions[0].owner"));
  EXPECT_THAT(fields, Contains("actions[0].due_on"));
  EXPECT_THAT(fields, Contains("actions[0].status"));

  auto rights = Call(app(), "PUT", plan_ + "/evidence", token_,
                     R"({"points": [{"point": 5, "text": "Explained her rights"}],
                         "revision": 1})");
  EXPECT_EQ(rights.status, 422) << rights.body;
  EXPECT_THAT(ErrorFields(rights), Contains("points[0].language"));
  EXPECT_THAT(ErrorFields(rights), Contains("points[0].format"));

  // An incomplete draft cannot be agreed: every gap, named after the plan's parts.
  auto agree = Call(app(), "POST", plan_ + "/agree", token_,
                    R"({"agreed_on": "2024-03-04", "mode": "phone", "language": "sqi",
                        "interpreter_used": false, "revision": 1})");
  EXPECT_EQ(agree.status, 422) << agree.body;
  fields = ErrorFields(agree);
  EXPECT_THAT(fields, Contains("goals"));
  EXPECT_THAT(fields, Contains("evidence[1]"));
  EXPECT_THAT(fields, Contains("evidence[20]"));
  EXPECT_THAT(fields, Contains("review_on"));

  auto view = JsonOf(Call(app(), "GET", plan_, token_));
  EXPECT_EQ(view.at("plan").at("revision").as_int64(), 1);
  EXPECT_TRUE(view.at("plan").at("goals").as_array().empty());
  // A goal the plan does not have is named by the path's number, counted from 0, whether it is
  // past the plan's goals or past the most a plan can have.
  for (std::string goal : {"0", "7", "99"}) {
    auto missing = Call(app(), "PUT", plan_ + "/goals/" + goal, token_, Goal(1));
    EXPECT_EQ(missing.status, 404);
    EXPECT_THAT(missing.body,
                HasSubstr("This plan has no goal " + goal + " (goals are counted from 0)"));
  }
  auto removed = Call(app(), "DELETE", plan_ + "/goals/3", token_, R"({"revision": 1})");
  EXPECT_EQ(removed.status, 404);
  EXPECT_THAT(removed.body, HasSubstr("This plan has no goal 3 (goals are counted from 0)"));
}

TEST_F(PlansApiTest, AChangeFromAStaleRevisionIsRefusedWith409) {
  ASSERT_EQ(Call(app(), "POST", plan_, token_).status, 201);
  auto unversioned = boost::json::parse(Goal(1)).as_object();
  unversioned.erase("revision");
  EXPECT_EQ(
      Call(app(), "POST", plan_ + "/goals", token_, boost::json::serialize(unversioned)).status,
      428);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(1)).status, 200);
  auto stale = Call(app(), "PUT", plan_ + "/goals/0", token_, Goal(1, "Overwritten?"));
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.body, HasSubstr("Someone else changed this plan"));
  auto view = JsonOf(Call(app(), "GET", plan_, token_));
  EXPECT_EQ(view.at("plan").at("goals").as_array()[0].at("text").as_string(),
            "A safe place to live");
  EXPECT_EQ(Call(app(), "POST", plan_, token_).status, 409);  // already started
}

TEST_F(PlansApiTest, AnUnassignedColleagueIsRefused) {
  ASSERT_EQ(Call(app(), "POST", plan_, token_).status, 201);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(1)).status, 200);
  std::string colleague = UnassignedColleagueToken();
  auto read = Call(app(), "GET", plan_, colleague);
  EXPECT_THAT(read.status, AnyOf(403, 404));
  EXPECT_THAT(read.body, Not(HasSubstr("A safe place to live")));
  EXPECT_THAT(Call(app(), "GET", plan_ + "/versions", colleague).status, AnyOf(403, 404));
  EXPECT_THAT(Call(app(), "POST", plan_ + "/goals", colleague, Goal(2)).status, AnyOf(403, 404));
  EXPECT_EQ(Call(app(), "GET", plan_, IssueToken(app(), kOtherProvider)).status, 404);
  EXPECT_EQ(JsonOf(Call(app(), "GET", plan_, token_)).at("plan").at("revision").as_int64(), 2);
}

TEST_F(PlansApiTest, AGoalIsRemovedFromTheDraftWithTheRevision) {
  ASSERT_EQ(Call(app(), "POST", plan_, token_).status, 201);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(1, "Housing")).status, 200);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(2, "Health")).status, 200);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(3, "Work")).status, 200);

  // No body: the revision as If-Match, as a client sends a DELETE.
  auto removed = Call(app(), "DELETE", plan_ + "/goals/0", token_, "", {{"If-Match", "\"4\""}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.Header("ETag"), "\"5\"");
  auto goals = JsonOf(removed).at("goals").as_array();
  ASSERT_EQ(goals.size(), 2u);
  EXPECT_EQ(goals[0].at("text").as_string(), "Health");
  EXPECT_EQ(JsonOf(removed).at("revision").as_int64(), 5);

  // Or "revision" in a JSON body, as the other changes take it.
  auto last = Call(app(), "DELETE", plan_ + "/goals/1", token_, R"({"revision": 5})");
  ASSERT_EQ(last.status, 200) << last.body;
  goals = JsonOf(last).at("goals").as_array();
  ASSERT_EQ(goals.size(), 1u);
  EXPECT_EQ(goals[0].at("text").as_string(), "Health");
  EXPECT_EQ(app().CountAudit("plan.edit"), 6);  // start, three goals added, two removed
}

TEST_F(PlansApiTest, ARemovalThatDoesNotApplyIsRefusedAndRemovesNothing) {
  ASSERT_EQ(Call(app(), "POST", plan_, token_).status, 201);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(1)).status, 200);
  std::string goal = plan_ + "/goals/0";
  auto unversioned = Call(app(), "DELETE", goal, token_);
  EXPECT_EQ(unversioned.status, 428) << unversioned.body;
  EXPECT_THAT(unversioned.body, HasSubstr("revision"));
  auto stale = Call(app(), "DELETE", goal, token_, "", {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.body, HasSubstr("Someone else changed this plan"));
  EXPECT_EQ(Call(app(), "DELETE", plan_ + "/goals/1", token_, R"({"revision": 2})").status, 404);
  EXPECT_EQ(Call(app(), "DELETE", plan_ + "/goals/30", token_, R"({"revision": 2})").status, 404);
  EXPECT_EQ(Call(app(), "DELETE", plan_ + "/goals/x", token_, R"({"revision": 2})").status, 404);
  EXPECT_EQ(Call(app(), "DELETE", goal, token_, "{").status, 400);
  auto typed = Call(app(), "DELETE", goal, token_, R"({"revision": "2", "goal": 0})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(ErrorFields(typed), Contains("revision"));
  EXPECT_THAT(ErrorFields(typed), Contains("goal"));

  std::string colleague = UnassignedColleagueToken();
  EXPECT_THAT(Call(app(), "DELETE", goal, colleague, R"({"revision": 2})").status, AnyOf(403, 404));
  EXPECT_EQ(
      Call(app(), "DELETE", goal, IssueToken(app(), kOtherProvider), R"({"revision": 2})").status,
      404);

  auto view = JsonOf(Call(app(), "GET", plan_, token_));
  EXPECT_EQ(view.at("plan").at("revision").as_int64(), 2);
  EXPECT_EQ(view.at("plan").at("goals").as_array().size(), 1u);
}

TEST_F(PlansApiTest, AnAgreedPlansGoalsAreNotRemoved) {
  int64_t revision = CompleteDraft();
  auto agreed = Call(app(), "POST", plan_ + "/agree", token_,
                     R"({"agreed_on": "2024-03-04", "mode": "phone", "language": "eng",
                         "interpreter_used": false, "revision": 4})");
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  auto frozen = Call(app(), "DELETE", plan_ + "/goals/0", token_, "",
                     {{"If-Match", "\"" + std::to_string(revision + 1) + "\""}});
  EXPECT_EQ(frozen.status, 409) << frozen.body;
  EXPECT_EQ(JsonOf(Call(app(), "GET", plan_, token_)).at("plan").at("goals").as_array().size(), 1u);
}

TEST_F(PlansApiTest, AnOlderVersionIsReadByItsNumber) {
  CompleteDraft();
  ASSERT_EQ(Call(app(), "POST", plan_ + "/agree", token_,
                 R"({"agreed_on": "2024-03-04", "mode": "phone", "language": "eng",
                     "interpreter_used": false, "revision": 4})")
                .status,
            200);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/revise", token_, R"({"revision": 5})").status, 200);
  ASSERT_EQ(Call(app(), "POST", plan_ + "/goals", token_, Goal(6, "Only in version 2")).status,
            200);

  auto first = Call(app(), "GET", plan_ + "/versions/1", token_);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(JsonOf(first).at("version").as_int64(), 1);
  EXPECT_EQ(JsonOf(first).at("status").as_string(), "agreed");
  EXPECT_EQ(JsonOf(first).at("goals").as_array().size(), 1u);
  EXPECT_FALSE(JsonOf(first).at("agreement").is_null());
  auto second = JsonOf(Call(app(), "GET", plan_ + "/versions/2", token_));
  EXPECT_EQ(second.at("status").as_string(), "draft");
  EXPECT_EQ(second.at("goals").as_array().size(), 2u);

  auto missing = Call(app(), "GET", plan_ + "/versions/3", token_);
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_THAT(missing.body, HasSubstr("This plan has no version 3"));
  for (std::string_view bad : {"two", "0", "-1", "1.5", "99999999999"}) {
    auto res = Call(app(), "GET", plan_ + "/versions/" + std::string(bad), token_);
    EXPECT_EQ(res.status, 422) << bad << ": " << res.body;
    EXPECT_THAT(ErrorFields(res), Contains("version")) << bad;
  }

  auto colleague = Call(app(), "GET", plan_ + "/versions/1", UnassignedColleagueToken());
  EXPECT_THAT(colleague.status, AnyOf(403, 404));
  EXPECT_THAT(colleague.body, Not(HasSubstr("Refer to the housing team")));
  EXPECT_EQ(Call(app(), "GET", plan_ + "/versions/1", IssueToken(app(), kOtherProvider)).status,
            404);
}

}  // namespace
}  // namespace waymark::api::testing
