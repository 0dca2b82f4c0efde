#include <gtest/gtest.h>

#include <stdexcept>

#include "platform/http/request_boundary.hpp"

namespace waymark::http {
namespace {

TEST(RequestBoundary, ExceptionsBecomeIncidentPages) {
  Request req;
  auto throws = [](Request&) -> Response { throw std::runtime_error("db down"); };
  Response res = CallApplication(throws, {}, req);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("db down"), std::string::npos);
  std::string seen_incident;
  ErrorPageFn custom = [&](int status, std::string_view incident) {
    seen_incident = incident;
    return Response::Text("custom " + std::to_string(status), status);
  };
  auto throws_int = [](Request&) -> Response { throw 42; };
  Response custom_res = CallApplication(throws_int, custom, req);
  EXPECT_EQ(custom_res.body, "custom 500");
  EXPECT_EQ(seen_incident.size(), 16u);
  auto fine = [](Request&) { return Response::Text("ok"); };
  EXPECT_EQ(CallApplication(fine, custom, req).body, "ok");
}

TEST(RequestBoundary, BrokenCustomErrorPageFallsBack) {
  ErrorPageFn broken = [](int, std::string_view) -> Response { throw std::logic_error("bug"); };
  EXPECT_EQ(MakeErrorPage(broken, 404, "").status, 404);
}

TEST(RequestBoundary, Labels) {
  Request req;
  EXPECT_EQ(RouteLabel(req), "unmatched");
  req.route_pattern = "/cases/{id:id}";
  EXPECT_EQ(RouteLabel(req), "/cases/{id:id}");
  EXPECT_EQ(MethodLabel("PATCH"), "PATCH");
  EXPECT_EQ(MethodLabel("BREW"), "other");
}

TEST(RequestBoundary, LastForwardedFor) {
  Request req;
  EXPECT_EQ(LastForwardedFor(req), "");
  req.headers.Set("X-Forwarded-For", "198.51.100.1, 10.0.0.2 ");
  EXPECT_EQ(LastForwardedFor(req), "10.0.0.2");
  req.headers.Set("X-Forwarded-For", "2001:db8::1");
  EXPECT_EQ(LastForwardedFor(req), "2001:db8::1");
  // Not an address: ignored, so the server keeps the peer's address.
  req.headers.Set("X-Forwarded-For", "198.51.100.1, attacker-chosen-key");
  EXPECT_EQ(LastForwardedFor(req), "");
  req.headers.Set("X-Forwarded-For", "10.0.0.2,");
  EXPECT_EQ(LastForwardedFor(req), "");
  req.headers.Set("X-Forwarded-For", "2001:DB8:0:0::1");
  EXPECT_EQ(LastForwardedFor(req), "2001:db8::1") << "canonical form, so one client is one key";
}

}  // namespace
}  // namespace waymark::http
