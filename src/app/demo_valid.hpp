// Demo data goes through the features' own validation; a refusal is a bug in the generator.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "platform/util/problem.hpp"

namespace waymark::app::demo {

inline std::string Explain(std::string_view what, const Problem& problem) {
  std::string text = "demo " + std::string(what) + " refused: " + problem.message;
  for (const auto& f : problem.fields) text += "; " + f.field + ": " + f.message;
  return text;
}

template <class T>
T Valid(Result<T> result, std::string_view what) {
  if (!result) throw std::logic_error(Explain(what, result.error()));
  return std::move(*result);
}

}  // namespace waymark::app::demo
