#include <gtest/gtest.h>

#include <stdexcept>

#include "platform/http/cookies.hpp"
#include "platform/http/headers.hpp"
#include "platform/http/response.hpp"
#include "platform/http/security_headers.hpp"

namespace waymark::http {
namespace {

TEST(Headers, LookupIgnoresCaseAndKeepsOrder) {
  Headers h;
  h.Add("Set-Cookie", "a=1");
  h.Add("set-cookie", "b=2");
  h.Set("Content-Type", "text/html");
  EXPECT_EQ(h.Get("SET-COOKIE"), "a=1");
  EXPECT_EQ(h.GetAll("Set-Cookie"), (std::vector<std::string_view>{"a=1", "b=2"}));
  EXPECT_TRUE(h.Has("content-type"));
  EXPECT_FALSE(h.Get("Location").has_value());
  h.Set("SET-COOKIE", "c=3");
  EXPECT_EQ(h.GetAll("set-cookie"), (std::vector<std::string_view>{"c=3"}));
  h.Remove("Content-TYPE");
  EXPECT_FALSE(h.Has("Content-Type"));
}

TEST(Headers, RefusesInjection) {
  Headers h;
  EXPECT_THROW(h.Set("Location", "/a\r\nSet-Cookie: x=1"), std::invalid_argument);
  EXPECT_THROW(h.Add("X-A", std::string("a\0b", 3)), std::invalid_argument);
  EXPECT_THROW(h.Add("Bad Name", "v"), std::invalid_argument);
  EXPECT_THROW(h.Add("", "v"), std::invalid_argument);
  EXPECT_EQ(h.size(), 0u);
}

TEST(Cookies, ParsesPairsInOrderAndSkipsJunk) {
  Cookies c = ParseCookies(" a=1; b=\"two\";junk; =x; c = 3 ;d=; bad name=1; e=x,y");
  EXPECT_EQ(c.Get("a"), "1");
  EXPECT_EQ(c.Get("b"), "two");
  EXPECT_EQ(c.Get("c"), "3");
  EXPECT_EQ(c.Get("d"), "");
  EXPECT_FALSE(c.Get("junk").has_value());
  EXPECT_FALSE(c.Get("bad name").has_value());
  EXPECT_FALSE(c.Get("e").has_value()) << "a comma is not a cookie-octet";
  ASSERT_EQ(c.items().size(), 4u);
  EXPECT_EQ(c.items()[0].first, "a");
}

TEST(Cookies, DuplicatesAreCountedNotHidden) {
  Cookies c = ParseCookies("__Host-s=good; __Host-s=planted");
  EXPECT_EQ(c.Count("__Host-s"), 2u);
  EXPECT_EQ(c.Get("__Host-s"), "good");
}

TEST(Cookies, KeepsAtMostTheLimit) {
  std::string header;
  for (int i = 0; i < 100; ++i) header += "k" + std::to_string(i) + "=v; ";
  EXPECT_EQ(ParseCookies(header, 10).items().size(), 10u);
}

TEST(SetCookie, DefaultsAreStrict) {
  SetCookie c{.name = "__Host-session", .value = "abc123"};
  EXPECT_EQ(c.Serialize(), "__Host-session=abc123; Path=/; Secure; HttpOnly; SameSite=Strict");
}

TEST(SetCookie, MaxAgeAndExpiry) {
  SetCookie c{.name = "n", .value = "v", .max_age = std::chrono::seconds(900)};
  EXPECT_EQ(c.Serialize(), "n=v; Path=/; Max-Age=900; Secure; HttpOnly; SameSite=Strict");
  EXPECT_EQ(SetCookie::Expire("__Host-session").Serialize(),
            "__Host-session=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}

TEST(SetCookie, RefusesBrokenRules) {
  EXPECT_THROW((SetCookie{.name = "__Host-s", .value = "v", .secure = false}.Serialize()),
               std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "__Host-s", .value = "v", .path = "/app"}.Serialize()),
               std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "__Secure-s", .value = "v", .secure = false}.Serialize()),
               std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "s", .value = "a;b"}.Serialize()), std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "s", .value = "a b"}.Serialize()), std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "s=", .value = "v"}.Serialize()), std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "s", .value = "v", .path = "/a;Domain=x"}.Serialize()),
               std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "s", .value = "v", .secure = false, .same_site = SameSite::kNone}
                    .Serialize()),
               std::invalid_argument);
  EXPECT_NO_THROW((SetCookie{
      .name = "s", .value = "v", .path = "/app", .secure = false, .same_site = SameSite::kLax}
                       .Serialize()));
}

TEST(SecurityHeaders, AppliesThePolicy) {
  Response res = Response::Html("<p>hi</p>");
  ApplySecurityHeaders(res, false, "default-src 'self'");
  EXPECT_EQ(res.headers.Get("Content-Security-Policy"),
            "default-src 'self'; frame-ancestors 'none'");
  EXPECT_EQ(res.headers.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res.headers.Get("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(res.headers.Get("X-Frame-Options"), "DENY");
  EXPECT_EQ(res.headers.Get("Cache-Control"), "no-store");
  EXPECT_FALSE(res.headers.Has("Strict-Transport-Security"));
}

TEST(SecurityHeaders, HstsUnderTlsAndLongLivedAssets) {
  Response res = Response::Text("css");
  res.long_lived_cache = true;
  ApplySecurityHeaders(res, true, kDefaultCsp);
  EXPECT_EQ(res.headers.Get("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
  EXPECT_EQ(res.headers.Get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(res.headers.Get("Content-Security-Policy"), kDefaultCsp);
}

TEST(SecurityHeaders, KeepsTheHandlersOwnPolicyAndCaching) {
  Response res = Response::Text("x");
  res.headers.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.headers.Set("Cache-Control", "private, max-age=60");
  ApplySecurityHeaders(res, false, kDefaultCsp);
  EXPECT_EQ(res.headers.Get("Content-Security-Policy"),
            "default-src 'none'; frame-ancestors 'none'");
  EXPECT_EQ(res.headers.Get("Cache-Control"), "private, max-age=60");
}

TEST(Response, Helpers) {
  EXPECT_EQ(Response::Html("x").headers.Get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Response::Json("{}", 201).status, 201);
  EXPECT_EQ(Response::Json("{}").headers.Get("Content-Type"), "application/json");
  Response r = Response::Redirect("/cases/1?tab=notes");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.Get("Location"), "/cases/1?tab=notes");
}

TEST(Response, RedirectRefusesOpenRedirects) {
  for (std::string_view bad : {"//evil.example/", "https://evil.example/", "/\\evil.example",
                               "evil", "", "/a\r\nSet-Cookie: x=1"}) {
    EXPECT_THROW(Response::Redirect(bad), std::invalid_argument) << bad;
  }
}

TEST(Response, DefaultErrorPageEscapesAndShowsIncident) {
  Response r = DefaultErrorPage(500, "<abc>");
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("&lt;abc&gt;"), std::string::npos);
  EXPECT_EQ(r.body.find("<abc>"), std::string::npos);
}

}  // namespace
}  // namespace waymark::http
