// Tasks through the JSON API: a task given on a case shows in the case's tasks, in the
// assignee's own and in the service manager's team list (for everyone, or for that worker), and
// is completed with its version (a stale or repeated completion refused); validation errors
// under the JSON names; an unassigned colleague, and a support worker asking for the team's
// tasks, refused.
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

class TasksApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    tasks_ = "/api/v1/cases/" + case_id_ + "/tasks";
  }

  // Today in the test application is 2024-03-04.
  std::string TaskJson(std::string_view title = "Book the GP appointment") {
    return boost::json::serialize(boost::json::object{
        {"title", title}, {"due_on", "2024-03-06"}, {"assigned_to", app().UserId(kWorker)}});
  }

  std::string AddTask() {
    auto res = Call(app(), "POST", tasks_, token_, TaskJson());
    EXPECT_EQ(res.status, 201) << res.body;
    if (res.status != 201) return "";
    return std::string(JsonOf(res).at("task_id").as_string());
  }

  std::string tasks_;
};

bool Lists(const boost::json::value& list, std::string_view task_id) {
  for (const auto& item : list.at("items").as_array()) {
    if (item.at("task_id").is_string() && item.at("task_id").as_string() == task_id) return true;
  }
  return false;
}

TEST_F(TasksApiTest, ATaskIsGivenListedAndCompleted) {
  auto added = Call(app(), "POST", tasks_, token_, TaskJson());
  ASSERT_EQ(added.status, 201) << added.body;
  auto task = JsonOf(added);
  std::string id(task.at("task_id").as_string());
  EXPECT_EQ(task.at("kind").as_string(), "manual");
  EXPECT_EQ(task.at("due_on").as_string(), "2024-03-06");
  EXPECT_EQ(task.at("version").as_int64(), 1);
  EXPECT_EQ(app().CountAudit("task.add"), 1);

  auto mine = Call(app(), "GET", "/api/v1/tasks", token_);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_TRUE(Lists(JsonOf(mine), id));
  auto on_case = JsonOf(Call(app(), "GET", tasks_, token_));
  EXPECT_TRUE(Lists(on_case, id));
  EXPECT_TRUE(on_case.at("can_change").as_bool());
  EXPECT_FALSE(on_case.at("assignable").as_array().empty());

  auto done =
      Call(app(), "POST", tasks_ + "/" + id + "/done", token_, "{}", {{"If-Match", "\"1\""}});
  EXPECT_EQ(done.status, 204) << done.body;
  EXPECT_EQ(app().CountAudit("task.complete"), 1);
  EXPECT_FALSE(Lists(JsonOf(Call(app(), "GET", tasks_, token_)), id));
  EXPECT_FALSE(Lists(JsonOf(Call(app(), "GET", "/api/v1/tasks", token_)), id));
}

