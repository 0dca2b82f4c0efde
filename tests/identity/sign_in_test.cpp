// Signing in: password, enrolment of a TOTP authenticator, TOTP and recovery codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <set>

#include "identity/organisations.hpp"
#include "identity/users.hpp"
#include "platform/crypto/field_cipher.hpp"
#include "platform/crypto/totp.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

using std::chrono::seconds;
constexpr seconds kStep(crypto::kTotpStepSeconds);

class SignInTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    provider_ = AddOrganisation("Safe Harbour", OrgKind::kProvider);
    worker_ = AddUser(provider_, "worker@example.org", Role::kSupportWorker);
  }

  void ExpectSameProblem(const Problem& a, const Problem& b) {
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.message, b.message);
    ASSERT_EQ(a.fields.size(), b.fields.size());
    for (size_t i = 0; i < a.fields.size(); ++i) {
      EXPECT_EQ(a.fields[i].field, b.fields[i].field);
      EXPECT_EQ(a.fields[i].message, b.fields[i].message);
    }
  }

  Organisation provider_;
  User worker_;
};

TEST_P(SignInTest, WrongPasswordAndUnknownEmailGetTheSameAnswer) {
  auto wrong = SignIn(worker_.email, kOtherPassword);
  auto unknown = SignIn("nobody@example.org", kPassword);
  ASSERT_FALSE(wrong);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(wrong.error().kind, ProblemKind::kInvalid);
  ExpectSameProblem(wrong.error(), unknown.error());
  EXPECT_EQ(Count("sessions"), 0);

  // Both failures are audited, the known one against the account.
  auto rows = AuditRows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].action, "sign_in.password");
  EXPECT_EQ(rows[0].outcome, "failure");
  EXPECT_EQ(rows[0].subject_id, worker_.id);
  EXPECT_EQ(rows[1].outcome, "failure");
  EXPECT_EQ(rows[1].subject_id, std::nullopt);
}

TEST_P(SignInTest, EmptyFieldsAreNamed) {
  auto empty = sign_in().SignInWithPassword("", "", origin_);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(empty.error().fields.size(), 2u);
  EXPECT_EQ(empty.error().fields[0].field, "email");
  EXPECT_EQ(empty.error().fields[1].field, "password");
}

TEST_P(SignInTest, DeactivatedUserCannotSignIn) {
  auto [op, op_admin] = AddOperatorAdmin();
  auto unknown = SignIn("nobody@example.org", kPassword);
  ASSERT_FALSE(unknown);
  auto off = admin().UpdateUser(ActorFor(op_admin), worker_.id, worker_.display_name,
                                "support_worker", false, worker_.version, origin_);
  ASSERT_TRUE(off) << off.error().message;

  auto refused = SignIn(worker_.email);  // the right password
  ASSERT_FALSE(refused);
  ExpectSameProblem(refused.error(), unknown.error());
  EXPECT_EQ(SessionsOf(worker_.id), 0);
}

TEST_P(SignInTest, UserOfDeactivatedOrganisationCannotSignIn) {
  auto [op, op_admin] = AddOperatorAdmin();
  std::string live = AddSession(worker_);
  auto unknown = SignIn("nobody@example.org", kPassword);
  ASSERT_FALSE(unknown);
  auto off = admin().UpdateOrganisation(ActorFor(op_admin), provider_.id, provider_.name, false,
                                        provider_.version, origin_);
  ASSERT_TRUE(off) << off.error().message;

  auto refused = SignIn(worker_.email);
  ASSERT_FALSE(refused);
  ExpectSameProblem(refused.error(), unknown.error());
  // A session from before the deactivation no longer authenticates.
  auto auth = sign_in().Authenticate(live);
  ASSERT_FALSE(auth);
  EXPECT_EQ(auth.error().kind, ProblemKind::kUnauthenticated);
  EXPECT_FALSE(SessionExists(live));
}

