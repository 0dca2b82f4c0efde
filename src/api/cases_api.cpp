#include "api/cases_api.hpp"

#include <utility>

#include "api/api_shared.hpp"
#include "api/case_json.hpp"
#include "identity/api_responses.hpp"
#include "platform/util/ids.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;

constexpr int kPageSize = 50;
constexpr std::string_view kCases = "/api/v1/cases";

http::Response CaseResponse(const cases::Case& record, int status = 200) {
  return WithVersion(JsonResponse(CaseToJson(record), status), record.version);
}

http::Response Failure(const Problem& problem) { return ProblemJson(CaseProblemForApi(problem)); }

boost::json::array Items(const std::vector<cases::Case>& records) {
  boost::json::array items;
  for (const auto& record : records) items.push_back(CaseToJson(record));
  return items;
}

// The stored value of the choice the query names as `name`, or nullopt (any); an unknown code
// is an error.
std::optional<std::string> ReadChoice(const http::FormFields& query, std::string_view name,
                                      const std::vector<cases::FilterChoice>& choices,
                                      std::vector<FieldError>& errors) {
  std::string_view code = query.GetOr(name);
  if (code.empty()) return std::nullopt;
  auto stored = cases::StoredValueOf(choices, code);
  if (!stored) {
    std::string codes;
    for (const auto& choice : choices) codes += (codes.empty() ? "" : ", ") + choice.code;
    errors.push_back({std::string(name), "Give one of: " + codes});
  }
  return stored;
}

http::Response ListCases(ApiContext& ctx, cases::CaseService& service,
                         const cases::ListFilterChoices& choices) {
  const http::FormFields& query = ctx.request.query;
  std::vector<FieldError> errors;
  for (const auto& [name, value] : query.fields()) {
    if (name != "status" && name != "nrm_stage" && name != "risk_level" && name != "worker" &&
        name != "page") {
      errors.push_back(
          {name.substr(0, 64), "This filter is not accepted. To find a case by name, use POST " +
                                   std::string(kCases) + "/search: names never go in a URL"});
    }
  }
  cases::CaseFilter filter;
  std::string status(query.GetOr("status", "open"));
  if (status == "open" || status == "closed") {
    filter.status = cases::ParseCaseStatus(status);
  } else if (status != "all") {
    errors.push_back({"status", "Select open, closed or all cases"});
  }
  filter.nrm_stage = ReadChoice(query, "nrm_stage", choices.nrm_stages, errors);
  filter.risk_level = ReadChoice(query, "risk_level", choices.risk_levels, errors);
  std::string worker(query.GetOr("worker"));
  if (!worker.empty()) {
    if (IsId(worker)) {
      filter.worker_id = worker;
    } else {
      errors.push_back({"worker", "Select a worker by their user id"});
    }
  }
  auto page = ParseWhole(query.GetOr("page", "1"));
  if (!page || *page < 1 || *page > 100000) {
    errors.push_back({"page", "The page number must be a whole number, like 2"});
  }
  if (!errors.empty()) return ProblemJson(Problem::Invalid(std::move(errors)));
  filter.limit = kPageSize;
  filter.offset = static_cast<int>((*page - 1) * kPageSize);
  auto listing = service.List(ctx.actor(), filter, ctx.origin());
  if (!listing) return Failure(listing.error());
  return JsonResponse(boost::json::object{{"items", Items(listing->cases)},
                                          {"total", listing->total},
                                          {"page", *page},
                                          {"page_size", kPageSize}});
}

http::Response CreateCase(ApiContext& ctx, cases::CaseService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {kCaseInputProperties.begin(), kCaseInputProperties.end()});
  cases::CaseInput input = CaseInputFromJson(body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  auto created = service.Create(ctx.actor(), input, ctx.origin());
  if (!created) return Failure(created.error());
  http::Response response = CaseResponse(*created, 201);
  response.headers.Set("Location", std::string(kCases) + "/" + created->id);
  return response;
}

http::Response ShowCase(ApiContext& ctx, cases::CaseService& service) {
  auto view = service.Open(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return Failure(view.error());
  return CaseResponse(view->record);
}

http::Response UpdateCase(ApiContext& ctx, cases::CaseService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  std::vector<std::string_view> known(kCaseInputProperties.begin(), kCaseInputProperties.end());
  known.push_back("version");
  JsonBody body(std::move(*object), known);
  cases::CaseInput input = CaseInputFromJson(body);
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("case");
  auto updated =
      service.Update(ctx.actor(), ctx.request.Capture("id"), input, *version, ctx.origin());
  if (!updated) return Failure(updated.error());
  return CaseResponse(*updated);
}

http::Response SearchCases(ApiContext& ctx, cases::CaseService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"query", "date_of_birth"});
  cases::SearchQuery query;
  query.text = body.Text("query");
  std::string dob = body.Text("date_of_birth");
  if (!dob.empty()) {
    auto date = ParseIsoDate(dob);
    if (!date) {
      body.AddError("date_of_birth", "Enter the date of birth as YYYY-MM-DD, like 1990-03-27");
    } else {
      std::string iso = FormatIsoDate(*date);
      query.dob_year = iso.substr(0, 4);
      query.dob_month = iso.substr(5, 2);
      query.dob_day = iso.substr(8, 2);
    }
  }
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  auto result = service.Search(ctx.actor(), query, ctx.origin());
  if (!result) return Failure(result.error());
  boost::json::value not_assigned = nullptr;
  if (result->not_assigned) {
    not_assigned = boost::json::object{{"id", result->not_assigned->id},
                                       {"reference", result->not_assigned->reference}};
  }
  return JsonResponse(
      boost::json::object{{"items", Items(result->cases)}, {"not_assigned", not_assigned}});
}

}  // namespace

void AddCasesApi(identity::WebRoutes& routes, cases::CaseService& cases,
                 cases::ListFilterChoices choices) {
  using identity::Action;
  std::string one = std::string(kCases) + "/{id:id}";
  routes.Api("GET", std::string(kCases), Action::kCaseList,
             [&cases, choices = std::move(choices)](ApiContext& ctx) {
               return ListCases(ctx, cases, choices);
             });
  routes.Api("POST", std::string(kCases), Action::kCaseList,
             [&cases](ApiContext& ctx) { return CreateCase(ctx, cases); });
  routes.Api("GET", one, Action::kCaseList,
             [&cases](ApiContext& ctx) { return ShowCase(ctx, cases); });
  routes.Api("PUT", one, Action::kCaseList,
             [&cases](ApiContext& ctx) { return UpdateCase(ctx, cases); });
  routes.Api("POST", std::string(kCases) + "/search", Action::kCaseList,
             [&cases](ApiContext& ctx) { return SearchCases(ctx, cases); });
}

}  // namespace waymark::api
