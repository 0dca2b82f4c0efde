// Signing in: password, then a second factor (TOTP or a recovery code), or enrolment of a first
// TOTP authenticator; authenticating each later request by its session token; signing out.
//
// Unknown accounts, deactivated accounts and wrong passwords get the same answer after the same
// work (a password hash is always verified). Failures are throttled per account and per client
// address with growing delays, never a permanent lock-out. Argon2id runs at most two at a time,
// outside any database transaction.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "identity/deps.hpp"
#include "identity/organisations.hpp"
#include "identity/policy.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "platform/crypto/qr.hpp"

namespace waymark::identity {

// Where a request comes from, for throttling and the audit log.
struct Origin {
  std::string address;
  std::string request_id;
};

struct IssuedSession {
  std::string token;  // for the cookie
  SessionStage stage;
};

struct Enrolment {
  std::string secret_base32;  // for typing into an authenticator app
  std::string otpauth_uri;
  crypto::QrMatrix qr;
};

struct EnrolmentDone {
  IssuedSession session;
  std::vector<std::string> recovery_codes;  // shown once, never stored in the clear
};

struct Authenticated {
  Session session;
  User user;
  Organisation organisation;
  std::optional<Actor> actor;  // only for an active (fully signed-in) session
  TimePoint ends_at;           // when the session ends if nothing more happens
  TimePoint checked_at;        // when this request was authenticated (the service's clock)
};

class SignInService {
 public:
  explicit SignInService(Deps deps);

  Result<IssuedSession> SignInWithPassword(std::string_view email, std::string_view password,
                                           const Origin& origin);
  Result<IssuedSession> VerifyTotp(std::string_view token, std::string_view code,
                                   const Origin& origin);
  Result<IssuedSession> UseRecoveryCode(std::string_view token, std::string_view code,
                                        const Origin& origin);
  // Makes (or re-shows) the pending secret for a session at the enrol stage.
  Result<Enrolment> BeginEnrolment(std::string_view token);
  Result<EnrolmentDone> CompleteEnrolment(std::string_view token, std::string_view code,
                                          const Origin& origin);
  // Unauthenticated (with a message saying why, e.g. the idle timeout) when the token is
  // unknown, expired, or its user or organisation was deactivated. A live session is touched
  // (its idle time restarts) unless `touch` is false, as for the timeout warning page.
  Result<Authenticated> Authenticate(std::string_view token, bool touch = true);
  void SignOut(std::string_view token, const Origin& origin);

  // Ten new recovery codes for a user; replaces any earlier ones. Runs in the caller's tx.
  static std::vector<std::string> IssueRecoveryCodes(db::Tx& tx, std::string_view user_id);

 private:
  Deps deps_;
};

// Step-up authentication for a signed-in user (break-glass): checks a fresh security code from
// their authenticator in the caller's transaction. nullopt means the code is right (and is now
// used); otherwise the problem to show. A wrong code counts towards the user's second-factor
// throttle, written in `tx`: commit the transaction even when refusing, or the count is lost.
std::optional<Problem> ConfirmTotp(db::Tx& tx, const crypto::Keyring& keyring,
                                   std::string_view user_id, std::string_view code, TimePoint now);

// Hashing and verifying passwords at most two at a time (64 MiB each), so a burst of sign-ins
// cannot exhaust memory or starve request workers.
std::string HashPasswordLimited(std::string_view password, const crypto::Keyring& keyring);
bool VerifyPasswordLimited(std::optional<std::string_view> stored_hash, std::string_view password,
                           const crypto::Keyring& keyring);

}  // namespace waymark::identity
