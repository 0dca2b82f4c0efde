// The whole application over real sockets: security headers, CSRF, protocol errors, readiness
// and the HTTPS (behind a TLS-ending proxy) variant of cookies and headers.
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "identity/roles.hpp"
#include "platform/assets/assets.hpp"
#include "platform/html/inline_script.hpp"
#include "tests/app/app_fixture.hpp"

namespace waymark::app::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kWorker = "support.worker@harbour.demo";
constexpr std::string_view kAdmin = "admin@northgate.demo";
constexpr std::string_view kSessionCookie = "waymark-session";
constexpr std::string_view kLongCache = "public, max-age=31536000, immutable";

// The inline <script> bodies of a page (those without a src attribute).
std::vector<std::string> InlineScripts(std::string_view html) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = html.find("<script>", at)) != std::string_view::npos) {
    at += 8;
    std::size_t end = html.find("</script>", at);
    out.emplace_back(html.substr(at, end - at));
    at = end;
  }
  return out;
}

void ExpectSecurityHeaders(const RawResponse& res, std::string_view what) {
  SCOPED_TRACE(what);
  std::string csp = res.Header("Content-Security-Policy");
  EXPECT_EQ(csp, WebApp::ContentSecurityPolicy());
  EXPECT_THAT(csp, HasSubstr("script-src 'self' 'sha256-"));
  EXPECT_THAT(csp, HasSubstr("frame-ancestors 'none'"));
  EXPECT_THAT(csp, Not(HasSubstr("unsafe-inline")));
  EXPECT_EQ(res.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res.Header("Referrer-Policy"), "no-referrer");
  // Plain HTTP on loopback: HSTS would be wrong (and ignored) here.
  EXPECT_EQ(res.Header("Strict-Transport-Security"), "");
}

TEST_F(AppTest, SecurityHeadersOnPagesHealthAndAssets) {
  Browser browser = app().NewBrowser();
  auto page = browser.Get("/sign-in");
  ASSERT_EQ(page.status, 200);
  ExpectSecurityHeaders(page, "/sign-in");
  EXPECT_EQ(page.Header("Cache-Control"), "no-store");
  // Every inline script the page carries is allowed by its hash, and nothing else is.
  auto scripts = InlineScripts(page.body);
  ASSERT_FALSE(scripts.empty());
  for (const auto& script : scripts) {
    EXPECT_THAT(page.Header("Content-Security-Policy"), HasSubstr(html::CspSha256(script)));
  }

  auto health = browser.Get("/healthz");
  ASSERT_EQ(health.status, 200);
  ExpectSecurityHeaders(health, "/healthz");
  EXPECT_EQ(health.Header("Cache-Control"), "no-store");

  ASSERT_TRUE(app().SignIn(browser, kWorker));
  auto home = browser.Get("/");
  ASSERT_EQ(home.status, 200);
  ExpectSecurityHeaders(home, "/ signed in");
  EXPECT_EQ(home.Header("Cache-Control"), "no-store");

  auto all = assets::AllAssets();
  ASSERT_FALSE(all.empty());
  const assets::Asset& asset = all.front();
  auto served = browser.Get(std::string(assets::kUrlPrefix) + std::string(asset.name));
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.Header("Cache-Control"), kLongCache);
  EXPECT_EQ(served.Header("Content-Type"), asset.content_type);
  EXPECT_EQ(served.body, asset.bytes);
  EXPECT_EQ(served.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(served.Header("Strict-Transport-Security"), "");

  auto missing = browser.Get("/assets/no-such-asset-0000.css");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Header("Cache-Control"), "no-store");
}

