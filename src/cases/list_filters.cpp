#include "cases/list_filters.hpp"

namespace waymark::cases {

std::string_view LabelOf(const std::vector<FilterChoice>& choices, std::string_view stored) {
  for (const auto& choice : choices) {
    if (choice.stored == stored) return choice.label;
  }
  return "";
}

std::optional<std::string> StoredValueOf(const std::vector<FilterChoice>& choices,
                                         std::string_view code) {
  for (const auto& choice : choices) {
    if (choice.code == code) return choice.stored;
  }
  return std::nullopt;
}

}  // namespace waymark::cases
