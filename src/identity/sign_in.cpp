#include "identity/sign_in.hpp"

#include <semaphore>

#include "identity/text.hpp"
#include "identity/throttle.hpp"
#include "identity/throttle_store.hpp"
#include "platform/crypto/field_cipher.hpp"
#include "platform/crypto/passwords.hpp"
#include "platform/crypto/tokens.hpp"
#include "platform/crypto/totp.hpp"
#include "platform/util/time.hpp"

namespace waymark::identity {

namespace {

constexpr std::string_view kWrongPassword = "Enter a correct email address and password";
constexpr std::string_view kWrongCode = "Enter a correct security code";
constexpr std::string_view kSignInAgain = "Sign in to continue";
// How stale a session's last-seen time may get before a request writes it again.
constexpr auto kTouchInterval = std::chrono::seconds(60);

std::counting_semaphore<2>& HashingSlots() {
  static std::counting_semaphore<2> slots(2);
  return slots;
}

class HashingSlot {
 public:
  HashingSlot() { HashingSlots().acquire(); }
  ~HashingSlot() { HashingSlots().release(); }
  HashingSlot(const HashingSlot&) = delete;
  HashingSlot& operator=(const HashingSlot&) = delete;
};

// --- audit ----------------------------------------------------------------------------------

audit::Event SignInEvent(std::string action, audit::Outcome outcome, const Origin& origin,
                         const std::optional<User>& user) {
  audit::Event event;
  event.action = std::move(action);
  event.outcome = outcome;
  event.request_id = origin.request_id;
  if (user) {
    event.actor_id = user->id;
    event.organisation_id = user->organisation_id;
    event.subject_type = "user";
    event.subject_id = user->id;
  }
  return event;
}

// --- second factor --------------------------------------------------------------------------

crypto::FieldContext TotpContext(const User& user) { return {"users", "totp_secret", user.id}; }
crypto::FieldContext PendingContext(const Session& session) {
  return {"sessions", "pending_totp_secret", session.token_hash};
}

std::string NormaliseRecoveryCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (upper == 'I' || upper == 'L') upper = '1';
    if (upper == 'O') upper = '0';
    out.push_back(upper);
  }
  return out;
}

std::string DigitsOnly(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c != ' ' && c != '-') out.push_back(c);
  }
  return out;
}

struct SessionAndUser {
  Session session;
  User user;
};

// The session for `token` if it is live and at `stage`, with its (active) user.
Result<SessionAndUser> LoadStage(db::Tx& tx, std::string_view token, SessionStage stage,
                                 TimePoint now, const SessionLimits& limits) {
  auto session = FindSession(tx, token);
  if (!session || session->stage != stage ||
      EvaluateSession(*session, now, limits) != SessionState::kLive) {
    return Fail(Problem::Unauthenticated(std::string(kSignInAgain)));
  }
  auto user = FindUser(tx, session->user_id);
  if (!user || !user->active) return Fail(Problem::Unauthenticated(std::string(kSignInAgain)));
  return SessionAndUser{*session, *user};
}

}  // namespace

std::string HashPasswordLimited(std::string_view password, const crypto::Keyring& keyring) {
  HashingSlot slot;
  return crypto::HashPassword(password, keyring.password_pepper());
}

bool VerifyPasswordLimited(std::optional<std::string_view> stored_hash, std::string_view password,
                           const crypto::Keyring& keyring) {
  // Without a stored hash, verify against a fixed one anyway so the answer takes as long.
  static const std::string dummy = HashPasswordLimited("waymark: no such account", keyring);
  HashingSlot slot;
  bool ok =
      crypto::VerifyPassword(stored_hash.value_or(dummy), password, keyring.password_pepper());
  return ok && stored_hash.has_value();
}

SignInService::SignInService(Deps deps) : deps_(deps) {}

