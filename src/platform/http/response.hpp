// The response as the application builds it: plain values the server turns into HTTP.
// Thread safety: a value type.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "platform/http/headers.hpp"

namespace waymark::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // A content-addressed asset (its name changes with its content): cache for a year instead of
  // the default Cache-Control: no-store.
  bool long_lived_cache = false;

  static Response Html(std::string body, int status = 200);
  static Response Text(std::string body, int status = 200);
  // `body` is already-serialised JSON.
  static Response Json(std::string body, int status = 200);
  // 303 See Other to a local path ("/cases/1?tab=notes"). Throws std::invalid_argument for
  // anything else ("//evil.example", "https://...", CR/LF): an open redirect is a bug.
  static Response Redirect(std::string_view location);
};

// Builds the page the server and the router show for an error status (400, 404, 405, 413, 431,
// 500, 503). `incident_id` is non-empty only for 500. The application may supply its own.
using ErrorPageFn = std::function<Response(int status, std::string_view incident_id)>;

// Plain, self-contained HTML error page; the incident id is shown so people can quote it.
Response DefaultErrorPage(int status, std::string_view incident_id);

// The reason phrase for a status ("Not Found"), or "Error" when unknown.
std::string_view StatusText(int status);

}  // namespace waymark::http
