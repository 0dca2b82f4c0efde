#include "api/dependants_api.hpp"

#include "api/api_shared.hpp"
#include "identity/api_responses.hpp"
#include "platform/util/time.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;
using Service = dependants::DependantService;

constexpr std::string_view kCases = "/api/v1/cases";

const std::vector<std::string_view> kDependantProperties = {
    "name",  "relationship", "date_of_birth", "estimated_age",          "whereabouts",
    "needs", "risks",        "school",        "children_services_know", "local_authority"};

http::Response Failure(const Problem& problem) {
  return ProblemJson(RenameFields(problem, {{"dob", "date_of_birth"}}));
}

boost::json::object DependantToJson(const dependants::Dependant& d) {
  const dependants::DependantDetails& p = d.details;
  boost::json::value removed_on = nullptr, removal_reason = nullptr;
  if (d.removal) {
    removed_on = FormatIsoDate(d.removal->on);
    removal_reason = d.removal->reason;
  }
  return boost::json::object{
      {"id", d.id},
      {"case_id", d.case_id},
      {"version", d.version},
      {"name", p.name},
      {"relationship", p.relationship},
      {"date_of_birth", IsoDateOrNull(p.date_of_birth)},
      {"estimated_age",
       p.estimated_age ? boost::json::value(*p.estimated_age) : boost::json::value(nullptr)},
      {"whereabouts", p.whereabouts},
      {"needs", p.needs},
      {"risks", p.risks},
      {"school", p.school},
      {"children_services_know", TextOrNull(p.children_services_know)},
      {"local_authority", p.local_authority},
      {"removed_on", removed_on},
      {"removal_reason", removal_reason},
      {"changed_at", FormatUtc(d.changed_at)},
      {"changed_by", d.changed_by},
  };
}

boost::json::array Items(const std::vector<dependants::Dependant>& list) {
  boost::json::array items;
  for (const auto& dependant : list) items.push_back(DependantToJson(dependant));
  return items;
}

dependants::DependantInput DependantInputFromJson(JsonBody& body) {
  dependants::DependantInput in;
  in.name = body.Text("name");
  in.relationship = body.Text("relationship");
  DateParts dob = ReadDateParts(body, "date_of_birth", "date of birth");
  in.dob_year = dob.year;
  in.dob_month = dob.month;
  in.dob_day = dob.day;
  if (auto age = body.Integer("estimated_age")) in.estimated_age = std::to_string(*age);
  in.whereabouts = body.Text("whereabouts");
  in.needs = body.Text("needs");
  in.risks = body.Text("risks");
  in.school = body.Text("school");
  in.children_services_know = body.Text("children_services_know");
  in.local_authority = body.Text("local_authority");
  return in;
}

http::Response ListDependants(ApiContext& ctx, Service& service) {
  auto view = service.List(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return Failure(view.error());
  return JsonResponse(boost::json::object{{"case_id", view->header.id},
                                          {"can_edit", view->can_edit},
                                          {"current", Items(view->current)},
                                          {"former", Items(view->former)}});
}

http::Response AddDependant(ApiContext& ctx, Service& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), kDependantProperties);
  dependants::DependantInput input = DependantInputFromJson(body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  auto added = service.Add(ctx.actor(), ctx.request.Capture("id"), input, ctx.origin());
  if (!added) return Failure(added.error());
  return Created(DependantToJson(*added),
                 std::string(kCases) + "/" + added->case_id + "/dependants/" + added->id,
                 added->version);
}

http::Response ShowDependant(ApiContext& ctx, Service& service) {
  auto record = service.Open(ctx.actor(), ctx.request.Capture("id"),
                             ctx.request.Capture("dependant_id"), ctx.origin());
  if (!record) return Failure(record.error());
  return WithVersion(
      JsonResponse(boost::json::object{{"dependant", DependantToJson(record->dependant)},
                                       {"versions", Items(record->versions)}}),
      record->dependant.version);
}

http::Response ChangeDependant(ApiContext& ctx, Service& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  std::vector<std::string_view> known = kDependantProperties;
  known.push_back("version");
  JsonBody body(std::move(*object), known);
  dependants::DependantInput input = DependantInputFromJson(body);
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("dependant");
  auto changed = service.Change(ctx.actor(), ctx.request.Capture("id"),
                                ctx.request.Capture("dependant_id"), input, *version, ctx.origin());
  if (!changed) return Failure(changed.error());
  return WithVersion(JsonResponse(DependantToJson(*changed)), changed->version);
}

http::Response RemoveDependant(ApiContext& ctx, Service& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"removed_on", "reason", "version"});
  DateParts on = ReadDateParts(body, "removed_on", "date they stopped being a dependant");
  dependants::RemovalInput input{on.day, on.month, on.year, body.Text("reason")};
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("dependant");
  auto removed = service.Remove(ctx.actor(), ctx.request.Capture("id"),
                                ctx.request.Capture("dependant_id"), input, *version, ctx.origin());
  if (!removed) return Failure(removed.error());
  return WithVersion(JsonResponse(DependantToJson(*removed)), removed->version);
}

}  // namespace

void AddDependantsApi(identity::WebRoutes& routes, Service& dependants) {
  using identity::Action;
  std::string list = std::string(kCases) + "/{id:id}/dependants";
  std::string one = list + "/{dependant_id:id}";
  routes.Api("GET", list, Action::kCaseList,
             [&dependants](ApiContext& ctx) { return ListDependants(ctx, dependants); });
  routes.Api("POST", list, Action::kCaseList,
             [&dependants](ApiContext& ctx) { return AddDependant(ctx, dependants); });
  routes.Api("GET", one, Action::kCaseList,
             [&dependants](ApiContext& ctx) { return ShowDependant(ctx, dependants); });
  routes.Api("PUT", one, Action::kCaseList,
             [&dependants](ApiContext& ctx) { return ChangeDependant(ctx, dependants); });
  routes.Api("POST", one + "/removal", Action::kCaseList,
             [&dependants](ApiContext& ctx) { return RemoveDependant(ctx, dependants); });
}

}  // namespace waymark::api
