#include "api/json_body.hpp"

#include <algorithm>

#include "identity/api_responses.hpp"
#include "identity/text.hpp"

namespace waymark::api {

tl::expected<boost::json::object, http::Response> ReadJsonObject(const http::Request& req) {
  std::string type = AsciiLower(req.Header("Content-Type").value_or(""));
  std::string_view media = std::string_view(type).substr(0, type.find(';'));
  if (Trim(media) != "application/json") {
    return tl::unexpected(identity::ProblemJson(415,
                                                "Send the request body as JSON, with Content-Type: "
                                                "application/json"));
  }
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(req.body, error);
  if (error) {
    return tl::unexpected(identity::ProblemJson(
        400, "The request body is not valid JSON. Check it with a JSON validator and try again."));
  }
  if (!parsed.is_object()) {
    return tl::unexpected(identity::ProblemJson(400, "The request body must be a JSON object"));
  }
  return std::move(parsed.as_object());
}

tl::expected<boost::json::object, http::Response> ReadOptionalJsonObject(const http::Request& req) {
  if (req.body.empty()) return boost::json::object{};
  return ReadJsonObject(req);
}

JsonBody::JsonBody(boost::json::object object, const std::vector<std::string_view>& known)
    : object_(std::move(object)) {
  for (const auto& entry : object_) {
    std::string_view key = entry.key();
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      // The name is the client's text: cap it so an error cannot echo a huge key back.
      AddError(std::string(key.substr(0, 64)), "This property is not accepted here: remove it");
    }
  }
}

const boost::json::value* JsonBody::Find(std::string_view name) const {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

bool JsonBody::Has(std::string_view name) const { return Find(name) != nullptr; }

void JsonBody::AddError(std::string field, std::string message) {
  errors_.push_back({std::move(field), std::move(message)});
}

std::string JsonBody::Text(std::string_view name) {
  const auto* value = Find(name);
  if (!value) return "";
  if (!value->is_string()) {
    AddError(std::string(name), std::string(name) + " must be a string");
    return "";
  }
  return std::string(value->as_string());
}

std::optional<int64_t> JsonBody::Integer(std::string_view name) {
  const auto* value = Find(name);
  if (!value) return std::nullopt;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
    return static_cast<int64_t>(value->as_uint64());
  }
  AddError(std::string(name), std::string(name) + " must be a whole number");
  return std::nullopt;
}

std::optional<bool> JsonBody::Boolean(std::string_view name) {
  const auto* value = Find(name);
  if (!value) return std::nullopt;
  if (value->is_bool()) return value->as_bool();
  AddError(std::string(name), std::string(name) + " must be true or false");
  return std::nullopt;
}

std::vector<std::string> JsonBody::TextList(std::string_view name) {
  const auto* value = Find(name);
  if (!value) return {};
  std::vector<std::string> out;
  if (value->is_array()) {
    for (const auto& item : value->as_array()) {
      if (!item.is_string()) {
        out.clear();
        break;
      }
      out.emplace_back(item.as_string());
    }
    if (out.size() == value->as_array().size()) return out;
  }
  AddError(std::string(name), std::string(name) + " must be an array of strings");
  return {};
}

std::vector<boost::json::object> JsonBody::ObjectList(std::string_view name) {
  const auto* value = Find(name);
  if (!value) return {};
  std::vector<boost::json::object> out;
  if (value->is_array()) {
    for (const auto& item : value->as_array()) {
      if (!item.is_object()) break;
      out.push_back(item.as_object());
    }
    if (out.size() == value->as_array().size()) return out;
  }
  AddError(std::string(name), std::string(name) + " must be an array of objects");
  return {};
}

Problem RenameFields(Problem problem,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> names) {
  for (auto& error : problem.fields) {
    for (const auto& [from, to] : names) {
      if (error.field == from) error.field = std::string(to);
    }
  }
  return problem;
}

}  // namespace waymark::api
