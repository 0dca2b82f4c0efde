// The stored form of a plan version's free text: goals with their actions, the evidence for
// SFJBMS05's twenty points and how the person agreed, as one JSON document that the store
// encrypts. Status, dates and user ids are columns, not part of the document. Decoding is
// strict about types and codes, so a document that does not read is an error, never a plan
// with parts silently missing.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "plans/model.hpp"
#include "platform/util/problem.hpp"

namespace waymark::plans {

std::string EncodePlanDocument(const Plan& plan);

// Fills goals, evidence and (when present) the agreement's details into `plan`; the caller has
// set the columns (an agreed plan's agreement exists before the details are read).
Result<void> DecodePlanDocument(std::string_view json, Plan& plan);

}  // namespace waymark::plans
