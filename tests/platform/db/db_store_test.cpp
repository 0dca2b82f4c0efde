// The Database contract, run against both backends.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <climits>
#include <future>
#include <stdexcept>
#include <thread>
#include <tuple>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/util/time.hpp"
#include "tests/platform/db/test_database.hpp"

namespace waymark::db {
namespace {

using testing::DatabaseTest;
using ::testing::HasSubstr;
using ::testing::Not;

class StoreTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    db().Write([&](Tx& tx) {
      tx.ExecuteScript(
          Ddl("CREATE TABLE items (id INTEGER PRIMARY KEY, n INTEGER, r REAL, t TEXT, b BLOB, "
              "email TEXT UNIQUE) STRICT;"
              "CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL) STRICT;"
              "INSERT INTO counter VALUES (1, 0);",
              "CREATE TABLE items (id BIGINT PRIMARY KEY, n BIGINT, r DOUBLE PRECISION, t TEXT, "
              "b BYTEA, email TEXT UNIQUE);"
              "CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
              "INSERT INTO counter VALUES (1, 0);"));
    });
  }

  std::int64_t Count() {
    return db().Read([](Tx& tx) { return tx.QueryOne("SELECT count(*) FROM items")->integer(0); });
  }
};

TEST_P(StoreTest, SixtyFourBitIntegersRoundTrip) {
  const std::int64_t values[] = {INT64_MAX, INT64_MIN, -1, (std::int64_t{1} << 53) + 1, 0};
  db().Write([&](Tx& tx) {
    std::int64_t id = 1;
    for (auto v : values) tx.Execute("INSERT INTO items (id, n) VALUES (?, ?)", {id++, v});
  });
  Rows rows = db().Read([](Tx& tx) { return tx.Query("SELECT n FROM items ORDER BY id"); });
  ASSERT_EQ(rows.size(), 5u);
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].integer(0), values[i]);
  auto echoed = db().Read([](Tx& tx) { return tx.QueryOne("SELECT ?", {INT64_MAX})->integer(0); });
  EXPECT_EQ(echoed, INT64_MAX);
}

TEST_P(StoreTest, OptionalsBindAsNullAndReadBack) {
  std::optional<std::string> no_text;
  std::optional<std::int64_t> no_number;
  db().Write([&](Tx& tx) {
    tx.Execute("INSERT INTO items (id, n, t) VALUES (1, ?, ?)", {no_number, no_text});
    tx.Execute("INSERT INTO items (id, n, t) VALUES (2, ?, ?)",
               {std::optional<std::int64_t>(7), std::optional<std::string>("seven")});
  });
  Rows rows = db().Read([](Tx& tx) { return tx.Query("SELECT n, t FROM items ORDER BY id"); });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].is_null(0));
  EXPECT_EQ(rows[0].optional_integer(0), std::nullopt);
  EXPECT_EQ(rows[0].optional_text("t"), std::nullopt);
  EXPECT_THROW(rows[0].text(1), DbError);
  EXPECT_EQ(rows[1].optional_integer("n"), 7);
  EXPECT_EQ(rows[1].optional_text(1), "seven");
}

TEST_P(StoreTest, BlobsKeepEveryByteIncludingNul) {
  Blob bytes = {0, 1, 0, 255, 0, '\'', '?', '\\', 0};
  Blob big(100000);
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<std::uint8_t>(i * 31 % 256);
  db().Write([&](Tx& tx) {
    tx.Execute("INSERT INTO items (id, b) VALUES (1, ?)", {bytes});
    tx.Execute("INSERT INTO items (id, b) VALUES (2, ?)", {Blob{}});
    tx.Execute("INSERT INTO items (id, b) VALUES (3, ?)", {big});
  });
  Rows rows = db().Read([](Tx& tx) { return tx.Query("SELECT b FROM items ORDER BY id"); });
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].blob(0), bytes);
  EXPECT_FALSE(rows[1].is_null(0));
  EXPECT_TRUE(rows[1].blob(0).empty());
  EXPECT_EQ(rows[2].blob(0), big);
}

