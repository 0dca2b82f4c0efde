#include "platform/http/request_boundary.hpp"

#include <boost/asio/ip/address.hpp>

#include <exception>

#include "platform/http/logging.hpp"
#include "platform/util/ids.hpp"

namespace waymark::http {

namespace {

Response Incident(const ErrorPageFn& error_page, const Request& req, std::string_view what) {
  std::string incident = NewId().substr(0, 16);
  LogEvent(LogLevel::kError, "unhandled_exception",
           {{"incident_id", incident},
            {"request_id", req.request_id},
            {"route", std::string(RouteLabel(req))},
            {"message", std::string(what)}});
  return MakeErrorPage(error_page, 500, incident);
}

}  // namespace

Response MakeErrorPage(const ErrorPageFn& custom, int status, std::string_view incident_id) {
  if (custom) {
    try {
      return custom(status, incident_id);
    } catch (const std::exception& e) {
      LogEvent(LogLevel::kError, "error_page_failed", {{"message", std::string(e.what())}});
    }
  }
  return DefaultErrorPage(status, incident_id);
}

Response CallApplication(const std::function<Response(Request&)>& app,
                         const ErrorPageFn& error_page, Request& req) {
  try {
    return app(req);
  } catch (const std::exception& e) {
    return Incident(error_page, req, e.what());
  } catch (...) {
    return Incident(error_page, req, "non-standard exception");
  }
}

std::string_view RouteLabel(const Request& req) {
  return req.route_pattern.empty() ? std::string_view("unmatched") : req.route_pattern;
}

std::string_view MethodLabel(std::string_view method) {
  for (std::string_view known : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
    if (method == known) return known;
  }
  return "other";
}

std::string LastForwardedFor(const Request& req) {
  std::string_view header = req.headers.Get("X-Forwarded-For").value_or("");
  std::size_t comma = header.rfind(',');
  std::string_view last = comma == std::string_view::npos ? header : header.substr(comma + 1);
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  // The address keys throttling and appears in logs: anything that is not an IP address is
  // ignored (the caller keeps the peer's address), and the one kept is in canonical form.
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(std::string(last), ec);
  if (ec) return {};
  return address.to_string();
}

}  // namespace waymark::http
