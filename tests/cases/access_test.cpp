// Who sees a case: assigned workers and their managers; nobody else in the provider except
// through break-glass; nobody outside it. Every refusal and every read is audited.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/cases/case_fixture.hpp"

namespace waymark::cases::testing {
namespace {

using ::testing::HasSubstr;

class CaseAccessTest : public CaseTest {};

TEST_P(CaseAccessTest, OnlyTheAssignedWorkerAndTheManagerSeeACase) {
  Case c = CreateAmina();
  EXPECT_TRUE(service().Open(ActorFor(worker_), c.id, origin_));
  EXPECT_TRUE(service().Open(ActorFor(manager_), c.id, origin_));

  auto colleague = service().Open(ActorFor(colleague_), c.id, origin_);
  ASSERT_FALSE(colleague);
  EXPECT_EQ(colleague.error().kind, ProblemKind::kForbidden);
  auto admin = service().Open(ActorFor(admin_), c.id, origin_);
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().kind, ProblemKind::kForbidden);
  // Another provider is not told the case exists.
  auto outsider = service().Open(ActorFor(other_manager_), c.id, origin_);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().kind, ProblemKind::kNotFound);
  EXPECT_FALSE(service().Update(ActorFor(colleague_), c.id, Amina(), 1, origin_));
  EXPECT_FALSE(service().Update(ActorFor(other_manager_), c.id, Amina(), 1, origin_));

  EXPECT_EQ(CountAudit("case.view"), 2);
  EXPECT_EQ(CountAudit("permission.denied"), 5);
  EXPECT_EQ(CountAudit("case.update"), 0);
}

TEST_P(CaseAccessTest, AManagerAllocatesWorkersAndAWorkerCannot) {
  Case c = CreateAmina();
  auto by_worker = service().Assign(ActorFor(worker_), c.id, colleague_.id, origin_);
  ASSERT_FALSE(by_worker);
  EXPECT_EQ(by_worker.error().kind, ProblemKind::kForbidden);
  ASSERT_TRUE(service().Assign(ActorFor(manager_), c.id, colleague_.id, origin_));
  EXPECT_TRUE(service().Open(ActorFor(colleague_), c.id, origin_));
  auto twice = service().Assign(ActorFor(manager_), c.id, colleague_.id, origin_);
  ASSERT_FALSE(twice);
  EXPECT_THAT(twice.error().fields[0].message, HasSubstr("already assigned"));
  auto outsider = service().Assign(ActorFor(manager_), c.id, other_manager_.id, origin_);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().kind, ProblemKind::kInvalid);
  auto admin = service().Assign(ActorFor(manager_), c.id, admin_.id, origin_);
  ASSERT_FALSE(admin);
  ASSERT_TRUE(service().Unassign(ActorFor(manager_), c.id, colleague_.id, origin_));
  EXPECT_FALSE(service().Open(ActorFor(colleague_), c.id, origin_));
  EXPECT_EQ(CountAudit("case.assign"), 1);
  EXPECT_EQ(CountAudit("case.unassign"), 1);
}

TEST_P(CaseAccessTest, TheAccessLogShowsWhoReadTheCaseToManagersOnly) {
  Case c = CreateAmina();
  ASSERT_TRUE(service().Open(ActorFor(worker_), c.id, origin_));
  EXPECT_FALSE(service().Open(ActorFor(colleague_), c.id, origin_));
  auto log = service().AccessLog(ActorFor(manager_), c.id, origin_);
  ASSERT_TRUE(log) << log.error().message;
  std::vector<std::string> lines;
  for (const auto& e : *log) lines.push_back(e.action + " " + e.outcome + " " + e.user_name);
  EXPECT_THAT(lines, ::testing::ElementsAre("permission.denied denied Test colleague@harbour.test",
                                            "case.view success Test worker@harbour.test",
                                            "case.create success Test worker@harbour.test"));
  auto by_worker = service().AccessLog(ActorFor(worker_), c.id, origin_);
  ASSERT_FALSE(by_worker);
  EXPECT_EQ(by_worker.error().kind, ProblemKind::kForbidden);
}