TEST(HttpsAppTest, BehindTlsCookiesAreSecureAndHostPrefixedAndHstsIsSent) {
  WAYMARK_SKIP_WITHOUT_APP_BACKEND();
  TestApp app(TestAppOptions{.https = true});
  Browser browser = app.NewBrowser();
  auto page = browser.Get("/sign-in");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.Header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
  std::string csrf_cookie = SetCookieFor(page, "__Host-waymark-csrf");
  EXPECT_THAT(csrf_cookie, HasSubstr("; Secure"));
  EXPECT_THAT(csrf_cookie, HasSubstr("; HttpOnly"));

  ASSERT_TRUE(app.SignIn(browser, kWorker));
  auto token = browser.Cookie("__Host-waymark-session");
  ASSERT_TRUE(token);
  EXPECT_FALSE(browser.Cookie(std::string(kSessionCookie)));
  auto home = browser.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.Header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");

  // The token under the plain-HTTP cookie name is not a session here.
  Browser renamed = app.NewBrowser();
  renamed.SetCookie(std::string(kSessionCookie), *token);
  EXPECT_EQ(renamed.Get("/").status, 303);
  // Forms are accepted only from the public origin, not from the listening address.
  auto from_listener = browser.Post("/session/extend", {{"csrf_token", browser.csrf()}},
                                    {{"Origin", "http://127.0.0.1:" + std::to_string(app.port())}});
  EXPECT_EQ(from_listener.status, 403);
  auto from_public = browser.Post("/session/extend", {{"csrf_token", browser.csrf()}});
  EXPECT_EQ(from_public.status, 303);
  auto signed_out = browser.Post("/sign-out", {{"csrf_token", browser.csrf()}});
  std::string cleared = SetCookieFor(signed_out, "__Host-waymark-session");
  EXPECT_THAT(cleared, HasSubstr("Max-Age=0"));
  EXPECT_THAT(cleared, HasSubstr("; Secure"));
}

TEST_F(AppTest, SignedInPagesTellTheScriptWhenToWarnOfTheIdleTimeout) {
  Browser browser = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(browser, kAdmin));
  // Just signed in: 15 minutes left, so the warning comes 2 minutes before, after 780 s.
  auto home = browser.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("data-waymark-session-warning-after=\"780\""));
  // The script is loaded by the init module, which every page loads.
  EXPECT_THAT(home.body, HasSubstr("/assets/init-"));
  Browser anonymous = app().NewBrowser();
  EXPECT_THAT(anonymous.Get("/sign-in").body, Not(HasSubstr("data-waymark-session-warning")));
}

