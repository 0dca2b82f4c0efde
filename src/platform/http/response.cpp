#include "platform/http/response.hpp"

#include "platform/util/html_escape.hpp"

#include <stdexcept>

namespace waymark::http {

namespace {

Response WithType(std::string body, int status, std::string type) {
  Response res;
  res.status = status;
  res.body = std::move(body);
  res.headers.Set("Content-Type", std::move(type));
  return res;
}

}  // namespace

Response Response::Html(std::string body, int status) {
  return WithType(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::Text(std::string body, int status) {
  return WithType(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::Json(std::string body, int status) {
  return WithType(std::move(body), status, "application/json");
}

Response Response::Redirect(std::string_view location) {
  bool local = location.size() >= 1 && location[0] == '/' &&
               !(location.size() >= 2 && (location[1] == '/' || location[1] == '\\'));
  if (!local || !IsValidHeaderValue(location) || location.find('\\') != std::string_view::npos) {
    throw std::invalid_argument("redirect target must be a local path");
  }
  Response res;
  res.status = 303;
  res.headers.Set("Location", std::string(location));
  return res;
}

std::string_view StatusText(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

Response DefaultErrorPage(int status, std::string_view incident_id) {
  std::string title = std::to_string(status) + " " + std::string(StatusText(status));
  std::string body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                     EscapeHtml(title) + "</title></head><body><h1>" + EscapeHtml(title) + "</h1>";
  if (!incident_id.empty()) {
    body += "<p>Something went wrong. If you contact support, quote incident <strong>" +
            EscapeHtml(incident_id) + "</strong>.</p>";
  }
  body += "</body></html>\n";
  return Response::Html(std::move(body), status);
}

}  // namespace waymark::http