TEST_P(StoreTest, QuestionMarksInLiteralsAreNotPlaceholders) {
  std::string tricky = "O'Brien said \"why?\" -- ; /* ? */ $$ Zoë 東京";
  db().Write([&](Tx& tx) {
    tx.Execute("INSERT INTO items (id, t) VALUES (1, ?)", {tricky});
    // The literal's '?' and the comment's '?' must be left alone; only one placeholder here.
    tx.Execute("INSERT INTO items (id, t) VALUES (2, 'what''s this? ' || ?) -- really?", {"ok"});
  });
  Rows rows = db().Read([](Tx& tx) {
    return tx.Query("SELECT t, 'a?b' AS lit, \"t\" FROM items WHERE id >= ? ORDER BY id", {1});
  });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text(0), tricky);
  EXPECT_EQ(rows[1].text("t"), "what's this? ok");
  EXPECT_EQ(rows[1].text("lit"), "a?b");
}

TEST_P(StoreTest, TextWithNulIsRefusedRatherThanTruncated) {
  EXPECT_THROW(db().Write([](Tx& tx) {
    tx.Execute("INSERT INTO items (id, t) VALUES (1, ?)", {std::string("a\0b", 3)});
  }),
               DbError);
  EXPECT_EQ(Count(), 0);
}

TEST_P(StoreTest, RealsBooleansAndTimesFollowTheConventions) {
  TimePoint when = *ParseUtc("2026-11-23T19:08:57.123456Z");
  db().Write([&](Tx& tx) {
    tx.Execute("INSERT INTO items (id, r, n, t) VALUES (1, ?, ?, ?)", {0.1, true, when});
    tx.Execute("INSERT INTO items (id, r, n) VALUES (2, ?, ?)", {-2.5e300, false});
  });
  Rows rows = db().Read([](Tx& tx) { return tx.Query("SELECT r, n, t FROM items ORDER BY id"); });
  EXPECT_EQ(rows[0].real(0), 0.1);
  EXPECT_EQ(rows[0].integer(1), 1);
  EXPECT_TRUE(rows[0].boolean(1));
  EXPECT_EQ(rows[0].time(2), when);
  EXPECT_EQ(rows[0].text(2), "2026-11-23T19:08:57.123456Z");
  EXPECT_EQ(rows[1].real(0), -2.5e300);
  EXPECT_FALSE(rows[1].boolean("n"));
  EXPECT_EQ(rows[1].optional_time(2), std::nullopt);
}

