// GroupCommit on both backends: events are durable when Append returns, callers that arrive
// during a commit share the next one, and a failed commit reaches every caller in it.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <optional>
#include <thread>

#include "platform/audit/group_commit.hpp"
#include "tests/platform/audit/audit_test_support.hpp"

namespace waymark::audit::testing {
namespace {

class GroupCommitTest : public AuditTest {
 protected:
  void SetUp() override {
    AuditTest::SetUp();
    if (!IsSkipped() && !HasFatalFailure()) group_.emplace(db(), log_);
  }

  // Polls `ready` for up to 10 s; false if it never held.
  template <class F>
  static bool Eventually(F ready) {
    for (int i = 0; i < 1000; ++i) {
      if (ready()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  std::optional<GroupCommit> group_;  // needs the database SetUp makes
};

TEST_P(GroupCommitTest, EventsAreStoredInOrderWhenAppendReturns) {
  group_->Append({SampleEvent(1), SampleEvent(2)});
  group_->Append({SampleEvent(3)});
  ASSERT_EQ(StoredSequenceNumbers(), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(ReadEvent(1)->subject_id, "case-1");
  EXPECT_EQ(ReadEvent(3)->subject_id, "case-3");
  EXPECT_TRUE(VerifyWithOwnKey().intact());
  EXPECT_EQ(group_->stats().commits, 2u);
  EXPECT_EQ(group_->stats().events, 3u);
}

TEST_P(GroupCommitTest, NothingToAppendWritesNothing) {
  group_->Append({});
  EXPECT_TRUE(StoredSequenceNumbers().empty());
  EXPECT_EQ(group_->stats().commits, 0u);
}

TEST_P(GroupCommitTest, CallersArrivingDuringACommitShareTheNextOne) {
  // Another transaction holds the audit chain (SQLite: the writer; PostgreSQL: the head row).
  std::promise<void> release;
  std::promise<void> holding;
  std::thread holder([&] {
    db().Write([&](db::Tx& tx) {
      log_.Append(tx, SampleEvent(100));
      holding.set_value();
      release.get_future().wait();
    });
  });
  holding.get_future().wait();

  std::thread first([&] { group_->Append({SampleEvent(1)}); });
  ASSERT_TRUE(Eventually([&] { return group_->stats().committing == 1; }));
  std::thread second([&] { group_->Append({SampleEvent(2)}); });
  std::thread third([&] { group_->Append({SampleEvent(3), SampleEvent(4)}); });
  ASSERT_TRUE(Eventually([&] { return group_->stats().waiting == 3; }));

  release.set_value();
  holder.join();
  first.join();
  second.join();
  third.join();
  EXPECT_EQ(group_->stats().commits, 2u);  // the first caller's, then the other two together
  EXPECT_EQ(group_->stats().events, 4u);
  EXPECT_EQ(StoredSequenceNumbers().size(), 5u);
  EXPECT_TRUE(VerifyWithOwnKey().intact());
  // One caller's events stay together and in order.
  int64_t third_at = 0;
  for (int64_t seq = 1; seq <= 5; ++seq) {
    if (ReadEvent(seq)->subject_id == "case-3") third_at = seq;
  }
  ASSERT_GT(third_at, 0);
  EXPECT_EQ(ReadEvent(third_at + 1)->subject_id, "case-4");
}

TEST_P(GroupCommitTest, AFailedCommitThrowsAndStoresNothing) {
  Tamper("ALTER TABLE audit_head RENAME TO audit_head_away");
  EXPECT_ANY_THROW(group_->Append({SampleEvent(1)}));
  Tamper("ALTER TABLE audit_head_away RENAME TO audit_head");
  EXPECT_TRUE(StoredSequenceNumbers().empty());
  EXPECT_EQ(group_->stats().commits, 0u);
  EXPECT_EQ(group_->stats().committing + group_->stats().waiting, 0u);
  // The next caller commits normally.
  group_->Append({SampleEvent(2)});
  EXPECT_EQ(StoredSequenceNumbers(), (std::vector<int64_t>{1}));
  EXPECT_EQ(ReadEvent(1)->subject_id, "case-2");
}

WAYMARK_INSTANTIATE_DB_TEST(GroupCommitTest);

}  // namespace
}  // namespace waymark::audit::testing
