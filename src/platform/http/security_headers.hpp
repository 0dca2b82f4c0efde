// The security headers every response carries.
// Pure function; safe from any thread.
#pragma once

#include <string_view>

#include "platform/http/response.hpp"

namespace waymark::http {

// A strict policy for server-rendered pages: everything from self, nothing inline, no framing.
inline constexpr std::string_view kDefaultCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'; frame-ancestors 'none'";

// Sets Content-Security-Policy (`csp`, with "frame-ancestors 'none'" appended when the caller's
// policy lacks frame-ancestors), X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer,
// X-Frame-Options: DENY, Cross-Origin-Opener-Policy: same-origin, and, when `tls`,
// Strict-Transport-Security for a year. Cache-Control becomes no-store, or
// "public, max-age=31536000, immutable" for a long_lived_cache response.
// A Content-Security-Policy or Cache-Control the handler set itself is kept.
void ApplySecurityHeaders(Response& res, bool tls, std::string_view csp);

}  // namespace waymark::http
