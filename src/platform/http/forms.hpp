// application/x-www-form-urlencoded bodies and query strings, parsed into ordered fields.
// Pure functions and value types; safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/util/problem.hpp"

namespace waymark::http {

// Fields in the order sent; a repeated name (checkboxes) keeps every value in order.
class FormFields {
 public:
  using Field = std::pair<std::string, std::string>;

  FormFields() = default;
  explicit FormFields(std::vector<Field> fields) : fields_(std::move(fields)) {}

  // The first value sent for `name`.
  std::optional<std::string_view> Get(std::string_view name) const;
  // The first value, or "" when absent: for optional text inputs.
  std::string_view GetOr(std::string_view name, std::string_view fallback = "") const;
  std::vector<std::string_view> GetAll(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }

  const std::vector<Field>& fields() const { return fields_; }
  std::size_t size() const { return fields_.size(); }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<Field> fields_;
};

struct FormLimits {
  std::size_t max_fields = 256;
  // Decoded size of one name or one value.
  std::size_t max_field_bytes = 64 * 1024;
};

// Parses "a=1&b=two+words&c=%C3%A9". Names and values are percent-decoded ('+' is a space) and
// must be UTF-8 without NUL or other control characters (tab, CR, LF allowed). Empty pairs
// ("a=1&&b=2") are skipped; "a" alone is a field with an empty value.
// Fails with ProblemKind::kInvalid, field "form", and a message a person can act on.
Result<FormFields> ParseUrlencoded(std::string_view text, const FormLimits& limits = {});

// The same grammar for the part of a request-target after '?'.
inline Result<FormFields> ParseQuery(std::string_view query, const FormLimits& limits = {}) {
  return ParseUrlencoded(query, limits);
}

}  // namespace waymark::http
