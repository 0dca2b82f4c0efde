#include "identity/api_tokens.hpp"

#include <charconv>

#include "identity/organisations.hpp"
#include "identity/text.hpp"
#include "identity/throttle_store.hpp"
#include "platform/crypto/tokens.hpp"
#include "platform/util/ids.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

namespace {

// How stale last_used_at may get before a request writes it again (as for sessions).
constexpr auto kLastUsedInterval = std::chrono::seconds(60);
constexpr std::string_view kBadToken =
    "The API token is not valid: it may have expired or been revoked. Issue a new one on your "
    "account page.";

constexpr std::string_view kColumns =
    "id, user_id, name, created_at, expires_at, last_used_at, revoked_at";

ApiToken TokenFrom(const db::Row& row) {
  return ApiToken{row.text(0), row.text(1),          row.text(2),         row.time(3),
                  row.time(4), row.optional_time(5), row.optional_time(6)};
}

std::optional<ApiToken> FindByHash(db::Tx& tx, const std::string& hash) {
  auto row = tx.QueryOne(
      "SELECT " + std::string(kColumns) + " FROM api_tokens WHERE token_hash = ?", {hash});
  if (!row) return std::nullopt;
  return TokenFrom(*row);
}

audit::Event TokenEvent(std::string action, const Actor& actor, const Origin& origin,
                        std::string_view token_id) {
  audit::Event event;
  event.action = std::move(action);
  event.actor_id = actor.user_id;
  event.organisation_id = actor.organisation_id;
  event.subject_type = "api_token";
  if (!token_id.empty()) event.subject_id = std::string(token_id);
  event.request_id = origin.request_id;
  return event;
}

// The secret as issued: the prefix and 43 base64url characters (NewToken's 256 bits).
bool WellFormed(std::string_view secret) {
  if (!secret.starts_with(kApiTokenPrefix)) return false;
  std::string_view body = secret.substr(kApiTokenPrefix.size());
  if (body.size() != 43) return false;
  for (char c : body) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::optional<int> ParseDays(std::string_view text) {
  int days = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return days;
}

std::vector<FieldError> ValidateInput(const ApiTokenInput& input, int& days) {
  std::vector<FieldError> errors;
  std::string name = Trim(input.name);
  if (name.empty()) {
    errors.push_back({"name", "Enter a name for the token"});
  } else if (name.size() > kMaxApiTokenNameLength) {
    errors.push_back({"name", "The name must be " + std::to_string(kMaxApiTokenNameLength) +
                                  " characters or fewer"});
  }
  std::string typed = Trim(input.expires_in_days);
  days = kDefaultApiTokenDays;
  if (!typed.empty()) {
    auto parsed = ParseDays(typed);
    if (!parsed) {
      errors.push_back({"expires_in_days", "The number of days must be a whole number, like 30"});
    } else if (*parsed < 1 || *parsed > kMaxApiTokenDays) {
      errors.push_back({"expires_in_days", "The number of days must be between 1 and " +
                                               std::to_string(kMaxApiTokenDays)});
    } else {
      days = *parsed;
    }
  }
  if (Trim(input.code).empty()) errors.push_back({"code", "Enter the security code"});
  return errors;
}

}  // namespace

void RevokeUserApiTokens(db::Tx& tx, std::string_view user_id, TimePoint now) {
  tx.Execute("UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL",
             {FormatUtc(now), std::string(user_id)});
}

void RevokeOrganisationApiTokens(db::Tx& tx, std::string_view organisation_id, TimePoint now) {
  tx.Execute(
      "UPDATE api_tokens SET revoked_at = ? WHERE revoked_at IS NULL AND user_id IN "
      "(SELECT id FROM users WHERE organisation_id = ?)",
      {FormatUtc(now), std::string(organisation_id)});
}

Result<IssuedApiToken> ApiTokenService::Issue(const Actor& actor, const ApiTokenInput& input,
                                              const Origin& origin) {
  int days = kDefaultApiTokenDays;
  auto errors = ValidateInput(input, days);
  if (!errors.empty()) return Fail(Problem::Invalid(std::move(errors)));
  // A refused code must still commit (the second-factor throttle counts it), so the transaction
  // returns the problem as a value.
  struct Outcome {
    std::optional<IssuedApiToken> issued;
    std::optional<Problem> problem;
  };
  Outcome outcome = deps_.db.Write([&](db::Tx& tx) -> Outcome {
    TimePoint now = deps_.clock.Now();
    if (auto problem = ConfirmTotp(tx, deps_.keyring, actor.user_id, input.code, now)) {
      // A wrong code is audited; a throttled attempt checked nothing, so it adds nothing.
      if (problem->kind == ProblemKind::kInvalid) {
        audit::Event failed = TokenEvent("api_token.issue", actor, origin, "");
        failed.outcome = audit::Outcome::kFailure;
        deps_.audit.Append(tx, failed);
      }
      return {std::nullopt, std::move(*problem)};
    }
    IssuedApiToken out;
    out.secret = std::string(kApiTokenPrefix) + crypto::NewToken();
    out.token = ApiToken{
        NewId(),      actor.user_id, Trim(input.name), now, now + std::chrono::hours(24) * days,
        std::nullopt, std::nullopt};
    tx.Execute(
        "INSERT INTO api_tokens (id, token_hash, user_id, name, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {out.token.id, crypto::HashToken(out.secret), out.token.user_id, out.token.name,
         FormatUtc(out.token.created_at), FormatUtc(out.token.expires_at)});
    audit::Event event = TokenEvent("api_token.issue", actor, origin, out.token.id);
    event.details = {{"expires_in_days", std::to_string(days)}};
    deps_.audit.Append(tx, event);
    return {std::move(out), std::nullopt};
  });
  if (outcome.problem) return Fail(*outcome.problem);
  return std::move(*outcome.issued);
}

