// The tasks pages over real HTTP: a worker adds a task on a case (an empty form first, then a
// good one), sees it in "Your tasks", marks it done; a colleague not on the case cannot.
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/util/date.hpp"
#include "tests/app/case_pages_support.hpp"

namespace waymark::app::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class TaskPagesTest : public AppTest {};

TEST_F(TaskPagesTest, AWorkerAddsATaskSeesItAndMarksItDone) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  std::string id = OpenAmina(worker);
  std::string path = "/cases/" + id + "/tasks";

  auto page = worker.Get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Nothing is due on this case."));
  auto empty = worker.Post(path, {{"csrf_token", worker.csrf()}, {"title", ""}});
  ASSERT_EQ(empty.status, 400);
  EXPECT_THAT(empty.body, HasSubstr("href=\"#title\""));
  EXPECT_THAT(empty.body, HasSubstr("href=\"#due\""));
  EXPECT_EQ(app().CountAudit("task.add"), 0);

  std::string worker_id = app().UserId(kWorker);
  EXPECT_THAT(page.body, HasSubstr("<option value=\"" + worker_id + "\""));
  std::chrono::year_month_day due{LondonDate(app().clock().Now()) + std::chrono::days(3)};
  auto added = worker.Post(path, {{"csrf_token", worker.csrf()},
                                  {"title", "Book an interpreter for the GP"},
                                  {"due-day", std::to_string(unsigned(due.day()))},
                                  {"due-month", std::to_string(unsigned(due.month()))},
                                  {"due-year", std::to_string(int(due.year()))},
                                  {"assigned_to", worker_id}});
  ASSERT_EQ(added.status, 303) << added.body;
  auto after = worker.Get(added.Header("Location"));
  EXPECT_THAT(after.body, HasSubstr("Task added"));
  EXPECT_THAT(after.body, HasSubstr("Book an interpreter for the GP"));

  auto mine = worker.Get("/tasks");
  ASSERT_EQ(mine.status, 200);
  EXPECT_THAT(mine.body, HasSubstr("Book an interpreter for the GP"));
  EXPECT_THAT(mine.body, HasSubstr("Amina Zorbalova"));

  auto overview = worker.Get("/cases/" + id);
  EXPECT_THAT(overview.body, HasSubstr(path));
  EXPECT_THAT(overview.body, HasSubstr("1 task"));

  std::string version = FieldValueIn(after.body, "version");
  auto done_at = after.body.find("/tasks/", after.body.find("Mark as done") - 400);
  std::string task_id = after.body.substr(done_at + 7, 32);
  ASSERT_TRUE(IsId(task_id));
  Browser colleague = app().NewBrowser();
  app().AddEnrolledUser(kHarbour, kColleague, identity::Role::kSupportWorker);
  ASSERT_TRUE(app().SignIn(colleague, kColleague));
  colleague.Get("/tasks");
  auto refused = colleague.Post(path + "/" + task_id + "/done",
                                {{"csrf_token", colleague.csrf()}, {"version", version}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(colleague.Get("/tasks").body, Not(HasSubstr("Book an interpreter")));

  auto done = worker.Post(path + "/" + task_id + "/done",
                          {{"csrf_token", worker.csrf()}, {"version", version}});
  ASSERT_EQ(done.status, 303);
  EXPECT_THAT(worker.Get("/tasks").body, Not(HasSubstr("Book an interpreter")));
  auto again = worker.Post(path + "/" + task_id + "/done",
                           {{"csrf_token", worker.csrf()}, {"version", version}});
  EXPECT_EQ(again.status, 404);
}

}  // namespace
}  // namespace waymark::app::testing
