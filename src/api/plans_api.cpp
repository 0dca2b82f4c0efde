#include "api/plans_api.hpp"

#include <functional>

#include "api/api_shared.hpp"
#include "api/plan_json.hpp"
#include "identity/api_responses.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;

constexpr std::string_view kRevision = "revision";

http::Response PlanResponse(const plans::StoredPlan& stored, int status = 200) {
  return WithVersion(JsonResponse(PlanToJson(stored), status), stored.revision);
}

http::Response ShowPlan(ApiContext& ctx, plans::PlanService& service) {
  auto view = service.Current(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return ProblemJson(view.error());
  http::Response response = JsonResponse(boost::json::object{
      {"case_id", view->header.id},
      {"can_edit", view->CanEdit()},
      {"in_force_version", view->in_force_version ? boost::json::value(*view->in_force_version)
                                                  : boost::json::value(nullptr)},
      {"plan", view->current ? boost::json::value(PlanToJson(*view->current))
                             : boost::json::value(nullptr)}});
  if (view->current) response = WithVersion(std::move(response), view->current->revision);
  return response;
}

http::Response ListVersions(ApiContext& ctx, plans::PlanService& service) {
  auto history = service.Versions(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!history) return ProblemJson(history.error());
  boost::json::array items;
  for (const auto& version : history->versions) items.push_back(PlanToJson(version));
  http::Response response = JsonResponse(boost::json::object{{"items", std::move(items)}});
  // As documented: the current revision, so a client can change the plan after reading these.
  if (history->view.current) {
    response = WithVersion(std::move(response), history->view.current->revision);
  }
  return response;
}

http::Response ShowVersion(ApiContext& ctx, plans::PlanService& service) {
  auto number = VersionInPath(ctx.request, "plan");
  if (!number) return ProblemJson(number.error());
  auto view = service.Version(ctx.actor(), ctx.request.Capture("id"), *number, ctx.origin());
  if (!view) return ProblemJson(view.error());
  return JsonResponse(PlanToJson(*view->current));
}

http::Response StartPlan(ApiContext& ctx, plans::PlanService& service) {
  auto started = service.Start(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!started) return ProblemJson(started.error());
  return PlanResponse(*started, 201);
}

// A change to the plan: reads the body's `properties` (and the revision) with `read`, then
// `apply`s it with the revision the client started from.
using Reader = std::function<void(JsonBody&)>;
using Apply = std::function<Result<plans::StoredPlan>(int64_t revision)>;

// `object` is the request's body, already read as JSON.
http::Response ChangeFrom(ApiContext& ctx, boost::json::object object,
                          std::vector<std::string_view> properties, const Reader& read,
                          const Apply& apply, const std::function<Problem(Problem)>& rename) {
  properties.push_back(kRevision);
  JsonBody body(std::move(object), properties);
  read(body);
  std::optional<int64_t> revision = ExpectedVersion(ctx.request, body, kRevision);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!revision) return VersionRequired("plan", kRevision);
  auto changed = apply(*revision);
  if (!changed) return ProblemJson(rename(changed.error()));
  return PlanResponse(*changed);
}

http::Response Change(ApiContext& ctx, std::vector<std::string_view> properties, const Reader& read,
                      const Apply& apply, const std::function<Problem(Problem)>& rename) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  return ChangeFrom(ctx, std::move(*object), std::move(properties), read, apply, rename);
}

// The {goal} of the path (0-based), or nullopt past the most goals a plan can have.
std::optional<size_t> GoalIndex(const ApiContext& ctx) {
  int64_t goal = ctx.request.CaptureInt("goal");
  if (goal < 0 || goal >= static_cast<int64_t>(plans::kMaxGoals)) return std::nullopt;
  return static_cast<size_t>(goal);
}

// The API counts goals from 0, as its paths do; the plan's own message counts from 1, as pages
// do, so a missing goal is named here by the path's number.
Problem NoSuchGoalInPath(int64_t goal) {
  return Problem::NotFound("This plan has no goal " + std::to_string(goal) +
                           " (goals are counted from 0)");
}

http::Response NoSuchGoal(const ApiContext& ctx) {
  return ProblemJson(NoSuchGoalInPath(ctx.request.CaptureInt("goal")));
}

Problem Renamed(Problem problem) { return PlanProblemForApi(std::move(problem)); }

// Renamed, for a change to the goal at `index`.
std::function<Problem(Problem)> RenamedForGoal(size_t index) {
  return [index](Problem problem) {
    if (problem.kind == ProblemKind::kNotFound &&
        problem.message == plans::NoSuchGoalMessage(index)) {
      return NoSuchGoalInPath(static_cast<int64_t>(index));
    }
    return Renamed(std::move(problem));
  };
}

}  // namespace

