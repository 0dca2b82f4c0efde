// Routes: method + path pattern -> handler, each with the policy action it needs.
//
// Pattern syntax: literal segments and captures, one per segment:
//   /orgs/{id:id}/cases/{n:int}    /assets/{file:path}    /search/{term}
// Capture types: id (32 lowercase hex, util's IsId), int (1-18 decimal digits), ref (short
// reference "WM-7K3Q-9D2F"), slug ([a-z0-9-], 1-64), any (default: any non-empty segment),
// path (the rest of the path, one or more segments; last only). Capture names are
// [a-z_][a-z0-9_]*, unique within a pattern.
// When several patterns match, the most specific wins, segment by segment:
// literal > id/int/ref/slug > any > path. HEAD falls back to a GET route.
//
// Thread safety: Add() is not thread-safe and invalidates Route pointers; add every route before
// serving. After that, the const members are safe from any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace waymark::http {

enum class RouteKind {
  kPage,    // HTML for a signed-in person (session cookie, CSRF token)
  kApi,     // JSON for a bearer token
  kPublic,  // no sign-in: start page, sign-in form, health, assets
};

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;   // "GET", "POST", ...
  std::string pattern;  // see the syntax above
  // What the policy decision point checks, e.g. "cases.view". Required: it has no default, so
  // leaving it out of a designated initializer fails to compile (-Wextra -Werror), and Add()
  // refuses an empty one.
  std::string action;
  RouteKind kind = RouteKind::kPage;
  std::optional<std::size_t> body_limit{};  // bytes; empty: the server's default
  Handler handler;
};

struct RouteMatch {
  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
  Outcome outcome = Outcome::kNotFound;
  const Route* route = nullptr;    // set when kFound; valid while the router lives
  Captures captures;               // set when kFound
  std::vector<std::string> allow;  // set when kMethodNotAllowed: methods the path accepts
};

class Router {
 public:
  // Throws std::invalid_argument, naming the route, when the action is empty or has whitespace,
  // the handler is empty, the method is not an uppercase token, the pattern is malformed, or the
  // same method and pattern are already registered.
  void Add(Route route);

  RouteMatch Match(std::string_view method, std::string_view path) const;

  // Every route in registration order (the route x role test walks these).
  const std::vector<Route>& Routes() const { return routes_; }

  // The body limit the route for (method, path) allows, if it sets one. Suits
  // ServerOptions::body_limit.
  std::optional<std::size_t> BodyLimitFor(std::string_view method, std::string_view path) const;

 private:
  struct Segment {
    enum class Type { kLiteral, kId, kInt, kRef, kSlug, kAny, kPath };
    Type type;
    std::string text;  // the literal, or the capture name
  };
  struct Compiled {
    std::vector<Segment> segments;
  };
  static Compiled Compile(const Route& route);
  static bool MatchPattern(const Compiled& compiled, std::string_view path, Captures* captures);
  static bool MoreSpecific(const Compiled& a, const Compiled& b);

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

// Called after a match and before the handler (the policy check, CSRF); a Response returned
// here is sent instead of calling the handler.
using RouteGuard = std::function<std::optional<Response>(Request&, const Route&)>;

// Matches `req`, fills req.captures and req.route_pattern ("unmatched" when nothing matched),
// runs `guard`, then the handler. 404 and 405 (with an Allow header) come from `error_page`.
Response Dispatch(const Router& router, Request& req, const RouteGuard& guard = {},
                  const ErrorPageFn& error_page = DefaultErrorPage);

}  // namespace waymark::http