std::vector<ApiToken> ApiTokenService::List(const Actor& actor) {
  return deps_.db.Read([&](db::Tx& tx) {
    std::vector<ApiToken> out;
    for (const auto& row : tx.Query("SELECT " + std::string(kColumns) +
                                        " FROM api_tokens WHERE user_id = ? "
                                        "ORDER BY created_at DESC, id",
                                    {actor.user_id})) {
      out.push_back(TokenFrom(row));
    }
    return out;
  });
}

Result<void> ApiTokenService::Revoke(const Actor& actor, std::string_view token_id,
                                     const Origin& origin) {
  return deps_.db.Write([&](db::Tx& tx) -> Result<void> {
    auto row = tx.QueryOne("SELECT revoked_at FROM api_tokens WHERE id = ? AND user_id = ?",
                           {std::string(token_id), actor.user_id});
    if (!row) return Fail(Problem::NotFound("There is no such API token on your account"));
    if (row->optional_text(0)) return {};
    tx.Execute("UPDATE api_tokens SET revoked_at = ? WHERE id = ?",
               {FormatUtc(deps_.clock.Now()), std::string(token_id)});
    deps_.audit.Append(tx, TokenEvent("api_token.revoke", actor, origin, token_id));
    return {};
  });
}

Result<ApiCaller> ApiTokenService::Authenticate(std::string_view secret, const Origin& origin) {
  TimePoint now = deps_.clock.Now();
  // Counted apart from sign-in failures: a script retrying an expired token must not lock the
  // people at the same office address out of the sign-in page.
  std::string address_key = "api_" + AddressKey(origin.address);
  struct Outcome {
    std::optional<ApiCaller> caller;
    std::optional<ApiToken> token;  // found, but not usable (or usable and due a touch)
    std::string refusal;            // why, for the audit log: unknown, expired, ...
    std::optional<TimePoint> blocked_until;
    bool touch = false;
  };
  auto examine = [&](db::Tx& tx) -> Outcome {
    Outcome out;
    if (auto until = BlockedUntil(tx, address_key, now)) {
      out.blocked_until = until;
      return out;
    }
    if (!WellFormed(secret)) {
      out.refusal = "malformed";
      return out;
    }
    out.token = FindByHash(tx, crypto::HashToken(secret));
    if (!out.token) {
      out.refusal = "unknown";
      return out;
    }
    if (out.token->revoked_at) {
      out.refusal = "revoked";
      return out;
    }
    if (now >= out.token->expires_at) {
      out.refusal = "expired";
      return out;
    }
    auto user = FindUser(tx, out.token->user_id);
    auto org = user ? FindOrganisation(tx, user->organisation_id) : std::nullopt;
    if (!user || !user->active || !org || !org->active || !user->has_mfa()) {
      out.refusal = "deactivated";
      return out;
    }
    out.caller = ApiCaller{Actor{user->id, org->id, org->kind, org->is_operator, user->role}, *user,
                           out.token->id};
    out.touch = !out.token->last_used_at || now - *out.token->last_used_at >= kLastUsedInterval;
    return out;
  };
  Outcome outcome = deps_.db.Read(examine);
  if (outcome.blocked_until) {
    auto minutes = std::chrono::ceil<std::chrono::minutes>(*outcome.blocked_until - now).count();
    return Fail(Problem::TooManyRequests(
        "There have been too many requests with a wrong API token from your address. Wait " +
        std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes") + " and try again."));
  }
  if (outcome.caller) {
    if (outcome.touch) {
      deps_.db.Write([&](db::Tx& tx) {
        tx.Execute("UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
                   {FormatUtc(now), outcome.caller->token_id});
      });
    }
    return std::move(*outcome.caller);
  }
  deps_.db.Write([&](db::Tx& tx) {
    RecordFailure(tx, address_key, kAddressThrottle, now);
    audit::Event event;
    event.action = "api_token.authenticate";
    event.outcome = audit::Outcome::kFailure;
    event.request_id = origin.request_id;
    event.details = {{"reason", outcome.refusal}};
    if (outcome.token) {
      event.actor_id = outcome.token->user_id;
      event.subject_type = "api_token";
      event.subject_id = outcome.token->id;
      if (outcome.refusal == "deactivated") {
        // The account is gone: its tokens must not come back if it is reactivated.
        RevokeUserApiTokens(tx, outcome.token->user_id, now);
      }
    }
    deps_.audit.Append(tx, event);
  });
  return Fail(Problem::Unauthenticated(std::string(kBadToken)));
}

}  // namespace waymark::identity
