// The server's request boundary, apart from sockets: where application failures are caught
// once, and the small rules for metric labels and client addresses.
// Pure functions apart from logging; safe from any thread.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "platform/http/request.hpp"
#include "platform/http/response.hpp"

namespace waymark::http {

// `custom` when set (falling back to DefaultErrorPage if it throws), else DefaultErrorPage.
Response MakeErrorPage(const ErrorPageFn& custom, int status, std::string_view incident_id);

// Runs `app`. An exception becomes a 500 page with a new incident id (16 hex characters), logged
// as event "unhandled_exception" with the request id, route and exception message.
Response CallApplication(const std::function<Response(Request&)>& app,
                         const ErrorPageFn& error_page, Request& req);

// The route pattern the application recorded, or "unmatched".
std::string_view RouteLabel(const Request& req);
// A known method, or "other", so a client cannot mint metric series.
std::string_view MethodLabel(std::string_view method);
// The last X-Forwarded-For entry (the one the trusted proxy appended) as a canonical IP address;
// "" when absent or not an IP address.
std::string LastForwardedFor(const Request& req);

}  // namespace waymark::http
