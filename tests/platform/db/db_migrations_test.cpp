// The migration runner, on both backends, with migrations defined here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "platform/db/embedded_migrations.hpp"
#include "platform/db/migrations.hpp"
#include "platform/util/time.hpp"
#include "tests/platform/db/test_database.hpp"

namespace waymark::db {
namespace {

using testing::DatabaseTest;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class MigrationsTest : public DatabaseTest {
 protected:
  std::vector<Migration> Two() {
    return {
        {1, "create_notes",
         Ddl("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT) STRICT;",
             "CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT);")},
        {2, "seed_notes",
         "CREATE INDEX notes_body ON notes (body);\n"
         "INSERT INTO notes (id, body) VALUES (1, 'first; with ? and ''quotes''');"},
    };
  }

  bool TableExists(const std::string& name) {
    return db().Read([&](Tx& tx) {
      if (backend() == BackendKind::kSqlite) {
        return tx.QueryOne("SELECT 1 FROM sqlite_schema WHERE name = ?", {name}).has_value();
      }
      return tx.QueryOne("SELECT to_regclass(?) IS NOT NULL", {name})->boolean(0);
    });
  }
};

TEST_P(MigrationsTest, AppliesInOrderAndRecordsEach) {
  EXPECT_EQ(SchemaVersion(db()), 0);
  auto report = Migrate(db(), Two());
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->from_version, 0);
  EXPECT_EQ(report->to_version, 2);
  EXPECT_THAT(report->applied, ElementsAre(1, 2));
  EXPECT_EQ(SchemaVersion(db()), 2);
  Rows rows = db().Read([](Tx& tx) {
    return tx.Query(
        "SELECT version, name, checksum, applied_at FROM schema_migrations "
        "ORDER BY version");
  });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].text("name"), "seed_notes");
  EXPECT_EQ(rows[1].text("checksum"), MigrationChecksum(Two()[1].sql));
  EXPECT_EQ(rows[1].text("checksum").size(), 64u);
  EXPECT_TRUE(ParseUtc(rows[1].text("applied_at")));
  auto body = db().Read([](Tx& tx) { return tx.QueryOne("SELECT body FROM notes")->text(0); });
  EXPECT_EQ(body, "first; with ? and 'quotes'");
  EXPECT_TRUE(CheckSchemaCurrent(db(), Two()));
}

TEST_P(MigrationsTest, SecondRunAppliesNothing) {
  ASSERT_TRUE(Migrate(db(), Two()));
  auto again = Migrate(db(), Two());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, 2);
  EXPECT_EQ(again->to_version, 2);
}

TEST_P(MigrationsTest, AppliesOnlyWhatIsNew) {
  auto all = Two();
  ASSERT_TRUE(Migrate(db(), std::span(all).first(1)));
  auto behind = CheckSchemaCurrent(db(), all);
  ASSERT_FALSE(behind);
  EXPECT_THAT(behind.error().message, HasSubstr("waymark migrate"));
  auto report = Migrate(db(), all);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->from_version, 1);
  EXPECT_THAT(report->applied, ElementsAre(2));
}

TEST_P(MigrationsTest, RefusesAnEditedMigration) {
  ASSERT_TRUE(Migrate(db(), Two()));
  auto edited = Two();
  edited[0].sql += "\n-- a harmless-looking edit\n";
  auto result = Migrate(db(), edited);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
  EXPECT_THAT(result.error().message, HasSubstr("0001_create_notes"));
  EXPECT_THAT(result.error().message, HasSubstr("changed after it was applied"));
  EXPECT_FALSE(CheckSchemaCurrent(db(), edited));
}

TEST_P(MigrationsTest, RefusesADatabaseNewerThanTheProgram) {
  ASSERT_TRUE(Migrate(db(), Two()));
  auto older_program = Two();
  older_program.pop_back();
  auto result = Migrate(db(), older_program);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kConflict);
  EXPECT_THAT(result.error().message, HasSubstr("version 2"));
  EXPECT_THAT(result.error().message, HasSubstr("newer Waymark"));
  auto check = CheckSchemaCurrent(db(), older_program);
  ASSERT_FALSE(check);
  EXPECT_THAT(check.error().message, HasSubstr("newer Waymark"));
  EXPECT_EQ(SchemaVersion(db()), 2);
  // Not even an empty program may touch it.
  EXPECT_FALSE(Migrate(db(), std::vector<Migration>{}));
}

