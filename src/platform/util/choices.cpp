#include "platform/util/choices.hpp"

#include <algorithm>

namespace waymark {

bool IsChoice(const std::vector<Choice>& choices, std::string_view code) {
  return std::any_of(choices.begin(), choices.end(),
                     [&](const Choice& c) { return c.code == code; });
}

std::string_view LabelFor(const std::vector<Choice>& choices, std::string_view code) {
  for (const auto& c : choices) {
    if (c.code == code) return c.label;
  }
  return {};
}

}  // namespace waymark
