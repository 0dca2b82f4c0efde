#include "identity/api_responses.hpp"

namespace waymark::identity {

namespace {

constexpr std::string_view kProblemType = "application/problem+json";

http::Response ProblemBody(int status, std::string_view detail,
                           const std::vector<FieldError>& fields) {
  boost::json::object body{{"type", "about:blank"},
                           {"title", http::StatusText(status)},
                           {"status", status},
                           {"detail", detail}};
  if (!fields.empty()) {
    boost::json::array errors;
    for (const auto& error : fields) {
      errors.push_back(boost::json::object{{"field", error.field}, {"message", error.message}});
    }
    body["errors"] = std::move(errors);
  }
  http::Response response = JsonResponse(body, status);
  response.headers.Set("Content-Type", std::string(kProblemType));
  if (status == 401) response.headers.Set("WWW-Authenticate", "Bearer realm=\"waymark\"");
  return response;
}

}  // namespace

int ApiStatusFor(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kInvalid:
      return 422;
    case ProblemKind::kNotFound:
      return 404;
    case ProblemKind::kForbidden:
      return 403;
    case ProblemKind::kConflict:
      return 409;
    case ProblemKind::kUnauthenticated:
      return 401;
    case ProblemKind::kTooManyRequests:
      return 429;
    case ProblemKind::kUnavailable:
      return 503;
  }
  return 500;
}

http::Response ProblemJson(const Problem& problem) {
  return ProblemBody(ApiStatusFor(problem.kind), problem.message, problem.fields);
}

http::Response ProblemJson(int status, std::string_view detail) {
  return ProblemBody(status, detail, {});
}

http::Response JsonResponse(const boost::json::value& body, int status) {
  http::Response response = http::Response::Json(boost::json::serialize(body), status);
  // Case data must never sit in a cache, whatever the server's default becomes.
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

}  // namespace waymark::identity
