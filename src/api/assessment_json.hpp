// The JSON form of needs and risk assessments: stored versions and version summaries out, the
// forms' inputs in (needs as an array of objects, risks as an array of {kind, level, notes}),
// and the service's form field names ("needs-0-domain", "risks-self_harm-level") as the API's
// ("needs[0].domain", "risks[2].level", the index of that risk in the array sent).
// Thread safety: pure functions.
#pragma once

#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "assessments/service.hpp"

namespace waymark::api {

boost::json::object NeedsToJson(const assessments::StoredNeeds& stored);
boost::json::object RiskToJson(const assessments::StoredRisk& stored);
boost::json::object NeedsSummaryToJson(const assessments::NeedsVersionSummary& summary);
boost::json::object RiskSummaryToJson(const assessments::RiskVersionSummary& summary);

// Reads the properties of a needs assessment (and "based_on"); type problems go to `body`.
assessments::NeedsAssessmentInput NeedsInputFromJson(JsonBody& body);
assessments::RiskAssessmentInput RiskInputFromJson(JsonBody& body);

Problem NeedsProblemForApi(Problem problem);
// `input`: what was sent, to name a risk by its place in the array.
Problem RiskProblemForApi(Problem problem, const assessments::RiskAssessmentInput& input);

}  // namespace waymark::api
