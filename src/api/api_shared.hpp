// Pieces every feature's endpoints share: whole numbers and pages from the query string, the
// version a change started from (If-Match or a "version" property), ISO dates in and out, and
// responses that carry a record's version as its ETag.
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::api {

std::optional<int64_t> ParseWhole(std::string_view text);

// The "page" query parameter (1 when absent); every other parameter not in `accepted` and a
// page that is not a whole number from 1 are field errors.
std::optional<int> ReadPage(const http::FormFields& query, std::vector<FieldError>& errors,
                            const std::vector<std::string_view>& accepted = {});

// The {version} segment of the path, a whole number from 1; anything else is Invalid on
// "version", with `record` ("plan", "needs assessment") named in the message.
Result<int> VersionInPath(const http::Request& req, std::string_view record);

// The version the client started from: If-Match ("3" or 3) wins over a `property` ("version").
std::optional<int64_t> ExpectedVersion(const http::Request& req, JsonBody& body,
                                       std::string_view property = "version");

// 428: a change to a versioned record without the version it started from.
http::Response VersionRequired(std::string_view record, std::string_view property = "version");

// 204: done, nothing to answer with.
http::Response NoContent();

// `response` with ETag: "<version>".
http::Response WithVersion(http::Response response, int64_t version);

// 201 with Location and ETag.
http::Response Created(const boost::json::value& body, std::string location, int64_t version);

// A YYYY-MM-DD property split into the year, month and day the pages' date inputs send, so the
// service checks the date itself; a wrong shape is a field error. Absent: all three empty.
struct DateParts {
  std::string year, month, day;
};
DateParts ReadDateParts(JsonBody& body, std::string_view name, std::string_view label);

// A form field name as a JSON path: "actions-0-due_on" -> "actions[0].due_on",
// "goals-0-actions" -> "goals[0].actions", "evidence-5-language" -> "evidence[5].language".
std::string FormFieldAsJsonPath(std::string_view field);

// An ISO 8601 date, or "" as null.
boost::json::value IsoDateOrNull(const std::optional<Date>& date);
boost::json::value TextOrNull(std::string_view text);

}  // namespace waymark::api
