#include "api/contacts_api.hpp"

#include "api/api_shared.hpp"
#include "identity/api_responses.hpp"
#include "platform/util/time.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;

constexpr std::string_view kCases = "/api/v1/cases";
constexpr std::string_view kBasedOn = "based_on";

const std::vector<std::string_view> kContactProperties = {
    "contact_date",         "contact_time",     "contact_type", "contact_with", "interpreter_used",
    "interpreter_language", "duration_minutes", "notes",        "restricted"};

http::Response Failure(const Problem& problem) {
  return ProblemJson(RenameFields(problem, {{"duration", "duration_minutes"}}));
}

// The recorded details; the note is null when the reader may not see its text.
void AddDetails(boost::json::object& out, const contacts::ContactDetails& d, bool text_hidden) {
  out["contact_date"] = FormatIsoDate(d.contact_date);
  out["contact_time"] = TextOrNull(d.contact_time);
  out["contact_type"] = contacts::Code(d.type);
  out["contact_with"] = contacts::Code(d.with);
  out["interpreter_used"] = d.interpreter_used;
  out["interpreter_language"] = TextOrNull(d.interpreter_language);
  out["duration_minutes"] =
      d.duration_minutes ? boost::json::value(*d.duration_minutes) : boost::json::value(nullptr);
  out["notes"] = text_hidden ? boost::json::value(nullptr) : boost::json::value(d.notes);
  out["restricted"] = d.restricted;
  out["text_hidden"] = text_hidden;
}

boost::json::object ContactToJson(const contacts::Contact& c) {
  boost::json::object out{{"id", c.id}, {"case_id", c.case_id}, {"version", c.version}};
  AddDetails(out, c.details, c.text_hidden);
  out["entered_in_error"] = c.entered_in_error;
  out["error_reason"] = c.text_hidden ? boost::json::value(nullptr) : TextOrNull(c.error_reason);
  out["recorded_at"] = FormatUtc(c.recorded_at);
  out["recorded_by"] = c.recorded_by;
  out["updated_at"] = FormatUtc(c.updated_at);
  out["updated_by"] = c.updated_by;
  return out;
}

boost::json::object VersionToJson(const contacts::ContactVersion& v) {
  boost::json::object out{{"version", v.version}};
  AddDetails(out, v.details, v.text_hidden);
  out["entered_in_error"] = v.entered_in_error;
  out["changed_at"] = FormatUtc(v.changed_at);
  out["changed_by"] = v.changed_by;
  return out;
}

// The contact as the pages' form sends it, so the service validates both alike.
contacts::ContactInput ContactInputFromJson(JsonBody& body) {
  contacts::ContactInput in;
  DateParts date = ReadDateParts(body, "contact_date", "date of the contact");
  in.date_year = date.year;
  in.date_month = date.month;
  in.date_day = date.day;
  in.contact_time = body.Text("contact_time");
  in.contact_type = body.Text("contact_type");
  in.contact_with = body.Text("contact_with");
  if (auto used = body.Boolean("interpreter_used")) in.interpreter_used = *used ? "yes" : "no";
  in.interpreter_language = body.Text("interpreter_language");
  if (auto minutes = body.Integer("duration_minutes")) in.duration = std::to_string(*minutes);
  in.notes = body.Text("notes");
  if (auto restricted = body.Boolean("restricted")) in.restricted = *restricted ? "yes" : "no";
  return in;
}

std::string ContactPath(std::string_view case_id, std::string_view contact_id) {
  return std::string(kCases) + "/" + std::string(case_id) + "/contacts/" + std::string(contact_id);
}

http::Response ListContacts(ApiContext& ctx, contacts::ContactService& service) {
  std::vector<FieldError> errors;
  auto page = ReadPage(ctx.request.query, errors);
  if (!errors.empty()) return ProblemJson(Problem::Invalid(std::move(errors)));
  auto listing = service.List(ctx.actor(), ctx.request.Capture("id"), *page, ctx.origin());
  if (!listing) return Failure(listing.error());
  boost::json::array items;
  for (const auto& contact : listing->contacts) items.push_back(ContactToJson(contact));
  return JsonResponse(boost::json::object{{"items", std::move(items)},
                                          {"total", listing->total},
                                          {"page", listing->page},
                                          {"pages", listing->pages},
                                          {"page_size", contacts::kContactsPerPage}});
}

http::Response RecordContact(ApiContext& ctx, contacts::ContactService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), kContactProperties);
  contacts::ContactInput input = ContactInputFromJson(body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  auto recorded = service.Record(ctx.actor(), ctx.request.Capture("id"), input, ctx.origin());
  if (!recorded) return Failure(recorded.error());
  return Created(ContactToJson(*recorded), ContactPath(recorded->case_id, recorded->id),
                 recorded->version);
}

