// Response serialisation to HTTP/1.x bytes. Pure functions; safe from any thread.
#pragma once

#include <string>

#include "platform/http/response.hpp"
#include "platform/util/clock.hpp"

namespace waymark::http {

struct WireOptions {
  int version = 11;           // 10 or 11, the request's
  bool keep_alive = true;     // false adds "Connection: close"
  bool head_request = false;  // send the headers (and Content-Length) without the body
  TimePoint now = std::chrono::system_clock::now();
};

// The status line, the handler's headers, Date, Content-Length and Connection, then the body.
// Framing and hop-by-hop headers a handler set (Content-Length, Transfer-Encoding, Connection,
// Keep-Alive, Upgrade, Date) are ignored: the server decides them. 1xx, 204 and 304 carry no
// body.
std::string SerializeResponse(const Response& res, const WireOptions& options);

// "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 IMF-fixdate).
std::string HttpDate(TimePoint t);

}  // namespace waymark::http
