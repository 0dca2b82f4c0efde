// Administration: organisations and user accounts, set-password links, and the one-time set-up
// of an empty installation. Every call asks the policy decision point and writes an audit event
// in the same transaction as its change; a refused or invalid request changes nothing.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "identity/deps.hpp"
#include "identity/organisations.hpp"
#include "identity/policy.hpp"
#include "identity/sign_in.hpp"
#include "identity/users.hpp"

namespace waymark::identity {

inline constexpr std::chrono::minutes kSetupLinkLifetime{30};
inline constexpr std::chrono::hours kSetPasswordLinkLifetime{72};

struct CreatedUser {
  User user;
  std::string set_password_token;  // for /set-password/{token}; shown once to the administrator
};

struct SetupInput {
  std::string organisation_name;
  std::string organisation_kind;
  std::string display_name;
  std::string email;
  std::string password;
};

// Who made a change that no signed-in person made (the command line, the set-up page).
inline constexpr std::string_view kSystemActor = "system";

class AdminService {
 public:
  explicit AdminService(Deps deps) : deps_(deps) {}

  Result<std::vector<Organisation>> ListOrganisations(const Actor& actor);
  Result<Organisation> GetOrganisation(const Actor& actor, std::string_view id);
  Result<Organisation> CreateOrganisation(const Actor& actor, const OrganisationInput& input,
                                          const Origin& origin);
  Result<Organisation> UpdateOrganisation(const Actor& actor, std::string_view id,
                                          const std::string& name, bool active,
                                          int64_t expected_version, const Origin& origin);

  Result<std::vector<User>> ListUsers(const Actor& actor, std::string_view organisation_id);
  Result<User> GetUser(const Actor& actor, std::string_view id);
  Result<CreatedUser> CreateUser(const Actor& actor, const UserInput& input, const Origin& origin);
  Result<User> UpdateUser(const Actor& actor, std::string_view id, const std::string& display_name,
                          const std::string& role, bool active, int64_t expected_version,
                          const Origin& origin);
  // Clears the second factor and recovery codes and ends the user's sessions: they enrol again
  // at their next sign-in.
  Result<User> ResetMfa(const Actor& actor, std::string_view id, int64_t expected_version,
                        const Origin& origin);

  // For `waymark user add`: no actor; `organisation` is an id or an exact name.
  Result<CreatedUser> CreateUserFromCommandLine(std::string_view organisation,
                                                std::string_view role, std::string_view email,
                                                std::string_view display_name);

  // Set-password links (new accounts, or after a reset).
  Result<std::string> EmailForSetPasswordLink(std::string_view token);
  Result<void> SetPasswordWithLink(std::string_view token, std::string_view password,
                                   std::string_view confirmation, const Origin& origin);

  // Set-up of an empty installation: a link valid for 30 minutes, only while no organisation
  // exists; completing it creates the operator organisation and its first administrator.
  Result<std::string> CreateSetupLink();
  bool SetupLinkValid(std::string_view token);
  Result<void> CompleteSetup(std::string_view token, const SetupInput& input, const Origin& origin);

 private:
  Result<void> Require(db::Tx& tx, const Actor& actor, Action action,
                       std::optional<std::string> organisation_id, const Origin& origin);
  Deps deps_;
};

// One-time links: only the token's hash is stored.
std::string IssueLink(db::Tx& tx, std::string_view purpose, std::optional<std::string> user_id,
                      TimePoint expires_at, TimePoint now);

}  // namespace waymark::identity
