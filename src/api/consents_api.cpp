#include "api/consents_api.hpp"

#include "api/api_shared.hpp"
#include "identity/api_responses.hpp"
#include "platform/util/time.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;

constexpr std::string_view kCases = "/api/v1/cases";

http::Response Failure(const Problem& problem) {
  return ProblemJson(RenameFields(problem, {{"interpreter", "interpreter_used"}}));
}

boost::json::object ConsentToJson(const consent::ConsentRecord& r) {
  const consent::Consent& c = r.consent;
  boost::json::value withdrawn_on = nullptr, withdrawal_note = nullptr, withdrawn_at = nullptr;
  if (c.withdrawal) {
    withdrawn_on = FormatIsoDate(c.withdrawal->on);
    withdrawal_note = TextOrNull(c.withdrawal->note);
  }
  if (r.withdrawn_at) withdrawn_at = FormatUtc(*r.withdrawn_at);
  return boost::json::object{
      {"id", r.id},
      {"version", r.version},
      {"purpose", consent::Code(c.purpose)},
      {"recipient", TextOrNull(c.recipient)},
      {"contact_method",
       c.method ? boost::json::value(consent::Code(*c.method)) : boost::json::value(nullptr)},
      {"decision", consent::Code(c.decision)},
      {"language", c.language},
      {"interpreter_used", c.interpreter_used},
      {"format", consent::Code(c.format)},
      {"decided_on", FormatIsoDate(c.decided_on)},
      {"expires_on", IsoDateOrNull(c.expires_on)},
      {"notes", c.notes},
      {"status", consent::Code(r.status)},
      {"superseded", r.superseded},
      {"withdrawn_on", withdrawn_on},
      {"withdrawal_note", withdrawal_note},
      {"recorded_at", FormatUtc(r.recorded_at)},
      {"recorded_by_name", r.recorded_by},
      {"withdrawn_at", withdrawn_at},
      {"withdrawn_by_name", TextOrNull(r.withdrawn_by)},
  };
}

boost::json::object DisclosureToJson(const consent::DisclosureRecord& r) {
  const consent::Disclosure& d = r.disclosure;
  return boost::json::object{
      {"id", r.id},
      {"recipient", d.recipient},
      {"shared", d.shared},
      {"disclosed_on", FormatIsoDate(d.disclosed_on)},
      {"basis", consent::Code(d.basis)},
      {"consent_id", TextOrNull(d.consent_id)},
      {"reason", TextOrNull(d.reason)},
      {"recorded_at", FormatUtc(r.recorded_at)},
      {"recorded_by_name", r.recorded_by},
  };
}

http::Response ListConsents(ApiContext& ctx, consent::ConsentService& service) {
  auto list = service.Consents(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return Failure(list.error());
  boost::json::array items;
  for (const auto& record : list->consents) items.push_back(ConsentToJson(record));
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

http::Response RecordConsent(ApiContext& ctx, consent::ConsentService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object),
                {"purpose", "recipient", "contact_method", "decision", "language",
                 "interpreter_used", "format", "decided_on", "expires_on", "notes"});
  // Dates go to the service as typed: it parses YYYY-MM-DD and says what is wrong.
  consent::ConsentInput in;
  in.purpose = body.Text("purpose");
  in.recipient = body.Text("recipient");
  in.contact_method = body.Text("contact_method");
  in.decision = body.Text("decision");
  in.language = body.Text("language");
  if (auto used = body.Boolean("interpreter_used")) in.interpreter = *used ? "yes" : "no";
  in.format = body.Text("format");
  in.decided_on = body.Text("decided_on");
  in.expires_on = body.Text("expires_on");
  in.notes = body.Text("notes");
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  auto recorded = service.RecordConsent(ctx.actor(), ctx.request.Capture("id"), in, ctx.origin());
  if (!recorded) return Failure(recorded.error());
  // There is no address for one consent record: the list is where it is read.
  return WithVersion(JsonResponse(ConsentToJson(*recorded), 201), recorded->version);
}

http::Response WithdrawConsent(ApiContext& ctx, consent::ConsentService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"withdrawn_on", "note", "version"});
  consent::WithdrawalInput in{body.Text("withdrawn_on"), body.Text("note")};
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("consent record");
  auto withdrawn = service.Withdraw(ctx.actor(), ctx.request.Capture("id"),
                                    ctx.request.Capture("consent_id"), in, *version, ctx.origin());
  if (!withdrawn) return Failure(withdrawn.error());
  return WithVersion(JsonResponse(ConsentToJson(*withdrawn)), withdrawn->version);
}

http::Response ListDisclosures(ApiContext& ctx, consent::ConsentService& service) {
  auto list = service.Disclosures(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return Failure(list.error());
  boost::json::array items;
  for (const auto& record : list->disclosures) items.push_back(DisclosureToJson(record));
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

http::Response RecordDisclosure(ApiContext& ctx, consent::ConsentService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object),
                {"recipient", "shared", "disclosed_on", "basis", "consent_id", "reason"});
  consent::DisclosureInput in{body.Text("recipient"),    body.Text("shared"),
                              body.Text("disclosed_on"), body.Text("basis"),
                              body.Text("consent_id"),   body.Text("reason")};
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  auto recorded =
      service.RecordDisclosure(ctx.actor(), ctx.request.Capture("id"), in, ctx.origin());
  if (!recorded) return Failure(recorded.error());
  return JsonResponse(DisclosureToJson(*recorded), 201);
}

}  // namespace

void AddConsentsApi(identity::WebRoutes& routes, consent::ConsentService& consent) {
  using identity::Action;
  std::string consents = std::string(kCases) + "/{id:id}/consents";
  std::string disclosures = std::string(kCases) + "/{id:id}/disclosures";
  routes.Api("GET", consents, Action::kCaseList,
             [&consent](ApiContext& ctx) { return ListConsents(ctx, consent); });
  routes.Api("POST", consents, Action::kCaseList,
             [&consent](ApiContext& ctx) { return RecordConsent(ctx, consent); });
  routes.Api("POST", consents + "/{consent_id:id}/withdraw", Action::kCaseList,
             [&consent](ApiContext& ctx) { return WithdrawConsent(ctx, consent); });
  routes.Api("GET", disclosures, Action::kCaseList,
             [&consent](ApiContext& ctx) { return ListDisclosures(ctx, consent); });
  routes.Api("POST", disclosures, Action::kCaseList,
             [&consent](ApiContext& ctx) { return RecordDisclosure(ctx, consent); });
}

}  // namespace waymark::api
