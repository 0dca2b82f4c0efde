// The JSON form of a case record for the API: the case's details as typed properties (lists as
// arrays, the date of birth as YYYY-MM-DD, yes/no as booleans), and back into the CaseInput the
// pages' form fills, so the service validates both alike.
// Thread safety: pure functions.
#pragma once

#include <array>
#include <string_view>

#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "cases/model.hpp"

namespace waymark::api {

// Every property the case schema in docs/openapi.yaml lists, each one always present.
boost::json::object CaseToJson(const cases::Case& record);

// The writable properties of a case.
inline constexpr std::array<std::string_view, 16> kCaseInputProperties = {"given_names",
                                                                          "family_name",
                                                                          "other_names",
                                                                          "date_of_birth",
                                                                          "estimated_age",
                                                                          "phone",
                                                                          "email",
                                                                          "safe_contact_method",
                                                                          "safe_contact_times",
                                                                          "address",
                                                                          "gender",
                                                                          "nationalities",
                                                                          "languages",
                                                                          "dialect",
                                                                          "interpreter_needed",
                                                                          "interpreter_gender"};

// Reads kCaseInputProperties; type problems are left in `body.errors()`.
cases::CaseInput CaseInputFromJson(JsonBody& body);

// The service's field names for a case ("dob") as the API's properties ("date_of_birth").
Problem CaseProblemForApi(Problem problem);

}  // namespace waymark::api
