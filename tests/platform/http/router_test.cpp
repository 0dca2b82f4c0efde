#include <gtest/gtest.h>

#include <stdexcept>

#include "platform/http/router.hpp"
#include "platform/util/ids.hpp"

namespace waymark::http {
namespace {

Handler Says(std::string text) {
  return [text](Request&) { return Response::Text(text); };
}

Router MakeRouter() {
  Router r;
  r.Add({.method = "GET",
         .pattern = "/",
         .action = "home.view",
         .kind = RouteKind::kPublic,
         .handler = Says("home")});
  r.Add(
      {.method = "GET", .pattern = "/cases/new", .action = "cases.create", .handler = Says("new")});
  r.Add({.method = "GET",
         .pattern = "/cases/{id:id}",
         .action = "cases.view",
         .handler = Says("case")});
  r.Add({.method = "POST",
         .pattern = "/cases/{id:id}",
         .action = "cases.edit",
         .handler = Says("edit")});
  r.Add({.method = "GET",
         .pattern = "/cases/{name}",
         .action = "cases.by_name",
         .handler = Says("by-name")});
  r.Add({.method = "GET",
         .pattern = "/orgs/{org:id}/pages/{n:int}",
         .action = "orgs.page",
         .handler = Says("page")});
  r.Add({.method = "GET", .pattern = "/ref/{r:ref}", .action = "ref.view", .handler = Says("ref")});
  r.Add({.method = "GET",
         .pattern = "/assets/{file:path}",
         .action = "assets.get",
         .kind = RouteKind::kPublic,
         .handler = Says("asset")});
  r.Add({.method = "POST",
         .pattern = "/uploads/{kind:slug}",
         .action = "uploads.create",
         .body_limit = 10u << 20,
         .handler = Says("upload")});
  return r;
}

TEST(Router, MatchesLiteralsBeforeCaptures) {
  Router r = MakeRouter();
  RouteMatch m = r.Match("GET", "/cases/new");
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(m.route->action, "cases.create");
  EXPECT_TRUE(m.captures.empty());

  std::string id = NewId();
  m = r.Match("GET", "/cases/" + id);
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(m.route->action, "cases.view");
  EXPECT_EQ(m.captures, (Captures{{"id", id}}));

  m = r.Match("GET", "/cases/ABC");
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(m.route->action, "cases.by_name") << "not an id, so the untyped capture takes it";
}

TEST(Router, TypedCaptures) {
  Router r = MakeRouter();
  std::string org = NewId();
  RouteMatch m = r.Match("GET", "/orgs/" + org + "/pages/42");
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(m.captures, (Captures{{"org", org}, {"n", "42"}}));
  EXPECT_EQ(r.Match("GET", "/orgs/" + org + "/pages/4x").outcome, RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(r.Match("GET", "/orgs/" + org + "/pages/" + std::string(19, '9')).outcome,
            RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(r.Match("GET", "/orgs/NOTANID/pages/1").outcome, RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(r.Match("GET", "/ref/" + NewShortReference()).outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(r.Match("GET", "/ref/WM-1234").outcome, RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(r.Match("POST", "/uploads/care-plan-2").outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(r.Match("POST", "/uploads/Care").outcome, RouteMatch::Outcome::kNotFound);
}

TEST(Router, PathCaptureTakesTheRest) {
  Router r = MakeRouter();
  RouteMatch m = r.Match("GET", "/assets/css/app.1234.css");
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(m.captures, (Captures{{"file", "css/app.1234.css"}}));
  EXPECT_EQ(r.Match("GET", "/assets").outcome, RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(r.Match("GET", "/assets/").outcome, RouteMatch::Outcome::kNotFound);
}

TEST(Router, NotFoundAndMethodNotAllowed) {
  Router r = MakeRouter();
  EXPECT_EQ(r.Match("GET", "/nope").outcome, RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(r.Match("GET", "/cases/new/extra").outcome, RouteMatch::Outcome::kNotFound);
  EXPECT_EQ(r.Match("GET", "/cases/").outcome, RouteMatch::Outcome::kNotFound);
  RouteMatch m = r.Match("DELETE", "/cases/" + NewId());
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::kMethodNotAllowed);
  EXPECT_EQ(m.allow, (std::vector<std::string>{"GET", "HEAD", "POST"}));
  EXPECT_EQ(r.Match("get", "/").outcome, RouteMatch::Outcome::kMethodNotAllowed);
}

TEST(Router, HeadFallsBackToGet) {
  Router r = MakeRouter();
  RouteMatch m = r.Match("HEAD", "/");
  ASSERT_EQ(m.outcome, RouteMatch::Outcome::kFound);
  EXPECT_EQ(m.route->method, "GET");
}

TEST(Router, RoutesEnumerateEverything) {
  Router r = MakeRouter();
  ASSERT_EQ(r.Routes().size(), 9u);
  for (const Route& route : r.Routes()) EXPECT_FALSE(route.action.empty());
  EXPECT_EQ(r.Routes()[1].pattern, "/cases/new");
}

TEST(Router, BodyLimitFor) {
  Router r = MakeRouter();
  EXPECT_EQ(r.BodyLimitFor("POST", "/uploads/scan"), std::optional<std::size_t>(10u << 20));
  EXPECT_EQ(r.BodyLimitFor("POST", "/cases/" + NewId()), std::nullopt);
  EXPECT_EQ(r.BodyLimitFor("POST", "/nowhere"), std::nullopt);
}

TEST(Router, RefusesRoutesWithoutAnAction) {
  Router r;
  // Leaving .action out of a designated initializer does not compile; this is the runtime net.
  Route no_action;
  no_action.method = "GET";
  no_action.pattern = "/x";
  no_action.handler = Says("x");
  EXPECT_THROW(r.Add(no_action), std::invalid_argument);
  EXPECT_THROW(r.Add({.method = "GET", .pattern = "/x", .action = "a b", .handler = Says("x")}),
               std::invalid_argument);
  EXPECT_TRUE(r.Routes().empty());
}

TEST(Router, RefusesMalformedRoutes) {
  Router r;
  auto add = [&r](std::string method, std::string pattern) {
    r.Add({.method = method, .pattern = pattern, .action = "a", .handler = Says("x")});
  };
  EXPECT_THROW(add("GET", "x"), std::invalid_argument);
  EXPECT_THROW(add("GET", "/a//b"), std::invalid_argument);
  EXPECT_THROW(add("GET", "/a/{id:uuid}"), std::invalid_argument);
  EXPECT_THROW(add("GET", "/a/{Id}"), std::invalid_argument);
  EXPECT_THROW(add("GET", "/a/{x}/{x}"), std::invalid_argument);
  EXPECT_THROW(add("GET", "/a/pre{x}"), std::invalid_argument);
  EXPECT_THROW(add("GET", "/a/{rest:path}/b"), std::invalid_argument);
  EXPECT_THROW(add("get", "/a"), std::invalid_argument);
  EXPECT_THROW(r.Add({.method = "GET", .pattern = "/a", .action = "a", .handler = {}}),
               std::invalid_argument);
  add("GET", "/a");
  EXPECT_THROW(add("GET", "/a"), std::invalid_argument);
  EXPECT_NO_THROW(add("POST", "/a"));
}

TEST(Dispatch, RunsGuardThenHandlerAndFillsTheRequest) {
  Router r = MakeRouter();
  std::string id = NewId();
  Request req;
  req.method = "GET";
  req.path = "/cases/" + id;
  std::string seen_action;
  Response res = Dispatch(r, req, [&](Request&, const Route& route) -> std::optional<Response> {
    seen_action = route.action;
    return std::nullopt;
  });
  EXPECT_EQ(res.body, "case");
  EXPECT_EQ(seen_action, "cases.view");
  EXPECT_EQ(req.route_pattern, "/cases/{id:id}");
  EXPECT_EQ(req.Capture("id"), id);
  EXPECT_THROW(req.Capture("nope"), std::out_of_range);
}

TEST(Dispatch, GuardCanRefuse) {
  Router r = MakeRouter();
  Request req;
  req.method = "GET";
  req.path = "/cases/new";
  Response res = Dispatch(r, req, [](Request&, const Route&) -> std::optional<Response> {
    return Response::Text("no", 403);
  });
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(res.body, "no");
}

TEST(Dispatch, NotFoundAndMethodNotAllowedPages) {
  Router r = MakeRouter();
  Request req;
  req.method = "GET";
  req.path = "/missing";
  EXPECT_EQ(Dispatch(r, req).status, 404);
  EXPECT_EQ(req.route_pattern, "unmatched");
  req.method = "PUT";
  req.path = "/";
  Response res = Dispatch(r, req);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.headers.Get("Allow"), "GET, HEAD");
}

TEST(RequestCaptures, IntCapture) {
  Request req;
  req.captures = {{"n", "42"}, {"s", "x"}};
  EXPECT_EQ(req.CaptureInt("n"), 42);
  EXPECT_THROW(req.CaptureInt("s"), std::out_of_range);
}

}  // namespace
}  // namespace waymark::http
