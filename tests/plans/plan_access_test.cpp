// Who may do what with a plan beyond the lifecycle: a break-glass reader reads and cannot
// change, a closed case's plan cannot change, and a stored document is bound to its row.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/organisations.hpp"
#include "platform/util/ids.hpp"
#include "tests/plans/plan_service_fixture.hpp"

namespace waymark::plans::testing {
namespace {

class PlanAccessTest : public PlanServiceTest {
 protected:
  // Gives the unassigned colleague an hour of break-glass reading, as the case service would.
  void GrantBreakGlass(const std::string& case_id) {
    db().Write([&](db::Tx& tx) {
      auto key = identity::LoadDataKey(tx, keyring(), harbour_.id);
      cases::BreakGlass grant;
      grant.id = NewId();
      grant.case_id = case_id;
      grant.user_id = colleague_.id;
      grant.reason = "Covering for a colleague";
      grant.opened_at = clock_.Now();
      grant.expires_at = clock_.Now() + std::chrono::minutes(60);
      cases::InsertBreakGlass(tx, *key, grant, harbour_.id);
    });
  }
};

TEST_P(PlanAccessTest, ABreakGlassReaderReadsThePlanButCannotChangeIt) {
  auto c = CreateAmina();
  StoredPlan draft = CompleteDraft(c.id);
  GrantBreakGlass(c.id);
  auto view = plans().Current(ActorFor(colleague_), c.id, origin_);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_FALSE(view->CanEdit());
  EXPECT_EQ(view->current->plan.goals.size(), 1u);
  auto refused = plans().SaveGoal(ActorFor(colleague_), c.id, std::nullopt, Housing(),
                                  draft.revision, origin_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ProblemKind::kForbidden);
  EXPECT_EQ(
      plans().Agree(ActorFor(colleague_), c.id, Agreement(), draft.revision, origin_).error().kind,
      ProblemKind::kForbidden);
  EXPECT_EQ(CountAudit("permission.denied", "denied"), 2);
  auto now = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  EXPECT_EQ(now.current->revision, draft.revision);
}

TEST_P(PlanAccessTest, AClosedCasesPlanCannotBeChangedOrApproved) {
  auto c = CreateAmina();
  StoredPlan agreed = AgreedPlan(c.id);
  ASSERT_TRUE(service().Close(ActorFor(manager_), c.id, "moved_on", c.version, origin_));
  auto approve = plans().Approve(ActorFor(manager_), c.id, agreed.revision, origin_);
  ASSERT_FALSE(approve);
  EXPECT_EQ(approve.error().message, cases::kClosedCase);
  EXPECT_EQ(plans().Revise(ActorFor(worker_), c.id, agreed.revision, origin_).error().message,
            cases::kClosedCase);
  auto view = Ok(plans().Current(ActorFor(worker_), c.id, origin_));
  EXPECT_FALSE(view.CanEdit());
  EXPECT_EQ(view.current->plan.status, PlanStatus::kAgreed);
}

TEST_P(PlanAccessTest, ADocumentMovedToAnotherVersionRowDoesNotDecrypt) {
  auto c = CreateAmina();
  StoredPlan agreed = AgreedPlan(c.id);
  Ok(plans().Revise(ActorFor(worker_), c.id, agreed.revision, origin_));
  // Version 2 is a draft, so the database lets this through; the key's binding does not.
  db().Write([&](db::Tx& tx) {
    tx.Execute(
        "UPDATE plan_versions SET document = (SELECT document FROM plan_versions WHERE "
        "case_id = ? AND version = 1) WHERE case_id = ? AND version = 2",
        {c.id, c.id});
  });
  EXPECT_ANY_THROW((void)plans().Current(ActorFor(worker_), c.id, origin_));
}

WAYMARK_INSTANTIATE_DB_TEST(PlanAccessTest);

}  // namespace
}  // namespace waymark::plans::testing