void AddPlansApi(identity::WebRoutes& routes, plans::PlanService& plans) {
  using identity::Action;
  std::string base = "/api/v1/cases/{id:id}/plan";
  routes.Api("GET", base, Action::kCaseList,
             [&plans](ApiContext& ctx) { return ShowPlan(ctx, plans); });
  routes.Api("GET", base + "/versions", Action::kCaseList,
             [&plans](ApiContext& ctx) { return ListVersions(ctx, plans); });
  // Any segment, so that a version that is not a number is named as such rather than a 404.
  routes.Api("GET", base + "/versions/{version}", Action::kCaseList,
             [&plans](ApiContext& ctx) { return ShowVersion(ctx, plans); });
  routes.Api("POST", base, Action::kCaseList,
             [&plans](ApiContext& ctx) { return StartPlan(ctx, plans); });
  // Adds a goal (no index) or replaces one.
  auto save_goal = [&plans](ApiContext& ctx, std::optional<size_t> index) {
    plans::GoalInput input;
    return Change(
        ctx, {"text", "domains", "actions"},
        [&input](JsonBody& body) { input = GoalInputFromJson(body); },
        [&](int64_t revision) {
          return plans.SaveGoal(ctx.actor(), ctx.request.Capture("id"), index, input, revision,
                                ctx.origin());
        },
        index ? RenamedForGoal(*index) : std::function<Problem(Problem)>(Renamed));
  };
  routes.Api("POST", base + "/goals", Action::kCaseList,
             [save_goal](ApiContext& ctx) { return save_goal(ctx, std::nullopt); });
  routes.Api("PUT", base + "/goals/{goal:int}", Action::kCaseList, [save_goal](ApiContext& ctx) {
    std::optional<size_t> index = GoalIndex(ctx);
    if (!index) return NoSuchGoal(ctx);
    return save_goal(ctx, *index);
  });
  routes.Api("DELETE", base + "/goals/{goal:int}", Action::kCaseList, [&plans](ApiContext& ctx) {
    std::optional<size_t> index = GoalIndex(ctx);
    if (!index) return NoSuchGoal(ctx);
    auto object = ReadOptionalJsonObject(ctx.request);
    if (!object) return std::move(object.error());
    return ChangeFrom(
        ctx, std::move(*object), {}, [](JsonBody&) {},
        [&](int64_t revision) {
          return plans.RemoveGoal(ctx.actor(), ctx.request.Capture("id"), *index, revision,
                                  ctx.origin());
        },
        RenamedForGoal(*index));
  });
  routes.Api("PUT", base + "/evidence", Action::kCaseList, [&plans](ApiContext& ctx) {
    std::vector<plans::PointInput> points;
    return Change(
        ctx, {"points"}, [&points](JsonBody& body) { points = PointInputsFromJson(body); },
        [&](int64_t revision) {
          return plans.RecordEvidence(ctx.actor(), ctx.request.Capture("id"), points, revision,
                                      ctx.origin());
        },
        [&points](Problem problem) { return PlanProblemForApi(std::move(problem), points); });
  });
  routes.Api("PUT", base + "/review-date", Action::kCaseList, [&plans](ApiContext& ctx) {
    std::string review_on;
    return Change(
        ctx, {"review_on"}, [&review_on](JsonBody& body) { review_on = body.Text("review_on"); },
        [&](int64_t revision) {
          return plans.SetReviewDate(ctx.actor(), ctx.request.Capture("id"), review_on, revision,
                                     ctx.origin());
        },
        Renamed);
  });
  routes.Api("POST", base + "/agree", Action::kCaseList, [&plans](ApiContext& ctx) {
    plans::AgreementInput input;
    return Change(
        ctx, {"agreed_on", "mode", "language", "interpreter_used"},
        [&input](JsonBody& body) { input = AgreementInputFromJson(body); },
        [&](int64_t revision) {
          return plans.Agree(ctx.actor(), ctx.request.Capture("id"), input, revision, ctx.origin());
        },
        Renamed);
  });
  routes.Api("POST", base + "/approve", Action::kCaseList, [&plans](ApiContext& ctx) {
    return Change(
        ctx, {}, [](JsonBody&) {},
        [&](int64_t revision) {
          return plans.Approve(ctx.actor(), ctx.request.Capture("id"), revision, ctx.origin());
        },
        Renamed);
  });
  routes.Api("POST", base + "/revise", Action::kCaseList, [&plans](ApiContext& ctx) {
    return Change(
        ctx, {}, [](JsonBody&) {},
        [&](int64_t revision) {
          return plans.Revise(ctx.actor(), ctx.request.Capture("id"), revision, ctx.origin());
        },
        Renamed);
  });
}

}  // namespace waymark::api
