// Dependants on SQLite and PostgreSQL: adding, changing (a new version each time, stale changes
// refused), removing with history kept, validation that changes nothing, who may see and change
// them (refusals audited), the overview's section, and a canary name absent from stored bytes.
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dependants/service.hpp"
#include "tests/cases/case_fixture.hpp"

namespace waymark::dependants {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kCanaryName = "Zephyrinella Quorbatt";

class DependantServiceTest : public cases::testing::CaseTest {
 protected:
  DependantService dependants() { return DependantService(deps()); }

  static DependantInput Ela() {
    DependantInput in;
    in.name = "Ela";
    in.relationship = "child";
    in.dob_day = "3";
    in.dob_month = "2";
    in.dob_year = "2019";
    in.whereabouts = "with_survivor";
    in.needs = "Speech therapy";
    in.risks = "Contact from her father's associates";
    in.school = "Lowtown Primary";
    in.children_services_know = "no";
    return in;
  }
};

TEST_P(DependantServiceTest, AWorkerAddsChangesAndListsADependant) {
  cases::Case c = CreateAmina();
  auto added = dependants().Add(ActorFor(worker_), c.id, Ela(), origin_);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->version, 1);
  EXPECT_EQ(added->details.name, "Ela");

  DependantInput changed = Ela();
  changed.children_services_know = "yes";
  changed.local_authority = "Lowtown Council";
  auto saved = dependants().Change(ActorFor(worker_), c.id, added->id, changed, 1, origin_);
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->version, 2);

  auto view = dependants().List(ActorFor(manager_), c.id, origin_);
  ASSERT_TRUE(view) << view.error().message;
  ASSERT_EQ(view->current.size(), 1u);
  EXPECT_EQ(view->current[0].details.local_authority, "Lowtown Council");
  EXPECT_EQ(view->header.reference, c.reference);
  EXPECT_TRUE(view->can_edit);

  auto record = dependants().Open(ActorFor(worker_), c.id, added->id, origin_);
  ASSERT_TRUE(record);
  ASSERT_EQ(record->versions.size(), 2u);  // the old version is kept
  EXPECT_EQ(record->versions[1].details.children_services_know, "no");
  EXPECT_EQ(Count("dependant_versions"), 2);
  EXPECT_EQ(CountAudit("dependant.add"), 1);
  EXPECT_EQ(CountAudit("dependant.change"), 1);
  EXPECT_EQ(CountAudit("dependant.view"), 2);
}

TEST_P(DependantServiceTest, InvalidInputChangesNothing) {
  cases::Case c = CreateAmina();
  DependantInput bad = Ela();
  bad.children_services_know = "";
  bad.whereabouts = "";
  auto added = dependants().Add(ActorFor(worker_), c.id, bad, origin_);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(added.error().fields.size(), 2u);
  EXPECT_EQ(Count("dependants"), 0);
  EXPECT_EQ(CountAudit("dependant.add"), 0);

  auto good = dependants().Add(ActorFor(worker_), c.id, Ela(), origin_);
  ASSERT_TRUE(good);
  bad = Ela();
  bad.name = "";
  auto changed = dependants().Change(ActorFor(worker_), c.id, good->id, bad, 1, origin_);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().fields[0].field, "name");
  EXPECT_EQ(Count("dependant_versions"), 1);
  auto removal = dependants().Remove(ActorFor(worker_), c.id, good->id, {}, 1, origin_);
  ASSERT_FALSE(removal);
  EXPECT_EQ(removal.error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(Count("dependant_versions"), 1);
}

