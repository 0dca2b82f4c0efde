#include "identity/policy.hpp"

#include <array>

namespace waymark::identity {

namespace {

struct ActionInfo {
  Action action;
  std::string_view code;
};
constexpr std::array<ActionInfo, 16> kActions{{
    {Action::kPublic, "public"},
    {Action::kSignedIn, "signed_in"},
    {Action::kAccountManage, "account.manage"},
    {Action::kAdminOrganisationsView, "admin.organisations.view"},
    {Action::kAdminOrganisationsManage, "admin.organisations.manage"},
    {Action::kAdminUsersView, "admin.users.view"},
    {Action::kAdminUsersManage, "admin.users.manage"},
    {Action::kCaseList, "case.list"},
    {Action::kCaseCreate, "case.create"},
    {Action::kCaseView, "case.view"},
    {Action::kCaseEdit, "case.edit"},
    {Action::kCaseRestrictedView, "case.restricted.view"},
    {Action::kCaseAllocate, "case.allocate"},
    {Action::kCaseAccessLog, "case.access_log"},
    {Action::kCaseBreakGlass, "case.break_glass"},
    {Action::kCasePlanApprove, "case.plan.approve"},
}};
constexpr std::array<Action, 16> kAllActions{Action::kPublic,
                                             Action::kSignedIn,
                                             Action::kAccountManage,
                                             Action::kAdminOrganisationsView,
                                             Action::kAdminOrganisationsManage,
                                             Action::kAdminUsersView,
                                             Action::kAdminUsersManage,
                                             Action::kCaseList,
                                             Action::kCaseCreate,
                                             Action::kCaseView,
                                             Action::kCaseEdit,
                                             Action::kCaseRestrictedView,
                                             Action::kCaseAllocate,
                                             Action::kCaseAccessLog,
                                             Action::kCaseBreakGlass,
                                             Action::kCasePlanApprove};

constexpr Decision Allow(std::string_view reason) { return {true, reason}; }
constexpr Decision Deny(std::string_view reason) { return {false, reason}; }

bool SameOrganisation(const Actor& actor, const Resource& resource) {
  return !resource.organisation_id || *resource.organisation_id == actor.organisation_id;
}

Decision DecideAdministration(const Actor& actor, Action action, const Resource& resource) {
  if (actor.role != Role::kAdministrator) return Deny("only administrators manage accounts");
  if (actor.operator_organisation) return Allow("operator administrator");
  if (action == Action::kAdminOrganisationsManage) {
    return Deny("only the operator's administrators create or change organisations");
  }
  if (!SameOrganisation(actor, resource)) {
    return Deny("administrators manage their own organisation only");
  }
  return Allow("administrator of this organisation");
}

bool ProviderStaff(const Actor& actor) {
  return actor.organisation_kind == OrgKind::kProvider &&
         (actor.role == Role::kSupportWorker || actor.role == Role::kServiceManager);
}

// Administrators manage accounts and never read case data; regulators and commissioners reach
// case data only through time-bounded grants, which come with later features. Within a
// provider: service managers see every case, support workers the cases assigned to them (or,
// for a limited time, one they opened with break-glass).
Decision DecideCase(const Actor& actor, Action action, const Resource& resource) {
  if (!ProviderStaff(actor)) {
    return Deny(action == Action::kCaseEdit ? "this role does not change case records"
                                            : "this role does not read case records");
  }
  if (!SameOrganisation(actor, resource)) return Deny("case records stay within their provider");
  bool manager = actor.role == Role::kServiceManager;
  switch (action) {
    case Action::kCaseList:
    case Action::kCaseCreate:
      return Allow("staff of the provider");
    case Action::kCaseAllocate:
    case Action::kCaseAccessLog:
      if (manager) return Allow("service manager of the provider");
      return Deny("only service managers allocate cases and read access logs");
    case Action::kCasePlanApprove:
      if (!resource.organisation_id) return Deny("case records stay within their provider");
      if (manager) return Allow("service manager of the provider");
      return Deny("only a service manager approves a support plan");
    case Action::kCaseBreakGlass:
      if (manager) return Deny("service managers already see every case");
      if (resource.actor_assigned) return Deny("the case is already assigned to you");
      return Allow("support worker of the provider");
    default:
      break;
  }
  // The record-level actions need the record.
  if (!resource.organisation_id) return Deny("case records stay within their provider");
  if (manager) return Allow("service manager of the provider");
  if (resource.actor_assigned) return Allow("assigned support worker");
  if (action == Action::kCaseView && resource.break_glass) return Allow("break-glass access");
  if (action == Action::kCaseRestrictedView) {
    return Deny("restricted notes are for the assigned workers and their manager");
  }
  return Deny("support workers see the cases assigned to them");
}

}  // namespace

std::span<const Action> AllActions() { return kAllActions; }

std::string_view Code(Action action) { return kActions[static_cast<size_t>(action)].code; }

std::optional<Action> ParseAction(std::string_view code) {
  for (const auto& info : kActions) {
    if (info.code == code) return info.action;
  }
  return std::nullopt;
}

Decision Decide(const Actor& actor, Action action, const Resource& resource) {
  switch (action) {
    case Action::kPublic:
      return Allow("public");
    case Action::kSignedIn:
    case Action::kAccountManage:
      return Allow("signed-in user");
    case Action::kAdminOrganisationsView:
    case Action::kAdminOrganisationsManage:
    case Action::kAdminUsersView:
    case Action::kAdminUsersManage:
      return DecideAdministration(actor, action, resource);
    case Action::kCaseList:
    case Action::kCaseCreate:
    case Action::kCaseView:
    case Action::kCaseEdit:
    case Action::kCaseRestrictedView:
    case Action::kCaseAllocate:
    case Action::kCaseAccessLog:
    case Action::kCaseBreakGlass:
    case Action::kCasePlanApprove:
      return DecideCase(actor, action, resource);
  }
  return Deny("no rule allows this");
}

}  // namespace waymark::identity
