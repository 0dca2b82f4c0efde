#include "identity/account.hpp"

#include "identity/password_policy.hpp"
#include "identity/throttle_store.hpp"
#include "identity/users.hpp"

namespace waymark::identity {

namespace {

audit::Event AccountEvent(std::string action, const Actor& actor, const Origin& origin) {
  audit::Event event;
  event.action = std::move(action);
  event.actor_id = actor.user_id;
  event.organisation_id = actor.organisation_id;
  event.subject_type = "user";
  event.subject_id = actor.user_id;
  event.request_id = origin.request_id;
  return event;
}

}  // namespace

Result<std::string> AccountService::ChangePassword(
    const Actor& actor, std::string_view session_token, std::string_view current,
    std::string_view replacement, std::string_view confirmation, const Origin& origin) {
  auto user = deps_.db.Read([&](db::Tx& tx) { return FindUser(tx, actor.user_id); });
  if (!user) return Fail(Problem::Unauthenticated());
  // The current password is a secret like any other: someone holding a stolen session must not
  // be able to guess it freely, so it shares the sign-in throttle and its failures are audited.
  std::string account_key = AccountKey(user->email);
  std::string address_key = AddressKey(origin.address);
  if (auto until = CheckThrottles(deps_.db, account_key, address_key, deps_.clock.Now())) {
    return Fail(Throttled(*until, deps_.clock.Now()));
  }
  std::vector<FieldError> errors;
  if (current.empty()) {
    errors.push_back({"current_password", "Enter your current password"});
  } else if (!VerifyPasswordLimited(user->password_hash, current, deps_.keyring)) {
    deps_.db.Write([&](db::Tx& tx) {
      TimePoint now = deps_.clock.Now();
      RecordFailure(tx, account_key, kAccountThrottle, now);
      RecordFailure(tx, address_key, kAddressThrottle, now);
      audit::Event event = AccountEvent("password.change", actor, origin);
      event.outcome = audit::Outcome::kFailure;
      deps_.audit.Append(tx, event);
    });
    errors.push_back({"current_password", "Your current password is incorrect"});
  }
  if (auto ok = CheckNewPassword(replacement, user->email, "new_password"); !ok) {
    errors.push_back(ok.error().fields.at(0));
  } else if (replacement != confirmation) {
    errors.push_back({"new_password_confirmation", "Passwords must match"});
  }
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  std::string hash = HashPasswordLimited(replacement, deps_.keyring);
  return deps_.db.Write([&](db::Tx& tx) -> Result<std::string> {
    TimePoint now = deps_.clock.Now();
    auto session = FindSession(tx, session_token);
    if (!session || session->user_id != actor.user_id) return Fail(Problem::Unauthenticated());
    SetPasswordHash(tx, actor.user_id, hash, now);
    ClearFailures(tx, account_key);
    DeleteUserSessions(tx, actor.user_id);
    // A new token, but the same start: changing the password must not extend the 12-hour limit.
    NewSession fresh = ReissueSession(tx, *session, SessionStage::kActive, now);
    deps_.audit.Append(tx, AccountEvent("password.change", actor, origin));
    return fresh.token;
  });
}

Result<std::vector<std::string>> AccountService::RegenerateRecoveryCodes(const Actor& actor,
                                                                         const Origin& origin) {
  return deps_.db.Write([&](db::Tx& tx) -> Result<std::vector<std::string>> {
    auto codes = SignInService::IssueRecoveryCodes(tx, actor.user_id);
    deps_.audit.Append(tx, AccountEvent("recovery_codes.regenerate", actor, origin));
    return codes;
  });
}

int64_t AccountService::RecoveryCodesLeft(const Actor& actor) {
  return deps_.db.Read([&](db::Tx& tx) { return UnusedRecoveryCodes(tx, actor.user_id); });
}

}  // namespace waymark::identity
