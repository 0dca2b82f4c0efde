#include "api/case_team_api.hpp"

#include <utility>

#include "api/api_shared.hpp"
#include "api/case_json.hpp"
#include "identity/api_responses.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;

boost::json::object WorkersJson(const std::vector<cases::Person>& workers) {
  boost::json::array items;
  for (const auto& person : workers) {
    items.push_back(
        boost::json::object{{"user_id", person.user_id}, {"display_name", person.display_name}});
  }
  return boost::json::object{{"items", std::move(items)}};
}

// Who is assigned (the read is audited as a read of the case).
http::Response ShowWorkers(ApiContext& ctx, cases::CaseService& service) {
  auto workers = service.Workers(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!workers) return ProblemJson(CaseProblemForApi(workers.error()));
  return JsonResponse(WorkersJson(*workers));
}

http::Response AssignWorker(ApiContext& ctx, cases::CaseService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"user_id"});
  std::string user_id = body.Text("user_id");
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  std::string id(ctx.request.Capture("id"));
  auto assigned = service.Assign(ctx.actor(), id, user_id, ctx.origin());
  if (!assigned) return ProblemJson(CaseProblemForApi(assigned.error()));
  return ShowWorkers(ctx, service);
}

http::Response UnassignWorker(ApiContext& ctx, cases::CaseService& service) {
  auto removed = service.Unassign(ctx.actor(), ctx.request.Capture("id"),
                                  ctx.request.Capture("user_id"), ctx.origin());
  if (!removed) return ProblemJson(CaseProblemForApi(removed.error()));
  return NoContent();
}

http::Response CloseCase(ApiContext& ctx, cases::CaseService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"closure_reason", "version"});
  std::string reason = body.Text("closure_reason");
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("case");
  auto closed =
      service.Close(ctx.actor(), ctx.request.Capture("id"), reason, *version, ctx.origin());
  if (!closed) return ProblemJson(CaseProblemForApi(closed.error()));
  return WithVersion(JsonResponse(CaseToJson(*closed)), closed->version);
}

}  // namespace

void AddCaseTeamApi(identity::WebRoutes& routes, cases::CaseService& cases) {
  using identity::Action;
  std::string one = "/api/v1/cases/{id:id}";
  routes.Api("GET", one + "/workers", Action::kCaseList,
             [&cases](ApiContext& ctx) { return ShowWorkers(ctx, cases); });
  // For service managers, as the pages: the route asks case.allocate before anything is read.
  routes.Api("POST", one + "/workers", Action::kCaseAllocate,
             [&cases](ApiContext& ctx) { return AssignWorker(ctx, cases); });
  routes.Api("DELETE", one + "/workers/{user_id:id}", Action::kCaseAllocate,
             [&cases](ApiContext& ctx) { return UnassignWorker(ctx, cases); });
  routes.Api("POST", one + "/close", Action::kCaseList,
             [&cases](ApiContext& ctx) { return CloseCase(ctx, cases); });
}

}  // namespace waymark::api
