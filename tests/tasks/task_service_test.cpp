// Tasks on SQLite and PostgreSQL: deadlines kept by features show in "my tasks" within their
// lead time, only for the case's workers; hand-made tasks are added, completed once, and their
// titles never stored in the clear.
#include "tasks/service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/cases/case_fixture.hpp"

namespace waymark::tasks {
namespace {

using cases::Case;
using ::testing::ElementsAre;

class TaskServiceTest : public cases::testing::CaseTest {
 protected:
  TaskService tasks() { return TaskService(deps()); }
  Date Today() { return LondonDate(clock_.Now()); }

  void SetDeadlines(const Case& c, std::string_view source, std::vector<Deadline> deadlines) {
    db().Write(
        [&](db::Tx& tx) { ReplaceDeadlines(tx, c.id, c.organisation_id, source, deadlines); });
  }

  TaskInput Input(std::string title, Date due, const identity::User& who) {
    auto ymd = std::chrono::year_month_day{due};
    return {std::move(title), std::to_string(unsigned(ymd.day())),
            std::to_string(unsigned(ymd.month())), std::to_string(int(ymd.year())), who.id};
  }

  static std::vector<std::string> Titles(const std::vector<TaskItem>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.title);
    return out;
  }
};

TEST_P(TaskServiceTest, DeadlinesShowForTheCasesWorkersWithinTheirLeadTime) {
  Case c = CreateAmina();
  SetDeadlines(c, "nrm",
               {{"nrm.rg_target", Today() + std::chrono::days(3)},
                {"nrm.recovery_period_ends", Today() + std::chrono::days(20)}});
  SetDeadlines(c, "consent", {{"consent.expiry", Today() + std::chrono::days(20), "consent-1"}});

  auto mine = tasks().MyTasks(ActorFor(worker_), origin_);
  ASSERT_TRUE(mine) << mine.error().message;
  // The recovery period's end is 20 days off, beyond its 14-day lead; consent's lead is 30.
  EXPECT_THAT(Titles(*mine), ElementsAre("Reasonable grounds decision due", "Consent expires"));
  EXPECT_EQ((*mine)[0].person_name, "Amina Zorbalova");
  EXPECT_EQ((*mine)[0].urgency, Urgency::kDueThisWeek);

  // The colleague is not assigned: nothing. The manager's own list is for their own cases.
  auto colleague = tasks().MyTasks(ActorFor(colleague_), origin_);
  ASSERT_TRUE(colleague);
  EXPECT_TRUE(colleague->empty());
  auto team = tasks().TeamTasks(ActorFor(manager_), std::nullopt, origin_);
  ASSERT_TRUE(team);
  EXPECT_EQ(team->size(), 2u);
  EXPECT_EQ(CountAudit("task.list"), 2);
  EXPECT_EQ(CountAudit("task.team_list"), 1);
}

TEST_P(TaskServiceTest, AFeatureReplacesItsOwnDeadlinesOnly) {
  Case c = CreateAmina();
  SetDeadlines(c, "nrm", {{"nrm.rg_target", Today()}});
  SetDeadlines(c, "risk", {{"risk.review", Today() + std::chrono::days(1)}});
  SetDeadlines(c, "nrm", {});  // the decision was recorded
  auto list = tasks().CaseTasks(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list);
  EXPECT_THAT(Titles(list->items), ElementsAre("Risk assessment review due"));
}

TEST_P(TaskServiceTest, OnlyTeamMembersMayBeGivenATaskAndItIsCompletedOnce) {
  Case c = CreateAmina();
  Date due = Today() + std::chrono::days(2);
  auto refused =
      tasks().AddTask(ActorFor(worker_), c.id, Input("Call the GP", due, colleague_), origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).field, "assigned_to");
  auto invalid = tasks().AddTask(ActorFor(worker_), c.id, Input("", due, worker_), origin_);
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(Count("case_tasks"), 0);

  auto added =
      tasks().AddTask(ActorFor(worker_), c.id, Input("Call the GP", due, manager_), origin_);
  ASSERT_TRUE(added) << added.error().message;
  auto for_manager = tasks().MyTasks(ActorFor(manager_), origin_);
  ASSERT_TRUE(for_manager);
  EXPECT_THAT(Titles(*for_manager), ElementsAre("Call the GP"));
  EXPECT_EQ((*for_manager)[0].assigned_name, manager_.display_name);

  const std::string& task_id = added->row.task_id;
  auto stale = tasks().CompleteTask(ActorFor(manager_), c.id, task_id, 2, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  ASSERT_TRUE(tasks().CompleteTask(ActorFor(manager_), c.id, task_id, 1, origin_));
  auto again = tasks().CompleteTask(ActorFor(manager_), c.id, task_id, 1, origin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kNotFound);
  auto after = tasks().MyTasks(ActorFor(manager_), origin_);
  ASSERT_TRUE(after);
  EXPECT_TRUE(after->empty());
  EXPECT_EQ(CountAudit("task.add"), 1);
  EXPECT_EQ(CountAudit("task.complete"), 1);
}

TEST_P(TaskServiceTest, PeopleOutsideTheCaseAreRefusedAndTheRefusalIsAudited) {
  Case c = CreateAmina();
  Date due = Today() + std::chrono::days(2);
  auto colleague = tasks().CaseTasks(ActorFor(colleague_), c.id, origin_);
  ASSERT_FALSE(colleague);
  EXPECT_EQ(colleague.error().kind, ProblemKind::kForbidden);
  auto outsider =
      tasks().AddTask(ActorFor(other_manager_), c.id, Input("x", due, other_manager_), origin_);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().kind, ProblemKind::kNotFound);
  auto admin = tasks().MyTasks(ActorFor(admin_), origin_);
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().kind, ProblemKind::kForbidden);
  auto worker_team = tasks().TeamTasks(ActorFor(worker_), std::nullopt, origin_);
  ASSERT_FALSE(worker_team);
  EXPECT_EQ(CountAudit("permission.denied"), 4);
}

TEST_P(TaskServiceTest, AClosedCasesDeadlinesDisappearAndItTakesNoNewTasks) {
  Case c = CreateAmina();
  SetDeadlines(c, "nrm", {{"nrm.rg_target", Today()}});
  ASSERT_TRUE(service().Close(ActorFor(worker_), c.id, "moved_on", 1, origin_));
  auto mine = tasks().MyTasks(ActorFor(worker_), origin_);
  ASSERT_TRUE(mine);
  EXPECT_TRUE(mine->empty());
  auto added = tasks().AddTask(ActorFor(worker_), c.id, Input("x", Today(), worker_), origin_);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().kind, ProblemKind::kConflict);
}

TEST_P(TaskServiceTest, ATaskTitleIsNeverStoredInTheClear) {
  Case c = CreateAmina();
  ASSERT_TRUE(tasks().AddTask(ActorFor(worker_), c.id,
                              Input("Ring Zanzibarovic about the hearing", Today(), worker_),
                              origin_));
  EXPECT_EQ(StoredBytes().find("Zanzibarovic"), std::string::npos);
}

WAYMARK_INSTANTIATE_DB_TEST(TaskServiceTest);

}  // namespace
}  // namespace waymark::tasks