TEST_P(StoreTest, ErrorResultRollsBackAndIsReturned) {
  Result<int> result = db().Write([](Tx& tx) -> Result<int> {
    tx.Execute("INSERT INTO items (id) VALUES (1)");
    return Fail(Problem::Conflict("stale"));
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
  EXPECT_EQ(result.error().message, "stale");
  EXPECT_EQ(Count(), 0);

  Result<int> ok = db().Write([](Tx& tx) -> Result<int> {
    return static_cast<int>(tx.Execute("INSERT INTO items (id) VALUES (1), (2)"));
  });
  ASSERT_TRUE(ok);
  EXPECT_EQ(*ok, 2);
  EXPECT_EQ(Count(), 2);
}

TEST_P(StoreTest, ExceptionRollsBackAndPropagates) {
  EXPECT_THROW(db().Write([](Tx& tx) {
    tx.Execute("INSERT INTO items (id) VALUES (1)");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(Count(), 0);
  // The connection is usable afterwards.
  db().Write([](Tx& tx) { tx.Execute("INSERT INTO items (id) VALUES (1)"); });
  EXPECT_EQ(Count(), 1);
}

TEST_P(StoreTest, UniqueViolationIsDistinguishableAndQuotesNoValue) {
  const std::string canary = "canary-7f3e@example.org";
  db().Write([&](Tx& tx) { tx.Execute("INSERT INTO items (id, email) VALUES (1, ?)", {canary}); });
  try {
    db().Write(
        [&](Tx& tx) { tx.Execute("INSERT INTO items (id, email) VALUES (2, ?)", {canary}); });
    FAIL() << "expected UniqueViolation";
  } catch (const UniqueViolation& e) {
    EXPECT_THAT(e.what(), Not(HasSubstr("canary")));
    EXPECT_FALSE(e.code().empty());
  }
  EXPECT_THROW(db().Write([](Tx& tx) { tx.Execute("INSERT INTO items (id) VALUES (1)"); }),
               UniqueViolation);
  // Other constraint failures are plain DbErrors, not UniqueViolation.
  try {
    db().Write([](Tx& tx) { tx.Execute("INSERT INTO counter (id, n) VALUES (2, NULL)"); });
    FAIL() << "expected DbError";
  } catch (const UniqueViolation&) {
    FAIL() << "NOT NULL reported as a unique violation";
  } catch (const DbError&) {
  }
}

TEST_P(StoreTest, AFailedStatementSpoilsTheTransaction) {
  db().Write([](Tx& tx) { tx.Execute("INSERT INTO items (id) VALUES (1)"); });
  // Swallowing the failure and carrying on must not commit half a transaction.
  EXPECT_THROW(db().Write([](Tx& tx) {
    tx.Execute("INSERT INTO items (id) VALUES (2)");
    try {
      tx.Execute("INSERT INTO items (id) VALUES (1)");
    } catch (const UniqueViolation&) {
    }
  }),
               DbError);
  EXPECT_EQ(Count(), 1);
  EXPECT_THROW(db().Write([](Tx& tx) {
    try {
      tx.Execute("INSERT INTO items (id) VALUES (1)");
    } catch (const UniqueViolation&) {
    }
    tx.Execute("INSERT INTO items (id) VALUES (3)");
  }),
               DbError);
  EXPECT_EQ(Count(), 1);
}

TEST_P(StoreTest, ReadSeesCommittedDataOnly) {
  std::promise<void> inserted, release;
  auto writer = std::async(std::launch::async, [&] {
    db().Write([&](Tx& tx) {
      tx.Execute("INSERT INTO items (id, t) VALUES (1, 'draft')");
      inserted.set_value();
      release.get_future().wait();
    });
  });
  inserted.get_future().wait();
  EXPECT_EQ(Count(), 0) << "a reader saw uncommitted data";
  release.set_value();
  writer.get();
  auto text = db().Read([](Tx& tx) { return tx.QueryOne("SELECT t FROM items")->text(0); });
  EXPECT_EQ(text, "draft");
}

TEST_P(StoreTest, ReadTransactionsCannotWrite) {
  EXPECT_THROW(db().Read([](Tx& tx) { tx.Execute("INSERT INTO items (id) VALUES (1)"); }), DbError);
  EXPECT_EQ(Count(), 0);
}

// ReadStatement's promise is one SELECT; anything more is a bug, refused before it reaches the
// database, so it changes nothing.
TEST_P(StoreTest, ReadStatementRunsOneSelectOnly) {
  db().Write([](Tx& tx) { tx.Execute("INSERT INTO items (id, n) VALUES (?, ?)", {1, 7}); });
  EXPECT_EQ(db().ReadStatement([](Tx& tx) {
    return tx.QueryOne("SELECT n FROM items WHERE id = ?", {1})->integer(0);
  }),
            7);
  EXPECT_THROW(db().ReadStatement([](Tx& tx) {
    tx.Query("SELECT n FROM items");
    tx.Query("SELECT t FROM items");
  }),
               std::logic_error);
  EXPECT_THROW(db().ReadStatement([](Tx& tx) { tx.Query("UPDATE items SET n = 8 RETURNING n"); }),
               std::logic_error);
  EXPECT_THROW(db().ReadStatement([](Tx& tx) { tx.Execute("DELETE FROM items"); }),
               std::logic_error);
  EXPECT_THROW(db().ReadStatement([](Tx& tx) { tx.ExecuteScript("DELETE FROM items"); }),
               std::logic_error);
  EXPECT_EQ(db().Read([](Tx& tx) { return tx.QueryOne("SELECT n FROM items")->integer(0); }), 7);
  EXPECT_EQ(db().Stats().in_use, 0);
}

TEST_P(StoreTest, ConcurrentWritersLoseNoUpdates) {
  constexpr int kThreads = 6, kEach = 40;
  std::atomic<std::int64_t> next_id{1};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kEach; ++i) {
        db().Write([&](Tx& tx) {
          auto before = tx.QueryOne("SELECT n FROM counter WHERE id = 1")->integer(0);
          tx.Execute("UPDATE counter SET n = n + 1 WHERE id = 1");
          tx.Execute("INSERT INTO items (id, n) VALUES (?, ?)", {next_id++, before});
        });
        db().Read([](Tx& tx) { tx.Query("SELECT count(*) FROM items"); });
      }
    });
  }
  for (auto& t : threads) t.join();
  auto n = db().Read([](Tx& tx) { return tx.QueryOne("SELECT n FROM counter")->integer(0); });
  EXPECT_EQ(n, kThreads * kEach);
  EXPECT_EQ(Count(), kThreads * kEach);
  PoolStats stats = db().Stats();
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_GE(stats.open, 1);
  EXPECT_LE(stats.open, stats.max_connections);
}

TEST_P(StoreTest, QueryOneAndColumnsBehave) {
  db().Write([](Tx& tx) { tx.Execute("INSERT INTO items (id, t) VALUES (1, 'a'), (2, 'b')"); });
  db().Read([](Tx& tx) {
    EXPECT_EQ(tx.QueryOne("SELECT t FROM items WHERE id = ?", {3}), std::nullopt);
    auto row = tx.QueryOne("SELECT id, t AS label FROM items WHERE id = ?", {2});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->text("label"), "b");
    EXPECT_EQ(row->integer("id"), 2);
    EXPECT_THROW(row->text("missing"), DbError);
    EXPECT_THROW(row->integer(1), DbError);  // text is not an integer
  });
  EXPECT_THROW(db().Read([](Tx& tx) { tx.QueryOne("SELECT t FROM items"); }), DbError);
  EXPECT_THROW(db().Read([](Tx& tx) { tx.Query("SELECT t FROM items WHERE id = ?"); }), DbError);
  EXPECT_THROW(db().Read([](Tx& tx) { tx.Query("SELECT no_such_column FROM items"); }), DbError);
}