Result<IssuedSession> SignInService::SignInWithPassword(std::string_view email,
                                                        std::string_view password,
                                                        const Origin& origin) {
  TimePoint now = deps_.clock.Now();
  std::string account_key = AccountKey(email);
  std::string address_key = AddressKey(origin.address);
  if (email.empty() || password.empty()) {
    std::vector<FieldError> errors;
    if (email.empty()) errors.push_back({"email", "Enter your email address"});
    if (password.empty()) errors.push_back({"password", "Enter your password"});
    return Fail(Problem::Invalid(std::move(errors)));
  }
  if (auto until = CheckThrottles(deps_.db, account_key, address_key, now)) {
    return Fail(Throttled(*until, now));
  }
  auto user = deps_.db.Read([&](db::Tx& tx) { return FindUserByEmail(tx, NormaliseEmail(email)); });
  std::optional<std::string_view> stored;
  if (user && user->active && user->password_hash) stored = *user->password_hash;
  bool ok = password.size() <= 1024 && VerifyPasswordLimited(stored, password, deps_.keyring);

  return deps_.db
      .Write([&](db::Tx& tx) -> Result<IssuedSession> {
        TimePoint at = deps_.clock.Now();
        if (ok) {
          auto org = FindOrganisation(tx, user->organisation_id);
          ok = org && org->active;
        }
        if (!ok) {
          RecordFailure(tx, account_key, kAccountThrottle, at);
          RecordFailure(tx, address_key, kAddressThrottle, at);
          deps_.audit.Append(
              tx, SignInEvent("sign_in.password", audit::Outcome::kFailure, origin, user));
          // A failure must still commit its throttle and audit rows: return a value, not an error.
          return IssuedSession{};
        }
        ClearFailures(tx, account_key);
        SessionStage stage = user->has_mfa() ? SessionStage::kPassword : SessionStage::kEnrol;
        NewSession created = CreateSession(tx, user->id, stage, at);
        deps_.audit.Append(tx,
                           SignInEvent("sign_in.password", audit::Outcome::kSuccess, origin, user));
        return IssuedSession{created.token, stage};
      })
      .and_then([&](IssuedSession issued) -> Result<IssuedSession> {
        if (issued.token.empty()) {
          return Fail(Problem::Invalid({{"email", std::string(kWrongPassword)}},
                                       std::string(kWrongPassword)));
        }
        return issued;
      });
}

Result<IssuedSession> SignInService::VerifyTotp(std::string_view token, std::string_view code,
                                                const Origin& origin) {
  TimePoint now = deps_.clock.Now();
  std::string digits = DigitsOnly(code);
  if (digits.empty()) return Fail(Problem::Invalid("code", "Enter the security code"));
  if (digits.size() != 6 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return Fail(Problem::Invalid("code", "Enter the 6-digit security code"));
  }
  struct Outcome {
    std::optional<IssuedSession> issued;
    std::optional<Problem> problem;
  };
  auto outcome = deps_.db.Write([&](db::Tx& tx) -> Result<Outcome> {
    auto loaded = LoadStage(tx, token, SessionStage::kPassword, now, deps_.limits);
    if (!loaded) return Fail(loaded.error());
    auto& [session, user] = *loaded;
    if (auto problem = ConfirmTotp(tx, deps_.keyring, user.id, digits, now)) {
      if (problem->kind == ProblemKind::kInvalid) {
        deps_.audit.Append(tx, SignInEvent("sign_in.totp", audit::Outcome::kFailure, origin, user));
      } else if (problem->kind != ProblemKind::kTooManyRequests) {
        return Fail(*problem);  // the second factor was reset mid-sign-in: start again
      }
      return Outcome{std::nullopt, *problem};
    }
    NewSession active = ReissueSession(tx, session, SessionStage::kActive, now);
    deps_.audit.Append(tx, SignInEvent("sign_in.totp", audit::Outcome::kSuccess, origin, user));
    return Outcome{IssuedSession{active.token, SessionStage::kActive}, std::nullopt};
  });
  if (!outcome) return Fail(outcome.error());
  if (outcome->problem) return Fail(*outcome->problem);
  return *outcome->issued;
}

Result<IssuedSession> SignInService::UseRecoveryCode(std::string_view token, std::string_view code,
                                                     const Origin& origin) {
  TimePoint now = deps_.clock.Now();
  std::string normalised = NormaliseRecoveryCode(code);
  if (normalised.empty()) return Fail(Problem::Invalid("code", "Enter a recovery code"));
  struct Outcome {
    std::optional<IssuedSession> issued;
    std::optional<Problem> problem;
  };
  auto outcome = deps_.db.Write([&](db::Tx& tx) -> Result<Outcome> {
    auto loaded = LoadStage(tx, token, SessionStage::kPassword, now, deps_.limits);
    if (!loaded) return Fail(loaded.error());
    auto& [session, user] = *loaded;
    std::string factor_key = SecondFactorKey(user.id);
    if (auto until = BlockedUntil(tx, factor_key, now)) {
      return Outcome{std::nullopt, Throttled(*until, now)};
    }
    if (!identity::UseRecoveryCode(tx, user.id, crypto::HashToken(normalised), now)) {
      RecordFailure(tx, factor_key, kAccountThrottle, now);
      deps_.audit.Append(
          tx, SignInEvent("sign_in.recovery_code", audit::Outcome::kFailure, origin, user));
      return Outcome{std::nullopt,
                     Problem::Invalid("code", "Enter a recovery code that has not been used")};
    }
    ClearFailures(tx, factor_key);
    NewSession active = ReissueSession(tx, session, SessionStage::kActive, now);
    auto event = SignInEvent("sign_in.recovery_code", audit::Outcome::kSuccess, origin, user);
    event.details.push_back({"codes_left", std::to_string(UnusedRecoveryCodes(tx, user.id))});
    deps_.audit.Append(tx, event);
    return Outcome{IssuedSession{active.token, SessionStage::kActive}, std::nullopt};
  });
  if (!outcome) return Fail(outcome.error());
  if (outcome->problem) return Fail(*outcome->problem);
  return *outcome->issued;
}

