#include "platform/http/forms.hpp"

#include "platform/http/text.hpp"

namespace waymark::http {

namespace {

Problem FormProblem(std::string message) { return Problem::Invalid("form", std::move(message)); }

bool IsAcceptableText(std::string_view text) {
  return IsValidUtf8(text) && !HasControlCharacter(text);
}

}  // namespace

std::optional<std::string_view> FormFields::Get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return std::string_view(value);
  }
  return std::nullopt;
}

std::string_view FormFields::GetOr(std::string_view name, std::string_view fallback) const {
  return Get(name).value_or(fallback);
}

std::vector<std::string_view> FormFields::GetAll(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : fields_) {
    if (key == name) values.emplace_back(value);
  }
  return values;
}

Result<FormFields> ParseUrlencoded(std::string_view text, const FormLimits& limits) {
  std::vector<FormFields::Field> fields;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view pair = text.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;

    if (fields.size() >= limits.max_fields) {
      return Fail(FormProblem("The form has too many fields (the limit is " +
                              std::to_string(limits.max_fields) + ")"));
    }
    std::size_t eq = pair.find('=');
    std::string_view raw_name = pair.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    // Encoded text is never shorter than decoded text, so this bounds the work before decoding.
    if (raw_name.size() > 3 * limits.max_field_bytes ||
        raw_value.size() > 3 * limits.max_field_bytes) {
      return Fail(FormProblem("A form field is too long"));
    }
    auto name = PercentDecode(raw_name, true);
    auto value = PercentDecode(raw_value, true);
    if (!name || !value) {
      return Fail(FormProblem("The form data is not correctly encoded"));
    }
    if (name->size() > limits.max_field_bytes || value->size() > limits.max_field_bytes) {
      return Fail(FormProblem("A form field is too long (the limit is " +
                              std::to_string(limits.max_field_bytes) + " bytes)"));
    }
    if (!IsAcceptableText(*name) || !IsAcceptableText(*value)) {
      return Fail(FormProblem("The form data contains characters that are not allowed"));
    }
    fields.emplace_back(std::move(*name), std::move(*value));
  }
  return FormFields(std::move(fields));
}

}  // namespace waymark::http
