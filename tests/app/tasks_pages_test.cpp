// The tasks pages over real HTTP: a worker adds a task on a case (an empty form first, then a
// good one), sees it in "Your tasks", marks it done; a colleague not on the case cannot.
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consent/model.hpp"
#include "nrm/pathway.hpp"
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

// The features keep their dates in the task list in the same transaction as the change: consent
// expiry and the NRM's reasonable-grounds target after a referral.
TEST_F(TaskPagesTest, ConsentAndNrmDatesBecomeTheCasesTasks) {
  WebApp& web = app().web();
  identity::Actor worker = *app().ActorFor(kWorker);
  identity::Origin origin{"192.0.2.1", "tasks-test"};
  Date today = LondonDate(app().clock().Now());
  cases::CaseInput amina;
  amina.given_names = "Amina";
  amina.family_name = "Zorbalova";
  auto created = web.cases.Create(worker, amina, origin);
  ASSERT_TRUE(created) << created.error().message;
  const std::string& id = created->id;

  consent::ConsentInput consent;
  consent.purpose = "nrm_referral";
  consent.decision = "given";
  consent.language = "eng";
  consent.interpreter = "no";
  consent.format = "verbal";
  consent.decided_on = FormatIsoDate(today);
  consent.expires_on = FormatIsoDate(today + std::chrono::days(10));
  auto recorded = web.consent.RecordConsent(worker, id, consent, origin);
  ASSERT_TRUE(recorded) << recorded.error().message;
  nrm::Referred referral{today, "Lowtown Borough Council", nrm::CompetentAuthority::kSca};
  auto referred = web.nrm.Record(worker, id, {referral}, 0, origin);
  ASSERT_TRUE(referred) << referred.error().message;

  auto list = web.tasks.CaseTasks(worker, id, origin);
  ASSERT_TRUE(list) << list.error().message;
  std::vector<std::string> titles;
  for (const auto& item : list->items) titles.push_back(item.title);
  EXPECT_THAT(titles, ::testing::ElementsAre("Reasonable grounds decision due", "Consent expires"));

  auto mine = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(mine, kWorker));
  auto page = mine.Get("/tasks");
  EXPECT_THAT(page.body, HasSubstr("Reasonable grounds decision due"));
  EXPECT_THAT(page.body, HasSubstr("Consent expires"));
}

}  // namespace
}  // namespace waymark::app::testing
