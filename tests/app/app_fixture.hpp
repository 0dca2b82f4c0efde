// The whole Waymark web application in-process for HTTP integration tests: a temporary key file
// and a migrated database (SQLite, or PostgreSQL: see AppTestsOnPostgres), a runtime on a
// ManualClock, the demo data, the WebApp and a real http::Server on 127.0.0.1 port 0 set up as
// `waymark serve` sets it up. Browser is a blocking client with a cookie jar that sends what a
// browser sends (Origin, Sec-Fetch-Site) on forms.
//
// The manual clock drives sessions, throttling and TOTP alike: a demo user's current code comes
// from DemoTotpCode at the manual time, and a TOTP time-step once used cannot be used again, so
// advance the clock 30 s before signing the same user in a second time.
//
// Thread safety: a TestApp and its Browsers belong to the test's thread; the server runs on its
// own thread until the TestApp is destroyed.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "app/routes.hpp"
#include "app/runtime.hpp"
#include "identity/policy.hpp"
#include "platform/http/server.hpp"
#include "platform/util/clock.hpp"
#include "tests/platform/db/test_database.hpp"
#include "tests/platform/http/raw_client.hpp"

namespace waymark::app::testing {

using http::testing::RawResponse;
using Fields = std::vector<std::pair<std::string, std::string>>;

// 2024-03-04 09:00:00 UTC, the start of a TOTP step.
TimePoint StartTime();

// The value of the first input called `name` in an HTML page (csrf_token, version), or "".
std::string FieldValueIn(std::string_view html, std::string_view name);
inline std::string CsrfTokenIn(std::string_view html) { return FieldValueIn(html, "csrf_token"); }

// Every Set-Cookie header of a response.
std::vector<std::string> SetCookies(const RawResponse& response);
// The Set-Cookie header for cookie `name`, or "".
std::string SetCookieFor(const RawResponse& response, std::string_view name);

class Browser {
 public:
  // `origin` is what the browser sends as Origin on unsafe requests ("http://127.0.0.1:PORT").
  Browser(std::uint16_t port, std::string origin);

  RawResponse Get(std::string_view target, const Fields& headers = {});
  // A form post as a browser sends it from one of our pages: Origin and Sec-Fetch-Site:
  // same-origin, overridable (or removed, with an empty value) through `headers`.
  RawResponse Post(std::string_view target, const Fields& form, const Fields& headers = {});
  // Any request; `headers` are sent as given, plus Host, Cookie and Content-Length.
  RawResponse Send(std::string_view method, std::string_view target, std::string_view body,
                   const Fields& headers);

  std::optional<std::string> Cookie(const std::string& name) const;
  void SetCookie(const std::string& name, const std::string& value) { jar_[name] = value; }
  void ClearCookies() { jar_.clear(); }
  // The csrf_token in the last HTML body received.
  const std::string& csrf() const { return csrf_; }

 private:
  void Absorb(const RawResponse& response);

  std::uint16_t port_;
  std::string origin_;
  std::map<std::string, std::string> jar_;
  std::string csrf_;
};

// URL-encodes form fields (application/x-www-form-urlencoded).
std::string EncodeForm(const Fields& fields);

struct TestAppOptions {
  // Behind a TLS-ending proxy: public_url https://waymark.test and ServerOptions::tls, so
  // cookies are Secure and __Host- prefixed and responses carry HSTS. The test still speaks
  // plain HTTP to the server, as nginx would.
  bool https = false;
};

// Whether the application tests run on PostgreSQL (a schema of their own in the database of
// WAYMARK_TEST_POSTGRES_URL) rather than SQLite: WAYMARK_APP_TEST_BACKEND=postgres. ctest runs
// each application test binary once on each backend (tests/app/CMakeLists.txt).
bool AppTestsOnPostgres();
// Why the tests cannot run on the backend asked for (PostgreSQL without a URL), or nullopt.
std::optional<std::string> MissingBackend();

// In a fixture's SetUp: skips the test (fails it under WAYMARK_REQUIRE_POSTGRES=1) when
// MissingBackend() says why it cannot run.
#define WAYMARK_SKIP_WITHOUT_APP_BACKEND()                                \
  do {                                                                    \
    if (auto missing = ::waymark::app::testing::MissingBackend()) {       \
      if (::waymark::db::testing::PostgresRequired()) FAIL() << *missing; \
      GTEST_SKIP() << *missing;                                           \
    }                                                                     \
  } while (false)

class TestApp {
 public:
  explicit TestApp(TestAppOptions options = {});
  ~TestApp();
  TestApp(const TestApp&) = delete;
  TestApp& operator=(const TestApp&) = delete;

  std::uint16_t port() const { return port_; }
  const std::string& origin() const { return runtime_->config.public_url; }
  Runtime& runtime() { return *runtime_; }
  WebApp& web() { return *app_; }
  ManualClock& clock() { return *clock_; }
  // SQLite only: the database file.
  const std::filesystem::path& database_path() const { return db_path_; }
  Browser NewBrowser() const { return Browser(port_, origin()); }

  // Password step then security code (from DemoTotpCode at the manual time). Checks every
  // step's status and redirect.
  ::testing::AssertionResult SignIn(Browser& browser, std::string_view email,
                                    std::string_view password = {});
  // Only the password step; the browser then holds a session at the security-code stage.
  ::testing::AssertionResult SignInPassword(Browser& browser, std::string_view email,
                                            std::string_view password = {});
  std::string TotpCode(std::string_view email);

  // An enrolled user with the demo password in the organisation named `organisation_name`,
  // written straight to the database (no Argon2: it reuses a demo user's hash).
  std::string AddEnrolledUser(std::string_view organisation_name, std::string_view email,
                              identity::Role role);
  std::string OrganisationId(std::string_view name);
  std::string UserId(std::string_view email);
  std::optional<identity::Actor> ActorFor(std::string_view email);
  int64_t CountUsers();
  // Rows of audit_events with this action (and this request id, when given).
  int64_t CountAudit(std::string_view action, std::optional<std::string> request_id = {});

 private:
  std::filesystem::path dir_;
  std::filesystem::path db_path_;
  std::unique_ptr<db::testing::TestDatabase> postgres_;  // when on PostgreSQL
  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<Runtime> runtime_;
  std::unique_ptr<WebApp> app_;
  std::unique_ptr<http::Server> server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

// One TestApp per test.
class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WAYMARK_SKIP_WITHOUT_APP_BACKEND();
    app_ = std::make_unique<TestApp>();
  }
  void TearDown() override { app_.reset(); }
  TestApp& app() { return *app_; }

 private:
  std::unique_ptr<TestApp> app_;
};

}  // namespace waymark::app::testing
