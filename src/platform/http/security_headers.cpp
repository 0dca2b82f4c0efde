#include "platform/http/security_headers.hpp"

#include <string>

namespace waymark::http {

void ApplySecurityHeaders(Response& res, bool tls, std::string_view csp) {
  if (!res.headers.Has("Content-Security-Policy")) {
    std::string policy(csp);
    if (policy.find("frame-ancestors") == std::string::npos) {
      policy += policy.empty() ? "frame-ancestors 'none'" : "; frame-ancestors 'none'";
    }
    res.headers.Set("Content-Security-Policy", std::move(policy));
  }
  res.headers.Set("X-Content-Type-Options", "nosniff");
  res.headers.Set("Referrer-Policy", "no-referrer");
  res.headers.Set("X-Frame-Options", "DENY");
  res.headers.Set("Cross-Origin-Opener-Policy", "same-origin");
  if (tls) {
    res.headers.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  if (!res.headers.Has("Cache-Control")) {
    res.headers.Set("Cache-Control",
                    res.long_lived_cache ? "public, max-age=31536000, immutable" : "no-store");
  }
}

}  // namespace waymark::http
