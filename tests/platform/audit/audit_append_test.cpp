// Appending to the audit chain and verifying it, on both backends with the real schema.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <thread>

#include "platform/crypto/hashes.hpp"
#include "platform/db/errors.hpp"
#include "platform/util/time.hpp"
#include "tests/platform/audit/audit_test_support.hpp"

namespace waymark::audit::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<int64_t> OneTo(int64_t n) {
  std::vector<int64_t> seqs(static_cast<size_t>(n));
  std::iota(seqs.begin(), seqs.end(), 1);
  return seqs;
}

class AuditAppendTest : public AuditTest {};

TEST_P(AuditAppendTest, EmptyLogVerifies) {
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, 0);
}

TEST_P(AuditAppendTest, EventsInOneTransactionAreNumberedAndVerify) {
  EXPECT_EQ(AppendEvents(7), OneTo(7));
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(7));
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, 7);
  EXPECT_EQ(ReadHead().seq, 7);
  EXPECT_EQ(ReadHead().hash, ReadEvent(7)->hash);
}

TEST_P(AuditAppendTest, EventsInSeveralTransactionsContinueTheChain) {
  EXPECT_THAT(AppendEvents(3, 1), ElementsAre(1, 2, 3));
  EXPECT_EQ(AppendOne(4), 4);
  EXPECT_THAT(AppendEvents(2, 5), ElementsAre(5, 6));
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(6));
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, 6);
  // Each event links to the one before it, across transactions.
  EXPECT_EQ(ReadEvent(1)->prev_hash, "");
  EXPECT_EQ(ReadEvent(4)->prev_hash, ReadEvent(3)->hash);
  EXPECT_EQ(ReadEvent(5)->prev_hash, ReadEvent(4)->hash);
}

TEST_P(AuditAppendTest, ABatchIsNumberedInOrderAndContinuesTheChain) {
  EXPECT_EQ(AppendOne(1), 1);
  std::vector<Event> batch{SampleEvent(2), SampleEvent(3), SampleEvent(4)};
  auto seqs = db().Write([&](db::Tx& tx) { return log_.AppendAll(tx, batch); });
  EXPECT_THAT(seqs, ElementsAre(2, 3, 4));
  EXPECT_EQ(AppendOne(5), 5);
  EXPECT_TRUE(db().Write([&](db::Tx& tx) { return log_.AppendAll(tx, {}); }).empty());
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(5));
  EXPECT_EQ(ReadEvent(3)->subject_id, "case-3");
  EXPECT_EQ(ReadEvent(2)->prev_hash, ReadEvent(1)->hash);
  EXPECT_EQ(ReadEvent(5)->prev_hash, ReadEvent(4)->hash);
  EXPECT_EQ(ReadHead().hash, ReadEvent(5)->hash);
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
}

// A batch is written several rows to a statement; one that needs more than one statement (and a
// remainder) must still make one unbroken chain with the head on its last event.
TEST_P(AuditAppendTest, ALargeBatchIsOneUnbrokenChain) {
  EXPECT_EQ(AppendOne(1), 1);
  std::vector<Event> batch;
  for (int i = 2; i <= 38; ++i) batch.push_back(SampleEvent(i));
  auto seqs = db().Write([&](db::Tx& tx) { return log_.AppendAll(tx, batch); });
  ASSERT_EQ(seqs.size(), 37u);
  EXPECT_EQ(seqs.front(), 2);
  EXPECT_EQ(seqs.back(), 38);
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(38));
  for (int seq : {2, 17, 18, 34, 35, 38}) {
    EXPECT_EQ(ReadEvent(seq)->prev_hash, ReadEvent(seq - 1)->hash) << seq;
    EXPECT_EQ(ReadEvent(seq)->subject_id, "case-" + std::to_string(seq));
  }
  EXPECT_EQ(ReadHead().seq, 38);
  EXPECT_EQ(ReadHead().hash, ReadEvent(38)->hash);
  EXPECT_EQ(AppendOne(39), 39);
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
}

TEST_P(AuditAppendTest, StoresTheEventAsGiven) {
  clock_.Set(*ParseUtc("2027-03-04T05:06:07.000008Z"));
  Event event;
  event.action = "user.create";
  event.outcome = Outcome::kFailure;
  event.actor_id = "u-1";
  event.subject_type = "user";
  event.subject_id = "u-2";
  event.details = {{"role", "support_worker"}, {"quote", "a\"b"}};
  db().Write([&](db::Tx& tx) { log_.Append(tx, event); });
  auto row = ReadEvent(1);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->at, "2027-03-04T05:06:07.000008Z");
  EXPECT_EQ(row->action, "user.create");
  EXPECT_EQ(row->outcome, "failure");
  EXPECT_EQ(row->actor_id, "u-1");
  EXPECT_EQ(row->organisation_id, std::nullopt);
  EXPECT_EQ(row->request_id, std::nullopt);
  EXPECT_EQ(row->subject_id, "u-2");
  EXPECT_EQ(row->details, R"({"role":"support_worker","quote":"a\"b"})");
  EXPECT_EQ(row->hash, IntruderChainHash(*row));
  EXPECT_EQ(row->mac, crypto::MacHex(keys_.audit_mac_key(), row->hash));
}

