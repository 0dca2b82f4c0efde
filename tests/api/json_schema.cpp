#include "tests/api/json_schema.hpp"

#include <algorithm>
#include <stdexcept>

namespace waymark::api::testing {

namespace {

bool HasType(const boost::json::value& value, std::string_view type) {
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_int64() || value.is_uint64();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_bool();
  if (type == "null") return value.is_null();
  if (type == "array") return value.is_array();
  if (type == "object") return value.is_object();
  throw std::runtime_error("schema: unknown type " + std::string(type));
}

void Check(const YamlNode& document, const YamlNode& node, const boost::json::value& value,
           const std::string& path, std::vector<std::string>& errors) {
  const YamlNode& schema = Resolve(document, node);
  if (const auto* all = schema.Find("allOf")) {
    for (const auto& part : all->sequence) Check(document, part, value, path, errors);
  }
  if (const auto* one = schema.Find("oneOf")) {
    int fits = 0;
    for (const auto& part : one->sequence) {
      std::vector<std::string> ignored;
      Check(document, part, value, path, ignored);
      fits += ignored.empty();
    }
    if (fits != 1) errors.push_back(path + ": fits " + std::to_string(fits) + " of oneOf");
  }
  if (const auto* type = schema.Find("type")) {
    std::vector<std::string> types;
    if (type->IsSequence()) {
      for (const auto& t : type->sequence) types.push_back(t.scalar);
    } else {
      types.push_back(type->scalar);
    }
    bool fits = std::any_of(types.begin(), types.end(),
                            [&](const std::string& t) { return HasType(value, t); });
    if (!fits) {
      errors.push_back(path + ": expected " + types.front() + ", got " +
                       boost::json::serialize(value).substr(0, 60));
      return;
    }
  }
  if (const auto* values = schema.Find("enum"); values && value.is_string()) {
    bool listed = std::any_of(values->sequence.begin(), values->sequence.end(),
                              [&](const YamlNode& v) { return v.scalar == value.as_string(); });
    if (!listed)
      errors.push_back(path + ": \"" + std::string(value.as_string()) + "\" not in enum");
  }
  if (value.is_object()) {
    const auto& object = value.as_object();
    if (const auto* required = schema.Find("required")) {
      for (const auto& name : required->sequence) {
        if (!object.contains(name.scalar)) errors.push_back(path + ": missing " + name.scalar);
      }
    }
    const YamlNode* properties = schema.Find("properties");
    if (properties) {
      for (const auto& entry : object) {
        const YamlNode* property = properties->Find(entry.key());
        if (!property) {
          errors.push_back(path + ": undocumented property " + std::string(entry.key()));
          continue;
        }
        Check(document, *property, entry.value(), path + "." + std::string(entry.key()), errors);
      }
    }
  }
  if (value.is_array()) {
    if (const auto* items = schema.Find("items")) {
      const auto& array = value.as_array();
      for (std::size_t i = 0; i < array.size(); ++i) {
        Check(document, *items, array[i], path + "[" + std::to_string(i) + "]", errors);
      }
    }
  }
}

}  // namespace

const YamlNode& Resolve(const YamlNode& document, const YamlNode& node) {
  const YamlNode* ref = node.Find("$ref");
  if (!ref) return node;
  std::string_view target = ref->scalar;
  if (!target.starts_with("#/")) throw std::runtime_error("schema: external $ref " + ref->scalar);
  const YamlNode* at = &document;
  target.remove_prefix(2);
  while (!target.empty()) {
    auto slash = target.find('/');
    at = &at->At(target.substr(0, slash));
    target = slash == std::string_view::npos ? "" : target.substr(slash + 1);
  }
  return Resolve(document, *at);
}

std::vector<std::string> SchemaErrors(const YamlNode& document, const YamlNode& schema,
                                      const boost::json::value& value) {
  std::vector<std::string> errors;
  Check(document, schema, value, "$", errors);
  return errors;
}

}  // namespace waymark::api::testing