TEST_P(SignInTest, EnrolmentGivesRecoveryCodesAndAnActiveSession) {
  auto first = SignIn(worker_.email);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->stage, SessionStage::kEnrol);

  // At the enrol stage the person is not yet an actor.
  auto half = sign_in().Authenticate(first->token);
  ASSERT_TRUE(half);
  EXPECT_FALSE(half->actor.has_value());

  auto begun = sign_in().BeginEnrolment(first->token);
  auto again = sign_in().BeginEnrolment(first->token);
  ASSERT_TRUE(begun && again);
  EXPECT_EQ(begun->secret_base32, again->secret_base32);
  EXPECT_EQ(begun->otpauth_uri, again->otpauth_uri);
  EXPECT_NE(begun->otpauth_uri.find("secret=" + begun->secret_base32), std::string::npos);
  crypto::Bytes secret = DecodeBase32(begun->secret_base32);
  EXPECT_EQ(secret.size(), 20u);

  auto wrong =
      sign_in().CompleteEnrolment(first->token, WrongCodeAt(secret, clock_.Now()), origin_);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().kind, ProblemKind::kInvalid);
  EXPECT_FALSE(LoadUser(worker_.id).has_mfa());
  auto malformed = sign_in().CompleteEnrolment(first->token, "12ab56", origin_);
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().kind, ProblemKind::kInvalid);

  auto done = sign_in().CompleteEnrolment(first->token, CodeAt(secret, clock_.Now()), origin_);
  ASSERT_TRUE(done) << done.error().message;
  EXPECT_EQ(done->session.stage, SessionStage::kActive);
  EXPECT_NE(done->session.token, first->token);
  ASSERT_EQ(done->recovery_codes.size(), 10u);
  std::set<std::string> distinct(done->recovery_codes.begin(), done->recovery_codes.end());
  EXPECT_EQ(distinct.size(), 10u);
  for (const auto& code : done->recovery_codes) {
    EXPECT_EQ(code.size(), 11u) << code;
    EXPECT_EQ(code[5], '-') << code;
  }
  EXPECT_EQ(db().Read([&](db::Tx& tx) { return UnusedRecoveryCodes(tx, worker_.id); }), 10);

  auto active = sign_in().Authenticate(done->session.token);
  ASSERT_TRUE(active) << active.error().message;
  ASSERT_TRUE(active->actor.has_value());
  EXPECT_EQ(active->actor->user_id, worker_.id);
  EXPECT_EQ(active->actor->role, Role::kSupportWorker);
  EXPECT_FALSE(sign_in().Authenticate(first->token));

  // The secret is stored encrypted under the organisation's key, bound to the user's row.
  User stored = LoadUser(worker_.id);
  ASSERT_TRUE(stored.totp_secret.has_value());
  EXPECT_NE(*stored.totp_secret, secret);
  auto plain = db().Read([&](db::Tx& tx) -> Result<std::string> {
    auto key = LoadDataKey(tx, keyring(), worker_.organisation_id);
    if (!key) return Fail(key.error());
    return crypto::DecryptField(*key, *stored.totp_secret, {"users", "totp_secret", worker_.id});
  });
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ(crypto::Bytes(plain->begin(), plain->end()), secret);
}

TEST_P(SignInTest, TotpSignInIssuesANewTokenAndRefusesReplayAndOldCodes) {
  Enrolled enrolled = Enrol(worker_);
  clock_.Advance(kStep);

  auto first = SignIn(worker_.email);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->stage, SessionStage::kPassword);
  auto half = sign_in().Authenticate(first->token);
  ASSERT_TRUE(half);
  EXPECT_FALSE(half->actor.has_value());
  // A password-stage session cannot jump to enrolment.
  EXPECT_FALSE(sign_in().BeginEnrolment(first->token));

  std::string code = CodeAt(enrolled.secret, clock_.Now());
  auto active = sign_in().VerifyTotp(first->token, code, origin_);
  ASSERT_TRUE(active) << active.error().message;
  EXPECT_EQ(active->stage, SessionStage::kActive);
  EXPECT_NE(active->token, first->token);
  auto old = sign_in().Authenticate(first->token);
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().kind, ProblemKind::kUnauthenticated);
  auto now_active = sign_in().Authenticate(active->token);
  ASSERT_TRUE(now_active);
  EXPECT_TRUE(now_active->actor.has_value());

  // The same code again, in a fresh session and within the same step: a replay.
  clock_.Advance(seconds(5));
  auto fresh = SignIn(worker_.email);
  ASSERT_TRUE(fresh);
  auto replay = sign_in().VerifyTotp(fresh->token, code, origin_);
  ASSERT_FALSE(replay);
  EXPECT_EQ(replay.error().kind, ProblemKind::kInvalid);
  EXPECT_TRUE(SessionExists(fresh->token));  // still at the password stage

  // A code from two steps ago is too old even though that step was never used.
  clock_.Advance(3 * kStep);
  auto stale = sign_in().VerifyTotp(fresh->token, CodeAt(enrolled.secret, clock_.Now() - 2 * kStep),
                                    origin_);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind, ProblemKind::kInvalid);

  // The current code still works in the same session after those failures.
  auto ok = sign_in().VerifyTotp(fresh->token, CodeAt(enrolled.secret, clock_.Now()), origin_);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->stage, SessionStage::kActive);
}