TEST_F(TasksApiTest, InvalidTasksAre422WithTheJsonNamesAndAddNothing) {
  auto typed = Call(app(), "POST", tasks_, token_,
                    R"({"title": 7, "due_on": "next week", "priority": "high"})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(ErrorFields(typed), Contains("title"));
  EXPECT_THAT(ErrorFields(typed), Contains("due_on"));
  EXPECT_THAT(ErrorFields(typed), Contains("priority"));

  auto rules = Call(app(), "POST", tasks_, token_,
                    R"({"title": " ", "due_on": "2024-01-01", "assigned_to": ""})");
  EXPECT_EQ(rules.status, 422) << rules.body;
  auto fields = ErrorFields(rules);
  EXPECT_THAT(fields, Contains("title"));
  EXPECT_THAT(fields, Contains("due_on"));
  EXPECT_THAT(fields, Contains("assigned_to"));
  EXPECT_THAT(fields, Not(Contains("due")));
  EXPECT_THAT(rules.body, HasSubstr("The due date must be today or in the future"));

  // Only someone who works on the case can be given a task on it.
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  auto outsider =
      Call(app(), "POST", tasks_, token_,
           boost::json::serialize(boost::json::object{{"title", "Call her"},
                                                      {"due_on", "2024-03-05"},
                                                      {"assigned_to", app().UserId(kColleague)}}));
  EXPECT_EQ(outsider.status, 422) << outsider.body;
  EXPECT_THAT(ErrorFields(outsider), Contains("assigned_to"));
  EXPECT_EQ(app().CountAudit("task.add"), 0);
}

TEST_F(TasksApiTest, AStaleOrRepeatedCompletionIsRefused) {
  std::string id = AddTask();
  ASSERT_FALSE(id.empty());
  std::string done = tasks_ + "/" + id + "/done";
  EXPECT_EQ(Call(app(), "POST", done, token_, "{}").status, 428);
  auto stale = Call(app(), "POST", done, token_, R"({"version": 2})");
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_TRUE(Lists(JsonOf(Call(app(), "GET", tasks_, token_)), id));
  EXPECT_EQ(Call(app(), "POST", done, token_, R"({"version": 1})").status, 204);
  EXPECT_THAT(Call(app(), "POST", done, token_, R"({"version": 1})").status, AnyOf(404, 409));
  EXPECT_EQ(app().CountAudit("task.complete"), 1);
}

TEST_F(TasksApiTest, AnUnassignedColleagueIsRefused) {
  std::string id = AddTask();
  ASSERT_FALSE(id.empty());
  std::string colleague = UnassignedColleagueToken();
  auto list = Call(app(), "GET", tasks_, colleague);
  EXPECT_THAT(list.status, AnyOf(403, 404));
  EXPECT_THAT(list.body, Not(HasSubstr("Book the GP")));
  EXPECT_THAT(Call(app(), "POST", tasks_, colleague, TaskJson("Not mine")).status, AnyOf(403, 404));
  EXPECT_THAT(
      Call(app(), "POST", tasks_ + "/" + id + "/done", colleague, R"({"version": 1})").status,
      AnyOf(403, 404));
  auto theirs = Call(app(), "GET", "/api/v1/tasks", colleague);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_FALSE(Lists(JsonOf(theirs), id));
  EXPECT_EQ(Call(app(), "GET", tasks_, IssueToken(app(), kOtherProvider)).status, 404);
  EXPECT_EQ(app().CountAudit("task.complete"), 0);
}

TEST_F(TasksApiTest, AServiceManagerSeesTheTeamsTasksForEveryoneOrOneWorker) {
  std::string id = AddTask();
  ASSERT_FALSE(id.empty());
  std::string manager = IssueToken(app(), kManager);
  auto team = Call(app(), "GET", "/api/v1/tasks/team", manager);
  ASSERT_EQ(team.status, 200) << team.body;
  EXPECT_TRUE(Lists(JsonOf(team), id));
  auto everyone = Call(app(), "GET", "/api/v1/tasks/team?worker=", manager);
  ASSERT_EQ(everyone.status, 200) << everyone.body;
  EXPECT_TRUE(Lists(JsonOf(everyone), id));
  auto workers = Call(app(), "GET", "/api/v1/tasks/team?worker=" + app().UserId(kWorker), manager);
  ASSERT_EQ(workers.status, 200) << workers.body;
  EXPECT_TRUE(Lists(JsonOf(workers), id));
  auto theirs = JsonOf(workers);
  for (const auto& item : theirs.at("items").as_array()) {
    if (item.at("task_id").is_string()) {
      EXPECT_EQ(item.at("assigned_to").as_string(), app().UserId(kWorker));
    }
  }
  auto others = Call(app(), "GET", "/api/v1/tasks/team?worker=" + app().UserId(kManager), manager);
  ASSERT_EQ(others.status, 200) << others.body;
  EXPECT_FALSE(Lists(JsonOf(others), id));
  EXPECT_EQ(app().CountAudit("task.team_list"), 4);

  // Another provider's manager never sees this provider's tasks.
  app().AddEnrolledUser("Compass Outreach (demo)", "manager@compass.demo",
                        identity::Role::kServiceManager);
  auto elsewhere =
      Call(app(), "GET", "/api/v1/tasks/team", IssueToken(app(), "manager@compass.demo"));
  ASSERT_EQ(elsewhere.status, 200) << elsewhere.body;
  EXPECT_FALSE(Lists(JsonOf(elsewhere), id));
}

TEST_F(TasksApiTest, ASupportWorkerMayNotListTheTeamsTasks) {
  ASSERT_FALSE(AddTask().empty());
  int64_t denied = app().CountAudit("permission.denied");
  auto refused = Call(app(), "GET", "/api/v1/tasks/team", token_);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_THAT(refused.Header("Content-Type"), HasSubstr("application/problem+json"));
  EXPECT_THAT(refused.body, Not(HasSubstr("Book the GP")));
  EXPECT_EQ(app().CountAudit("permission.denied"), denied + 1);
  // The same refusal the service gives.
  auto actor = app().ActorFor(kWorker);
  ASSERT_TRUE(actor);
  auto service =
      app().web().tasks.TeamTasks(*actor, std::nullopt, identity::Origin{"192.0.2.1", "api-test"});
  ASSERT_FALSE(service);
  EXPECT_EQ(JsonOf(refused).at("detail").as_string(), service.error().message);
  EXPECT_EQ(app().CountAudit("task.team_list"), 0);
}

TEST_F(TasksApiTest, AMalformedWorkerOrAnUnknownParameterIs422) {
  std::string manager = IssueToken(app(), kManager);
  auto name = Call(app(), "GET", "/api/v1/tasks/team?worker=Jo%20Support", manager);
  EXPECT_EQ(name.status, 422) << name.body;
  EXPECT_THAT(ErrorFields(name), Contains("worker"));
  EXPECT_THAT(name.Header("Content-Type"), HasSubstr("application/problem+json"));
  auto upper = Call(app(), "GET", "/api/v1/tasks/team?worker=" + std::string(32, 'A'), manager);
  EXPECT_EQ(upper.status, 422) << upper.body;
  auto unknown = Call(app(), "GET", "/api/v1/tasks/team?urgency=overdue", manager);
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_THAT(ErrorFields(unknown), Contains("urgency"));
  EXPECT_EQ(app().CountAudit("task.team_list"), 0);
}

}  // namespace
}  // namespace waymark::api::testing
