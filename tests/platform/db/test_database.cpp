#include "tests/platform/db/test_database.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "platform/util/ids.hpp"

namespace waymark::db::testing {

namespace {
std::string MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "waymark-db-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

std::string WithParameter(const std::string& url, const std::string& parameter) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + parameter;
}

std::unique_ptr<Database> OpenOrThrow(const std::string& url, const OpenOptions& options) {
  auto db = Open(url, options);
  if (!db) throw std::runtime_error("cannot open test database: " + db.error().message);
  return std::move(*db);
}
}  // namespace

std::optional<std::string> PostgresTestUrl() {
  const char* url = std::getenv("WAYMARK_TEST_POSTGRES_URL");
  if (!url || !*url) return std::nullopt;
  return std::string(url);
}

bool PostgresRequired() {
  const char* required = std::getenv("WAYMARK_REQUIRE_POSTGRES");
  return required && std::string(required) == "1";
}

TestDatabase::TestDatabase(BackendKind kind, const OpenOptions& options) : kind_(kind) {
  if (kind == BackendKind::kSqlite) {
    temp_dir_ = MakeTempDir();
    location_ = temp_dir_ + "/test.db";
    url_ = "sqlite:" + location_;
  } else {
    auto base = PostgresTestUrl();
    if (!base) throw std::runtime_error("WAYMARK_TEST_POSTGRES_URL is not set");
    location_ = "t_" + NewId();  // generated, so safe to put in DDL as an identifier
    auto admin = OpenOrThrow(*base, {.pool_size = 1});
    admin->Write([&](Tx& tx) { tx.ExecuteScript("CREATE SCHEMA " + location_); });
    // Each test's connections get their own search_path and application_name.
    url_ = WithParameter(WithParameter(*base, "options=-csearch_path%3D" + location_),
                         "application_name=" + location_);
  }
  db_ = OpenOrThrow(url_, options);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (kind_ == BackendKind::kSqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(temp_dir_, ignored);
  } else if (auto base = PostgresTestUrl()) {
    try {
      if (auto admin = Open(*base, {.pool_size = 1})) {
        (*admin)->Write(
            [&](Tx& tx) { tx.ExecuteScript("DROP SCHEMA IF EXISTS " + location_ + " CASCADE"); });
      }
    } catch (const DbError& e) {
      ADD_FAILURE() << "could not drop test schema " << location_ << ": " << e.what();
    }
  }
}

std::unique_ptr<Database> TestDatabase::OpenAgain(const OpenOptions& options) const {
  return OpenOrThrow(url_, options);
}

void DatabaseTest::SetUp() {
  if (GetParam() == BackendKind::kPostgres && !PostgresTestUrl()) {
    if (PostgresRequired()) {
      FAIL() << "WAYMARK_REQUIRE_POSTGRES=1 but WAYMARK_TEST_POSTGRES_URL is not set; run "
                "under scripts/with-postgres";
    }
    GTEST_SKIP() << "WAYMARK_TEST_POSTGRES_URL is not set (run under scripts/with-postgres)";
  }
  test_db_ = std::make_unique<TestDatabase>(GetParam(), Options());
}

std::string BackendTestName(const ::testing::TestParamInfo<BackendKind>& info) {
  return info.param == BackendKind::kSqlite ? "Sqlite" : "Postgres";
}

}  // namespace waymark::db::testing
