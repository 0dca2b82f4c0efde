// Short lists a person chooses from (radios and selects) kept as data rather than enums: each
// code with the words people read for it.
// Thread safety: pure functions.
#pragma once

#include <string_view>
#include <vector>

namespace waymark {

struct Choice {
  std::string_view code;
  std::string_view label;
};

bool IsChoice(const std::vector<Choice>& choices, std::string_view code);
// The label of `code`, or "" when it is not one of the choices.
std::string_view LabelFor(const std::vector<Choice>& choices, std::string_view code);

}  // namespace waymark
