// Fresh, private databases for store tests, so the same test runs on SQLite and PostgreSQL and
// test binaries can run in parallel.
//
//   class CaseStoreTest : public waymark::db::testing::DatabaseTest {};
//   TEST_P(CaseStoreTest, Saves) { db().Write(...); }
//   WAYMARK_INSTANTIATE_DB_TEST(CaseStoreTest);
//
// SQLite: a new file in a new temporary folder. PostgreSQL: a new schema (made the search_path
// through the URL's `options`) in the database named by WAYMARK_TEST_POSTGRES_URL, dropped
// afterwards. Without that variable PostgreSQL tests are skipped, or fail when
// WAYMARK_REQUIRE_POSTGRES=1 (CI). Run them with `scripts/with-postgres ctest ...`.
// Thread safety: a TestDatabase belongs to one test; its Database is thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "platform/db/database.hpp"

namespace waymark::db::testing {

// WAYMARK_TEST_POSTGRES_URL, or nullopt.
std::optional<std::string> PostgresTestUrl();
bool PostgresRequired();

class TestDatabase {
 public:
  // Throws std::runtime_error when the database cannot be made; PostgreSQL needs a URL.
  TestDatabase(BackendKind kind, const OpenOptions& options = {});
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Database& db() { return *db_; }
  BackendKind kind() const { return kind_; }
  // Opens the same data again (another pool or writer, as a second process would).
  std::unique_ptr<Database> OpenAgain(const OpenOptions& options = {}) const;
  const std::string& url() const { return url_; }
  // SQLite: the database file. PostgreSQL: the schema name.
  const std::string& location() const { return location_; }

 private:
  BackendKind kind_;
  std::string url_;
  std::string location_;
  std::string temp_dir_;
  std::unique_ptr<Database> db_;
};

// A parameterised fixture; GetParam() is the backend.
class DatabaseTest : public ::testing::TestWithParam<BackendKind> {
 protected:
  void SetUp() override;
  void TearDown() override { test_db_.reset(); }
  Database& db() { return test_db_->db(); }
  TestDatabase& test_db() { return *test_db_; }
  BackendKind backend() const { return GetParam(); }
  // Chooses per-backend DDL (SQLite STRICT types versus PostgreSQL types).
  const char* Ddl(const char* sqlite, const char* postgres) const {
    return GetParam() == BackendKind::kSqlite ? sqlite : postgres;
  }
  virtual OpenOptions Options() const { return {}; }

 private:
  std::unique_ptr<TestDatabase> test_db_;
};

std::string BackendTestName(const ::testing::TestParamInfo<BackendKind>& info);

}  // namespace waymark::db::testing

#define WAYMARK_INSTANTIATE_DB_TEST(fixture)                                         \
  INSTANTIATE_TEST_SUITE_P(Backends, fixture,                                        \
                           ::testing::Values(::waymark::db::BackendKind::kSqlite,    \
                                             ::waymark::db::BackendKind::kPostgres), \
                           ::waymark::db::testing::BackendTestName)
