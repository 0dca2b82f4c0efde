// Bearer tokens for the JSON API: issued by a person for themselves on their account page, with
// a name and an expiry of at most 90 days, shown once and stored only as a hash.
//
// A token acts as the person who issued it, with their role at the time of each request, so it
// is as strong as a signed-in session: issuing one needs a fresh security code from their
// authenticator. A token stops working when it expires, when it is revoked, and when its user
// or organisation is deactivated (the first request after that revokes the user's tokens for
// good, so a reactivated account starts with none). Failed bearer authentications count
// against a throttle of the client address (kAddressThrottle, apart from sign-in's) and are
// audited; while the address is blocked
// requests are refused before any lookup, so a guesser cannot flood the audit log either.
// Thread safety: safe to call from many worker threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "identity/deps.hpp"
#include "identity/policy.hpp"
#include "identity/sign_in.hpp"
#include "identity/users.hpp"

namespace waymark::identity {

// Every token starts with this, so a leaked one is easy to recognise (secret scanners, logs).
inline constexpr std::string_view kApiTokenPrefix = "wm_";
inline constexpr int kMaxApiTokenDays = 90;
inline constexpr int kDefaultApiTokenDays = 30;
inline constexpr std::size_t kMaxApiTokenNameLength = 60;

struct ApiToken {
  std::string id;
  std::string user_id;
  std::string name{};
  TimePoint created_at{};
  TimePoint expires_at{};
  std::optional<TimePoint> last_used_at;
  std::optional<TimePoint> revoked_at;

  bool LiveAt(TimePoint now) const { return !revoked_at && now < expires_at; }
};

// What a person typed into the new token form, before validation.
struct ApiTokenInput {
  std::string name{};
  std::string expires_in_days{};  // empty: kDefaultApiTokenDays
  std::string code{};             // a fresh security code from their authenticator
};

struct IssuedApiToken {
  ApiToken token;
  std::string secret;  // "wm_..." shown once; only its hash is stored
};

// Who is calling the API, as an authenticated bearer token says.
struct ApiCaller {
  Actor actor;
  User user;
  std::string token_id;
};

// Revokes every live token of a user, or of every user of an organisation, in the caller's
// transaction: for deactivation and changes of role, which end sessions too.
void RevokeUserApiTokens(db::Tx& tx, std::string_view user_id, TimePoint now);
void RevokeOrganisationApiTokens(db::Tx& tx, std::string_view organisation_id, TimePoint now);

class ApiTokenService {
 public:
  explicit ApiTokenService(Deps deps) : deps_(deps) {}

  // Field errors are named after the form's fields: "name", "expires_in_days", "code".
  Result<IssuedApiToken> Issue(const Actor& actor, const ApiTokenInput& input,
                               const Origin& origin);
  // The actor's own tokens, newest first, revoked and expired ones included.
  std::vector<ApiToken> List(const Actor& actor);
  // Only the actor's own tokens; anyone else's answers NotFound. Revoking twice is harmless.
  Result<void> Revoke(const Actor& actor, std::string_view token_id, const Origin& origin);

  // The caller for a bearer token. Unauthenticated (with a message to act on) when the token is
  // unknown, expired, revoked or its user or organisation is no longer active; TooManyRequests
  // while the client address is throttled.
  Result<ApiCaller> Authenticate(std::string_view secret, const Origin& origin);

 private:
  Deps deps_;
};

}  // namespace waymark::identity