// QueryLater's reads keep their place in the transaction: they see what ran before them and not
// what ran after, whichever order their rows are asked for in.
TEST_P(StoreTest, QueuedReadsAnswerInOrderOfQueueing) {
  db().Write([](Tx& tx) { tx.Execute("INSERT INTO items (id, n) VALUES (1, 10), (2, 20)"); });
  auto seen = db().Write([](Tx& tx) {
    tx.Execute("UPDATE items SET n = 11 WHERE id = ?", {1});
    PendingRows first = tx.QueryLater("SELECT n FROM items WHERE id = ?", {1});
    Later<std::optional<std::int64_t>> second(
        tx.QueryLater("SELECT n FROM items WHERE id = ?", {2}),
        [](const Rows& rows) -> std::optional<std::int64_t> {
          auto row = AtMostOne(rows);
          return row ? std::optional(row->integer(0)) : std::nullopt;
        });
    PendingRows missing = tx.QueryLater("SELECT n FROM items WHERE id = ?", {3});
    tx.Execute("UPDATE items SET n = 21 WHERE id = ?", {2});  // after the queued reads
    auto two = second.Get();
    auto one = first.Get();
    EXPECT_THROW(first.Get(), DbError) << "rows are taken once";
    return std::tuple(one[0].integer(0), two, missing.Get().size());
  });
  EXPECT_EQ(seen, std::tuple(std::int64_t{11}, std::optional<std::int64_t>(20), std::size_t{0}));
  EXPECT_EQ(
      db().Read([](Tx& tx) { return tx.QueryOne("SELECT n FROM items WHERE id = 2"); })->integer(0),
      21);
}

