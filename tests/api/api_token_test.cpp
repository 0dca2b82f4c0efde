// API tokens on SQLite and PostgreSQL: issuing needs a fresh security code, the secret is shown
// once and only its hash is stored, revoking, expiry, a deactivated user's tokens, wrong tokens
// (audited, then throttled) and the last-used time written at most once a minute.
#include <chrono>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/api_tokens.hpp"
#include "identity/throttle_store.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace waymark::identity::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;

class ApiTokenTest : public IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    provider_ = AddOrganisation("Safe Harbour", OrgKind::kProvider);
    worker_ = AddUser(provider_, "worker@example.org", Role::kSupportWorker);
    enrolled_ = Enrol(worker_);
    clock_.Advance(30s);  // enrolment used this step's code
  }

  ApiTokenService tokens() { return ApiTokenService(deps()); }
  bool BlockedUntilForSignIn() {
    return db().Read([&](db::Tx& tx) {
      return BlockedUntil(tx, AddressKey(origin_.address), clock_.Now()).has_value();
    });
  }
  std::string Code() { return CodeAt(enrolled_.secret, clock_.Now()); }

  IssuedApiToken IssueOne(std::string name = "Report script", std::string days = "") {
    auto issued = tokens().Issue(ActorFor(worker_), {name, days, Code()}, origin_);
    if (!issued) throw std::runtime_error("issue: " + issued.error().message);
    clock_.Advance(30s);  // each code works once
    return *issued;
  }

  int64_t CountAudit(std::string_view action, std::string_view outcome) {
    int64_t n = 0;
    for (const auto& row : AuditRows()) n += row.action == action && row.outcome == outcome;
    return n;
  }

  Organisation provider_;
  User worker_;
  Enrolled enrolled_;
};

TEST_P(ApiTokenTest, IssuingNeedsAFreshSecurityCodeAndValidInput) {
  Actor actor = ActorFor(worker_);
  auto missing = tokens().Issue(actor, {"", "91", ""}, origin_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ProblemKind::kInvalid);
  ASSERT_EQ(missing.error().fields.size(), 3u);
  EXPECT_EQ(missing.error().fields[0].field, "name");
  EXPECT_EQ(missing.error().fields[1].field, "expires_in_days");
  EXPECT_THAT(missing.error().fields[1].message, HasSubstr("between 1 and 90"));
  EXPECT_EQ(missing.error().fields[2].field, "code");

  auto words = tokens().Issue(actor, {"Script", "a month", Code()}, origin_);
  ASSERT_FALSE(words);
  EXPECT_EQ(words.error().fields.at(0).field, "expires_in_days");

  auto wrong =
      tokens().Issue(actor, {"Script", "30", WrongCodeAt(enrolled_.secret, clock_.Now())}, origin_);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().fields.at(0).field, "code");
  EXPECT_EQ(CountAudit("api_token.issue", "failure"), 1);
  EXPECT_EQ(Count("api_tokens"), 0);
  EXPECT_TRUE(tokens().List(actor).empty());
}

TEST_P(ApiTokenTest, ATokenIsShownOnceStoredAsAHashAndActsAsItsPerson) {
  TimePoint issued_at = clock_.Now();
  IssuedApiToken issued = IssueOne("Report script", "7");
  EXPECT_TRUE(issued.secret.starts_with("wm_"));
  EXPECT_EQ(issued.secret.size(), 3u + 43u);
  EXPECT_EQ(issued.token.expires_at, issued_at + 7 * 24h);
  // The secret itself is nowhere in the table.
  auto stored = db().Read([&](db::Tx& tx) {
    return tx.QueryOne("SELECT token_hash, name FROM api_tokens WHERE id = ?", {issued.token.id});
  });
  ASSERT_TRUE(stored);
  EXPECT_NE(stored->text(0), issued.secret);
  EXPECT_EQ(stored->text(0).find(issued.secret.substr(3)), std::string::npos);
  EXPECT_EQ(stored->text(1), "Report script");
  EXPECT_EQ(CountAudit("api_token.issue", "success"), 1);

  auto caller = tokens().Authenticate(issued.secret, origin_);
  ASSERT_TRUE(caller) << caller.error().message;
  EXPECT_EQ(caller->actor.user_id, worker_.id);
  EXPECT_EQ(caller->actor.role, Role::kSupportWorker);
  EXPECT_EQ(caller->token_id, issued.token.id);

  auto list = tokens().List(ActorFor(worker_));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].name, "Report script");
  EXPECT_EQ(list[0].last_used_at, clock_.Now());
}

TEST_P(ApiTokenTest, TheDefaultExpiryIsThirtyDaysAndAnExpiredTokenIsRefused) {
  TimePoint issued_at = clock_.Now();
  IssuedApiToken issued = IssueOne();
  EXPECT_EQ(issued.token.expires_at, issued_at + 30 * 24h);
  clock_.Set(issued_at + 30 * 24h - 1min);
  EXPECT_TRUE(tokens().Authenticate(issued.secret, origin_));
  clock_.Set(issued_at + 30 * 24h);
  auto expired = tokens().Authenticate(issued.secret, origin_);
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().kind, ProblemKind::kUnauthenticated);
  EXPECT_THAT(expired.error().message, HasSubstr("expired or been revoked"));
  EXPECT_EQ(CountAudit("api_token.authenticate", "failure"), 1);
}