http::Response ShowContact(ApiContext& ctx, contacts::ContactService& service) {
  auto view = service.Get(ctx.actor(), ctx.request.Capture("id"), ctx.request.Capture("contact_id"),
                          ctx.origin());
  if (!view) return Failure(view.error());
  boost::json::array versions;
  for (const auto& version : view->versions) versions.push_back(VersionToJson(version));
  return WithVersion(JsonResponse(boost::json::object{{"contact", ContactToJson(view->contact)},
                                                      {"versions", std::move(versions)}}),
                     view->contact.version);
}

http::Response EditContact(ApiContext& ctx, contacts::ContactService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  std::vector<std::string_view> known = kContactProperties;
  known.push_back("version");
  JsonBody body(std::move(*object), known);
  contacts::ContactInput input = ContactInputFromJson(body);
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("contact");
  auto edited = service.Edit(ctx.actor(), ctx.request.Capture("id"),
                             ctx.request.Capture("contact_id"), input, *version, ctx.origin());
  if (!edited) return Failure(edited.error());
  return WithVersion(JsonResponse(ContactToJson(*edited)), edited->version);
}

http::Response MarkEnteredInError(ApiContext& ctx, contacts::ContactService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"reason", "version"});
  std::string reason = body.Text("reason");
  std::optional<int64_t> version = ExpectedVersion(ctx.request, body);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!version) return VersionRequired("contact");
  auto marked =
      service.MarkEnteredInError(ctx.actor(), ctx.request.Capture("id"),
                                 ctx.request.Capture("contact_id"), reason, *version, ctx.origin());
  if (!marked) return Failure(marked.error());
  return WithVersion(JsonResponse(ContactToJson(*marked)), marked->version);
}

// Before the first save: version 0, and null for what has not happened yet.
boost::json::object OwnAccountToJson(std::string_view case_id, const contacts::OwnAccount& a) {
  bool saved = a.version > 0;
  return boost::json::object{
      {"case_id", case_id},
      {"version", a.version},
      {"text", saved ? boost::json::value(a.text) : boost::json::value(nullptr)},
      {"saved_at", saved ? boost::json::value(FormatUtc(a.saved_at)) : boost::json::value(nullptr)},
      {"saved_by", saved ? boost::json::value(a.saved_by) : boost::json::value(nullptr)}};
}

http::Response ShowOwnAccount(ApiContext& ctx, contacts::ContactService& service) {
  auto view = service.GetOwnAccount(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return Failure(view.error());
  return WithVersion(JsonResponse(OwnAccountToJson(view->case_info.id, view->account)),
                     view->account.version);
}

http::Response SaveOwnAccount(ApiContext& ctx, contacts::ContactService& service) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return std::move(object.error());
  JsonBody body(std::move(*object), {"text", kBasedOn});
  std::string text = body.Text("text");
  std::optional<int64_t> based_on = ExpectedVersion(ctx.request, body, kBasedOn);
  if (!body.errors().empty()) return ProblemJson(Problem::Invalid(body.errors()));
  if (!based_on) return VersionRequired("survivor's own account", kBasedOn);
  std::string_view case_id = ctx.request.Capture("id");
  auto saved = service.SaveOwnAccount(ctx.actor(), case_id, text, *based_on, ctx.origin());
  if (!saved) return ProblemJson(RenameFields(saved.error(), {{"account", "text"}}));
  return WithVersion(JsonResponse(OwnAccountToJson(case_id, *saved)), saved->version);
}

}  // namespace

void AddContactsApi(identity::WebRoutes& routes, contacts::ContactService& contacts) {
  using identity::Action;
  std::string list = std::string(kCases) + "/{id:id}/contacts";
  std::string one = list + "/{contact_id:id}";
  routes.Api("GET", list, Action::kCaseList,
             [&contacts](ApiContext& ctx) { return ListContacts(ctx, contacts); });
  routes.Api("POST", list, Action::kCaseList,
             [&contacts](ApiContext& ctx) { return RecordContact(ctx, contacts); });
  routes.Api("GET", one, Action::kCaseList,
             [&contacts](ApiContext& ctx) { return ShowContact(ctx, contacts); });
  routes.Api("PUT", one, Action::kCaseList,
             [&contacts](ApiContext& ctx) { return EditContact(ctx, contacts); });
  routes.Api("POST", one + "/entered-in-error", Action::kCaseList,
             [&contacts](ApiContext& ctx) { return MarkEnteredInError(ctx, contacts); });
  std::string own_account = std::string(kCases) + "/{id:id}/own-account";
  routes.Api("GET", own_account, Action::kCaseList,
             [&contacts](ApiContext& ctx) { return ShowOwnAccount(ctx, contacts); });
  routes.Api("PUT", own_account, Action::kCaseList,
             [&contacts](ApiContext& ctx) { return SaveOwnAccount(ctx, contacts); });
}

}  // namespace waymark::api
