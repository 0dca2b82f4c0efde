#include "platform/http/cookies.hpp"

#include <stdexcept>

#include "platform/http/headers.hpp"

namespace waymark::http {

namespace {

// cookie-octet: visible ASCII except DQUOTE, comma, semicolon and backslash.
bool IsCookieOctet(char c) {
  auto b = static_cast<unsigned char>(c);
  return b >= 0x21 && b <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

bool IsCookieValue(std::string_view value) {
  for (char c : value) {
    if (!IsCookieOctet(c)) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string_view> Cookies::Get(std::string_view name) const {
  for (const auto& [key, value] : items_) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::size_t Cookies::Count(std::string_view name) const {
  std::size_t n = 0;
  for (const auto& item : items_) n += item.first == name ? 1 : 0;
  return n;
}

Cookies ParseCookies(std::string_view header, std::size_t max_cookies) {
  std::vector<Cookies::Cookie> items;
  std::size_t start = 0;
  while (start < header.size() && items.size() < max_cookies) {
    std::size_t end = header.find(';', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = Trim(header.substr(start, end - start));
    start = end + 1;
    std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view name = Trim(pair.substr(0, eq));
    std::string_view value = Trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!IsValidHeaderName(name) || !IsCookieValue(value)) continue;
    items.emplace_back(std::string(name), std::string(value));
  }
  return Cookies(std::move(items));
}

SetCookie SetCookie::Expire(std::string name) {
  SetCookie cookie;
  cookie.name = std::move(name);
  cookie.max_age = std::chrono::seconds(0);
  return cookie;
}

std::string SetCookie::Serialize() const {
  if (!IsValidHeaderName(name)) throw std::invalid_argument("cookie name is not a token");
  if (!IsCookieValue(value)) {
    throw std::invalid_argument("cookie value for " + name + " has characters cookies forbid");
  }
  if (path.empty() || path.front() != '/' || path.find(';') != std::string::npos ||
      !IsValidHeaderValue(path) || !IsCookieValue(path)) {
    throw std::invalid_argument("cookie path for " + name + " must be an absolute path");
  }
  bool host_prefix = name.starts_with("__Host-");
  if (host_prefix && (!secure || path != "/")) {
    throw std::invalid_argument("a __Host- cookie needs Secure and Path=/");
  }
  if (name.starts_with("__Secure-") && !secure) {
    throw std::invalid_argument("a __Secure- cookie needs Secure");
  }
  if (same_site == SameSite::kNone && !secure) {
    throw std::invalid_argument("SameSite=None needs Secure");
  }
  if (max_age && max_age->count() < 0) throw std::invalid_argument("cookie Max-Age is negative");

  std::string out = name + "=" + value + "; Path=" + path;
  if (max_age) out += "; Max-Age=" + std::to_string(max_age->count());
  if (secure) out += "; Secure";
  if (http_only) out += "; HttpOnly";
  switch (same_site) {
    case SameSite::kStrict:
      out += "; SameSite=Strict";
      break;
    case SameSite::kLax:
      out += "; SameSite=Lax";
      break;
    case SameSite::kNone:
      out += "; SameSite=None";
      break;
  }
  return out;
}

}  // namespace waymark::http
