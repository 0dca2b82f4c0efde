#include "identity/policy.hpp"

#include <array>

namespace waymark::identity {

namespace {

struct ActionInfo {
  Action action;
  std::string_view code;
};
constexpr std::array<ActionInfo, 9> kActions{{
    {Action::kPublic, "public"},
    {Action::kSignedIn, "signed_in"},
    {Action::kAccountManage, "account.manage"},
    {Action::kAdminOrganisationsView, "admin.organisations.view"},
    {Action::kAdminOrganisationsManage, "admin.organisations.manage"},
    {Action::kAdminUsersView, "admin.users.view"},
    {Action::kAdminUsersManage, "admin.users.manage"},
    {Action::kCaseView, "case.view"},
    {Action::kCaseEdit, "case.edit"},
}};
constexpr std::array<Action, 9> kAllActions{Action::kPublic,
                                            Action::kSignedIn,
                                            Action::kAccountManage,
                                            Action::kAdminOrganisationsView,
                                            Action::kAdminOrganisationsManage,
                                            Action::kAdminUsersView,
                                            Action::kAdminUsersManage,
                                            Action::kCaseView,
                                            Action::kCaseEdit};

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

Decision DecideCase(const Actor& actor, Action action, const Resource& resource) {
  // Administrators manage accounts and never read case data; regulators and commissioners reach
  // case data only through time-bounded grants, which come with later features.
  if (!resource.organisation_id || *resource.organisation_id != actor.organisation_id) {
    return Deny("case records stay within their provider");
  }
  switch (actor.role) {
    case Role::kServiceManager:
      return Allow("service manager of the provider");
    case Role::kSupportWorker:
      if (resource.actor_assigned) return Allow("assigned support worker");
      return Deny("support workers see the cases assigned to them");
    default:
      return Deny(action == Action::kCaseView ? "this role does not read case records"
                                              : "this role does not change case records");
  }
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
    case Action::kCaseView:
    case Action::kCaseEdit:
      return DecideCase(actor, action, resource);
  }
  return Deny("no rule allows this");
}

}  // namespace waymark::identity