TEST_P(CaseAccessTest, BreakGlassOpensACaseForAnHourAfterASecurityCodeAndAReason) {
  Case c = CreateAmina();
  auto enrolled = Enrol(colleague_);
  clock_.Advance(std::chrono::seconds(30));  // the enrolment used the current code
  const std::string reason = "Called at 2am from a police station, needs her safe contact";
  auto svc = service();
  identity::Actor colleague = ActorFor(colleague_);

  auto short_reason = svc.OpenWithBreakGlass(colleague, c.id, "urgent",
                                             CodeAt(enrolled.secret, clock_.Now()), origin_);
  ASSERT_FALSE(short_reason);
  EXPECT_EQ(short_reason.error().fields[0].field, "reason");
  auto wrong = svc.OpenWithBreakGlass(colleague, c.id, reason,
                                      WrongCodeAt(enrolled.secret, clock_.Now()), origin_);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields[0].field, "code");
  EXPECT_EQ(Count("case_break_glass"), 0);
  EXPECT_FALSE(svc.Open(colleague, c.id, origin_));
  // A name search finds the case for the manager, and for the colleague only through break-glass.
  auto found_by_name = [&](const identity::Actor& who) -> size_t {
    auto found = svc.Search(who, SearchQuery{"Zorbalova"}, origin_);
    EXPECT_TRUE(found) << (found ? "" : found.error().message);
    return found ? found->cases.size() : 0;
  };
  EXPECT_EQ(found_by_name(colleague), 0u);
  EXPECT_EQ(found_by_name(ActorFor(manager_)), 1u);

  auto until = svc.OpenWithBreakGlass(colleague, c.id, reason,
                                      CodeAt(enrolled.secret, clock_.Now()), origin_);
  ASSERT_TRUE(until) << until.error().message;
  EXPECT_EQ(*until, clock_.Now() + std::chrono::minutes(60));
  auto view = svc.Open(colleague, c.id, origin_);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_FALSE(view->access.can_edit);
  EXPECT_FALSE(view->access.can_see_restricted);
  EXPECT_TRUE(view->access.break_glass_until);
  EXPECT_EQ(found_by_name(colleague), 1u);
  EXPECT_FALSE(svc.Update(colleague, c.id, Amina(), 1, origin_));
  // The same code cannot be used twice.
  auto replay = svc.OpenWithBreakGlass(colleague, c.id, reason,
                                       CodeAt(enrolled.secret, clock_.Now()), origin_);
  ASSERT_FALSE(replay);

  clock_.Advance(std::chrono::minutes(61));
  EXPECT_FALSE(svc.Open(colleague, c.id, origin_));
  EXPECT_EQ(found_by_name(colleague), 0u);

  // The manager reviews it, once.
  auto pending = svc.BreakGlassToReview(ActorFor(manager_));
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 1u);
  EXPECT_EQ((*pending)[0].reason, reason);
  EXPECT_EQ((*pending)[0].case_reference, c.reference);
  EXPECT_EQ(svc.CountBreakGlassToReview(ActorFor(manager_)).value_or(-1), 1);
  auto worker_count = svc.CountBreakGlassToReview(ActorFor(worker_));
  ASSERT_FALSE(worker_count);
  EXPECT_EQ(worker_count.error().kind, ProblemKind::kForbidden);
  EXPECT_FALSE(svc.ReviewBreakGlass(ActorFor(manager_), (*pending)[0].id, " ", 1, origin_));
  EXPECT_FALSE(svc.ReviewBreakGlass(ActorFor(worker_), (*pending)[0].id, "fine", 1, origin_));
  ASSERT_TRUE(svc.ReviewBreakGlass(ActorFor(manager_), (*pending)[0].id,
                                   "Spoke to the worker; justified", 1, origin_));
  auto again = svc.ReviewBreakGlass(ActorFor(manager_), (*pending)[0].id, "again", 1, origin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kConflict);
  EXPECT_TRUE(svc.BreakGlassToReview(ActorFor(manager_))->empty());
  EXPECT_EQ(svc.CountBreakGlassToReview(ActorFor(manager_)).value_or(-1), 0);
  // An assigned worker or a manager does not need break-glass.
  EXPECT_FALSE(svc.OpenWithBreakGlass(ActorFor(worker_), c.id, reason, "123456", origin_));
}

WAYMARK_INSTANTIATE_DB_TEST(CaseAccessTest);

}  // namespace
}  // namespace waymark::cases::testing
