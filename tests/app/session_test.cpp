// Signing in and staying signed in, over real sockets: the session cookie and its rotation,
// half-finished sign-ins, idle and absolute expiry on the manual clock, throttling, the same
// answer for unknown accounts, TOTP replay, and sessions ended by a change of role.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/demo.hpp"
#include "tests/app/app_fixture.hpp"

namespace waymark::app::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kWorker = "support.worker@harbour.demo";
constexpr std::string_view kAdmin = "admin@northgate.demo";
constexpr std::string_view kSessionCookie = "waymark-session";

void ExpectSessionCookieAttributes(const std::string& set_cookie) {
  SCOPED_TRACE(set_cookie);
  EXPECT_THAT(set_cookie, HasSubstr("; HttpOnly"));
  EXPECT_THAT(set_cookie, HasSubstr("; SameSite=Strict"));
  EXPECT_THAT(set_cookie, HasSubstr("; Path=/"));
  // Plain HTTP on loopback: a Secure cookie would never come back.
  EXPECT_THAT(set_cookie, Not(HasSubstr("Secure")));
}

TEST_F(AppTest, SessionCookieIsRotatedAtEachStepAndClearedAtSignOut) {
  Browser browser = app().NewBrowser();
  ASSERT_EQ(browser.Get("/sign-in").status, 200);
  auto password = browser.Post("/sign-in", {{"csrf_token", browser.csrf()},
                                            {"email", std::string(kWorker)},
                                            {"password", std::string(kDemoPassword)}});
  ASSERT_EQ(password.status, 303);
  std::string first_cookie = SetCookieFor(password, kSessionCookie);
  ASSERT_FALSE(first_cookie.empty());
  ExpectSessionCookieAttributes(first_cookie);
  std::string first = *browser.Cookie(std::string(kSessionCookie));
  ASSERT_GE(first.size(), 40u);  // 256 bits of randomness in base64url

  ASSERT_EQ(browser.Get("/sign-in/security-code").status, 200);
  auto code = browser.Post("/sign-in/security-code",
                           {{"csrf_token", browser.csrf()}, {"code", app().TotpCode(kWorker)}});
  ASSERT_EQ(code.status, 303);
  EXPECT_EQ(code.Header("Location"), "/");
  ExpectSessionCookieAttributes(SetCookieFor(code, kSessionCookie));
  std::string second = *browser.Cookie(std::string(kSessionCookie));
  EXPECT_NE(second, first);

  // The password-stage token is gone: it neither reaches pages nor the security-code step.
  Browser stale = app().NewBrowser();
  stale.SetCookie(std::string(kSessionCookie), first);
  auto stale_home = stale.Get("/");
  EXPECT_EQ(stale_home.status, 303);
  EXPECT_EQ(stale_home.Header("Location"), "/sign-in");
  stale.SetCookie(std::string(kSessionCookie), first);
  auto stale_code = stale.Get("/sign-in/security-code");
  EXPECT_EQ(stale_code.status, 303);
  EXPECT_EQ(stale_code.Header("Location"), "/sign-in");

  auto home = browser.Get("/");
  ASSERT_EQ(home.status, 200);
  EXPECT_THAT(home.body, HasSubstr("Jo Support (demo)"));

  auto signed_out = browser.Post("/sign-out", {{"csrf_token", browser.csrf()}});
  ASSERT_EQ(signed_out.status, 303);
  EXPECT_EQ(signed_out.Header("Location"), "/sign-in?signed-out=1");
  std::string cleared = SetCookieFor(signed_out, kSessionCookie);
  EXPECT_THAT(cleared, HasSubstr("Max-Age=0"));
  EXPECT_FALSE(browser.Cookie(std::string(kSessionCookie)));

  Browser replay = app().NewBrowser();
  replay.SetCookie(std::string(kSessionCookie), second);
  auto after = replay.Get("/");
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(after.Header("Location"), "/sign-in");
  EXPECT_EQ(app().CountAudit("sign_out"), 1);
}

