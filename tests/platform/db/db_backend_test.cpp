// What differs between the backends: SQLite's settings and files, PostgreSQL's pool and
// connections, opening and readiness when the database is gone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <stdexcept>

#include "platform/db/database.hpp"
#include "tests/platform/db/tcp_proxy.hpp"
#include "tests/platform/db/test_database.hpp"

namespace waymark::db {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::TestDatabase;

TEST(OpenTest, RefusesUnknownSchemes) {
  auto db = Open("mysql://localhost/waymark");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ProblemKind::kInvalid);
  EXPECT_THAT(db.error().message, HasSubstr("sqlite:"));
  EXPECT_FALSE(Open("sqlite:"));
  EXPECT_FALSE(Open("sqlite://relative"));
  EXPECT_FALSE(Open("sqlite:/tmp/x.db", {.pool_size = 0}));
}

TEST(OpenTest, SqliteInAMissingFolderIsUnavailable) {
  auto db = Open("sqlite:/nonexistent-folder-7d1c/waymark.db");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ProblemKind::kUnavailable);
  EXPECT_THAT(db.error().message, HasSubstr("/nonexistent-folder-7d1c/waymark.db"));
}

TEST(OpenTest, UnreachablePostgresIsUnavailableAndKeepsThePasswordSecret) {
  // No server listens in an empty folder, so this fails at once without a PostgreSQL.
  std::string dir = std::filesystem::temp_directory_path() / "waymark-no-pg-here";
  std::filesystem::create_directories(dir);
  auto db = Open("postgresql://waymark:s3cret-Pa55@/waymark?host=" + dir);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ProblemKind::kUnavailable);
  EXPECT_THAT(db.error().message, HasSubstr(dir));
  EXPECT_THAT(db.error().message, HasSubstr("database waymark"));
  EXPECT_THAT(db.error().message, Not(HasSubstr("s3cret")));
  std::filesystem::remove(dir);
}

TEST(OpenTest, MalformedPostgresUrlIsInvalidAndKeepsThePasswordSecret) {
  auto db = Open("postgresql://waymark:s3cret%zz@localhost/waymark?nosuchparam=1");
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ProblemKind::kInvalid);
  EXPECT_THAT(db.error().message, Not(HasSubstr("s3cret")));
}

class SqliteTest : public ::testing::Test {
 protected:
  TestDatabase test_db_{BackendKind::kSqlite};
  Database& db() { return test_db_.db(); }
};

TEST_F(SqliteTest, ConnectionsUseTheSafetySettings) {
  auto check = [](Tx& tx) {
    EXPECT_EQ(tx.QueryOne("PRAGMA journal_mode")->text(0), "wal");
    EXPECT_EQ(tx.QueryOne("PRAGMA synchronous")->integer(0), 2);  // FULL
    EXPECT_EQ(tx.QueryOne("PRAGMA foreign_keys")->integer(0), 1);
    EXPECT_EQ(tx.QueryOne("PRAGMA secure_delete")->integer(0), 1);
    EXPECT_EQ(tx.QueryOne("PRAGMA trusted_schema")->integer(0), 0);
    EXPECT_GT(tx.QueryOne("PRAGMA busy_timeout")->integer(0), 0);
  };
  db().Write(check);
  db().Read(check);
  db().Write([](Tx& tx) {
    tx.ExecuteScript(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT;"
        "CREATE TABLE child (parent_id INTEGER REFERENCES parent (id)) STRICT;");
  });
  EXPECT_THROW(db().Write([](Tx& tx) { tx.Execute("INSERT INTO child VALUES (42)"); }), DbError);
  // Double-quoted text is an identifier, as on PostgreSQL, never a string.
  EXPECT_THROW(db().Read([](Tx& tx) { tx.Query("SELECT \"not a column\""); }), DbError);
}

