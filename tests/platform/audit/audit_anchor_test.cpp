// Anchors: the signed chain head kept outside the database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/crypto/encoding.hpp"
#include "platform/db/embedded_migrations.hpp"
#include "platform/db/migrations.hpp"
#include "platform/util/time.hpp"
#include "tests/platform/audit/audit_test_support.hpp"

namespace waymark::audit::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AuditAnchorTest : public AuditTest {
 protected:
  void SetUp() override {
    AuditTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AppendEvents(5);
  }

  bool Verifies(const Anchor& anchor) {
    return VerifyAnchor(db(), anchor, keys_.audit_public_key()).has_value();
  }
};

void ExpectSameAnchor(const Anchor& a, const Anchor& b) {
  EXPECT_EQ(a.seq, b.seq);
  EXPECT_EQ(a.hash, b.hash);
  EXPECT_EQ(a.signed_at, b.signed_at);
  EXPECT_EQ(a.signature, b.signature);
  EXPECT_EQ(a.public_key, b.public_key);
}

TEST_P(AuditAnchorTest, AnchorsTheCurrentHead) {
  Anchor anchor = AnchorNow();
  EXPECT_EQ(anchor.seq, 5);
  EXPECT_EQ(anchor.hash, ReadEvent(5)->hash);
  EXPECT_EQ(anchor.signed_at, FormatUtc(clock_.Now()));
  EXPECT_EQ(anchor.public_key, crypto::ToBase64(keys_.audit_public_key()));
  auto signature = crypto::FromBase64(anchor.signature);
  ASSERT_TRUE(signature);
  EXPECT_EQ(signature->size(), 64u);
  EXPECT_TRUE(Verifies(anchor));
}

TEST_P(AuditAnchorTest, OldAnchorStillVerifiesAfterMoreEvents) {
  Anchor anchor = AnchorNow();
  AppendEvents(3, 6);
  EXPECT_TRUE(Verifies(anchor));
  EXPECT_EQ(AnchorNow().seq, 8);
  EXPECT_TRUE(Verifies(AnchorNow()));
}

TEST_P(AuditAnchorTest, FormatParseRoundTrip) {
  Anchor anchor = AnchorNow();
  std::string text = FormatAnchor(anchor);
  EXPECT_THAT(text, Not(HasSubstr("\n")));
  EXPECT_THAT(text, HasSubstr("seq=5 "));
  auto parsed = ParseAnchor(text);
  ASSERT_TRUE(parsed) << text;
  ExpectSameAnchor(*parsed, anchor);
  EXPECT_TRUE(Verifies(*parsed));
  // As read back from a file, with its line ending.
  parsed = ParseAnchor(text + "\n");
  ASSERT_TRUE(parsed);
  ExpectSameAnchor(*parsed, anchor);
  parsed = ParseAnchor(text + "\r\n");
  ASSERT_TRUE(parsed);
  ExpectSameAnchor(*parsed, anchor);
}

TEST_P(AuditAnchorTest, AnchorOfAnEmptyLogRoundTripsAndVerifies) {
  crypto::Keyring other = crypto::Keyring::Generate();
  db::testing::TestDatabase empty(backend());
  ASSERT_TRUE(db::Migrate(empty.db(), db::EmbeddedMigrations(backend())));
  Anchor anchor =
      MakeAnchor(empty.db(), keys_.audit_signing_seed(), keys_.audit_public_key(), clock_);
  EXPECT_EQ(anchor.seq, 0);
  auto parsed = ParseAnchor(FormatAnchor(anchor));
  ASSERT_TRUE(parsed);
  ExpectSameAnchor(*parsed, anchor);
  EXPECT_TRUE(VerifyAnchor(empty.db(), *parsed, keys_.audit_public_key()));
  EXPECT_FALSE(VerifyAnchor(empty.db(), *parsed, other.audit_public_key()));
}

TEST_P(AuditAnchorTest, ChangedSeqFails) {
  Anchor anchor = AnchorNow();
  for (int64_t seq : {int64_t{4}, int64_t{0}, int64_t{6}}) {
    Anchor changed = anchor;
    changed.seq = seq;
    Result<void> checked = VerifyAnchor(db(), changed, keys_.audit_public_key());
    ASSERT_FALSE(checked) << seq;
    EXPECT_THAT(checked.error().message, HasSubstr("signature"));
  }
}

TEST_P(AuditAnchorTest, ChangedHashFails) {
  Anchor anchor = AnchorNow();
  Anchor changed = anchor;
  changed.hash = ReadEvent(4)->hash;
  EXPECT_FALSE(Verifies(changed));
  changed.hash[0] = changed.hash[0] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(Verifies(changed));
}

TEST_P(AuditAnchorTest, ChangedSignedAtFails) {
  Anchor changed = AnchorNow();
  changed.signed_at = "2030-01-01T00:00:00.000000Z";
  EXPECT_FALSE(Verifies(changed));
}

TEST_P(AuditAnchorTest, ChangedSignatureFails) {
  Anchor anchor = AnchorNow();
  auto signature = crypto::FromBase64(anchor.signature);
  ASSERT_TRUE(signature);
  (*signature)[10] ^= 0x01;
  Anchor changed = anchor;
  changed.signature = crypto::ToBase64(*signature);
  EXPECT_FALSE(Verifies(changed));
  changed.signature = "not base64!";
  EXPECT_FALSE(Verifies(changed));
  changed.signature = "";
  EXPECT_FALSE(Verifies(changed));
  signature->pop_back();
  changed.signature = crypto::ToBase64(*signature);
  EXPECT_FALSE(Verifies(changed));
}

TEST_P(AuditAnchorTest, AnotherKeyringsKeyFails) {
  crypto::Keyring other = crypto::Keyring::Generate();
  Anchor ours = AnchorNow();
  EXPECT_FALSE(VerifyAnchor(db(), ours, other.audit_public_key()));
  // Nor does an anchor signed with other keys verify with ours, whatever public key it names.
  Anchor theirs = MakeAnchor(db(), other.audit_signing_seed(), keys_.audit_public_key(), clock_);
  EXPECT_FALSE(Verifies(theirs));
}

TEST_P(AuditAnchorTest, ParseRefusesGarbage) {
  Anchor anchor = AnchorNow();
  std::string rest =
      " hash=" + anchor.hash + " signed_at=" + anchor.signed_at + " signature=" + anchor.signature;
  ASSERT_TRUE(ParseAnchor("seq=5" + rest));
  for (std::string text : {
           std::string(),
           std::string("\n"),
           std::string("hello world"),
           std::string("seq"),
           std::string("seq=5"),
           "seq=" + rest,
           "seq=five" + rest,
           "seq=5x" + rest,
           "seq=5.0" + rest,
           "seq=-5" + rest,
           "seq=99999999999999999999999" + rest,
           "hash=" + anchor.hash + " signed_at=" + anchor.signed_at,
           "seq=5 hash=" + anchor.hash + " signed_at=" + anchor.signed_at,
           "seq=5 hash=" + anchor.hash + " signature=" + anchor.signature,
       }) {
    EXPECT_FALSE(ParseAnchor(text)) << "accepted: " << text;
  }
}

WAYMARK_INSTANTIATE_DB_TEST(AuditAnchorTest);

}  // namespace
}  // namespace waymark::audit::testing