TEST_F(AppTest, HalfSignedInSessionsReachNoPages) {
  Browser password_only = app().NewBrowser();
  ASSERT_TRUE(app().SignInPassword(password_only, kAdmin));
  for (std::string_view path : {"/", "/admin/users", "/account"}) {
    auto res = password_only.Get(path);
    EXPECT_EQ(res.status, 303) << path;
    EXPECT_EQ(res.Header("Location"), "/sign-in/security-code") << path;
  }
  int64_t users = app().CountUsers();
  auto post = password_only.Post("/admin/users/new", {{"csrf_token", password_only.csrf()},
                                                      {"display_name", "Half (test)"},
                                                      {"email", "half@harbour.test"},
                                                      {"role", "support_worker"}});
  EXPECT_EQ(post.status, 303);
  EXPECT_EQ(app().CountUsers(), users);

  // Someone who has never set up an authenticator is sent to enrol, not to the pages.
  Browser new_worker = app().NewBrowser();
  ASSERT_EQ(new_worker.Get("/sign-in").status, 200);
  auto password = new_worker.Post("/sign-in", {{"csrf_token", new_worker.csrf()},
                                               {"email", "new.worker@harbour.demo"},
                                               {"password", std::string(kDemoPassword)}});
  ASSERT_EQ(password.status, 303);
  EXPECT_EQ(password.Header("Location"), "/sign-in/enrol");
  auto home = new_worker.Get("/");
  EXPECT_EQ(home.status, 303);
  EXPECT_EQ(home.Header("Location"), "/sign-in/enrol");
  auto enrol = new_worker.Get("/sign-in/enrol");
  EXPECT_EQ(enrol.status, 200);
  EXPECT_THAT(enrol.body, HasSubstr("Set up your authenticator app"));
  EXPECT_EQ(new_worker.Get("/sign-in/security-code").Header("Location"), "/sign-in");
}

TEST_F(AppTest, IdleSessionExpiresAfterFifteenMinutes) {
  Browser browser = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(browser, kWorker));
  // Activity keeps the session alive...
  for (int i = 0; i < 3; ++i) {
    app().clock().Advance(14min);
    ASSERT_EQ(browser.Get("/").status, 200) << "after " << (i + 1) * 14 << " minutes";
  }
  // ...and the timeout warning page does not count as activity.
  app().clock().Advance(10min);
  ASSERT_EQ(browser.Get("/session/timeout-warning").status, 200);
  app().clock().Advance(6min);
  auto expired = browser.Get("/");
  EXPECT_EQ(expired.status, 303);
  EXPECT_EQ(expired.Header("Location"), "/sign-in?expired=1");
  EXPECT_FALSE(browser.Cookie(std::string(kSessionCookie)));
  auto notice = browser.Get("/sign-in?expired=1");
  EXPECT_THAT(notice.body, HasSubstr("You were signed out to keep records safe"));
}

TEST_F(AppTest, SessionEndsAfterTwelveHoursEvenWithActivity) {
  Browser browser = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(browser, kWorker));
  for (int minutes = 10; minutes < 12 * 60; minutes += 10) {
    app().clock().Advance(10min);
    ASSERT_EQ(browser.Get("/").status, 200) << "after " << minutes << " minutes";
  }
  app().clock().Advance(10min);
  auto expired = browser.Get("/");
  EXPECT_EQ(expired.status, 303);
  EXPECT_EQ(expired.Header("Location"), "/sign-in?expired=1");
}

TEST_F(AppTest, RepeatedWrongPasswordsAreThrottledWithoutLockingOut) {
  Browser browser = app().NewBrowser();
  ASSERT_EQ(browser.Get("/sign-in").status, 200);
  auto attempt = [&](std::string_view password) {
    return browser.Post("/sign-in", {{"csrf_token", browser.csrf()},
                                     {"email", std::string(kWorker)},
                                     {"password", std::string(password)}});
  };
  for (int i = 0; i < 5; ++i) {
    auto wrong = attempt("not the password");
    ASSERT_EQ(wrong.status, 400) << "attempt " << i + 1;
    EXPECT_THAT(wrong.body, HasSubstr("Enter a correct email address and password"));
  }
  EXPECT_EQ(app().CountAudit("sign_in.password"), 5);
  auto blocked = attempt(kDemoPassword);
  EXPECT_EQ(blocked.status, 429);
  EXPECT_THAT(blocked.body, HasSubstr("too many attempts"));
  EXPECT_TRUE(SetCookieFor(blocked, kSessionCookie).empty());

  // A delay, never a lock-out: after it the right password works.
  app().clock().Advance(31s);
  ASSERT_TRUE(app().SignIn(browser, kWorker));
}