TEST_P(ApiTokenTest, RevokingStopsTheTokenAndOnlyItsOwnerMayRevoke) {
  IssuedApiToken issued = IssueOne();
  User other = AddUser(provider_, "other@example.org", Role::kSupportWorker);
  auto not_theirs = tokens().Revoke(ActorFor(other), issued.token.id, origin_);
  ASSERT_FALSE(not_theirs);
  EXPECT_EQ(not_theirs.error().kind, ProblemKind::kNotFound);
  EXPECT_TRUE(tokens().Authenticate(issued.secret, origin_));

  ASSERT_TRUE(tokens().Revoke(ActorFor(worker_), issued.token.id, origin_));
  EXPECT_FALSE(tokens().Authenticate(issued.secret, origin_));
  ASSERT_TRUE(tokens().Revoke(ActorFor(worker_), issued.token.id, origin_));  // harmless
  EXPECT_EQ(CountAudit("api_token.revoke", "success"), 1);
  auto list = tokens().List(ActorFor(worker_));
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0].revoked_at.has_value());
}

TEST_P(ApiTokenTest, ADeactivatedUsersTokensDieForGood) {
  IssuedApiToken issued = IssueOne();
  auto set_active = [&](int active) {
    db().Write([&](db::Tx& tx) {
      tx.Execute("UPDATE users SET active = ? WHERE id = ?", {int64_t{active}, worker_.id});
    });
  };
  set_active(0);
  EXPECT_FALSE(tokens().Authenticate(issued.secret, origin_));
  set_active(1);  // reactivated: the old token does not come back
  auto again = tokens().Authenticate(issued.secret, origin_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ProblemKind::kUnauthenticated);
}

TEST_P(ApiTokenTest, DeactivatingAUserOrTheirOrganisationRevokesTheirTokens) {
  IssuedApiToken issued = IssueOne();
  auto [operator_org, administrator] = AddOperatorAdmin();
  Actor admin_actor = ActorFor(administrator);
  User current = LoadUser(worker_.id);
  ASSERT_TRUE(admin().UpdateUser(admin_actor, worker_.id, current.display_name,
                                 std::string(identity::Code(current.role)), false, current.version,
                                 origin_));
  current = LoadUser(worker_.id);
  ASSERT_TRUE(admin().UpdateUser(admin_actor, worker_.id, current.display_name,
                                 std::string(identity::Code(current.role)), true, current.version,
                                 origin_));
  // Never used while deactivated, and still dead after reactivation.
  EXPECT_FALSE(tokens().Authenticate(issued.secret, origin_));
  ASSERT_TRUE(tokens().List(ActorFor(worker_)).at(0).revoked_at.has_value());

  IssuedApiToken second = IssueOne("Second");
  ASSERT_TRUE(tokens().Authenticate(second.secret, origin_));
  ASSERT_TRUE(admin().UpdateOrganisation(admin_actor, provider_.id, provider_.name, false,
                                         provider_.version, origin_));
  EXPECT_FALSE(tokens().Authenticate(second.secret, origin_));
  EXPECT_EQ(db().Read([](db::Tx& tx) {
    return tx.QueryOne("SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL")->integer(0);
  }),
            0);
}

TEST_P(ApiTokenTest, WrongTokensAreAuditedThenTheAddressIsThrottled) {
  IssuedApiToken issued = IssueOne();
  std::string forged = "wm_" + std::string(43, 'A');
  for (int i = 0; i < 20; ++i) {
    auto refused = tokens().Authenticate(i % 2 ? forged : "not-a-token", origin_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ProblemKind::kUnauthenticated);
  }
  EXPECT_EQ(CountAudit("api_token.authenticate", "failure"), 20);
  // Now the address is blocked: even the right token waits, and the refusals add nothing to the
  // audit log, so a guesser cannot flood it.
  auto blocked = tokens().Authenticate(issued.secret, origin_);
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().kind, ProblemKind::kTooManyRequests);
  EXPECT_THAT(blocked.error().message, HasSubstr("Wait 1 minute"));
  // Sign-in from the same address is not held up by a script's wrong tokens.
  EXPECT_FALSE(BlockedUntilForSignIn());
  EXPECT_EQ(tokens().Authenticate(forged, origin_).error().kind, ProblemKind::kTooManyRequests);
  EXPECT_EQ(CountAudit("api_token.authenticate", "failure"), 20);
  // Another address is not affected.
  EXPECT_TRUE(tokens().Authenticate(issued.secret, Origin{"198.51.100.7", "request-2"}));
  clock_.Advance(1min);
  EXPECT_TRUE(tokens().Authenticate(issued.secret, origin_));
}

TEST_P(ApiTokenTest, LastUsedIsWrittenAtMostOnceAMinute) {
  IssuedApiToken issued = IssueOne();
  TimePoint first = clock_.Now();
  ASSERT_TRUE(tokens().Authenticate(issued.secret, origin_));
  clock_.Advance(59s);
  ASSERT_TRUE(tokens().Authenticate(issued.secret, origin_));
  EXPECT_EQ(tokens().List(ActorFor(worker_)).at(0).last_used_at, first);
  clock_.Advance(1s);
  ASSERT_TRUE(tokens().Authenticate(issued.secret, origin_));
  EXPECT_EQ(tokens().List(ActorFor(worker_)).at(0).last_used_at, clock_.Now());
}

WAYMARK_INSTANTIATE_DB_TEST(ApiTokenTest);

}  // namespace
}  // namespace waymark::identity::testing