Result<Enrolment> SignInService::BeginEnrolment(std::string_view token) {
  TimePoint now = deps_.clock.Now();
  return deps_.db.Write([&](db::Tx& tx) -> Result<Enrolment> {
    auto loaded = LoadStage(tx, token, SessionStage::kEnrol, now, deps_.limits);
    if (!loaded) return Fail(loaded.error());
    auto& [session, user] = *loaded;
    auto key = LoadDataKey(tx, deps_.keyring, user.organisation_id);
    if (!key) return Fail(key.error());
    std::string secret;
    if (session.pending_totp_secret) {
      auto existing =
          crypto::DecryptField(*key, *session.pending_totp_secret, PendingContext(session));
      if (!existing) return Fail(existing.error());
      secret = *existing;
    } else {
      crypto::SecretBytes fresh = crypto::NewTotpSecret();
      secret.assign(fresh.view());
      SetPendingTotp(tx, session, crypto::EncryptField(*key, secret, PendingContext(session)));
    }
    auto bytes = crypto::AsBytes(secret);
    std::string uri = crypto::OtpauthUri("Waymark", user.email, bytes);
    auto qr = crypto::EncodeQr(uri);
    if (!qr) return Fail(qr.error());
    return Enrolment{crypto::Base32(bytes), uri, *qr};
  });
}

Result<EnrolmentDone> SignInService::CompleteEnrolment(std::string_view token,
                                                       std::string_view code,
                                                       const Origin& origin) {
  TimePoint now = deps_.clock.Now();
  std::string digits = DigitsOnly(code);
  if (digits.size() != 6 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return Fail(Problem::Invalid(
        "code", digits.empty() ? "Enter the security code" : "Enter the 6-digit security code"));
  }
  return deps_.db.Write([&](db::Tx& tx) -> Result<EnrolmentDone> {
    auto loaded = LoadStage(tx, token, SessionStage::kEnrol, now, deps_.limits);
    if (!loaded) return Fail(loaded.error());
    auto& [session, user] = *loaded;
    if (!session.pending_totp_secret) {
      return Fail(Problem::Invalid("code", "Scan the QR code before entering a code"));
    }
    auto key = LoadDataKey(tx, deps_.keyring, user.organisation_id);
    if (!key) return Fail(key.error());
    auto secret = crypto::DecryptField(*key, *session.pending_totp_secret, PendingContext(session));
    if (!secret) return Fail(secret.error());
    auto step = crypto::VerifyTotp(crypto::AsBytes(*secret), digits, now, std::nullopt);
    if (!step) {
      return Fail(Problem::Invalid(
          "code",
          "Enter the code your authenticator app shows now. Check the time on your phone "
          "is set automatically"));
    }
    SetTotp(tx, user.id, crypto::EncryptField(*key, *secret, TotpContext(user)), *step, now);
    auto codes = IssueRecoveryCodes(tx, user.id);
    NewSession active = ReissueSession(tx, session, SessionStage::kActive, now);
    deps_.audit.Append(tx, SignInEvent("mfa.enrol", audit::Outcome::kSuccess, origin, user));
    return EnrolmentDone{{active.token, SessionStage::kActive}, std::move(codes)};
  });
}

std::vector<std::string> SignInService::IssueRecoveryCodes(db::Tx& tx, std::string_view user_id) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::vector<std::string> codes;
  std::vector<std::string> hashes;
  for (int i = 0; i < 10; ++i) {
    // 10 random bytes, 5 bits of each (256 is a multiple of 32, so every character is equally
    // likely): 50 bits. Not NewToken(): its base64url text is not uniform modulo 32.
    crypto::SecretBytes random = crypto::SecretBytes::Random(10);
    std::string code;
    for (size_t j = 0; j < 10; ++j) {
      if (j == 5) code.push_back('-');
      code.push_back(kAlphabet[random.span()[j] % 32]);
    }
    hashes.push_back(crypto::HashToken(NormaliseRecoveryCode(code)));
    codes.push_back(std::move(code));
  }
  ReplaceRecoveryCodes(tx, user_id, hashes);
  return codes;
}

