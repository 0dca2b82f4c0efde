// The JSON API's answers: bodies as application/json, and every error as
// application/problem+json (RFC 9457) carrying the same message the pages show, with field
// errors as an "errors" array of {field, message} named after the JSON properties.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "platform/http/response.hpp"
#include "platform/util/problem.hpp"

namespace waymark::identity {

// The status the API answers a problem with: Invalid 422, NotFound 404, Forbidden 403,
// Conflict 409, Unauthenticated 401 (with WWW-Authenticate: Bearer), TooManyRequests 429,
// Unavailable 503.
int ApiStatusFor(ProblemKind kind);

// {"type":"about:blank","title":<status text>,"status":..,"detail":<message>[,"errors":[..]]}.
http::Response ProblemJson(const Problem& problem);
// A problem with an explicit status, for what has no ProblemKind (400 malformed JSON, 415).
http::Response ProblemJson(int status, std::string_view detail);

http::Response JsonResponse(const boost::json::value& body, int status = 200);

}  // namespace waymark::identity
