#include "identity/policy.hpp"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

namespace waymark::identity {
namespace {

Actor MakeActor(Role role, bool operator_org = false) {
  OrgKind kind = OrgKind::kProvider;
  for (OrgKind k : AllOrgKinds()) {
    if (RoleFitsOrganisation(role, k)) {
      kind = k;
      break;
    }
  }
  return Actor{"user-1", "org-own", kind, operator_org, role};
}

// Which roles may do what in their OWN organisation (case: assigned or not). Anything not
// listed must be denied: the test walks every role x action pair.
enum class Expect { kDeny, kAllow, kAllowIfAssigned, kAllowIfNotAssigned };

Expect Expected(Role role, Action action) {
  switch (action) {
    case Action::kPublic:
    case Action::kSignedIn:
    case Action::kAccountManage:
      return Expect::kAllow;
    case Action::kAdminOrganisationsView:
    case Action::kAdminUsersView:
    case Action::kAdminUsersManage:
      return role == Role::kAdministrator ? Expect::kAllow : Expect::kDeny;
    case Action::kAdminOrganisationsManage:
      return Expect::kDeny;  // only the operator's administrators; tested separately
    case Action::kCaseList:
    case Action::kCaseCreate:
      return role == Role::kServiceManager || role == Role::kSupportWorker ? Expect::kAllow
                                                                           : Expect::kDeny;
    case Action::kCaseView:
    case Action::kCaseEdit:
    case Action::kCaseRestrictedView:
      if (role == Role::kServiceManager) return Expect::kAllow;
      if (role == Role::kSupportWorker) return Expect::kAllowIfAssigned;
      return Expect::kDeny;
    case Action::kCaseAllocate:
    case Action::kCaseAccessLog:
    case Action::kCasePlanApprove:
      return role == Role::kServiceManager ? Expect::kAllow : Expect::kDeny;
    case Action::kCaseBreakGlass:
      return role == Role::kSupportWorker ? Expect::kAllowIfNotAssigned : Expect::kDeny;
  }
  return Expect::kDeny;
}

TEST(Policy, EveryRoleAgainstEveryActionInItsOwnOrganisation) {
  for (Role role : AllRoles()) {
    Actor actor = MakeActor(role);
    for (Action action : AllActions()) {
      Expect expect = Expected(role, action);
      Resource unassigned{actor.organisation_id, false};
      Resource assigned{actor.organisation_id, true};
      EXPECT_EQ(Decide(actor, action, unassigned).allowed,
                expect == Expect::kAllow || expect == Expect::kAllowIfNotAssigned)
          << Code(role) << " " << Code(action) << " (not assigned)";
      EXPECT_EQ(Decide(actor, action, assigned).allowed,
                expect == Expect::kAllow || expect == Expect::kAllowIfAssigned)
          << Code(role) << " " << Code(action) << " (assigned)";
    }
  }
}

TEST(Policy, NoRoleReachesAnotherOrganisationsCasesOrAccounts) {
  for (Role role : AllRoles()) {
    Actor actor = MakeActor(role);
    Resource other{std::string("org-other"), true};
    for (Action action :
         {Action::kCaseView, Action::kCaseEdit, Action::kCaseList, Action::kCaseAllocate,
          Action::kCaseBreakGlass, Action::kCasePlanApprove, Action::kAdminUsersView,
          Action::kAdminUsersManage, Action::kAdminOrganisationsManage}) {
      EXPECT_FALSE(Decide(actor, action, other)) << Code(role) << " " << Code(action);
    }
  }
}

TEST(Policy, BreakGlassLetsAWorkerReadButNotChangeOrSeeRestrictedNotes) {
  Actor worker = MakeActor(Role::kSupportWorker);
  Resource glass{worker.organisation_id, false, true};
  EXPECT_TRUE(Decide(worker, Action::kCaseView, glass));
  EXPECT_FALSE(Decide(worker, Action::kCaseEdit, glass));
  EXPECT_FALSE(Decide(worker, Action::kCaseRestrictedView, glass));
  EXPECT_FALSE(Decide(worker, Action::kCaseView, Resource{worker.organisation_id, false, false}));
  Resource other_glass{std::string("org-other"), false, true};
  EXPECT_FALSE(Decide(worker, Action::kCaseView, other_glass));
  // Staff of a provider only: a referral partner with a grant-shaped resource gets nothing.
  Actor partner = MakeActor(Role::kReferralPartner);
  EXPECT_FALSE(Decide(partner, Action::kCaseView, Resource{partner.organisation_id, true, true}));
}

TEST(Policy, CaseRecordActionsNeedTheRecordsOrganisation) {
  Actor manager = MakeActor(Role::kServiceManager);
  EXPECT_FALSE(Decide(manager, Action::kCaseView));
  EXPECT_TRUE(Decide(manager, Action::kCaseList));
}

TEST(Policy, AdministratorsNeverReadCaseData) {
  Actor admin = MakeActor(Role::kAdministrator, /*operator_org=*/true);
  Resource own_case{admin.organisation_id, true};
  EXPECT_FALSE(Decide(admin, Action::kCaseView, own_case));
  EXPECT_FALSE(Decide(admin, Action::kCaseEdit, own_case));
}

TEST(Policy, OperatorAdministratorsManageEveryOrganisation) {
  Actor admin = MakeActor(Role::kAdministrator, /*operator_org=*/true);
  Resource other{std::string("org-other"), false};
  EXPECT_TRUE(Decide(admin, Action::kAdminOrganisationsManage, other));
  EXPECT_TRUE(Decide(admin, Action::kAdminUsersManage, other));
  Actor manager = MakeActor(Role::kServiceManager, /*operator_org=*/true);
  EXPECT_FALSE(Decide(manager, Action::kAdminUsersManage, other));
}

TEST(Policy, ActionCodesRoundTrip) {
  for (Action action : AllActions()) EXPECT_EQ(ParseAction(Code(action)), action);
  EXPECT_FALSE(ParseAction("admin.everything"));
}

TEST(Roles, CodesRoundTripAndRolesFitTheirOrganisations) {
  for (Role role : AllRoles()) EXPECT_EQ(ParseRole(Code(role)), role);
  for (OrgKind kind : AllOrgKinds()) EXPECT_EQ(ParseOrgKind(Code(kind)), kind);
  EXPECT_FALSE(ParseRole("superuser"));
  EXPECT_TRUE(RoleFitsOrganisation(Role::kSupportWorker, OrgKind::kProvider));
  EXPECT_FALSE(RoleFitsOrganisation(Role::kSupportWorker, OrgKind::kRegulator));
  EXPECT_FALSE(RoleFitsOrganisation(Role::kInspector, OrgKind::kProvider));
  for (OrgKind kind : AllOrgKinds()) {
    EXPECT_TRUE(RoleFitsOrganisation(Role::kAdministrator, kind));
  }
}

}  // namespace
}  // namespace waymark::identity
