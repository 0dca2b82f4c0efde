// Test helper: the message a Problem gives for one field, so tests can check each rule by
// the exact words a person would see.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/util/problem.hpp"

namespace waymark::testing {

inline std::optional<std::string> MessageFor(const Problem& problem, std::string_view field) {
  for (const auto& error : problem.fields) {
    if (error.field == field) return error.message;
  }
  return std::nullopt;
}

}  // namespace waymark::testing
