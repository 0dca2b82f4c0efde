// The free text of one assessment as the JSON document the store encrypts: the descriptions of
// the needs (in the order of the needs) and the strengths, or the notes on each kind of risk
// (by code). Codes, levels and dates are not in it: they are columns in the clear.
// Thread safety: pure functions.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "assessments/codes.hpp"
#include "platform/util/problem.hpp"

namespace waymark::assessments {

struct NeedsText {
  std::vector<std::string> descriptions;  // one per need, in order
  std::string strengths;

  friend bool operator==(const NeedsText&, const NeedsText&) = default;
};

struct RiskText {
  std::map<RiskKind, std::string> notes;  // kinds without notes may be absent

  friend bool operator==(const RiskText&, const RiskText&) = default;
};

std::string EncodeNeedsText(const NeedsText& text);
// Strict about types, tolerant of missing keys; the error never echoes the document.
Result<NeedsText> DecodeNeedsText(std::string_view json);

std::string EncodeRiskText(const RiskText& text);
// An unknown risk code is an error: a document is written by this code, from known kinds.
Result<RiskText> DecodeRiskText(std::string_view json);

}  // namespace waymark::assessments