Result<Authenticated> SignInService::Authenticate(std::string_view token, bool touch) {
  TimePoint now = deps_.clock.Now();
  if (token.empty()) return Fail(Problem::Unauthenticated());
  // Most requests only read: the session's last-seen time is written at most once a minute
  // (so a session may end up to a minute early, never late). Only a due touch or the deletion of
  // an ended session needs the writer, and a deletion must commit: the transaction returns a
  // plain value, never an error, and the refusal becomes an error afterwards.
  struct Outcome {
    std::optional<Authenticated> authenticated;
    Problem problem = Problem::Unauthenticated();
    bool needs_write = false;
  };
  auto examine = [&](db::Tx& tx, bool writing) -> Outcome {
    auto end_session = [&](const Session& session, Problem problem) -> Outcome {
      if (!writing) return {std::nullopt, Problem::Unauthenticated(), true};
      DeleteSession(tx, session.token_hash);
      return {std::nullopt, std::move(problem)};
    };
    auto account = FindSessionAccount(tx, token);
    if (!account) return {};
    auto* session = &account->session;
    switch (EvaluateSession(*session, now, deps_.limits)) {
      case SessionState::kIdleExpired:
        return end_session(*session, Problem::Unauthenticated(
                                         "You were signed out because you had not done anything "
                                         "for " +
                                         std::to_string(deps_.limits.idle.count()) +
                                         " minutes. Sign in again to continue."));
      case SessionState::kAbsoluteExpired:
        return end_session(*session, Problem::Unauthenticated(
                                         "You were signed out because you had been signed in for " +
                                         std::to_string(deps_.limits.absolute.count()) +
                                         " hours. Sign in again to continue."));
      case SessionState::kLive:
        break;
    }
    auto& user = account->user;
    auto& org = account->organisation;
    if (!user || !user->active || !org || !org->active) {
      return end_session(*session, Problem::Unauthenticated());
    }
    if (touch && now - session->last_seen_at >= kTouchInterval) {
      if (!writing) return {std::nullopt, Problem::Unauthenticated(), true};
      TouchSession(tx, *session, now);
      session->last_seen_at = now;
    }
    Authenticated out{*session, *user, *org, std::nullopt, SessionEndsAt(*session, deps_.limits),
                      now};
    if (session->stage == SessionStage::kActive) {
      out.actor = Actor{user->id, org->id, org->kind, org->is_operator, user->role};
    }
    return {std::move(out)};
  };
  Outcome outcome = deps_.db.ReadStatement([&](db::Tx& tx) { return examine(tx, false); });
  if (outcome.needs_write) {
    outcome = deps_.db.Write([&](db::Tx& tx) { return examine(tx, true); });
  }
  if (!outcome.authenticated) return Fail(std::move(outcome.problem));
  return std::move(*outcome.authenticated);
}

void SignInService::SignOut(std::string_view token, const Origin& origin) {
  deps_.db.Write([&](db::Tx& tx) {
    auto session = FindSession(tx, token);
    if (!session) return;
    auto user = FindUser(tx, session->user_id);
    DeleteSession(tx, session->token_hash);
    deps_.audit.Append(tx, SignInEvent("sign_out", audit::Outcome::kSuccess, origin, user));
  });
}

std::optional<Problem> ConfirmTotp(db::Tx& tx, const crypto::Keyring& keyring,
                                   std::string_view user_id, std::string_view code, TimePoint now) {
  std::string digits = DigitsOnly(code);
  if (digits.empty()) return Problem::Invalid("code", "Enter the security code");
  if (digits.size() != 6 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return Problem::Invalid("code", "Enter the 6-digit security code");
  }
  auto user = FindUser(tx, user_id);
  if (!user || !user->totp_secret) return Problem::Unauthenticated(std::string(kSignInAgain));
  std::string factor_key = SecondFactorKey(user->id);
  if (auto until = BlockedUntil(tx, factor_key, now)) return Throttled(*until, now);
  auto key = LoadDataKey(tx, keyring, user->organisation_id);
  if (!key) return key.error();
  auto secret = crypto::DecryptField(*key, *user->totp_secret, TotpContext(*user));
  if (!secret) return secret.error();
  auto step = crypto::VerifyTotp(crypto::AsBytes(*secret), digits, now, user->totp_last_step);
  if (!step || !AdvanceTotpStep(tx, user->id, *step)) {
    RecordFailure(tx, factor_key, kAccountThrottle, now);
    return Problem::Invalid("code", std::string(kWrongCode));
  }
  ClearFailures(tx, factor_key);
  return std::nullopt;
}

}  // namespace waymark::identity
