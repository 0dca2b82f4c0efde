// WebRoutes::Api: the JSON API's fixed checks before a feature's handler runs. Cookies are never
// read, so a browser's session cannot be ridden by another site: only a request that carries
// the bearer token itself gets through, which is why the API needs no CSRF token.
#include <stdexcept>

#include "identity/api_responses.hpp"
#include "identity/text.hpp"
#include "identity/web.hpp"

namespace waymark::identity {

namespace {

constexpr std::string_view kNoToken =
    "Send an API token in the Authorization header, as \"Authorization: Bearer wm_...\". Issue "
    "a token on your account page.";

// The token from "Authorization: Bearer <token>" (the scheme is case-insensitive), or "".
std::string BearerToken(const http::Request& req) {
  auto header = req.Header("Authorization");
  if (!header) return "";
  std::string value = Trim(*header);
  constexpr std::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() || AsciiLower(value.substr(0, kScheme.size())) != kScheme) {
    return "";
  }
  return Trim(value.substr(kScheme.size()));
}

http::Response NoStore(http::Response response) {
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

}  // namespace

void WebRoutes::Api(std::string method, std::string pattern, Action action, ApiHandler handler) {
  if (!api_tokens_) throw std::logic_error("WebRoutes::Api before EnableApi: " + pattern);
  ApiTokenService* tokens = api_tokens_;
  router_.Add(http::Route{
      std::move(method), std::move(pattern), std::string(Code(action)), http::RouteKind::kApi,
      std::nullopt, [this, tokens, action, handler](http::Request& req) {
        std::string token = BearerToken(req);
        if (token.empty()) return ProblemJson(Problem::Unauthenticated(std::string(kNoToken)));
        auto caller = tokens->Authenticate(token, Origin{req.remote_address, req.request_id});
        if (!caller) {
          http::Response refused = ProblemJson(caller.error());
          if (caller.error().kind == ProblemKind::kUnauthenticated) {
            refused.headers.Set("WWW-Authenticate",
                                "Bearer realm=\"waymark\", error=\"invalid_token\"");
          }
          return refused;
        }
        req.actor_id = caller->actor.user_id;
        ApiContext ctx{req, std::move(*caller)};
        Decision decision = Decide(ctx.actor(), action);
        if (!decision) {
          Deny(req, ctx.actor(), action, decision.reason);
          return ProblemJson(Problem::Forbidden());
        }
        return NoStore(handler(ctx));
      }});
}

}  // namespace waymark::identity
