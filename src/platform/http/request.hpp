// The request as the application sees it: plain values, already validated at the edge.
// Thread safety: a value type. The server hands one Request to one worker thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/http/cookies.hpp"
#include "platform/http/forms.hpp"
#include "platform/http/headers.hpp"
#include "platform/util/problem.hpp"

namespace waymark::http {

// Values taken from the path by the router, e.g. {"id", "3f2a..."} for /cases/{id:id}.
using Captures = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  // as sent, case-sensitive: "GET", "POST"
  std::string target;  // raw request-target; holds the query string, so never log it
  std::string path;    // percent-decoded and validated (see ParseTarget)
  FormFields query;    // decoded query parameters in order
  Headers headers;
  std::string body;
  std::string remote_address;  // peer IP, or X-Forwarded-For's last hop when trusted
  std::string request_id;      // 32 hex characters, new for each request
  bool tls = false;            // the browser reached us over HTTPS
  Captures captures;           // filled by the router

  // Set by the application; the server's request log and metrics read them after the handler.
  std::string route_pattern;  // "/cases/{id:id}"; metrics label, never the raw path
  std::string actor_id;       // the signed-in user's id, for the request log

  // The capture called `name`. Throws std::out_of_range when the matched route has none: the
  // route and its handler disagree, which is a programming error.
  std::string_view Capture(std::string_view name) const;
  // An {n:int} capture as a number (the router already checked the digits).
  std::int64_t CaptureInt(std::string_view name) const;

  std::optional<std::string_view> Header(std::string_view name) const { return headers.Get(name); }
  // Every Cookie header, parsed.
  http::Cookies Cookies() const;
  // The body as an urlencoded form. Fails if the Content-Type is not
  // application/x-www-form-urlencoded or the body breaks the limits.
  Result<FormFields> Form(const FormLimits& limits = {}) const;
};

// A request-target split into its decoded path and its query.
struct Target {
  std::string path;
  std::string raw_query;  // still encoded, without '?'
  FormFields query;
};

// Accepts origin-form only ("/path?query"). The path is percent-decoded per segment and refused
// when a segment decodes to '/', "." or "..", holds a control character or invalid UTF-8, or is
// empty anywhere but at the end ("/a//b"). The query must satisfy ParseQuery with `limits`.
Result<Target> ParseTarget(std::string_view target, const FormLimits& limits = {});

}  // namespace waymark::http
