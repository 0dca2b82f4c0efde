#include "assessments/form_rules.hpp"

#include <algorithm>

namespace waymark::assessments {

namespace {

// Length of the UTF-8 sequence starting at `s[i]`, or 0 when it is not well formed
// (overlong forms, surrogates and values above U+10FFFF included).
size_t SequenceLength(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = byte(i);
  size_t length;
  unsigned min_second = 0x80, max_second = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;
    if (lead == 0xED) max_second = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;
    if (lead == 0xF4) max_second = 0x8F;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  if (byte(i + 1) < min_second || byte(i + 1) > max_second) return 0;
  for (size_t k = 2; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return length;
}

}  // namespace

bool IsAcceptableText(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t length = SequenceLength(text, i);
    if (length == 0) return false;
    if (length == 1) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return false;
    } else if (length == 2 && static_cast<unsigned char>(text[i]) == 0xC2 &&
               static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      return false;  // C1 controls U+0080..U+009F
    }
    i += length;
  }
  return true;
}

void FieldErrors::Add(std::string field, std::string message) {
  if (Has(field)) return;
  errors_.push_back({std::move(field), std::move(message)});
}

bool FieldErrors::Has(std::string_view field) const {
  return std::any_of(errors_.begin(), errors_.end(),
                     [&](const FieldError& e) { return e.field == field; });
}

std::string ReadText(FieldErrors& errors, std::string_view field, std::string_view value,
                     std::string_view subject, size_t max_characters, std::string_view missing) {
  std::string text = Trim(value);
  if (text.empty()) {
    if (!missing.empty()) errors.Add(std::string(field), std::string(missing));
    return text;
  }
  if (!IsAcceptableText(text)) {
    errors.Add(std::string(field),
               std::string(subject) + " must not contain control characters or broken text");
  } else if (CountCharacters(text) > max_characters) {
    errors.Add(std::string(field), std::string(subject) + " must be " +
                                       std::to_string(max_characters) + " characters or fewer");
  }
  return text;
}

std::optional<Date> ReadDate(FieldErrors& errors, std::string_view field, std::string_view value,
                             std::string_view subject, std::string_view missing) {
  std::string text = Trim(value);
  if (text.empty()) {
    errors.Add(std::string(field), std::string(missing));
    return std::nullopt;
  }
  std::optional<Date> date = ParseIsoDate(text);
  if (!date) errors.Add(std::string(field), std::string(subject) + " must be a real date");
  return date;
}

std::optional<bool> ReadYesNo(FieldErrors& errors, std::string_view field, std::string_view value,
                              std::string_view missing) {
  std::string text = Trim(value);
  if (text == "yes") return true;
  if (text == "no") return false;
  errors.Add(std::string(field), std::string(missing));
  return std::nullopt;
}

}  // namespace waymark::assessments
