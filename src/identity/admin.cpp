#include "identity/admin.hpp"

#include "identity/api_tokens.hpp"
#include "identity/password_policy.hpp"
#include "identity/text.hpp"
#include "platform/crypto/tokens.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

namespace {

audit::Event AdminEvent(std::string action, const std::optional<std::string>& actor_id,
                        const std::string& organisation_id, std::string subject_type,
                        std::string subject_id, const Origin& origin) {
  audit::Event event;
  event.action = std::move(action);
  event.actor_id = actor_id;
  event.organisation_id = organisation_id;
  event.subject_type = std::move(subject_type);
  event.subject_id = std::move(subject_id);
  event.request_id = origin.request_id;
  return event;
}

struct LinkRow {
  std::string token_hash;
  std::optional<std::string> user_id;
};

// A link of `purpose` that is unused and unexpired.
std::optional<LinkRow> FindLink(db::Tx& tx, std::string_view token, std::string_view purpose,
                                TimePoint now) {
  if (token.empty()) return std::nullopt;
  auto row = tx.QueryOne(
      "SELECT token_hash, user_id FROM one_time_links WHERE token_hash = ? AND purpose = ? AND "
      "used_at IS NULL AND expires_at > ?",
      {crypto::HashToken(token), std::string(purpose), FormatUtc(now)});
  if (!row) return std::nullopt;
  return LinkRow{row->text(0), row->optional_text(1)};
}

void UseLink(db::Tx& tx, const LinkRow& link, TimePoint now) {
  tx.Execute("UPDATE one_time_links SET used_at = ? WHERE token_hash = ?",
             {FormatUtc(now), link.token_hash});
}

Result<void> CheckConfirmedPassword(std::string_view password, std::string_view confirmation,
                                    std::string_view email) {
  auto checked = CheckNewPassword(password, email);
  if (!checked) return checked;
  if (password != confirmation) {
    return Fail(Problem::Invalid("password_confirmation", "Passwords must match"));
  }
  return {};
}

constexpr std::string_view kLinkExpired =
    "This link has expired or has already been used. Ask your administrator for a new one.";

// Runs `body` in a write transaction that still commits when `body` is refused (Forbidden): the
// permission.denied event Require appends must outlive the refused request. Every other failure
// rolls back. Safe because Require runs before anything is written.
template <class T, class F>
Result<T> WriteCommittingDenial(db::Database& db, F&& body) {
  std::optional<Problem> refused;
  auto done = db.Write([&](db::Tx& tx) -> Result<std::optional<T>> {
    Result<T> result = body(tx);
    if (result) return std::optional<T>(std::move(*result));
    if (result.error().kind != ProblemKind::kForbidden) return Fail(result.error());
    refused = result.error();
    return std::optional<T>();
  });
  if (refused) return Fail(*refused);
  if (!done) return Fail(done.error());
  return std::move(**done);
}

}  // namespace

std::string IssueLink(db::Tx& tx, std::string_view purpose, std::optional<std::string> user_id,
                      TimePoint expires_at, TimePoint now) {
  std::string token = crypto::NewToken();
  tx.Execute(
      "INSERT INTO one_time_links (token_hash, purpose, user_id, expires_at, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {crypto::HashToken(token), std::string(purpose), user_id, FormatUtc(expires_at),
       FormatUtc(now)});
  return token;
}

Result<void> AdminService::Require(db::Tx& tx, const Actor& actor, Action action,
                                   std::optional<std::string> organisation_id,
                                   const Origin& origin) {
  Decision decision = Decide(actor, action, Resource{organisation_id, false});
  if (decision) return {};
  audit::Event event = AdminEvent("permission.denied", actor.user_id, actor.organisation_id,
                                  "organisation", organisation_id.value_or(""), origin);
  event.outcome = audit::Outcome::kDenied;
  event.details = {{"action", std::string(Code(action))}, {"reason", std::string(decision.reason)}};
  deps_.audit.Append(tx, event);
  return Fail(Problem::Forbidden());
}

Result<std::vector<Organisation>> AdminService::ListOrganisations(const Actor& actor) {
  if (!Decide(actor, Action::kAdminOrganisationsView)) return Fail(Problem::Forbidden());
  return deps_.db.Read([&](db::Tx& tx) {
    std::vector<Organisation> all = identity::ListOrganisations(tx);
    if (actor.operator_organisation) return all;
    std::erase_if(all, [&](const Organisation& o) { return o.id != actor.organisation_id; });
    return all;
  });
}