TEST_P(MigrationsTest, AFailingMigrationLeavesNothingOfItself) {
  auto migrations = Two();
  migrations.push_back({3, "broken",
                        "CREATE TABLE half_done (x INTEGER);\n"
                        "INSERT INTO no_such_table VALUES (1);"});
  auto result = Migrate(db(), migrations);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kInvalid);
  EXPECT_THAT(result.error().message, HasSubstr("0003_broken"));
  EXPECT_THAT(result.error().message, HasSubstr("no_such_table"));
  EXPECT_EQ(SchemaVersion(db()), 2);
  EXPECT_FALSE(TableExists("half_done"));
  EXPECT_TRUE(TableExists("notes"));
}

TEST_P(MigrationsTest, AFailingFirstMigrationLeavesAnEmptySchema) {
  std::vector<Migration> broken = {
      {1, "broken", "CREATE TABLE half_done (x INTEGER); SELECT * FROM nothing_here;"}};
  ASSERT_FALSE(Migrate(db(), broken));
  EXPECT_EQ(SchemaVersion(db()), 0);
  EXPECT_FALSE(TableExists("half_done"));
}

TEST_P(MigrationsTest, RefusesAListOutOfOrder) {
  auto migrations = Two();
  std::swap(migrations[0], migrations[1]);
  auto result = Migrate(db(), migrations);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().kind, ProblemKind::kInvalid);
  EXPECT_EQ(SchemaVersion(db()), 0);
}

TEST_P(MigrationsTest, ConcurrentMigratorsApplyEachMigrationOnce) {
  constexpr int kMigrators = 4;
  std::vector<std::unique_ptr<Database>> databases;
  for (int i = 0; i < kMigrators; ++i) databases.push_back(test_db().OpenAgain({.pool_size = 2}));
  std::vector<Result<MigrationReport>> reports(kMigrators, Fail(Problem::NotFound()));
  std::vector<std::thread> threads;
  auto migrations = Two();
  for (int i = 0; i < kMigrators; ++i) {
    threads.emplace_back([&, i] { reports[i] = Migrate(*databases[i], migrations); });
  }
  for (auto& t : threads) t.join();
  std::multiset<std::int64_t> applied;
  for (auto& r : reports) {
    ASSERT_TRUE(r) << r.error().message;
    applied.insert(r->applied.begin(), r->applied.end());
  }
  EXPECT_THAT(applied, ElementsAre(1, 2));
  auto count = db().Read(
      [](Tx& tx) { return tx.QueryOne("SELECT count(*) FROM schema_migrations")->integer(0); });
  EXPECT_EQ(count, 2);
}

// The project's real migrations (migrations/<backend>/) apply to an empty database.
TEST_P(MigrationsTest, EmbeddedMigrationsApply) {
  const auto& embedded = EmbeddedMigrations(backend());
  auto report = Migrate(db(), embedded);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->applied.size(), embedded.size());
  EXPECT_TRUE(CheckSchemaCurrent(db(), embedded));
}

WAYMARK_INSTANTIATE_DB_TEST(MigrationsTest);

TEST(MigrationChecksumTest, IsTheSha256OfTheScript) {
  EXPECT_EQ(MigrationChecksum(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_NE(MigrationChecksum("SELECT 1;"), MigrationChecksum("SELECT 1; "));
}

TEST(EmbeddedMigrationsTest, AreNumberedInOrderWithNames) {
  for (auto backend : {BackendKind::kSqlite, BackendKind::kPostgres}) {
    std::int64_t previous = 0;
    for (const auto& m : EmbeddedMigrations(backend)) {
      EXPECT_GT(m.version, previous);
      EXPECT_FALSE(m.name.empty());
      EXPECT_FALSE(m.sql.empty());
      previous = m.version;
    }
  }
}

}  // namespace
}  // namespace waymark::db
