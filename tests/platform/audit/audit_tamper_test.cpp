// Tampering done around the append-only triggers, as an intruder with database access (but not
// the key file) could: Verify must name the first event that no longer verifies.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/crypto/hashes.hpp"
#include "platform/db/errors.hpp"
#include "tests/platform/audit/audit_test_support.hpp"

namespace waymark::audit::testing {
namespace {

using ::testing::HasSubstr;

constexpr int64_t kEvents = 6;

class AuditTamperTest : public AuditTest {
 protected:
  void SetUp() override {
    AuditTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    AppendEvents(kEvents);
    VerifyReport report = VerifyWithOwnKey();
    ASSERT_TRUE(report.intact()) << report.problem;
  }

  void ExpectFirstBad(int64_t seq) {
    VerifyReport report = VerifyWithOwnKey();
    EXPECT_FALSE(report.intact());
    EXPECT_EQ(report.first_bad, seq) << report.problem;
    EXPECT_EQ(report.events, seq - 1);
    EXPECT_THAT(report.problem, HasSubstr(std::to_string(seq)));
  }
};

TEST_P(AuditTamperTest, TheTriggersAreReallyOutOfTheWay) {
  // Otherwise every test below would only show that Tamper throws.
  Tamper("UPDATE audit_events SET request_id = request_id WHERE seq = 1");
  EXPECT_TRUE(VerifyWithOwnKey().intact());
}

TEST_P(AuditTamperTest, ChangedFieldOfEventThreeIsReported) {
  const struct {
    const char* column;
    const char* value;
  } changes[] = {
      {"details", R"({"index":"99","field":"status"})"},
      {"action", "case.close"},
      {"actor_id", "user-6"},
      {"at", "2020-01-01T00:00:00.000000Z"},
      {"outcome", "success"},
      {"subject_id", "case-1"},
      {"organisation_id", "org-2"},
  };
  EventRow original = *ReadEvent(3);
  for (const auto& change : changes) {
    SCOPED_TRACE(change.column);
    // Column names come from the list above, never from input.
    std::string column = change.column;
    Tamper("UPDATE audit_events SET " + column + " = ? WHERE seq = 3", {change.value});
    ExpectFirstBad(3);
    EXPECT_THAT(VerifyWithOwnKey().problem, HasSubstr("changed"));
    // Putting the value back makes the chain whole again, so each change is tested alone.
    Tamper(
        "UPDATE audit_events SET at = ?, action = ?, actor_id = ?, outcome = ?, "
        "subject_id = ?, organisation_id = ?, details = ? WHERE seq = 3",
        {original.at, original.action, original.actor_id, original.outcome, original.subject_id,
         original.organisation_id, original.details});
    ASSERT_TRUE(VerifyWithOwnKey().intact());
  }
}

TEST_P(AuditTamperTest, NullingAFieldIsReported) {
  // A null must not hash like an empty string or a missing field.
  Tamper("UPDATE audit_events SET request_id = NULL WHERE seq = 4");
  ExpectFirstBad(4);
  Tamper("UPDATE audit_events SET request_id = ? WHERE seq = 4", {""});
  ExpectFirstBad(4);
}

TEST_P(AuditTamperTest, RehashedEventWithoutTheKeyIsReported) {
  // The intruder changes event 3 and recomputes its hash, but cannot make its MAC; event 4 then
  // no longer links to it either, but 3 is the first bad one.
  EventRow row = *ReadEvent(3);
  row.details = R"({"index":"3","field":"nothing happened"})";
  std::string hash = IntruderChainHash(row);
  Tamper("UPDATE audit_events SET details = ?, hash = ? WHERE seq = 3", {row.details, hash});
  ExpectFirstBad(3);
  EXPECT_THAT(VerifyWithOwnKey().problem, HasSubstr("MAC"));
}

TEST_P(AuditTamperTest, DeletedEventThreeIsReported) {
  Tamper("DELETE FROM audit_events WHERE seq = 3");
  ExpectFirstBad(3);
  EXPECT_THAT(VerifyWithOwnKey().problem, HasSubstr("missing"));
}

TEST_P(AuditTamperTest, DeletedEventRenumberedIsReported) {
  // Closing the gap by renumbering the later events breaks their links instead.
  TamperAll({{"DELETE FROM audit_events WHERE seq = 3", {}},
             {"UPDATE audit_events SET seq = seq - 1 WHERE seq = 4", {}},
             {"UPDATE audit_events SET seq = seq - 1 WHERE seq = 5", {}},
             {"UPDATE audit_events SET seq = seq - 1 WHERE seq = 6", {}},
             {"UPDATE audit_head SET seq = seq - 1", {}}});
  ExpectFirstBad(3);
}

TEST_P(AuditTamperTest, ForgedEventAtTheEndIsReported) {
  EventRow last = *ReadEvent(kEvents);
  // The intruder's hash function is the real one: it reproduces a genuine event's hash.
  ASSERT_EQ(IntruderChainHash(last), last.hash);

  EventRow forged = last;
  forged.seq = kEvents + 1;
  forged.at = "2027-01-01T00:00:00.000000Z";
  forged.action = "user.delete";
  forged.details = R"({"reason":"cleanup"})";
  forged.prev_hash = last.hash;
  forged.hash = IntruderChainHash(forged);
  crypto::Keyring intruder = crypto::Keyring::Generate();
  forged.mac = crypto::MacHex(intruder.audit_mac_key(), forged.hash);
  TamperAll({{"INSERT INTO audit_events (seq, at, request_id, actor_id, organisation_id, action, "
              "outcome, subject_type, subject_id, details, prev_hash, hash, mac) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {forged.seq, forged.at, forged.request_id, forged.actor_id, forged.organisation_id,
               forged.action, forged.outcome, forged.subject_type, forged.subject_id,
               forged.details, forged.prev_hash, forged.hash, forged.mac}},
             {"UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {forged.seq, forged.hash}}});
  ExpectFirstBad(kEvents + 1);
  EXPECT_THAT(VerifyWithOwnKey().problem, HasSubstr("MAC"));

  // Copying a genuine MAC does not help either.
  Tamper("UPDATE audit_events SET mac = ? WHERE seq = ?", {last.mac, forged.seq});
  ExpectFirstBad(kEvents + 1);
}

TEST_P(AuditTamperTest, SwappedEventsAreReported) {
  TamperAll({{"UPDATE audit_events SET seq = -1 WHERE seq = 2", {}},
             {"UPDATE audit_events SET seq = 2 WHERE seq = 3", {}},
             {"UPDATE audit_events SET seq = 3 WHERE seq = -1", {}}});
  ExpectFirstBad(2);
  EXPECT_THAT(VerifyWithOwnKey().problem, HasSubstr("link"));
}

TEST_P(AuditTamperTest, DeletedLastEventIsReportedThroughTheHead) {
  Tamper("DELETE FROM audit_events WHERE seq = ?", {kEvents});
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_FALSE(report.intact());
  EXPECT_EQ(report.first_bad, kEvents) << report.problem;
  EXPECT_EQ(report.events, kEvents - 1);
  EXPECT_THAT(report.problem, HasSubstr("head"));
}

TEST_P(AuditTamperTest, ChangedHeadIsReported) {
  db().Write([](db::Tx& tx) {
    tx.Execute("UPDATE audit_head SET hash = ? WHERE id = 1", {std::string(64, '0')});
  });
  EXPECT_FALSE(VerifyWithOwnKey().intact());
}

TEST_P(AuditTamperTest, HeadSetBackIsReported) {
  // The chain still verifies up to the head, but the events after it are no longer covered.
  EventRow earlier = *ReadEvent(kEvents - 2);
  db().Write([&](db::Tx& tx) {
    tx.Execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {earlier.seq, earlier.hash});
  });
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_FALSE(report.intact());
  EXPECT_EQ(report.first_bad, kEvents - 1) << report.problem;
  EXPECT_THAT(report.problem, HasSubstr("head"));
}

TEST_P(AuditTamperTest, HeadAheadOfTheChainIsReported) {
  db().Write([&](db::Tx& tx) {
    tx.Execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1",
               {kEvents + 2, std::string(64, 'f')});
  });
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_FALSE(report.intact());
  EXPECT_EQ(report.first_bad, kEvents + 1) << report.problem;
}

TEST_P(AuditTamperTest, DeletedHeadRowIsReportedAndStopsAppends) {
  db().Write([](db::Tx& tx) { tx.Execute("DELETE FROM audit_head"); });
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_FALSE(report.intact());
  EXPECT_THAT(report.problem, HasSubstr("audit_head"));
  EXPECT_THROW(AppendOne(99), db::DbError);
  EXPECT_THROW(AnchorNow(), db::DbError);
  EXPECT_EQ(StoredSequenceNumbers().size(), static_cast<size_t>(kEvents));
}

TEST_P(AuditTamperTest, TruncatedTailWithFixedHeadIsCaughtOnlyByAnAnchor) {
  Anchor before = AnchorNow();
  ASSERT_EQ(before.seq, kEvents);
  ASSERT_TRUE(VerifyAnchor(db(), before, keys_.audit_public_key()));

  EventRow new_last = *ReadEvent(kEvents - 1);
  TamperAll(
      {{"DELETE FROM audit_events WHERE seq = ?", {kEvents}},
       {"UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {new_last.seq, new_last.hash}}});
  // The chain itself is consistent: this is what anchors are for.
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, kEvents - 1);

  Result<void> checked = VerifyAnchor(db(), before, keys_.audit_public_key());
  ASSERT_FALSE(checked);
  EXPECT_THAT(checked.error().message, HasSubstr("no longer in the audit log"));

  // Appending again after the truncation refills seq N with a different event.
  EXPECT_EQ(AppendOne(1000), kEvents);
  EXPECT_TRUE(VerifyWithOwnKey().intact());
  checked = VerifyAnchor(db(), before, keys_.audit_public_key());
  ASSERT_FALSE(checked);
  EXPECT_THAT(checked.error().message, HasSubstr("no longer has the anchored hash"));
}

WAYMARK_INSTANTIATE_DB_TEST(AuditTamperTest);

}  // namespace
}  // namespace waymark::audit::testing