Result<Organisation> AdminService::GetOrganisation(const Actor& actor, std::string_view id) {
  if (!Decide(actor, Action::kAdminOrganisationsView, Resource{std::string(id), false})) {
    return Fail(Problem::NotFound("No such organisation"));
  }
  auto org = deps_.db.Read([&](db::Tx& tx) { return FindOrganisation(tx, id); });
  if (!org) return Fail(Problem::NotFound("No such organisation"));
  return *org;
}

Result<Organisation> AdminService::CreateOrganisation(const Actor& actor,
                                                      const OrganisationInput& input,
                                                      const Origin& origin) {
  return WriteCommittingDenial<Organisation>(deps_.db, [&](db::Tx& tx) -> Result<Organisation> {
    if (auto ok = Require(tx, actor, Action::kAdminOrganisationsManage, std::nullopt, origin);
        !ok) {
      return Fail(ok.error());
    }
    auto valid = ValidateOrganisation(input);
    if (!valid) return Fail(valid.error());
    auto org = InsertOrganisation(tx, deps_.keyring, valid->first, valid->second, false,
                                  deps_.clock.Now());
    if (!org) return org;
    auto event =
        AdminEvent("organisation.create", actor.user_id, org->id, "organisation", org->id, origin);
    event.details = {{"kind", std::string(Code(org->kind))}};
    deps_.audit.Append(tx, event);
    return org;
  });
}

Result<Organisation> AdminService::UpdateOrganisation(const Actor& actor, std::string_view id,
                                                      const std::string& name, bool active,
                                                      int64_t expected_version,
                                                      const Origin& origin) {
  return WriteCommittingDenial<Organisation>(deps_.db, [&](db::Tx& tx) -> Result<Organisation> {
    if (auto ok = Require(tx, actor, Action::kAdminOrganisationsManage, std::string(id), origin);
        !ok) {
      return Fail(ok.error());
    }
    auto current = FindOrganisation(tx, id);
    if (!current) return Fail(Problem::NotFound("No such organisation"));
    auto valid = ValidateOrganisation({name, std::string(Code(current->kind))});
    if (!valid) return Fail(valid.error());
    if (!active && current->is_operator) {
      return Fail(Problem::Invalid("active", "The operator organisation cannot be deactivated"));
    }
    Organisation changed = *current;
    changed.name = valid->first;
    changed.active = active;
    auto saved = identity::UpdateOrganisation(tx, changed, expected_version, deps_.clock.Now());
    if (!saved) return saved;
    if (!saved->active) RevokeOrganisationApiTokens(tx, saved->id, deps_.clock.Now());
    auto event = AdminEvent(active ? "organisation.update" : "organisation.deactivate",
                            actor.user_id, saved->id, "organisation", saved->id, origin);
    deps_.audit.Append(tx, event);
    return saved;
  });
}

Result<std::vector<User>> AdminService::ListUsers(const Actor& actor,
                                                  std::string_view organisation_id) {
  std::string scope =
      actor.operator_organisation ? std::string(organisation_id) : actor.organisation_id;
  if (!Decide(actor, Action::kAdminUsersView,
              Resource{scope.empty() ? std::nullopt : std::optional(scope), false})) {
    return Fail(Problem::Forbidden());
  }
  return deps_.db.Read([&](db::Tx& tx) { return identity::ListUsers(tx, scope); });
}

Result<User> AdminService::GetUser(const Actor& actor, std::string_view id) {
  auto user = deps_.db.Read([&](db::Tx& tx) { return FindUser(tx, id); });
  if (!user || !Decide(actor, Action::kAdminUsersView, Resource{user->organisation_id, false})) {
    return Fail(Problem::NotFound("No such user"));
  }
  return *user;
}

Result<CreatedUser> AdminService::CreateUser(const Actor& actor, const UserInput& input,
                                             const Origin& origin) {
  return WriteCommittingDenial<CreatedUser>(deps_.db, [&](db::Tx& tx) -> Result<CreatedUser> {
    if (auto ok = Require(tx, actor, Action::kAdminUsersManage, input.organisation_id, origin);
        !ok) {
      return Fail(ok.error());
    }
    auto valid = ValidateUser(tx, input);
    if (!valid) return Fail(valid.error());
    TimePoint now = deps_.clock.Now();
    auto user = InsertUser(tx, *valid, now);
    if (!user) return Fail(user.error());
    std::string token =
        IssueLink(tx, "set_password", user->id, now + kSetPasswordLinkLifetime, now);
    auto event =
        AdminEvent("user.create", actor.user_id, user->organisation_id, "user", user->id, origin);
    event.details = {{"role", std::string(Code(user->role))}};
    deps_.audit.Append(tx, event);
    return CreatedUser{*user, token};
  });
}