TEST_F(SqliteTest, TheFileIsPrivateToItsOwner) {
  struct stat st {};
  ASSERT_EQ(stat(test_db_.location().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(SqliteTest, PingIsFalseOnceTheFileIsDeleted) {
  EXPECT_TRUE(db().Ping());
  std::filesystem::remove(test_db_.location());
  EXPECT_FALSE(db().Ping());
}

// Restoring a backup over a running server, say: the open connections still see the old file.
TEST_F(SqliteTest, PingIsFalseWhenTheFileIsReplaced) {
  EXPECT_TRUE(db().Ping());
  std::string other = test_db_.location() + ".other";
  { std::ofstream(other) << ""; }
  std::filesystem::rename(other, test_db_.location());
  EXPECT_FALSE(db().Ping());
}

TEST_F(SqliteTest, OpeningAFileThatIsNotADatabaseIsUnavailable) {
  auto garbage = test_db_.location() + ".garbage";
  { std::ofstream(garbage) << std::string(4096, 'x'); }
  auto db = Open("sqlite:" + garbage);
  ASSERT_FALSE(db);
  EXPECT_EQ(db.error().kind, ProblemKind::kUnavailable);
  EXPECT_THAT(db.error().message, HasSubstr("not a database"));
}

TEST_F(SqliteTest, ReadersAreBoundedAndCounted) {
  auto small =
      test_db_.OpenAgain({.pool_size = 1, .acquire_timeout = std::chrono::milliseconds(50)});
  std::promise<void> holding, release;
  auto reader = std::async(std::launch::async, [&] {
    small->Read([&](Tx&) {
      holding.set_value();
      release.get_future().wait();
    });
  });
  holding.get_future().wait();
  EXPECT_EQ(small->Stats().in_use, 1);
  EXPECT_THROW(small->Read([](Tx&) {}), DatabaseUnavailable);
  release.set_value();
  reader.get();
  PoolStats stats = small->Stats();
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_EQ(stats.waits, 1u);
  EXPECT_EQ(stats.timeouts, 1u);
  EXPECT_EQ(stats.max_connections, 2);
}

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::PostgresTestUrl()) {
      if (testing::PostgresRequired()) FAIL() << "WAYMARK_TEST_POSTGRES_URL is not set";
      GTEST_SKIP() << "WAYMARK_TEST_POSTGRES_URL is not set (run under scripts/with-postgres)";
    }
    test_db_ = std::make_unique<TestDatabase>(BackendKind::kPostgres);
  }
  // Kills this test's pooled connections from the server side, as a restart would; how many.
  std::size_t KillPooledConnections() {
    auto admin = Open(*testing::PostgresTestUrl(), {.pool_size = 1});
    if (!admin) throw std::runtime_error(admin.error().message);
    return (*admin)->Write([&](Tx& tx) {
      return tx
          .Query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
              "WHERE application_name = ?",
              {test_db_->location()})
          .size();
    });
  }
  std::unique_ptr<TestDatabase> test_db_;
};

// The server really disappears for this client: it reaches PostgreSQL through a proxy that the
// test then cuts off. Stopping the shared server would break tests running in parallel.
TEST_F(PostgresTest, PingIsFalseOnceTheServerIsGone) {
  PQconninfoOption* options = PQconninfoParse(testing::PostgresTestUrl()->c_str(), nullptr);
  ASSERT_NE(options, nullptr);
  std::string host, port = "5432", dbname, user;
  for (auto* o = options; o->keyword; ++o) {
    std::string key = o->keyword, value = o->val ? o->val : "";
    if (key == "host") host = value;
    if (key == "port" && !value.empty()) port = value;
    if (key == "dbname") dbname = value;
    if (key == "user") user = value;
  }
  PQconninfoFree(options);
  ASSERT_EQ(host.rfind('/', 0), 0u) << "the test server must listen on a unix socket";

  testing::TcpProxy proxy(host + "/.s.PGSQL." + port);
  auto db = Open("postgresql://" + user + "@127.0.0.1:" + std::to_string(proxy.port()) + "/" +
                     dbname + "?options=-csearch_path%3D" + test_db_->location(),
                 {.pool_size = 2, .acquire_timeout = std::chrono::milliseconds(500)});
  ASSERT_TRUE(db) << db.error().message;
  EXPECT_TRUE((*db)->Ping());
  proxy.Stop();
  EXPECT_FALSE((*db)->Ping());
  EXPECT_THROW((*db)->Read([](Tx& tx) { tx.Query("SELECT 1"); }), DatabaseUnavailable);
  EXPECT_EQ((*db)->Stats().in_use, 0);
  EXPECT_EQ((*db)->Stats().open, 0) << "broken connections must be dropped";
}

