// The JSON form of the support and safety plan: a stored version out (goals with actions, the
// evidence recorded for SFJBMS05's points, the review date, the agreement and approval), and
// the draft's inputs in (a goal, evidence for several points, the agreement).
// Thread safety: pure functions.
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "api/json_body.hpp"
#include "plans/service.hpp"

namespace waymark::api {

boost::json::object PlanToJson(const plans::StoredPlan& stored);

plans::GoalInput GoalInputFromJson(JsonBody& body);
// The "points" property: [{point, text, language, format}].
std::vector<plans::PointInput> PointInputsFromJson(JsonBody& body);
plans::AgreementInput AgreementInputFromJson(JsonBody& body);

// The service's form field names as JSON paths ("actions-0-text" -> "actions[0].text"). For
// evidence sent as `points`, "evidence-5-language" names the item that sent point 5
// ("points[i].language"); otherwise the point's number ("evidence[5].language").
Problem PlanProblemForApi(Problem problem, const std::vector<plans::PointInput>& points = {});

}  // namespace waymark::api