Result<User> AdminService::UpdateUser(const Actor& actor, std::string_view id,
                                      const std::string& display_name, const std::string& role,
                                      bool active, int64_t expected_version, const Origin& origin) {
  return WriteCommittingDenial<User>(deps_.db, [&](db::Tx& tx) -> Result<User> {
    auto current = FindUser(tx, id);
    if (!current) return Fail(Problem::NotFound("No such user"));
    if (auto ok = Require(tx, actor, Action::kAdminUsersManage, current->organisation_id, origin);
        !ok) {
      return Fail(ok.error());
    }
    auto valid = ValidateUser(tx, {current->organisation_id, current->email, display_name, role});
    if (!valid) return Fail(valid.error());
    if (current->id == actor.user_id && (!active || valid->role != current->role)) {
      return Fail(Problem::Invalid(active ? "role" : "active",
                                   "You cannot change your own role or deactivate yourself"));
    }
    User changed = *current;
    changed.display_name = valid->display_name;
    changed.role = valid->role;
    changed.active = active;
    auto saved = identity::UpdateUser(tx, changed, expected_version, deps_.clock.Now());
    if (!saved) return saved;
    // A change of privilege or a deactivation ends every session: new rights need a new sign-in.
    // API tokens are as strong as sessions, so they end with them.
    if (saved->role != current->role || !saved->active) {
      DeleteUserSessions(tx, saved->id);
      RevokeUserApiTokens(tx, saved->id, deps_.clock.Now());
    }
    auto event = AdminEvent(active ? "user.update" : "user.deactivate", actor.user_id,
                            saved->organisation_id, "user", saved->id, origin);
    event.details = {{"role", std::string(Code(saved->role))}};
    deps_.audit.Append(tx, event);
    return saved;
  });
}

Result<User> AdminService::ResetMfa(const Actor& actor, std::string_view id,
                                    int64_t expected_version, const Origin& origin) {
  return WriteCommittingDenial<User>(deps_.db, [&](db::Tx& tx) -> Result<User> {
    auto current = FindUser(tx, id);
    if (!current) return Fail(Problem::NotFound("No such user"));
    if (auto ok = Require(tx, actor, Action::kAdminUsersManage, current->organisation_id, origin);
        !ok) {
      return Fail(ok.error());
    }
    if (current->version != expected_version) {
      return Fail(Problem::Conflict(
          "Someone else changed this account while you were looking at it. Check the current "
          "details and try again."));
    }
    SetTotp(tx, current->id, std::nullopt, std::nullopt, deps_.clock.Now());
    ReplaceRecoveryCodes(tx, current->id, {});
    DeleteUserSessions(tx, current->id);
    deps_.audit.Append(tx, AdminEvent("user.mfa_reset", actor.user_id, current->organisation_id,
                                      "user", current->id, origin));
    return *FindUser(tx, current->id);
  });
}

Result<CreatedUser> AdminService::CreateUserFromCommandLine(std::string_view organisation,
                                                            std::string_view role,
                                                            std::string_view email,
                                                            std::string_view display_name) {
  return deps_.db.Write([&](db::Tx& tx) -> Result<CreatedUser> {
    std::optional<Organisation> org = FindOrganisation(tx, organisation);
    if (!org) {
      for (auto& candidate : identity::ListOrganisations(tx)) {
        if (NormaliseEmail(candidate.name) == NormaliseEmail(organisation)) org = candidate;
      }
    }
    if (!org) {
      return Fail(Problem::NotFound("No organisation has the id or name '" +
                                    std::string(organisation) + "'"));
    }
    std::string name = display_name.empty() ? std::string(email.substr(0, email.find('@')))
                                            : std::string(display_name);
    auto valid = ValidateUser(tx, {org->id, std::string(email), name, std::string(role)});
    if (!valid) return Fail(valid.error());
    TimePoint now = deps_.clock.Now();
    auto user = InsertUser(tx, *valid, now);
    if (!user) return Fail(user.error());
    std::string token =
        IssueLink(tx, "set_password", user->id, now + kSetPasswordLinkLifetime, now);
    auto event = AdminEvent("user.create", std::string(kSystemActor), org->id, "user", user->id,
                            Origin{"command line", ""});
    event.details = {{"role", std::string(Code(user->role))}};
    deps_.audit.Append(tx, event);
    return CreatedUser{*user, token};
  });
}

