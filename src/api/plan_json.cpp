#include "api/plan_json.hpp"

#include "api/api_shared.hpp"
#include "platform/util/time.hpp"

namespace waymark::api {

namespace {

boost::json::value AgreementToJson(const std::optional<plans::Agreement>& a) {
  if (!a) return nullptr;
  return boost::json::object{{"agreed_on", FormatIsoDate(a->agreed_on)},
                             {"mode", assessments::Code(a->mode)},
                             {"language", a->language},
                             {"interpreter_used", a->interpreter_used},
                             {"agreed_by", a->agreed_by}};
}

boost::json::value ApprovalToJson(const std::optional<plans::Approval>& a) {
  if (!a) return nullptr;
  return boost::json::object{{"approved_on", FormatIsoDate(a->approved_on)},
                             {"approved_by", a->approved_by}};
}

}  // namespace

boost::json::object PlanToJson(const plans::StoredPlan& stored) {
  const plans::Plan& p = stored.plan;
  boost::json::array goals;
  for (const auto& goal : p.goals) {
    boost::json::array domains;
    for (auto domain : goal.domains) domains.emplace_back(assessments::Code(domain));
    boost::json::array actions;
    for (const auto& action : goal.actions) {
      actions.push_back(boost::json::object{{"text", action.text},
                                            {"owner", action.owner},
                                            {"due_on", FormatIsoDate(action.due_on)},
                                            {"status", plans::Code(action.status)}});
    }
    goals.push_back(boost::json::object{
        {"text", goal.text}, {"domains", std::move(domains)}, {"actions", std::move(actions)}});
  }
  boost::json::array evidence;
  for (int point = 1; point <= static_cast<int>(plans::kSfjbms05PointCount); ++point) {
    const auto& recorded = p.EvidenceFor(point);
    if (!recorded) continue;
    boost::json::value language = nullptr, format = nullptr;
    if (recorded->rights) {
      language = boost::json::string(recorded->rights->language);
      format = boost::json::string(plans::Code(recorded->rights->format));
    }
    evidence.push_back(boost::json::object{
        {"point", point}, {"text", recorded->text}, {"language", language}, {"format", format}});
  }
  return boost::json::object{{"version", p.version},
                             {"status", plans::Code(p.status)},
                             {"revision", stored.revision},
                             {"goals", std::move(goals)},
                             {"evidence", std::move(evidence)},
                             {"review_on", IsoDateOrNull(p.review_on)},
                             {"agreement", AgreementToJson(p.agreement)},
                             {"approval", ApprovalToJson(p.approval)},
                             {"created_at", FormatUtc(stored.created_at)},
                             {"created_by", stored.created_by},
                             {"updated_at", FormatUtc(stored.updated_at)},
                             {"updated_by", stored.updated_by}};
}

plans::GoalInput GoalInputFromJson(JsonBody& body) {
  plans::GoalInput in;
  in.text = body.Text("text");
  in.domains = body.TextList("domains");
  auto actions = body.ObjectList("actions");
  for (size_t i = 0; i < actions.size(); ++i) {
    body.Nested("actions", i, std::move(actions[i]), {"text", "owner", "due_on", "status"},
                [&in](JsonBody& item) {
                  in.actions.push_back({item.Text("text"), item.Text("owner"), item.Text("due_on"),
                                        item.Text("status")});
                });
  }
  return in;
}

std::vector<plans::PointInput> PointInputsFromJson(JsonBody& body) {
  std::vector<plans::PointInput> out;
  auto points = body.ObjectList("points");
  for (size_t i = 0; i < points.size(); ++i) {
    body.Nested("points", i, std::move(points[i]), {"point", "text", "language", "format"},
                [&out](JsonBody& item) {
                  plans::PointInput in;
                  in.point = static_cast<int>(item.Integer("point").value_or(0));
                  in.input = {item.Text("text"), item.Text("language"), item.Text("format")};
                  out.push_back(std::move(in));
                });
  }
  return out;
}

plans::AgreementInput AgreementInputFromJson(JsonBody& body) {
  plans::AgreementInput in;
  in.agreed_on = body.Text("agreed_on");
  in.mode = body.Text("mode");
  in.language = body.Text("language");
  if (auto used = body.Boolean("interpreter_used")) in.interpreter_used = *used ? "yes" : "no";
  return in;
}

Problem PlanProblemForApi(Problem problem, const std::vector<plans::PointInput>& points) {
  for (auto& error : problem.fields) {
    std::string path = FormFieldAsJsonPath(error.field);
    for (size_t i = 0; i < points.size(); ++i) {
      std::string prefix = "evidence[" + std::to_string(points[i].point) + "]";
      if (path == prefix) {
        path = "points[" + std::to_string(i) + "].text";
      } else if (path.starts_with(prefix + ".")) {
        path = "points[" + std::to_string(i) + "]" + path.substr(prefix.size());
      }
    }
    error.field = std::move(path);
  }
  return problem;
}

}  // namespace waymark::api