TEST_F(PostgresTest, BrokenConnectionsAreReplaced) {
  Database& db = test_db_->db();
  db.Write([](Tx& tx) { tx.ExecuteScript("CREATE TABLE t (x BIGINT)"); });
  EXPECT_GE(KillPooledConnections(), 1u);
  db.Write([](Tx& tx) { tx.Execute("INSERT INTO t VALUES (?)", {1}); });
  EXPECT_TRUE(db.Ping());
  EXPECT_GE(db.Stats().discarded, 1u);
}

// ReadStatement sends its SELECT without BEGIN (so PostgreSQL runs it in a transaction of its
// own, which a read-only BEGIN would have made read-only), and replaces a connection the server
// dropped, as Read does.
TEST_F(PostgresTest, ReadStatementIsOneRoundTripAndSurvivesARestart) {
  Database& db = test_db_->db();
  auto read_only = [](Tx& tx) {
    return tx.QueryOne("SELECT current_setting('transaction_read_only')")->text(0);
  };
  EXPECT_EQ(db.Read(read_only), "on");
  EXPECT_EQ(db.ReadStatement(read_only), "off") << "a BEGIN READ ONLY was sent";
  EXPECT_GE(KillPooledConnections(), 1u);
  EXPECT_EQ(db.ReadStatement([](Tx& tx) { return tx.QueryOne("SELECT 1")->integer(0); }), 1);
  EXPECT_GE(db.Stats().discarded, 1u);
  EXPECT_EQ(db.Stats().in_use, 0);
}

// QueryLater's statements wait in the client until their rows are wanted, then travel in one
// pipeline; a transaction whose first exchange is such a batch survives a server restart as
// one whose first exchange is a single statement does.
TEST_F(PostgresTest, QueuedReadsWaitForTheirBatchAndSurviveARestart) {
  Database& db = test_db_->db();
  db.Write([](Tx& tx) { tx.ExecuteScript("CREATE SEQUENCE s"); });
  auto observer = test_db_->OpenAgain({.pool_size = 1});
  auto touched = [&] {
    return observer->Read(
        [](Tx& tx) { return tx.QueryOne("SELECT is_called FROM s")->boolean(0); });
  };
  db.Write([&](Tx& tx) {
    PendingRows next = tx.QueryLater("SELECT nextval('s')");
    EXPECT_FALSE(touched()) << "the queued statement was sent before its rows were wanted";
    EXPECT_EQ(next.Get()[0].integer(0), 1);
  });
  EXPECT_TRUE(touched());

  EXPECT_GE(KillPooledConnections(), 1u);
  auto sum = db.Read([](Tx& tx) {
    PendingRows one = tx.QueryLater("SELECT ?", {1});
    PendingRows two = tx.QueryLater("SELECT ?", {2});
    return one.Get()[0].integer(0) + two.Get()[0].integer(0);
  });
  EXPECT_EQ(sum, 3);
  EXPECT_GE(db.Stats().discarded, 1u);
  EXPECT_EQ(db.Stats().in_use, 0);
}