TEST_P(AuditAppendTest, RolledBackAppendLeavesNoTrace) {
  AppendEvents(2);
  Head before = ReadHead();
  Result<void> result = db().Write([&](db::Tx& tx) -> Result<void> {
    EXPECT_EQ(log_.Append(tx, SampleEvent(3)), 3);
    EXPECT_EQ(log_.Append(tx, SampleEvent(4)), 4);
    return Fail(Problem::Conflict("the change this event describes was refused"));
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(2));
  EXPECT_EQ(ReadHead().seq, before.seq);
  EXPECT_EQ(ReadHead().hash, before.hash);

  EXPECT_EQ(AppendOne(3), 3);
  EXPECT_EQ(ReadEvent(3)->prev_hash, ReadEvent(2)->hash);
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, 3);
}

TEST_P(AuditAppendTest, AppendInTransactionThatThrowsLeavesNoTrace) {
  AppendEvents(1);
  EXPECT_THROW(db().Write([&](db::Tx& tx) {
    log_.Append(tx, SampleEvent(2));
    throw std::runtime_error("the operation failed after auditing");
  }),
               std::runtime_error);
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(1));
  EXPECT_EQ(AppendOne(2), 2);
  EXPECT_TRUE(VerifyWithOwnKey().intact());
}

TEST_P(AuditAppendTest, ConcurrentAppendersKeepOneChain) {
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  std::vector<std::thread> threads;
  std::vector<std::vector<int64_t>> seqs(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) seqs[t].push_back(AppendOne(t * kEach + i));
    });
  }
  for (auto& thread : threads) thread.join();
  std::vector<int64_t> all;
  for (const auto& s : seqs) all.insert(all.end(), s.begin(), s.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, OneTo(kThreads * kEach));
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, kThreads * kEach);
}

// `waymark audit verify` runs against a live server: events committed while it walks the chain
// must not look like tampering.
TEST_P(AuditAppendTest, VerifyWhileEventsAreAppendedStaysIntact) {
  AppendEvents(20);
  std::atomic<bool> done{false};
  std::thread appender([&] {
    for (int i = 0; i < 300; ++i) AppendOne(100 + i);
    done = true;
  });
  int runs = 0;
  while (!done) {
    VerifyReport report = VerifyWithOwnKey();
    ++runs;
    EXPECT_TRUE(report.intact()) << "run " << runs << ": " << report.problem;
    if (!report.intact()) break;
  }
  appender.join();
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, 320);
}

TEST_P(AuditAppendTest, VerifyWithAnotherMacKeyReportsTheFirstEvent) {
  AppendEvents(4);
  crypto::Keyring other = crypto::Keyring::Generate();
  VerifyReport report = Verify(db(), other.audit_mac_key());
  EXPECT_FALSE(report.intact());
  EXPECT_EQ(report.first_bad, 1);
  EXPECT_EQ(report.events, 0);
  EXPECT_THAT(report.problem, HasSubstr("MAC"));
}

TEST_P(AuditAppendTest, DatabaseRefusesUpdateOfEvents) {
  AppendEvents(3);
  EXPECT_THROW(db().Write([](db::Tx& tx) {
    tx.Execute("UPDATE audit_events SET details = ? WHERE seq = 2", {"{}"});
  }),
               db::DbError);
  EXPECT_THROW(
      db().Write([](db::Tx& tx) { tx.Execute("UPDATE audit_events SET seq = seq + 100"); }),
      db::DbError);
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(3));
  EXPECT_TRUE(VerifyWithOwnKey().intact());
}

TEST_P(AuditAppendTest, DatabaseRefusesDeleteOfEvents) {
  AppendEvents(3);
  EXPECT_THROW(db().Write([](db::Tx& tx) { tx.Execute("DELETE FROM audit_events WHERE seq = 3"); }),
               db::DbError);
  EXPECT_THROW(db().Write([](db::Tx& tx) { tx.Execute("DELETE FROM audit_events"); }), db::DbError);
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(3));
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, 3);
}

TEST_P(AuditAppendTest, PostgresRefusesTruncateOfEvents) {
  if (backend() != db::BackendKind::kPostgres) GTEST_SKIP() << "SQLite has no TRUNCATE";
  AppendEvents(3);
  EXPECT_THROW(db().Write([](db::Tx& tx) { tx.ExecuteScript("TRUNCATE audit_events"); }),
               db::DbError);
  EXPECT_EQ(StoredSequenceNumbers(), OneTo(3));
  EXPECT_TRUE(VerifyWithOwnKey().intact());
}

// More than one page (5000 events), so tampering after the first page is found too.
TEST_P(AuditAppendTest, VerifyPagesThroughALongChain) {
  constexpr int kEvents = 5100;
  AppendEvents(kEvents);
  VerifyReport report = VerifyWithOwnKey();
  EXPECT_TRUE(report.intact()) << report.problem;
  EXPECT_EQ(report.events, kEvents);

  Tamper("UPDATE audit_events SET details = ? WHERE seq = 5050", {R"({"index":"0"})"});
  report = VerifyWithOwnKey();
  EXPECT_EQ(report.first_bad, 5050) << report.problem;
  EXPECT_EQ(report.events, 5049);

  // The last event of the first page.
  Tamper("DELETE FROM audit_events WHERE seq = 5000");
  report = VerifyWithOwnKey();
  EXPECT_EQ(report.first_bad, 5000) << report.problem;
  EXPECT_THAT(report.problem, HasSubstr("missing"));
}

WAYMARK_INSTANTIATE_DB_TEST(AuditAppendTest);

}  // namespace
}  // namespace waymark::audit::testing