TEST_F(AppTest, FormsWithoutAValidTokenOrFromAnotherSiteAreRefused) {
  Browser browser = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(browser, kAdmin));
  ASSERT_EQ(browser.Get("/admin/users/new").status, 200);
  std::string token = browser.csrf();
  ASSERT_FALSE(token.empty());
  std::string harbour = app().OrganisationId("Harbour House Safehouse (demo)");
  int64_t users = app().CountUsers();
  auto form = [&](std::string email, std::optional<std::string> csrf) {
    Fields fields{{"display_name", "Casey Test"},
                  {"email", email},
                  {"organisation_id", harbour},
                  {"role", std::string(identity::Code(identity::Role::kSupportWorker))}};
    if (csrf) fields.emplace_back("csrf_token", *csrf);
    return fields;
  };

  auto no_token = browser.Post("/admin/users/new", form("a@harbour.test", std::nullopt));
  EXPECT_EQ(no_token.status, 403);
  auto wrong_token = browser.Post("/admin/users/new", form("b@harbour.test", "x" + token));
  EXPECT_EQ(wrong_token.status, 403);
  auto empty_token = browser.Post("/admin/users/new", form("c@harbour.test", ""));
  EXPECT_EQ(empty_token.status, 403);
  auto cross_site = browser.Post("/admin/users/new", form("d@harbour.test", token),
                                 {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(cross_site.status, 403);
  auto foreign = browser.Post("/admin/users/new", form("e@harbour.test", token),
                              {{"Origin", "http://evil.example"}});
  EXPECT_EQ(foreign.status, 403);
  // Same host, other port: another origin.
  auto other_port = browser.Post("/admin/users/new", form("f@harbour.test", token),
                                 {{"Origin", "http://127.0.0.1:1"}});
  EXPECT_EQ(other_port.status, 403);
  EXPECT_EQ(app().CountUsers(), users);

  // Browsers send "Origin: null" for our own forms under Referrer-Policy: no-referrer; that
  // alone is no refusal, but cross-site with it still is.
  auto null_cross_site = browser.Post("/admin/users/new", form("h@harbour.test", token),
                                      {{"Origin", "null"}, {"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(null_cross_site.status, 403);
  auto null_no_token =
      browser.Post("/admin/users/new", form("i@harbour.test", std::nullopt), {{"Origin", "null"}});
  EXPECT_EQ(null_no_token.status, 403);
  EXPECT_EQ(app().CountUsers(), users);
  auto null_origin =
      browser.Post("/admin/users/new", form("j@harbour.test", token), {{"Origin", "null"}});
  EXPECT_EQ(null_origin.status, 200);
  EXPECT_EQ(app().CountUsers(), users + 1);
  users += 1;

  // The same form, properly sent, works: the refusals above were about the token and origin.
  auto accepted = browser.Post("/admin/users/new", form("g@harbour.test", token));
  EXPECT_EQ(accepted.status, 200);
  EXPECT_THAT(accepted.body, HasSubstr("Account created"));
  EXPECT_EQ(app().CountUsers(), users + 1);

  // Public forms are protected too (the token lives in its own cookie before sign-in).
  Browser anonymous = app().NewBrowser();
  ASSERT_EQ(anonymous.Get("/sign-in").status, 200);
  auto sign_in = anonymous.Post(
      "/sign-in", {{"email", std::string(kWorker)}, {"password", std::string(kDemoPassword)}});
  EXPECT_EQ(sign_in.status, 403);
  EXPECT_TRUE(SetCookieFor(sign_in, kSessionCookie).empty());
}

TEST_F(AppTest, ProtocolErrorsGetTheirStatus) {
  Browser browser = app().NewBrowser();
  EXPECT_EQ(browser.Get("/no-such-page").status, 404);
  EXPECT_EQ(browser.Get("/admin/users/not-an-id").status, 404);

  auto wrong_method = browser.Send("DELETE", "/sign-in", "", {});
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_THAT(wrong_method.Header("Allow"), HasSubstr("GET"));
  EXPECT_THAT(wrong_method.Header("Allow"), HasSubstr("POST"));
  auto post_health = browser.Post("/healthz", {});
  EXPECT_EQ(post_health.status, 405);
  EXPECT_THAT(post_health.Header("Allow"), HasSubstr("GET"));

  {
    http::testing::RawClient client(app().port());
    client.Send(
        "POST /sign-in HTTP/1.1\r\nHost: t\r\nContent-Type: "
        "application/x-www-form-urlencoded\r\nContent-Length: 1048577\r\n\r\n");
    auto res = client.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
  }
  {
    // A body sent in full, just over the limit.
    http::testing::RawClient client(app().port());
    std::string body(1024 * 1024 + 1, 'a');
    client.Send("POST /sign-in HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::string chunked = "100001\r\n" + body + "\r\n0\r\n\r\n";
    client.Send(chunked);
    auto res = client.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
  }
  {
    http::testing::RawClient client(app().port());
    client.Send("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Filler: " + std::string(10000, 'a') +
                "\r\n\r\n");
    auto res = client.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 431);
  }
  {
    http::testing::RawClient client(app().port());
    client.Send("THIS IS NOT HTTP\r\n\r\n");
    auto res = client.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
  }
  {
    http::testing::RawClient client(app().port());
    client.Send("GET /../etc/passwd HTTP/1.1\r\nHost: t\r\n\r\n");
    auto res = client.Read();
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
  }
  // None of it hurt the server.
  EXPECT_EQ(browser.Get("/healthz").status, 200);
}

TEST_F(AppTest, ReadinessFailsWhenTheDatabaseFileIsDeleted) {
  if (AppTestsOnPostgres()) GTEST_SKIP() << "a SQLite file";
  Browser browser = app().NewBrowser();
  auto ready = browser.Get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, "ready\n");
  std::filesystem::remove(app().database_path());
  auto gone = browser.Get("/readyz");
  EXPECT_EQ(gone.status, 503);
  EXPECT_EQ(gone.Header("Cache-Control"), "no-store");
  EXPECT_EQ(browser.Get("/healthz").status, 200);
}

TEST_F(AppTest, ReadinessFailsWhenTheDatabaseFileIsReplaced) {
  if (AppTestsOnPostgres()) GTEST_SKIP() << "a SQLite file";
  Browser browser = app().NewBrowser();
  ASSERT_EQ(browser.Get("/readyz").status, 200);
  std::filesystem::path copy = app().database_path().string() + ".copy";
  std::filesystem::copy_file(app().database_path(), copy);
  std::filesystem::rename(copy, app().database_path());
  EXPECT_EQ(browser.Get("/readyz").status, 503);
  EXPECT_EQ(browser.Get("/healthz").status, 200);
}

}  // namespace
}  // namespace waymark::app::testing
