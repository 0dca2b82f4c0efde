// The policy decision point: every permission question in Waymark is asked here, and the answer
// is no unless a rule below says yes. Pure functions: no I/O, safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "identity/roles.hpp"

namespace waymark::identity {

// Everything a route or a service can ask permission for. Routes declare one of these.
enum class Action {
  kPublic,                  // no sign-in needed (sign-in page, health checks, assets)
  kSignedIn,                // any fully signed-in user (home page, sign out)
  kAccountManage,           // one's own password, recovery codes and tokens
  kAdminOrganisationsView,  // list and read organisations
  kAdminOrganisationsManage,
  kAdminUsersView,
  kAdminUsersManage,  // create, edit, deactivate, reset MFA
  kCaseList,          // the case area: my cases, search, the team's cases (no record yet)
  kCaseCreate,        // open a new case
  kCaseView,          // read a survivor's case record
  kCaseEdit,
  kCaseRestrictedView,  // restricted notes and the survivor's own account
  kCaseAllocate,        // assign and unassign workers
  kCaseAccessLog,       // who read a case, and break-glass reviews
  kCaseBreakGlass,      // open an unassigned case for a limited time, with a reason
  kCasePlanApprove,     // approve a support plan the survivor agreed (service managers)
};

std::span<const Action> AllActions();
std::string_view Code(Action action);  // "admin.users.manage"
std::optional<Action> ParseAction(std::string_view code);

// Who is asking. Only fully signed-in users (password and second factor) are actors.
struct Actor {
  std::string user_id;
  std::string organisation_id;
  OrgKind organisation_kind;
  // The organisation that runs this deployment: its administrators manage every organisation.
  bool operator_organisation = false;
  Role role;
};

// What is asked about. Empty fields mean "the kind of thing in general" (e.g. may this actor
// list users at all?), in which case rules that need a specific record answer for the actor's
// own organisation.
struct Resource {
  std::optional<std::string> organisation_id;
  // For case records: whether the actor is one of the case's assigned workers.
  bool actor_assigned = false;
  // ... or holds an unexpired break-glass grant to it (reading only; never restricted notes).
  bool break_glass = false;
};

struct Decision {
  bool allowed;
  std::string_view reason;  // why, for the audit log of denials; never shown with record data
  explicit operator bool() const { return allowed; }
};

Decision Decide(const Actor& actor, Action action, const Resource& resource = {});

}  // namespace waymark::identity