TEST_P(SignInTest, TotpNeedsAPasswordStageSession) {
  Enrolled enrolled = Enrol(worker_);
  clock_.Advance(kStep);
  // An active session, or no session, cannot be used to check codes.
  for (const std::string& token : {enrolled.token, std::string("made-up")}) {
    auto result = sign_in().VerifyTotp(token, CodeAt(enrolled.secret, clock_.Now()), origin_);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, ProblemKind::kUnauthenticated);
  }
}

TEST_P(SignInTest, RecoveryCodesWorkOnceEachAndAreNormalised) {
  Enrolled enrolled = Enrol(worker_);
  const auto& codes = enrolled.recovery_codes;

  auto first = SignIn(worker_.email);
  ASSERT_TRUE(first);
  auto used = sign_in().UseRecoveryCode(first->token, codes[0], origin_);
  ASSERT_TRUE(used) << used.error().message;
  EXPECT_EQ(used->stage, SessionStage::kActive);
  EXPECT_NE(used->token, first->token);
  EXPECT_TRUE(sign_in().Authenticate(used->token));

  auto second = SignIn(worker_.email);
  ASSERT_TRUE(second);
  auto reused = sign_in().UseRecoveryCode(second->token, codes[0], origin_);
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().kind, ProblemKind::kInvalid);
  auto made_up = sign_in().UseRecoveryCode(second->token, "AAAAA-AAAAA", origin_);
  ASSERT_FALSE(made_up);
  EXPECT_EQ(made_up.error().kind, ProblemKind::kInvalid);

  // Lower case with a space instead of the dash.
  std::string lower;
  for (char c : codes[1]) {
    lower.push_back(c == '-' ? ' '
                             : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  auto normalised = sign_in().UseRecoveryCode(second->token, lower, origin_);
  ASSERT_TRUE(normalised) << normalised.error().message;

  // Without the dash.
  auto third = SignIn(worker_.email);
  ASSERT_TRUE(third);
  std::string undashed = codes[2].substr(0, 5) + codes[2].substr(6);
  auto no_dash = sign_in().UseRecoveryCode(third->token, undashed, origin_);
  ASSERT_TRUE(no_dash) << no_dash.error().message;

  EXPECT_EQ(account().RecoveryCodesLeft(ActorFor(worker_)), 7);
  int successes = 0;
  for (const auto& row : AuditRows()) {
    if (row.action == "sign_in.recovery_code" && row.outcome == "success") ++successes;
  }
  EXPECT_EQ(successes, 3);
}

WAYMARK_INSTANTIATE_DB_TEST(SignInTest);

}  // namespace
}  // namespace waymark::identity::testing

namespace waymark::identity::testing {
namespace {

class SecondFactorThrottleTest : public IdentityTest {};

// Found in review: a right password used to clear the counter that wrong codes add to, so
// someone who knew the password could guess codes five at a time forever.
TEST_P(SecondFactorThrottleTest, KnowingThePasswordDoesNotResetCodeGuessing) {
  Organisation provider = AddOrganisation("Safe Harbour", OrgKind::kProvider);
  User worker = AddUser(provider, "worker@example.org", Role::kSupportWorker);
  Enrolled enrolled = Enrol(worker);
  clock_.Advance(std::chrono::seconds(30));
  auto first = SignIn(worker.email);
  ASSERT_TRUE(first) << first.error().message;
  for (int i = 0; i < 5; ++i) {
    auto wrong =
        sign_in().VerifyTotp(first->token, WrongCodeAt(enrolled.secret, clock_.Now()), origin_);
    ASSERT_FALSE(wrong);
    ASSERT_EQ(wrong.error().kind, ProblemKind::kInvalid) << "guess " << i + 1;
  }
  auto again = SignIn(worker.email);  // the right password, in a new half session
  ASSERT_TRUE(again) << again.error().message;
  auto blocked = sign_in().VerifyTotp(again->token, CodeAt(enrolled.secret, clock_.Now()), origin_);
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().kind, ProblemKind::kTooManyRequests);
  clock_.Advance(std::chrono::seconds(31));
  auto allowed = sign_in().VerifyTotp(again->token, CodeAt(enrolled.secret, clock_.Now()), origin_);
  EXPECT_TRUE(allowed) << allowed.error().message;
}

WAYMARK_INSTANTIATE_DB_TEST(SecondFactorThrottleTest);

}  // namespace
}  // namespace waymark::identity::testing