Result<std::string> AdminService::EmailForSetPasswordLink(std::string_view token) {
  auto email = deps_.db.Read([&](db::Tx& tx) -> std::optional<std::string> {
    auto link = FindLink(tx, token, "set_password", deps_.clock.Now());
    if (!link || !link->user_id) return std::nullopt;
    auto user = FindUser(tx, *link->user_id);
    if (!user || !user->active) return std::nullopt;
    return user->email;
  });
  if (!email) return Fail(Problem::NotFound(std::string(kLinkExpired)));
  return *email;
}

Result<void> AdminService::SetPasswordWithLink(std::string_view token, std::string_view password,
                                               std::string_view confirmation,
                                               const Origin& origin) {
  auto email = EmailForSetPasswordLink(token);
  if (!email) return Fail(email.error());
  if (auto ok = CheckConfirmedPassword(password, confirmation, *email); !ok) return ok;
  std::string hash = HashPasswordLimited(password, deps_.keyring);
  return deps_.db.Write([&](db::Tx& tx) -> Result<void> {
    TimePoint now = deps_.clock.Now();
    auto link = FindLink(tx, token, "set_password", now);
    if (!link || !link->user_id) return Fail(Problem::NotFound(std::string(kLinkExpired)));
    auto user = FindUser(tx, *link->user_id);
    if (!user || !user->active) return Fail(Problem::NotFound(std::string(kLinkExpired)));
    UseLink(tx, *link, now);
    SetPasswordHash(tx, user->id, hash, now);
    DeleteUserSessions(tx, user->id);
    deps_.audit.Append(
        tx, AdminEvent("password.set", user->id, user->organisation_id, "user", user->id, origin));
    return {};
  });
}

Result<std::string> AdminService::CreateSetupLink() {
  return deps_.db.Write([&](db::Tx& tx) -> Result<std::string> {
    if (AnyOrganisationExists(tx)) {
      return Fail(Problem::Conflict("Waymark is already set up: sign in instead"));
    }
    TimePoint now = deps_.clock.Now();
    return IssueLink(tx, "setup", std::nullopt, now + kSetupLinkLifetime, now);
  });
}

bool AdminService::SetupLinkValid(std::string_view token) {
  return deps_.db.Read([&](db::Tx& tx) {
    return !AnyOrganisationExists(tx) && FindLink(tx, token, "setup", deps_.clock.Now());
  });
}

Result<void> AdminService::CompleteSetup(std::string_view token, const SetupInput& input,
                                         const Origin& origin) {
  if (!SetupLinkValid(token)) {
    return Fail(Problem::NotFound(
        "This set-up link has expired or has been used. Restart `waymark serve` for a new one."));
  }
  std::vector<FieldError> errors;
  auto org = ValidateOrganisation({input.organisation_name, input.organisation_kind});
  if (!org) {
    for (auto& e : org.error().fields) {
      errors.push_back({"organisation_" + e.field, e.message});
    }
  }
  std::string email = NormaliseEmail(input.email);
  if (Trim(input.display_name).empty()) {
    errors.push_back({"display_name", "Enter your full name"});
  }
  if (!LooksLikeEmail(email)) {
    errors.push_back({"email",
                      "Enter an email address in the correct format, like "
                      "name@example.org"});
  }
  if (auto ok = CheckNewPassword(input.password, email); !ok) {
    errors.push_back(ok.error().fields.at(0));
  }
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  std::string hash = HashPasswordLimited(input.password, deps_.keyring);
  return deps_.db.Write([&](db::Tx& tx) -> Result<void> {
    TimePoint now = deps_.clock.Now();
    auto link = FindLink(tx, token, "setup", now);
    if (!link || AnyOrganisationExists(tx)) {
      return Fail(Problem::NotFound("This set-up link has expired or has been used."));
    }
    UseLink(tx, *link, now);
    auto created = InsertOrganisation(tx, deps_.keyring, org->first, org->second, true, now);
    if (!created) return Fail(created.error());
    auto user =
        InsertUser(tx, {created->id, email, Trim(input.display_name), Role::kAdministrator}, now);
    if (!user) return Fail(user.error());
    SetPasswordHash(tx, user->id, hash, now);
    deps_.audit.Append(tx, AdminEvent("setup.complete", user->id, created->id, "organisation",
                                      created->id, origin));
    return {};
  });
}

}  // namespace waymark::identity
