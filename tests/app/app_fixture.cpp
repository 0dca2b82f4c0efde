#include "tests/app/app_fixture.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <stdlib.h>

#include <mutex>
#include <stdexcept>

#include "app/demo.hpp"
#include "identity/organisations.hpp"
#include "identity/text.hpp"
#include "identity/users.hpp"
#include "platform/crypto/field_cipher.hpp"
#include "platform/crypto/key_file.hpp"
#include "platform/crypto/totp.hpp"
#include "platform/db/embedded_migrations.hpp"
#include "platform/db/migrations.hpp"
#include "platform/http/headers.hpp"
#include "platform/http/logging.hpp"

namespace waymark::app::testing {

namespace {

using namespace std::chrono_literals;

// Warnings and errors only, so a failing test shows the server's complaints and nothing else.
void QuietLogging() {
  static std::once_flag once;
  std::call_once(once, [] {
    http::InitJsonLogging(http::LogLevel::kWarn, std::make_shared<spdlog::sinks::stderr_sink_mt>());
  });
}

template <class T>
T OrThrow(Result<T> result, std::string_view what) {
  if (!result) throw std::runtime_error(std::string(what) + ": " + result.error().message);
  return std::move(*result);
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

const std::string* FindHeader(const Fields& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (http::EqualsIgnoreCase(key, name)) return &value;
  }
  return nullptr;
}

}  // namespace

TimePoint StartTime() {
  using namespace std::chrono;
  return sys_days{year{2024} / March / 4} + hours(9);
}

std::string FieldValueIn(std::string_view html, std::string_view name) {
  std::size_t at = html.find("name=\"" + std::string(name) + "\"");
  if (at == std::string_view::npos) return "";
  std::size_t tag_end = html.find('>', at);
  std::size_t value = html.find("value=\"", at);
  if (value == std::string_view::npos || value > tag_end) return "";
  value += 7;
  std::size_t end = html.find('"', value);
  return std::string(html.substr(value, end - value));
}

std::vector<std::string> SetCookies(const RawResponse& response) {
  std::vector<std::string> out;
  for (const auto& [key, value] : response.headers) {
    if (http::EqualsIgnoreCase(key, "Set-Cookie")) out.push_back(value);
  }
  return out;
}

std::string SetCookieFor(const RawResponse& response, std::string_view name) {
  std::string prefix = std::string(name) + "=";
  for (auto& cookie : SetCookies(response)) {
    if (cookie.starts_with(prefix)) return cookie;
  }
  return "";
}

std::string EncodeForm(const Fields& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const auto& [key, value] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* part : {&key, &value}) {
      for (unsigned char c : *part) {
        if (IsUnreserved(c)) {
          out += static_cast<char>(c);
        } else {
          out += '%';
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
      }
      if (part == &key) out += '=';
    }
  }
  return out;
}

// --- Browser ------------------------------------------------------------------------------------

Browser::Browser(std::uint16_t port, std::string origin)
    : port_(port), origin_(std::move(origin)) {}

RawResponse Browser::Get(std::string_view target, const Fields& headers) {
  return Send("GET", target, "", headers);
}

RawResponse Browser::Post(std::string_view target, const Fields& form, const Fields& headers) {
  Fields sent = {{"Content-Type", "application/x-www-form-urlencoded"},
                 {"Origin", origin_},
                 {"Sec-Fetch-Site", "same-origin"}};
  for (auto& [key, value] : sent) {
    if (const std::string* given = FindHeader(headers, key)) value = *given;
  }
  for (const auto& header : headers) {
    if (!FindHeader(sent, header.first)) sent.push_back(header);
  }
  std::erase_if(sent, [](const auto& header) { return header.second.empty(); });
  return Send("POST", target, EncodeForm(form), sent);
}

RawResponse Browser::Send(std::string_view method, std::string_view target, std::string_view body,
                          const Fields& headers) {
  std::string request = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n" +
                        "Host: 127.0.0.1:" + std::to_string(port_) + "\r\nConnection: close\r\n";
  if (!jar_.empty()) {
    std::string cookie;
    for (const auto& [name, value] : jar_) {
      cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    }
    request += "Cookie: " + cookie + "\r\n";
  }
  for (const auto& [key, value] : headers) request += key + ": " + value + "\r\n";
  if (!body.empty() || method == "POST") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n";
  request += body;
  http::testing::RawClient client(port_);
  if (!client.Send(request)) throw std::runtime_error("test server closed the connection");
  auto response = client.Read(method == "HEAD", 20s);
  if (!response) throw std::runtime_error("no response from the test server");
  Absorb(*response);
  return std::move(*response);
}