// A queued read that fails spoils its whole transaction, even when the caller swallows the error
// (SQLite throws at QueryLater, PostgreSQL when the batch is sent): nothing before it commits.
TEST_P(StoreTest, AFailedQueuedReadSpoilsTheTransaction) {
  EXPECT_THROW(db().Write([](Tx& tx) {
    tx.Execute("INSERT INTO items (id) VALUES (1)");
    try {
      PendingRows good = tx.QueryLater("SELECT count(*) FROM items");
      PendingRows bad = tx.QueryLater("SELECT no_such_column FROM items");
      good.Get();
      bad.Get();
    } catch (const DbError&) {
    }
  }),
               DbError);
  EXPECT_EQ(Count(), 0);
  EXPECT_EQ(db().Stats().in_use, 0);
  // The error is the failing statement's own, not the batch's "aborted" for those after it.
  try {
    db().Read([](Tx& tx) {
      PendingRows good = tx.QueryLater("SELECT count(*) FROM items");
      PendingRows bad = tx.QueryLater("SELECT no_such_column FROM items");
      PendingRows after = tx.QueryLater("SELECT 1");
      good.Get();
    });
    ADD_FAILURE() << "the failing batch did not throw";
  } catch (const DbError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no_such_column"));
  }
}

// More distinct statements in one batch than PostgreSQL's per-connection cache of prepared
// statements holds: those past it are sent unnamed, and must not overwrite each other.
TEST_P(StoreTest, ABatchLargerThanThePreparedStatementCacheAnswersEachStatement) {
  constexpr int kStatements = 300;
  auto answers = db().Read([](Tx& tx) {
    std::vector<PendingRows> pending;
    for (int i = 0; i < kStatements; ++i) {
      pending.push_back(tx.QueryLater("SELECT ? + " + std::to_string(i), {1000}));
    }
    std::vector<std::int64_t> out;
    for (auto& p : pending) out.push_back(p.Get()[0].integer(0));
    return out;
  });
  ASSERT_EQ(answers.size(), static_cast<std::size_t>(kStatements));
  for (int i = 0; i < kStatements; ++i) EXPECT_EQ(answers[i], 1000 + i);
}

TEST_P(StoreTest, UpdateReportsAffectedRows) {
  auto affected = db().Write([](Tx& tx) {
    tx.Execute("INSERT INTO items (id, n) VALUES (1, 1), (2, 1), (3, 2)");
    return tx.Execute("UPDATE items SET t = 'x' WHERE n = ?", {1});
  });
  EXPECT_EQ(affected, 2);
}

TEST_P(StoreTest, NestedTransactionsAreRefused) {
  EXPECT_THROW(db().Write([&](Tx&) { db().Read([](Tx&) {}); }), std::logic_error);
  // A second Database is a separate thing and may be used inside.
  auto other = test_db().OpenAgain();
  db().Read([&](Tx&) { other->Read([](Tx& tx) { tx.Query("SELECT 1"); }); });
}

TEST_P(StoreTest, PingIsTrueWhileTheDatabaseIsThere) {
  EXPECT_TRUE(db().Ping());
  EXPECT_EQ(db().Backend(), backend());
}

WAYMARK_INSTANTIATE_DB_TEST(StoreTest);

}  // namespace
}  // namespace waymark::db