TEST_P(DependantServiceTest, AStaleChangeIsRefused) {
  cases::Case c = CreateAmina();
  auto added = dependants().Add(ActorFor(worker_), c.id, Ela(), origin_);
  ASSERT_TRUE(added);
  DependantInput first = Ela();
  first.school = "Hightown Academy";
  ASSERT_TRUE(dependants().Change(ActorFor(manager_), c.id, added->id, first, 1, origin_));
  DependantInput second = Ela();
  second.needs = "Counselling";
  auto stale = dependants().Change(ActorFor(worker_), c.id, added->id, second, 1, origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(stale.error().message, kStaleDependant);
  auto stale_removal = dependants().Remove(ActorFor(worker_), c.id, added->id,
                                           {"1", "11", "2023", "Moved"}, 1, origin_);
  ASSERT_FALSE(stale_removal);
  EXPECT_EQ(stale_removal.error().kind, ProblemKind::kConflict);
  auto view = dependants().List(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(view);
  EXPECT_EQ(view->current[0].details.school, "Hightown Academy");
  EXPECT_EQ(view->current[0].details.needs, "Speech therapy");
}

TEST_P(DependantServiceTest, RemovingKeepsTheHistoryAndEndsChanges) {
  cases::Case c = CreateAmina();
  auto added = dependants().Add(ActorFor(worker_), c.id, Ela(), origin_);
  ASSERT_TRUE(added);
  auto removed = dependants().Remove(ActorFor(worker_), c.id, added->id,
                                     {"1", "3", "2024", "Lives with her grandmother"}, 1, origin_);
  ASSERT_TRUE(removed) << removed.error().message;
  auto view = dependants().List(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(view);
  EXPECT_TRUE(view->current.empty());
  ASSERT_EQ(view->former.size(), 1u);
  EXPECT_EQ(view->former[0].removal->reason, "Lives with her grandmother");
  EXPECT_EQ(view->former[0].details.name, "Ela");
  auto again = dependants().Change(ActorFor(worker_), c.id, added->id, Ela(), 2, origin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().message, kAlreadyRemoved);
  EXPECT_EQ(Count("dependant_versions"), 2);
  EXPECT_EQ(CountAudit("dependant.remove"), 1);
}

TEST_P(DependantServiceTest, OnlyTheCaseTeamSeesOrChangesDependantsAndRefusalsAreAudited) {
  cases::Case c = CreateAmina();
  auto added = dependants().Add(ActorFor(worker_), c.id, Ela(), origin_);
  ASSERT_TRUE(added);
  auto colleague = dependants().List(ActorFor(colleague_), c.id, origin_);
  ASSERT_FALSE(colleague);
  EXPECT_EQ(colleague.error().kind, ProblemKind::kForbidden);
  auto admin = dependants().Add(ActorFor(admin_), c.id, Ela(), origin_);
  ASSERT_FALSE(admin);
  EXPECT_EQ(admin.error().kind, ProblemKind::kForbidden);
  auto outsider = dependants().Open(ActorFor(other_manager_), c.id, added->id, origin_);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().kind, ProblemKind::kNotFound);
  auto outsider_change =
      dependants().Change(ActorFor(other_manager_), c.id, added->id, Ela(), 1, origin_);
  ASSERT_FALSE(outsider_change);
  EXPECT_EQ(outsider_change.error().kind, ProblemKind::kNotFound);
  EXPECT_EQ(CountAudit("permission.denied"), 4);
  EXPECT_EQ(Count("dependants"), 1);
  EXPECT_EQ(Count("dependant_versions"), 1);
  EXPECT_EQ(CountAudit("dependant.view"), 0);

  // An unknown dependant on the team's own case is not found.
  auto unknown = dependants().Open(ActorFor(worker_), c.id, c.id, origin_);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().kind, ProblemKind::kNotFound);
}

TEST_P(DependantServiceTest, AClosedCaseCannotGainDependants) {
  cases::Case c = CreateAmina();
  ASSERT_TRUE(service().Close(ActorFor(manager_), c.id, "support_completed", 1, origin_));
  auto added = dependants().Add(ActorFor(worker_), c.id, Ela(), origin_);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().kind, ProblemKind::kConflict);
  auto view = dependants().List(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(view);
  EXPECT_FALSE(view->can_edit);
}

TEST_P(DependantServiceTest, TheOverviewSectionCountsWithoutNames) {
  cases::Case c = CreateAmina();
  auto svc = service();
  svc.AddSection(SummariseDependants);
  auto before = svc.Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(before);
  ASSERT_EQ(before->sections.size(), 1u);
  EXPECT_EQ(before->sections[0].title, "Dependants");
  EXPECT_EQ(before->sections[0].status, "None recorded");
  EXPECT_EQ(before->sections[0].href, "/cases/" + c.id + "/dependants");

  ASSERT_TRUE(dependants().Add(ActorFor(worker_), c.id, Ela(), origin_));
  DependantInput partner = Ela();
  partner.name = "Besnik";
  partner.relationship = "partner";
  partner.dob_year = "1990";
  partner.whereabouts = "overseas";
  ASSERT_TRUE(dependants().Add(ActorFor(worker_), c.id, partner, origin_));
  auto after = svc.Open(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->sections[0].status, "2 dependants");
  EXPECT_EQ(after->sections[0].hint, "1 child, 1 partner; children's services not told about 1");
  EXPECT_THAT(after->sections[0].hint, ::testing::Not(HasSubstr("Ela")));
}

TEST_P(DependantServiceTest, ACanaryNameNeverReachesTheStoredBytes) {
  cases::Case c = CreateAmina();
  DependantInput in = Ela();
  in.name = std::string(kCanaryName);
  in.needs = "Needs " + std::string(kCanaryName);
  auto added = dependants().Add(ActorFor(worker_), c.id, in, origin_);
  ASSERT_TRUE(added);
  in.school = std::string(kCanaryName) + " Academy";
  ASSERT_TRUE(dependants().Change(ActorFor(worker_), c.id, added->id, in, 1, origin_));
  ASSERT_TRUE(dependants().Remove(ActorFor(worker_), c.id, added->id,
                                  {"1", "3", "2024", "Left with " + std::string(kCanaryName)}, 2,
                                  origin_));
  std::string bytes = StoredBytes();
  ASSERT_NE(bytes.find("dependant.remove"), std::string::npos) << "the stored bytes were not read";
  EXPECT_EQ(bytes.find("Zephyrinella"), std::string::npos);
  EXPECT_EQ(bytes.find("Quorbatt"), std::string::npos);
  // The codes are in the clear, as designed.
  EXPECT_NE(bytes.find("with_survivor"), std::string::npos);
}

TEST_P(DependantServiceTest, ACaseHoldsABoundedNumberOfDependants) {
  cases::Case c = CreateAmina();
  for (int64_t i = 0; i < kMaxDependants; ++i) {
    ASSERT_TRUE(dependants().Add(ActorFor(worker_), c.id, Ela(), origin_));
  }
  auto one_more = dependants().Add(ActorFor(worker_), c.id, Ela(), origin_);
  ASSERT_FALSE(one_more);
  EXPECT_EQ(one_more.error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(Count("dependants"), kMaxDependants);
}

WAYMARK_INSTANTIATE_DB_TEST(DependantServiceTest);

}  // namespace
}  // namespace waymark::dependants