// BEGIN travels with a transaction's first statement (pipeline mode): what it says must still
// hold, a failed first statement must leave the connection fit for the next transaction, and a
// transaction that ran nothing must leave none open.
TEST_F(PostgresTest, BeginSentWithTheFirstStatementStillTakesEffect) {
  Database& db = test_db_->db();
  db.Write([](Tx& tx) { tx.ExecuteScript("CREATE TABLE t (x BIGINT PRIMARY KEY)"); });
  EXPECT_THROW(db.Read([](Tx& tx) { tx.Execute("INSERT INTO t VALUES (?)", {1}); }), DbError);
  EXPECT_EQ(db.Read([](Tx& tx) { return tx.QueryOne("SELECT count(*) FROM t")->integer(0); }), 0);
  // The first statement fails; the transaction is rolled back and the pool stays healthy.
  EXPECT_THROW(db.Write([](Tx& tx) { tx.Query("SELECT no_such_column FROM t"); }), DbError);
  db.Write([](Tx& tx) {
    tx.Execute("INSERT INTO t VALUES (?)", {1});
    tx.Execute("INSERT INTO t VALUES (?)", {2});
  });
  EXPECT_THROW(db.Write([](Tx& tx) { tx.Execute("INSERT INTO t VALUES (?)", {1}); }),
               UniqueViolation);
  db.Read([](Tx&) {});
  db.Write([](Tx&) { return false; });
  // Two statements in one transaction see one snapshot and are one unit.
  EXPECT_THROW(db.Write([](Tx& tx) {
    tx.Execute("INSERT INTO t VALUES (?)", {3});
    tx.Execute("INSERT INTO t VALUES (?)", {1});
  }),
               UniqueViolation);
  EXPECT_EQ(db.Read([](Tx& tx) {
    EXPECT_EQ(tx.QueryOne("SELECT current_setting('transaction_read_only')")->text(0), "on");
    return tx.QueryOne("SELECT count(*) FROM t")->integer(0);
  }),
            2);
  EXPECT_EQ(db.Stats().in_use, 0);
  EXPECT_EQ(db.Stats().discarded, 0u);
}

// After a bulk load the planner needs row counts, and index-only scans need the visibility map
// a vacuum builds (whether a page can be marked depends on other sessions' snapshots, so the
// test checks that the vacuum ran rather than what it could mark).
TEST_F(PostgresTest, RefreshStatisticsVacuumsAndAnalyzes) {
  Database& db = test_db_->db();
  db.Write([](Tx& tx) {
    tx.ExecuteScript(
        "CREATE TABLE t (x BIGINT PRIMARY KEY); INSERT INTO t SELECT generate_series(1, 5000)");
  });
  auto stat = [&](const char* sql) {
    return db.Read([&](Tx& tx) { return tx.QueryOne(sql)->integer(0); });
  };
  const char* vacuums = "SELECT vacuum_count FROM pg_stat_user_tables WHERE relid = 't'::regclass";
  const char* rows = "SELECT reltuples::bigint FROM pg_class WHERE oid = 't'::regclass";
  EXPECT_EQ(stat(vacuums), 0);
  EXPECT_LT(stat(rows), 0) << "a new table has never been analyzed";
  db.RefreshStatistics();
  EXPECT_EQ(stat(vacuums), 1);
  EXPECT_EQ(stat(rows), 5000);
  EXPECT_EQ(db.Stats().in_use, 0);
  EXPECT_EQ(stat("SELECT count(*) FROM t"), 5000);
}

TEST_F(PostgresTest, SerializationFailuresAreDistinguishable) {
  Database& db = test_db_->db();
  db.Write([](Tx& tx) { tx.ExecuteScript("CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (0)"); });
  // Two transactions that each lock a row and then want the other's: one is the deadlock victim.
  auto other = test_db_->OpenAgain();
  db.Write([](Tx& tx) { tx.Execute("INSERT INTO t VALUES (1)"); });
  std::promise<void> a_locked, b_locked;
  auto a = std::async(std::launch::async, [&] {
    db.Write([&](Tx& tx) {
      tx.Execute("UPDATE t SET x = x WHERE x = 0");
      a_locked.set_value();
      b_locked.get_future().wait();
      tx.Execute("UPDATE t SET x = x WHERE x = 1");
    });
  });
  auto b = std::async(std::launch::async, [&] {
    other->Write([&](Tx& tx) {
      tx.Execute("UPDATE t SET x = x WHERE x = 1");
      b_locked.set_value();
      a_locked.get_future().wait();
      tx.Execute("UPDATE t SET x = x WHERE x = 0");
    });
  });
  int failures = 0;
  for (auto* f : {&a, &b}) {
    try {
      f->get();
    } catch (const SerializationFailure& e) {
      ++failures;
      EXPECT_EQ(e.code(), "40P01");
    }
  }
  EXPECT_EQ(failures, 1);
}

}  // namespace
}  // namespace waymark::db