TEST_F(AppTest, UnknownAccountGetsTheSameAnswerAsAWrongPassword) {
  Browser browser = app().NewBrowser();
  ASSERT_EQ(browser.Get("/sign-in").status, 200);
  auto attempt = [&](std::string_view email) {
    return browser.Post("/sign-in", {{"csrf_token", browser.csrf()},
                                     {"email", std::string(email)},
                                     {"password", "not the password"}});
  };
  const std::string unknown = "nobody.here@harbour.demo";
  auto known_res = attempt(kWorker);
  auto unknown_res = attempt(unknown);
  EXPECT_EQ(known_res.status, 400);
  EXPECT_EQ(unknown_res.status, known_res.status);
  EXPECT_THAT(unknown_res.body, HasSubstr("Enter a correct email address and password"));
  // The pages differ only in the address typed, which is shown back.
  auto without = [](std::string body, std::string_view email) {
    for (std::size_t at; (at = body.find(email)) != std::string::npos;) {
      body.replace(at, email.size(), "EMAIL");
    }
    return body;
  };
  EXPECT_EQ(without(known_res.body, kWorker), without(unknown_res.body, unknown));
}

TEST_F(AppTest, SecurityCodeCannotBeReplayedInAnotherSession) {
  Browser first = app().NewBrowser();
  std::string code = app().TotpCode(kWorker);
  ASSERT_TRUE(app().SignIn(first, kWorker));

  Browser second = app().NewBrowser();
  ASSERT_TRUE(app().SignInPassword(second, kWorker));
  ASSERT_EQ(second.Get("/sign-in/security-code").status, 200);
  auto replayed =
      second.Post("/sign-in/security-code", {{"csrf_token", second.csrf()}, {"code", code}});
  EXPECT_EQ(replayed.status, 400);
  EXPECT_THAT(replayed.body, HasSubstr("Enter a correct security code"));
  EXPECT_EQ(second.Get("/").status, 303);

  // The next time-step's code is accepted.
  app().clock().Advance(30s);
  std::string next = app().TotpCode(kWorker);
  ASSERT_NE(next, code);
  auto accepted =
      second.Post("/sign-in/security-code", {{"csrf_token", second.csrf()}, {"code", next}});
  EXPECT_EQ(accepted.status, 303);
  EXPECT_EQ(second.Get("/").status, 200);
  // The first session is unaffected.
  EXPECT_EQ(first.Get("/").status, 200);
}

TEST_F(AppTest, ChangingSomeonesRoleEndsTheirSessions) {
  Browser worker = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(worker, kWorker));
  Browser admin = app().NewBrowser();
  ASSERT_TRUE(app().SignIn(admin, kAdmin));
  std::string path = "/admin/users/" + app().UserId(kWorker);
  auto page = admin.Get(path);
  ASSERT_EQ(page.status, 200);
  std::string version = FieldValueIn(page.body, "version");
  ASSERT_FALSE(version.empty());

  // A change of name only leaves the session alone...
  auto renamed = admin.Post(path, {{"csrf_token", admin.csrf()},
                                   {"version", version},
                                   {"display_name", "Jo Support Renamed (demo)"},
                                   {"role", "support_worker"}});
  ASSERT_EQ(renamed.status, 303);
  EXPECT_EQ(renamed.Header("Location"), path + "?updated=1");
  EXPECT_EQ(worker.Get("/").status, 200);

  // ...a new role needs a new sign-in.
  page = admin.Get(path);
  auto promoted = admin.Post(path, {{"csrf_token", admin.csrf()},
                                    {"version", FieldValueIn(page.body, "version")},
                                    {"display_name", "Jo Support Renamed (demo)"},
                                    {"role", "service_manager"}});
  ASSERT_EQ(promoted.status, 303);
  auto after = worker.Get("/");
  EXPECT_EQ(after.status, 303);
  EXPECT_THAT(after.Header("Location"), HasSubstr("/sign-in"));

  // A stale version is refused rather than silently overwriting.
  auto stale = admin.Post(path, {{"csrf_token", admin.csrf()},
                                 {"version", version},
                                 {"display_name", "Someone Else (demo)"},
                                 {"role", "support_worker"}});
  EXPECT_EQ(stale.status, 409);
}

}  // namespace
}  // namespace waymark::app::testing
