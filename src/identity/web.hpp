// How features put pages on the web: the session cookie, CSRF protection, authentication and
// the route's permission, in that fixed order, before a feature's handler runs.
//
// A feature registers its pages through WebRoutes: `Page(...)` for signed-in people with a
// declared policy Action, `Public(...)` for pages anyone may reach, `Api(...)` for the JSON API
// (a bearer token instead of a cookie: no session, no CSRF token, since a browser never sends
// the Authorization header on its own; the same policy Action check as pages; problem+json
// errors; see api_responses.hpp). The handler gets a
// PageContext: the request, the signed-in person (if any), the CSRF token for its forms and a
// place to set cookies. Handlers never see a request that failed these checks.
//
// Thread safety: WebRoutes is used while routes are added (one thread); the wrapped handlers are
// then called from many worker threads at once.
// Lifetime: the handlers it registers refer to it; keep it alive as long as the router.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "identity/api_tokens.hpp"
#include "identity/policy.hpp"
#include "identity/sign_in.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/router.hpp"

namespace waymark::identity {

struct WebSettings {
  bool secure_cookies = false;  // the public URL is https
  std::string public_origin;    // "https://waymark.example.org": the only Origin forms accept
  SessionLimits limits;
};

inline constexpr std::string_view kCsrfField = "csrf_token";

// "__Host-waymark-session" under https; browsers refuse __Host- cookies without Secure, so plain
// HTTP (development on loopback) uses "waymark-session".
std::string SessionCookieName(const WebSettings& settings);
std::string CsrfCookieName(const WebSettings& settings);

struct PageContext {
  http::Request& request;
  const WebSettings& settings;
  std::optional<Authenticated> auth;
  std::string session_token;             // the raw cookie value; empty when there is none
  std::string csrf_token;                // put in every form as kCsrfField
  std::vector<http::SetCookie> cookies;  // added to the response

  // The signed-in person; only call on Page routes (throws std::logic_error otherwise).
  const Actor& actor() const;
  Origin origin() const { return Origin{request.remote_address, request.request_id}; }
  // Replaces the session cookie (after a new token is issued) or clears it (empty token).
  void SetSessionCookie(const std::string& token);
};

using PageHandler = std::function<http::Response(PageContext&)>;

// What an API handler gets: the request and the caller its bearer token names.
struct ApiContext {
  http::Request& request;
  ApiCaller caller;

  const Actor& actor() const { return caller.actor; }
  Origin origin() const { return Origin{request.remote_address, request.request_id}; }
};

using ApiHandler = std::function<http::Response(ApiContext&)>;

// Renders the 403 page; supplied by the app so it can use the site's layout.
using ForbiddenPageFn = std::function<http::Response(PageContext&)>;

class WebRoutes {
 public:
  WebRoutes(http::Router& router, SignInService& sign_in, db::Database& db,
            const audit::AuditLog& audit, WebSettings settings, ForbiddenPageFn forbidden);

  // A page for a fully signed-in person whom the policy allows `action`.
  void Page(std::string method, std::string pattern, Action action, PageHandler handler);
  // A page anyone may reach (sign in, set-up, second-factor steps); a session is loaded if the
  // browser has one, but not required. `touch_session` false leaves its idle time running.
  void Public(std::string method, std::string pattern, PageHandler handler,
              bool touch_session = true);

  // Turns on Api(); `tokens` must outlive the routes.
  void EnableApi(ApiTokenService& tokens) { api_tokens_ = &tokens; }
  // A JSON endpoint for a bearer token whose person the policy allows `action`. Throws
  // std::logic_error before EnableApi.
  void Api(std::string method, std::string pattern, Action action, ApiHandler handler);

  const WebSettings& settings() const { return settings_; }

 private:
  std::optional<http::Response> CheckCsrf(PageContext& ctx) const;
  http::Response Finish(PageContext& ctx, http::Response response) const;
  void Deny(const http::Request& request, const Actor& actor, Action action,
            std::string_view reason) const;

  http::Router& router_;
  SignInService& sign_in_;
  db::Database& db_;
  const audit::AuditLog& audit_;
  WebSettings settings_;
  ForbiddenPageFn forbidden_;
  ApiTokenService* api_tokens_ = nullptr;
};

}  // namespace waymark::identity
