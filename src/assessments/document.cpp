#include "assessments/document.hpp"

#include <boost/json.hpp>

namespace waymark::assessments {

namespace json = boost::json;

namespace {

Problem Unreadable() {
  return Problem::Invalid("document", "A stored assessment document could not be read");
}

std::string TextAt(const json::object& object, std::string_view key) {
  const json::value* v = object.if_contains(key);
  return v && !v->is_null() ? std::string(v->as_string()) : std::string();
}

}  // namespace

std::string EncodeNeedsText(const NeedsText& text) {
  json::array descriptions;
  for (const auto& d : text.descriptions) descriptions.emplace_back(d);
  return json::serialize(
      json::object{{"descriptions", std::move(descriptions)}, {"strengths", text.strengths}});
}

Result<NeedsText> DecodeNeedsText(std::string_view document) {
  try {
    json::value value = json::parse(document);
    const json::object& object = value.as_object();
    NeedsText out;
    if (const json::value* list = object.if_contains("descriptions"); list && !list->is_null()) {
      for (const auto& item : list->as_array()) out.descriptions.emplace_back(item.as_string());
    }
    out.strengths = TextAt(object, "strengths");
    return out;
  } catch (const std::exception&) {
    return Fail(Unreadable());
  }
}

std::string EncodeRiskText(const RiskText& text) {
  json::object notes;
  for (const auto& [kind, note] : text.notes) notes[Code(kind)] = note;
  return json::serialize(json::object{{"notes", std::move(notes)}});
}

Result<RiskText> DecodeRiskText(std::string_view document) {
  try {
    json::value value = json::parse(document);
    RiskText out;
    if (const json::value* notes = value.as_object().if_contains("notes");
        notes && !notes->is_null()) {
      for (const auto& [code, note] : notes->as_object()) {
        std::optional<RiskKind> kind = ParseRiskKind(code);
        if (!kind) return Fail(Unreadable());
        out.notes[*kind] = std::string(note.as_string());
      }
    }
    return out;
  } catch (const std::exception&) {
    return Fail(Unreadable());
  }
}

}  // namespace waymark::assessments