std::optional<std::string> Browser::Cookie(const std::string& name) const {
  auto it = jar_.find(name);
  if (it == jar_.end()) return std::nullopt;
  return it->second;
}

void Browser::Absorb(const RawResponse& response) {
  for (const auto& cookie : SetCookies(response)) {
    std::size_t eq = cookie.find('=');
    std::size_t semi = cookie.find(';');
    if (eq == std::string::npos) continue;
    std::string name = cookie.substr(0, eq);
    std::string value = cookie.substr(eq + 1, semi == std::string::npos ? semi : semi - eq - 1);
    if (cookie.find("Max-Age=0") != std::string::npos) {
      jar_.erase(name);
    } else {
      jar_[name] = value;
    }
  }
  if (std::string token = CsrfTokenIn(response.body); !token.empty()) csrf_ = token;
}

bool AppTestsOnPostgres() {
  const char* backend = std::getenv("WAYMARK_APP_TEST_BACKEND");
  return backend && std::string_view(backend) == "postgres";
}

std::optional<std::string> MissingBackend() {
  if (!AppTestsOnPostgres() || db::testing::PostgresTestUrl()) return std::nullopt;
  return "WAYMARK_APP_TEST_BACKEND=postgres but WAYMARK_TEST_POSTGRES_URL is not set (run under "
         "scripts/with-postgres)";
}

// --- TestApp ------------------------------------------------------------------------------------

