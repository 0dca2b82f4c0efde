// Helpers shared by the consent tests: dates by parts and a Result's field errors as a map.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "platform/util/date.hpp"
#include "platform/util/problem.hpp"

namespace waymark::consent::testing {

inline Date Day(int y, unsigned m, unsigned d) {
  return Date(std::chrono::year(y) / std::chrono::month(m) / std::chrono::day(d));
}

// field -> message; empty when the result is a value. Fails the test on a repeated field, so a
// test sees every message.
template <class T>
std::map<std::string, std::string> Errors(const Result<T>& result) {
  std::map<std::string, std::string> out;
  if (result) return out;
  for (const auto& error : result.error().fields) {
    EXPECT_TRUE(out.emplace(error.field, error.message).second) << "repeated " << error.field;
  }
  return out;
}

}  // namespace waymark::consent::testing
