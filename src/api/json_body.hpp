// Reading a JSON request body into typed values at the edge. A body that is not JSON, or not an
// object, is refused whole (400, or 415 for another content type); within an object every
// property of the wrong type and every property the endpoint does not know becomes a field
// error, so a typo ("familyname") is reported rather than silently ignored.
// Thread safety: a JsonBody belongs to one request.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <tl/expected.hpp>

#include "platform/http/request.hpp"
#include "platform/http/response.hpp"
#include "platform/util/problem.hpp"

namespace waymark::api {

// The body as a JSON object, or the problem+json response to send instead.
tl::expected<boost::json::object, http::Response> ReadJsonObject(const http::Request& req);
// As ReadJsonObject, but no body at all reads as {}: a DELETE may carry its version as If-Match
// alone, and many clients send no body (nor Content-Type) with a DELETE.
tl::expected<boost::json::object, http::Response> ReadOptionalJsonObject(const http::Request& req);

class JsonBody {
 public:
  // `known`: every property the endpoint accepts; any other is a field error.
  JsonBody(boost::json::object object, const std::vector<std::string_view>& known);

  // Absent or null reads as empty / nullopt; a value of another type is a field error.
  std::string Text(std::string_view name);
  std::optional<int64_t> Integer(std::string_view name);
  std::optional<bool> Boolean(std::string_view name);
  // An array of strings.
  std::vector<std::string> TextList(std::string_view name);
  // An array of objects, each to be read with its own JsonBody (see Nested).
  std::vector<boost::json::object> ObjectList(std::string_view name);
  // Reads `object` as an item of a list property; its errors join this body's, named
  // "<list>[<index>].<property>".
  template <typename Fn>
  void Nested(std::string_view list, size_t index, boost::json::object object,
              const std::vector<std::string_view>& known, Fn&& read) {
    JsonBody item(std::move(object), known);
    read(item);
    for (auto& error : item.errors_) {
      AddError(std::string(list) + "[" + std::to_string(index) + "]." + error.field,
               std::move(error.message));
    }
  }
  bool Has(std::string_view name) const;

  void AddError(std::string field, std::string message);
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  const boost::json::value* Find(std::string_view name) const;

  boost::json::object object_;
  std::vector<FieldError> errors_;
};

// The service names fields after the pages' form fields; the API after its JSON properties.
// Renames each field error whose field is a key of `names`.
Problem RenameFields(Problem problem,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> names);

}  // namespace waymark::api