TestApp::TestApp(TestAppOptions test_options) {
  QuietLogging();
  std::string pattern = (std::filesystem::temp_directory_path() / "waymark-app-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  db_path_ = dir_ / "waymark.db";

  Config config;
  if (AppTestsOnPostgres()) {
    postgres_ = std::make_unique<db::testing::TestDatabase>(db::BackendKind::kPostgres,
                                                            db::OpenOptions{.pool_size = 1});
    config.database = postgres_->url();
  } else {
    config.database = "sqlite:" + db_path_.string();
  }
  config.key_file = (dir_ / "waymark.key").string();
  config.demo = true;
  config.workers = 4;
  config.database_pool = 4;
  OrThrow(crypto::CreateKeyFile(config.key_file), "key file");
  {
    auto db = OrThrow(OpenDatabase(config), "database");
    OrThrow(db::Migrate(*db, db::EmbeddedMigrations(db->Backend())), "migrate");
  }
  clock_ = std::make_shared<ManualClock>(StartTime());
  runtime_ = OrThrow(OpenRuntime(config, clock_), "runtime");

  // As `waymark serve` does: bind first, so the public URL names the real port.
  http::ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.worker_threads = 4;
  options.tls = test_options.https;
  options.csp = WebApp::ContentSecurityPolicy();
  options.metrics = std::make_shared<http::MetricsRegistry>();
  options.body_limit = [this](std::string_view method, std::string_view path) {
    return app_->router.BodyLimitFor(method, path);
  };
  auto metrics = options.metrics;
  server_ = std::make_unique<http::Server>(
      options, [this](http::Request& req) { return app_->Handle(req); });
  port_ = server_->port();
  runtime_->config.public_url =
      test_options.https ? "https://waymark.test" : "http://127.0.0.1:" + std::to_string(port_);
  app_ = std::make_unique<WebApp>(*runtime_, metrics);
  OrThrow(LoadDemoData(*runtime_), "demo data");
  thread_ = std::thread([this] { server_->Run(); });
}

TestApp::~TestApp() {
  server_->Stop();
  thread_.join();
  server_.reset();
  app_.reset();
  runtime_.reset();
  postgres_.reset();  // drops the schema once the runtime's connections are closed
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string TestApp::TotpCode(std::string_view email) {
  return OrThrow(DemoTotpCode(*runtime_, email), "totp code");
}

::testing::AssertionResult TestApp::SignInPassword(Browser& browser, std::string_view email,
                                                   std::string_view password) {
  auto page = browser.Get("/sign-in");
  if (page.status != 200 || browser.csrf().empty()) {
    return ::testing::AssertionFailure() << "GET /sign-in: " << page.status;
  }
  auto posted = browser.Post("/sign-in", {{"csrf_token", browser.csrf()},
                                          {"email", std::string(email)},
                                          {"password", password.empty() ? std::string(kDemoPassword)
                                                                        : std::string(password)}});
  if (posted.status != 303 || posted.Header("Location") != "/sign-in/security-code") {
    return ::testing::AssertionFailure() << "password step for " << email << ": " << posted.status
                                         << " " << posted.Header("Location");
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult TestApp::SignIn(Browser& browser, std::string_view email,
                                           std::string_view password) {
  if (auto ok = SignInPassword(browser, email, password); !ok) return ok;
  auto page = browser.Get("/sign-in/security-code");
  if (page.status != 200) {
    return ::testing::AssertionFailure() << "GET /sign-in/security-code: " << page.status;
  }
  auto posted = browser.Post("/sign-in/security-code",
                             {{"csrf_token", browser.csrf()}, {"code", TotpCode(email)}});
  if (posted.status != 303 || posted.Header("Location") != "/") {
    return ::testing::AssertionFailure() << "security code for " << email << ": " << posted.status
                                         << " " << posted.Header("Location");
  }
  return ::testing::AssertionSuccess();
}

std::string TestApp::OrganisationId(std::string_view name) {
  return runtime_->db->Read([&](db::Tx& tx) {
    for (const auto& org : identity::ListOrganisations(tx)) {
      if (org.name == name) return org.id;
    }
    throw std::runtime_error("no organisation " + std::string(name));
  });
}

std::string TestApp::UserId(std::string_view email) {
  return runtime_->db->Read([&](db::Tx& tx) {
    auto user = identity::FindUserByEmail(tx, identity::NormaliseEmail(email));
    if (!user) throw std::runtime_error("no user " + std::string(email));
    return user->id;
  });
}

std::optional<identity::Actor> TestApp::ActorFor(std::string_view email) {
  return runtime_->db->Read([&](db::Tx& tx) -> std::optional<identity::Actor> {
    auto user = identity::FindUserByEmail(tx, identity::NormaliseEmail(email));
    if (!user) return std::nullopt;
    auto org = identity::FindOrganisation(tx, user->organisation_id);
    if (!org) return std::nullopt;
    return identity::Actor{user->id, org->id, org->kind, org->is_operator, user->role};
  });
}

std::string TestApp::AddEnrolledUser(std::string_view organisation_name, std::string_view email,
                                     identity::Role role) {
  std::string org_id = OrganisationId(organisation_name);
  auto added = runtime_->db->Write([&](db::Tx& tx) -> Result<std::string> {
    auto demo = identity::FindUserByEmail(tx, "admin@northgate.demo");
    if (!demo || !demo->password_hash) return Fail(Problem::NotFound("no demo administrator"));
    TimePoint now = clock_->Now();
    auto user = identity::InsertUser(
        tx, {org_id, identity::NormaliseEmail(email), "Added (test)", role}, now);
    if (!user) return Fail(user.error());
    identity::SetPasswordHash(tx, user->id, *demo->password_hash, now);
    auto key = identity::LoadDataKey(tx, runtime_->keyring, org_id);
    if (!key) return Fail(key.error());
    crypto::SecretBytes secret = crypto::NewTotpSecret();
    identity::SetTotp(tx, user->id,
                      crypto::EncryptField(*key, secret.view(), {"users", "totp_secret", user->id}),
                      std::nullopt, now);
    return user->id;
  });
  return OrThrow(std::move(added), "add user");
}

int64_t TestApp::CountUsers() {
  return runtime_->db->Read(
      [](db::Tx& tx) { return tx.QueryOne("SELECT count(*) FROM users")->integer(0); });
}

int64_t TestApp::CountAudit(std::string_view action, std::optional<std::string> request_id) {
  return runtime_->db->Read([&](db::Tx& tx) {
    if (request_id) {
      return tx
          .QueryOne("SELECT count(*) FROM audit_events WHERE action = ? AND request_id = ?",
                    {std::string(action), *request_id})
          ->integer(0);
    }
    return tx.QueryOne("SELECT count(*) FROM audit_events WHERE action = ?", {std::string(action)})
        ->integer(0);
  });
}

}  // namespace waymark::app::testing
