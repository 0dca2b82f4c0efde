#include "api/assessments_api.hpp"

#include "api/api_shared.hpp"
#include "api/assessment_json.hpp"
#include "identity/api_responses.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;
using Service = assessments::AssessmentService;

constexpr std::string_view kBasedOn = "based_on";

http::Response ShowCurrent(ApiContext& ctx, Service& service) {
  auto overview = service.Overview(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!overview) return ProblemJson(overview.error());
  return JsonResponse(boost::json::object{
      {"case_id", overview->about.id},
      {"can_record", overview->about.can_record},
      {"needs", overview->needs ? boost::json::value(NeedsToJson(*overview->needs))
                                : boost::json::value(nullptr)},
      {"risk", overview->risk ? boost::json::value(RiskToJson(*overview->risk))
                              : boost::json::value(nullptr)},
      {"risk_review_overdue", overview->risk_review_overdue},
  });
}

http::Response ListNeeds(ApiContext& ctx, Service& service) {
  auto versions = service.NeedsVersions(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!versions) return ProblemJson(versions.error());
  boost::json::array items;
  for (const auto& summary : *versions) items.push_back(NeedsSummaryToJson(summary));
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

http::Response ListRisk(ApiContext& ctx, Service& service) {
  auto versions = service.RiskVersions(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!versions) return ProblemJson(versions.error());
  boost::json::array items;
  for (const auto& summary : *versions) items.push_back(RiskSummaryToJson(summary));
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

// One version, as it was recorded; the read is audited like the page's.
http::Response ShowNeeds(ApiContext& ctx, Service& service) {
  auto number = VersionInPath(ctx.request, "needs assessment");
  if (!number) return ProblemJson(number.error());
  auto view = service.Needs(ctx.actor(), ctx.request.Capture("id"), *number, ctx.origin());
  if (!view) return ProblemJson(view.error());
  return JsonResponse(NeedsToJson(view->saved));
}

http::Response ShowRisk(ApiContext& ctx, Service& service) {
  auto number = VersionInPath(ctx.request, "risk assessment");
  if (!number) return ProblemJson(number.error());
  auto view = service.Risk(ctx.actor(), ctx.request.Capture("id"), *number, ctx.origin());
  if (!view) return ProblemJson(view.error());
  return JsonResponse(RiskToJson(view->saved));
}

http::Response RecordNeeds(ApiContext& ctx, Service& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object),
                {"kind", "mode", "assessed_on", "needs", "strengths", kBasedOn});
  assessments::NeedsAssessmentInput input = NeedsInputFromJson(body);
  std::optional<int64_t> based_on = ExpectedVersion(ctx.request, body, kBasedOn);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!based_on) return VersionRequired("needs assessment", kBasedOn);
  auto saved = service.RecordNeeds(ctx.actor(), ctx.request.Capture("id"), input,
                                   static_cast<int>(*based_on), ctx.origin());
  if (!saved) return ProblemJson(NeedsProblemForApi(saved.error()));
  return WithVersion(JsonResponse(NeedsToJson(*saved), 201), saved->recorded.version);
}

http::Response RecordRisk(ApiContext& ctx, Service& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"assessed_on", "risks", "overall", "review_on", kBasedOn});
  assessments::RiskAssessmentInput input = RiskInputFromJson(body);
  std::optional<int64_t> based_on = ExpectedVersion(ctx.request, body, kBasedOn);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!based_on) return VersionRequired("risk assessment", kBasedOn);
  auto saved = service.RecordRisk(ctx.actor(), ctx.request.Capture("id"), input,
                                  static_cast<int>(*based_on), ctx.origin());
  if (!saved) return ProblemJson(RiskProblemForApi(saved.error(), input));
  return WithVersion(JsonResponse(RiskToJson(*saved), 201), saved->recorded.version);
}

}  // namespace

void AddAssessmentsApi(identity::WebRoutes& routes, Service& assessments) {
  using identity::Action;
  std::string base = "/api/v1/cases/{id:id}/assessments";
  routes.Api("GET", base, Action::kCaseList,
             [&assessments](ApiContext& ctx) { return ShowCurrent(ctx, assessments); });
  routes.Api("GET", base + "/needs", Action::kCaseList,
             [&assessments](ApiContext& ctx) { return ListNeeds(ctx, assessments); });
  routes.Api("GET", base + "/risk", Action::kCaseList,
             [&assessments](ApiContext& ctx) { return ListRisk(ctx, assessments); });
  // Any segment, so that a version that is not a number is named as such rather than a 404.
  routes.Api("GET", base + "/needs/{version}", Action::kCaseList,
             [&assessments](ApiContext& ctx) { return ShowNeeds(ctx, assessments); });
  routes.Api("GET", base + "/risk/{version}", Action::kCaseList,
             [&assessments](ApiContext& ctx) { return ShowRisk(ctx, assessments); });
  routes.Api("POST", base + "/needs", Action::kCaseList,
             [&assessments](ApiContext& ctx) { return RecordNeeds(ctx, assessments); });
  routes.Api("POST", base + "/risk", Action::kCaseList,
             [&assessments](ApiContext& ctx) { return RecordRisk(ctx, assessments); });
}

}  // namespace waymark::api
