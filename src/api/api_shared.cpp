#include "api/api_shared.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "identity/api_responses.hpp"

namespace waymark::api {

namespace {

bool IsDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<int64_t> ParseWhole(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<int> ReadPage(const http::FormFields& query, std::vector<FieldError>& errors,
                            const std::vector<std::string_view>& accepted) {
  for (const auto& [name, value] : query.fields()) {
    if (name != "page" && std::find(accepted.begin(), accepted.end(), name) == accepted.end()) {
      errors.push_back({name.substr(0, 64), "This query parameter is not accepted here"});
    }
  }
  auto page = ParseWhole(query.GetOr("page", "1"));
  if (!page || *page < 1 || *page > 100000) {
    errors.push_back({"page", "The page number must be a whole number, like 2"});
    return std::nullopt;
  }
  return static_cast<int>(*page);
}

Result<int> VersionInPath(const http::Request& req, std::string_view record) {
  std::optional<int64_t> number = ParseWhole(req.Capture("version"));
  if (!number || *number < 1 || *number > std::numeric_limits<int>::max()) {
    return Fail(Problem::Invalid(
        "version",
        "The " + std::string(record) + "'s version must be a whole number from 1, like 2"));
  }
  return static_cast<int>(*number);
}

std::optional<int64_t> ExpectedVersion(const http::Request& req, JsonBody& body,
                                       std::string_view property) {
  std::optional<int64_t> from_body = body.Integer(property);
  auto header = req.Header("If-Match");
  if (!header) return from_body;
  std::string_view tag = *header;
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"') {
    tag = tag.substr(1, tag.size() - 2);
  }
  auto parsed = ParseWhole(tag);
  if (!parsed) {
    body.AddError(std::string(property), "If-Match must be the record's ETag, like \"3\"");
  }
  return parsed;
}

http::Response VersionRequired(std::string_view record, std::string_view property) {
  return identity::ProblemJson(428, "Send the version of the " + std::string(record) +
                                        " your change started from, as If-Match (the ETag of "
                                        "GET) or a \"" +
                                        std::string(property) +
                                        "\" property, so a newer change is not overwritten");
}

http::Response NoContent() {
  http::Response response;
  response.status = 204;
  return response;
}

http::Response WithVersion(http::Response response, int64_t version) {
  response.headers.Set("ETag", "\"" + std::to_string(version) + "\"");
  return response;
}

http::Response Created(const boost::json::value& body, std::string location, int64_t version) {
  http::Response response = WithVersion(identity::JsonResponse(body, 201), version);
  response.headers.Set("Location", std::move(location));
  return response;
}

DateParts ReadDateParts(JsonBody& body, std::string_view name, std::string_view label) {
  std::string text = body.Text(name);
  if (text.empty()) return {};
  // Only the shape here: the service says whether it is a real date, in the pages' words.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && IsDigits(text.substr(0, 4)) &&
      IsDigits(text.substr(5, 2)) && IsDigits(text.substr(8, 2))) {
    return {text.substr(0, 4), text.substr(5, 2), text.substr(8, 2)};
  }
  body.AddError(std::string(name),
                "Enter the " + std::string(label) + " as YYYY-MM-DD, like 2025-03-27");
  return {};
}

std::string FormFieldAsJsonPath(std::string_view field) {
  std::string out;
  size_t at = 0;
  while (at <= field.size()) {
    size_t dash = field.find('-', at);
    std::string_view part = field.substr(at, dash == std::string_view::npos ? dash : dash - at);
    if (out.empty()) {
      out = part;
    } else if (IsDigits(part)) {
      out += "[" + std::string(part) + "]";
    } else {
      out += "." + std::string(part);
    }
    if (dash == std::string_view::npos) break;
    at = dash + 1;
  }
  return out;
}

boost::json::value IsoDateOrNull(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return boost::json::string(FormatIsoDate(*date));
}

boost::json::value TextOrNull(std::string_view text) {
  if (text.empty()) return nullptr;
  return boost::json::string(text);
}

}  // namespace waymark::api
