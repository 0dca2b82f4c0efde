// Cookie request-header parsing and Set-Cookie serialisation (RFC 6265bis).
// Pure functions and value types; safe from any thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waymark::http {

// Cookies in the order the browser sent them. A name may appear more than once (a sibling
// domain can plant a cookie of the same name): callers that rely on one value should treat
// Count(name) > 1 as suspicious rather than picking one.
class Cookies {
 public:
  using Cookie = std::pair<std::string, std::string>;

  Cookies() = default;
  explicit Cookies(std::vector<Cookie> items) : items_(std::move(items)) {}

  std::optional<std::string_view> Get(std::string_view name) const;
  std::size_t Count(std::string_view name) const;
  const std::vector<Cookie>& items() const { return items_; }

 private:
  std::vector<Cookie> items_;
};

// Parses one or more Cookie header values ("a=1; b=2"). Lenient as browsers are: a pair without
// '=' or with an invalid name is skipped; a value in double quotes is unquoted; values are not
// percent-decoded. At most `max_cookies` are kept.
Cookies ParseCookies(std::string_view header, std::size_t max_cookies = 64);

enum class SameSite { kStrict, kLax, kNone };

// One Set-Cookie header. Defaults are the project's: Secure, HttpOnly, SameSite=Strict, Path=/.
struct SetCookie {
  std::string name;
  std::string value;
  std::string path = "/";
  std::optional<std::chrono::seconds> max_age{};  // none: a session cookie
  bool secure = true;
  bool http_only = true;
  SameSite same_site = SameSite::kStrict;

  // A Set-Cookie that tells the browser to delete `name` (Max-Age=0).
  static SetCookie Expire(std::string name);

  // The header value. Throws std::invalid_argument when the cookie breaks a rule, since the
  // cookie is composed by code, not by users: the name must be a token, the value cookie-octets,
  // "__Host-" needs Secure and Path=/ (and no Domain, which this type never sets), "__Secure-"
  // needs Secure, SameSite=None needs Secure, and Path must be an absolute path without ';'.
  std::string Serialize() const;
};

}  // namespace waymark::http
