#include "identity/web.hpp"

#include <stdexcept>

#include "platform/crypto/secret_bytes.hpp"
#include "platform/crypto/tokens.hpp"

namespace waymark::identity {

namespace {

bool IsUnsafe(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

http::Response Forbidden403(std::string_view message) {
  return http::Response::Text(std::string(message), 403);
}

}  // namespace

std::string SessionCookieName(const WebSettings& settings) {
  return settings.secure_cookies ? "__Host-waymark-session" : "waymark-session";
}

std::string CsrfCookieName(const WebSettings& settings) {
  return settings.secure_cookies ? "__Host-waymark-csrf" : "waymark-csrf";
}

const Actor& PageContext::actor() const {
  if (!auth || !auth->actor) throw std::logic_error("PageContext::actor() on a public route");
  return *auth->actor;
}

void PageContext::SetSessionCookie(const std::string& token) {
  http::SetCookie cookie;
  cookie.name = SessionCookieName(settings);
  cookie.secure = settings.secure_cookies;
  if (token.empty()) {
    cookie = http::SetCookie::Expire(cookie.name);
    cookie.secure = settings.secure_cookies;
  } else {
    cookie.value = token;
  }
  cookies.push_back(cookie);
  session_token = token;
}

WebRoutes::WebRoutes(http::Router& router, SignInService& sign_in, db::Database& db,
                     const audit::AuditLog& audit, WebSettings settings, ForbiddenPageFn forbidden)
    : router_(router),
      sign_in_(sign_in),
      db_(db),
      audit_(audit),
      settings_(std::move(settings)),
      forbidden_(std::move(forbidden)) {}

std::optional<http::Response> WebRoutes::CheckCsrf(PageContext& ctx) const {
  const http::Request& req = ctx.request;
  if (!IsUnsafe(req.method)) return std::nullopt;
  // Browsers say where a request came from; anything but our own pages is refused.
  if (auto site = req.Header("Sec-Fetch-Site"); site && *site != "same-origin") {
    return Forbidden403("This form was sent from another site, so it was not accepted.");
  }
  // Under Referrer-Policy: no-referrer browsers send "Origin: null" even for our own forms, so
  // "null" proves nothing either way: Sec-Fetch-Site and the token decide then.
  if (auto origin = req.Header("Origin");
      origin && *origin != "null" && *origin != settings_.public_origin) {
    return Forbidden403("This form was sent from another site, so it was not accepted.");
  }
  auto form = req.Form();
  std::string_view sent;
  if (form) {
    if (auto value = form->Get(kCsrfField)) sent = *value;
  }
  if (ctx.csrf_token.empty() || sent.empty() || !crypto::ConstantTimeEqual(sent, ctx.csrf_token)) {
    return Forbidden403(
        "This form has expired or was not sent by Waymark. Go back, reload the page and try "
        "again.");
  }
  return std::nullopt;
}

http::Response WebRoutes::Finish(PageContext& ctx, http::Response response) const {
  for (const auto& cookie : ctx.cookies) response.headers.Add("Set-Cookie", cookie.Serialize());
  return response;
}

void WebRoutes::Deny(const http::Request& request, const Actor& actor, Action action,
                     std::string_view reason) const {
  db_.Write([&](db::Tx& tx) {
    audit::Event event;
    event.action = "permission.denied";
    event.outcome = audit::Outcome::kDenied;
    event.actor_id = actor.user_id;
    event.organisation_id = actor.organisation_id;
    event.request_id = request.request_id;
    event.details = {{"action", std::string(Code(action))},
                     {"route", request.route_pattern},
                     {"reason", std::string(reason)}};
    audit_.Append(tx, event);
  });
}

void WebRoutes::Page(std::string method, std::string pattern, Action action, PageHandler handler) {
  std::string route_pattern = pattern;
  router_.Add(http::Route{
      std::move(method), std::move(pattern), std::string(Code(action)), http::RouteKind::kPage,
      std::nullopt, [this, action, handler, route_pattern](http::Request& req) {
        PageContext ctx{req, settings_, std::nullopt, {}, {}, {}};
        auto cookies = req.Cookies();
        if (auto token = cookies.Get(SessionCookieName(settings_))) {
          ctx.session_token = std::string(*token);
        }
        auto auth = sign_in_.Authenticate(ctx.session_token);
        if (!auth) {
          if (!ctx.session_token.empty()) ctx.SetSessionCookie("");
          bool expired = auth.error().message != Problem::Unauthenticated().message;
          return Finish(ctx, http::Response::Redirect(expired ? "/sign-in?expired=1" : "/sign-in"));
        }
        if (!auth->actor) {
          return Finish(ctx, http::Response::Redirect(auth->session.stage == SessionStage::kEnrol
                                                          ? "/sign-in/enrol"
                                                          : "/sign-in/security-code"));
        }
        ctx.auth = std::move(*auth);
        ctx.csrf_token = ctx.auth->session.csrf_token;
        req.actor_id = ctx.auth->actor->user_id;
        if (auto refused = CheckCsrf(ctx)) return Finish(ctx, std::move(*refused));
        Decision decision = Decide(ctx.actor(), action);
        if (!decision) {
          Deny(req, ctx.actor(), action, decision.reason);
          return Finish(ctx, forbidden_(ctx));
        }
        return Finish(ctx, handler(ctx));
      }});
}

void WebRoutes::Public(std::string method, std::string pattern, PageHandler handler,
                       bool touch_session) {
  router_.Add(http::Route{
      std::move(method), std::move(pattern), std::string(Code(Action::kPublic)),
      http::RouteKind::kPublic, std::nullopt, [this, handler, touch_session](http::Request& req) {
        PageContext ctx{req, settings_, std::nullopt, {}, {}, {}};
        auto cookies = req.Cookies();
        if (auto token = cookies.Get(SessionCookieName(settings_))) {
          ctx.session_token = std::string(*token);
          if (auto auth = sign_in_.Authenticate(ctx.session_token, touch_session)) {
            ctx.auth = std::move(*auth);
            ctx.csrf_token = ctx.auth->session.csrf_token;
            if (ctx.auth->actor) req.actor_id = ctx.auth->actor->user_id;
          }
        }
        if (ctx.csrf_token.empty()) {
          // No session: a random token in its own cookie, matched against the form field.
          if (auto existing = cookies.Get(CsrfCookieName(settings_))) {
            ctx.csrf_token = std::string(*existing);
          } else if (!IsUnsafe(req.method)) {
            ctx.csrf_token = crypto::NewToken();
            http::SetCookie cookie;
            cookie.name = CsrfCookieName(settings_);
            cookie.value = ctx.csrf_token;
            cookie.secure = settings_.secure_cookies;
            ctx.cookies.push_back(cookie);
          }
        }
        if (auto refused = CheckCsrf(ctx)) return Finish(ctx, std::move(*refused));
        return Finish(ctx, handler(ctx));
      }});
}

}  // namespace waymark::identity
