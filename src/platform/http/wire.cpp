#include "platform/http/wire.hpp"

#include <ctime>

namespace waymark::http {

namespace {

bool IsServerOwned(std::string_view name) {
  for (std::string_view owned :
       {"Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Date"}) {
    if (EqualsIgnoreCase(name, owned)) return true;
  }
  return false;
}

}  // namespace

std::string HttpDate(TimePoint t) {
  std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::size_t n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return std::string(buf, n);
}

std::string SerializeResponse(const Response& res, const WireOptions& options) {
  int status = (res.status >= 100 && res.status <= 999) ? res.status : 500;
  bool no_body = status / 100 == 1 || status == 204 || status == 304;
  std::string out;
  out.reserve(256 + res.body.size());
  out += options.version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  out += StatusText(status);
  out += "\r\n";
  for (const auto& [name, value] : res.headers.entries()) {
    if (IsServerOwned(name)) continue;
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "Date: " + HttpDate(options.now) + "\r\n";
  if (!no_body) out += "Content-Length: " + std::to_string(res.body.size()) + "\r\n";
  if (!options.keep_alive) {
    out += "Connection: close\r\n";
  } else if (options.version == 10) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
  if (!no_body && !options.head_request) out += res.body;
  return out;
}

}  // namespace waymark::http
