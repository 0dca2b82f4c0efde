#include "api/assessment_json.hpp"

#include "api/api_shared.hpp"
#include "platform/util/time.hpp"

namespace waymark::api {

namespace {

namespace as = assessments;

void AddRecorded(boost::json::object& out, const as::Recorded& r) {
  out["id"] = r.id;
  out["case_id"] = r.case_id;
  out["version"] = r.version;
  out["based_on"] = r.based_on;
  out["recorded_at"] = FormatUtc(r.recorded_at);
  out["recorded_by"] = r.recorded_by;
  out["recorded_by_name"] = r.recorded_by_name;
}

std::string ItemField(std::string_view list, std::string_view index, std::string_view part) {
  return std::string(list) + "[" + std::string(index) + "]." + std::string(part);
}

}  // namespace

boost::json::object NeedsToJson(const as::StoredNeeds& stored) {
  const as::NeedsAssessment& a = stored.assessment;
  boost::json::object out;
  AddRecorded(out, stored.recorded);
  out["kind"] = as::Code(a.kind);
  out["mode"] = as::Code(a.mode);
  out["assessed_on"] = FormatIsoDate(a.assessed_on);
  boost::json::array needs;
  for (const auto& need : a.needs) {
    needs.push_back(boost::json::object{{"domain", as::Code(need.domain)},
                                        {"time_frame", as::Code(need.time_frame)},
                                        {"description", need.description},
                                        {"met", need.met}});
  }
  out["needs"] = std::move(needs);
  out["strengths"] = a.strengths;
  return out;
}

boost::json::object RiskToJson(const as::StoredRisk& stored) {
  const as::RiskAssessment& a = stored.assessment;
  boost::json::object out;
  AddRecorded(out, stored.recorded);
  out["assessed_on"] = FormatIsoDate(a.assessed_on);
  boost::json::array risks;
  for (const auto& risk : a.risks) {
    risks.push_back(boost::json::object{
        {"kind", as::Code(risk.kind)}, {"level", as::Code(risk.level)}, {"notes", risk.notes}});
  }
  out["risks"] = std::move(risks);
  out["overall"] = as::Code(a.overall);
  out["review_on"] = FormatIsoDate(a.review_on);
  return out;
}

boost::json::object NeedsSummaryToJson(const as::NeedsVersionSummary& s) {
  boost::json::object out;
  AddRecorded(out, s.recorded);
  out["kind"] = as::Code(s.kind);
  out["mode"] = as::Code(s.mode);
  out["assessed_on"] = FormatIsoDate(s.assessed_on);
  out["needs"] = s.needs;
  out["unmet"] = s.unmet;
  return out;
}

boost::json::object RiskSummaryToJson(const as::RiskVersionSummary& s) {
  boost::json::object out;
  AddRecorded(out, s.recorded);
  out["assessed_on"] = FormatIsoDate(s.assessed_on);
  out["overall"] = as::Code(s.overall);
  out["review_on"] = FormatIsoDate(s.review_on);
  return out;
}

as::NeedsAssessmentInput NeedsInputFromJson(JsonBody& body) {
  as::NeedsAssessmentInput in;
  in.kind = body.Text("kind");
  in.mode = body.Text("mode");
  in.assessed_on = body.Text("assessed_on");
  auto needs = body.ObjectList("needs");
  for (size_t i = 0; i < needs.size(); ++i) {
    body.Nested("needs", i, std::move(needs[i]), {"domain", "time_frame", "description", "met"},
                [&in](JsonBody& item) {
                  as::NeedInput need;
                  need.domain = item.Text("domain");
                  need.time_frame = item.Text("time_frame");
                  need.description = item.Text("description");
                  if (auto met = item.Boolean("met")) need.met = *met ? "yes" : "no";
                  in.needs.push_back(std::move(need));
                });
  }
  in.strengths = body.Text("strengths");
  return in;
}

as::RiskAssessmentInput RiskInputFromJson(JsonBody& body) {
  as::RiskAssessmentInput in;
  in.assessed_on = body.Text("assessed_on");
  auto risks = body.ObjectList("risks");
  for (size_t i = 0; i < risks.size(); ++i) {
    body.Nested("risks", i, std::move(risks[i]), {"kind", "level", "notes"}, [&in](JsonBody& item) {
      in.risks.push_back({item.Text("kind"), item.Text("level"), item.Text("notes")});
    });
  }
  in.overall = body.Text("overall");
  in.review_on = body.Text("review_on");
  return in;
}

// "needs-3-domain" -> "needs[3].domain".
Problem NeedsProblemForApi(Problem problem) {
  for (auto& error : problem.fields) {
    if (!error.field.starts_with("needs-")) continue;
    std::string_view rest = std::string_view(error.field).substr(6);
    auto dash = rest.find('-');
    if (dash == std::string_view::npos) continue;
    error.field = ItemField("needs", rest.substr(0, dash), rest.substr(dash + 1));
  }
  return problem;
}

// "risks-self_harm-level" -> "risks[i].level", i the place of self_harm in what was sent.
Problem RiskProblemForApi(Problem problem, const as::RiskAssessmentInput& input) {
  for (auto& error : problem.fields) {
    if (!error.field.starts_with("risks-")) continue;
    std::string_view rest = std::string_view(error.field).substr(6);
    auto dash = rest.rfind('-');
    if (dash == std::string_view::npos) continue;
    std::string_view code = rest.substr(0, dash);
    std::string index;
    for (size_t i = 0; i < input.risks.size() && index.empty(); ++i) {
      if (input.risks[i].kind == code) index = std::to_string(i);
    }
    // A risk that was not sent at all: the problem is with the list.
    error.field = index.empty() ? "risks" : ItemField("risks", index, rest.substr(dash + 1));
  }
  return problem;
}

}  // namespace waymark::api
