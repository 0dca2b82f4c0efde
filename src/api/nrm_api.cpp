#include "api/nrm_api.hpp"

#include <type_traits>

#include "api/api_shared.hpp"
#include "identity/api_responses.hpp"
#include "nrm/event_input.hpp"
#include "platform/util/time.hpp"

namespace waymark::api {

namespace {

using identity::ApiContext;
using identity::JsonResponse;
using identity::ProblemJson;

constexpr std::string_view kCases = "/api/v1/cases";
constexpr std::string_view kExpectedCount = "expected_count";

// The event's kind, date and the values of its kind, named as the form names them.
boost::json::object EventToJson(const nrm::Event& event) {
  boost::json::object out{{"kind", nrm::Code(nrm::KindOf(event))},
                          {"date", FormatIsoDate(nrm::DateOf(event))}};
  std::visit(
      [&out](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, nrm::DutyToNotifySent>) {
          out["identifying_details_included"] = e.identifying_details_included;
        } else if constexpr (std::is_same_v<T, nrm::Referred>) {
          out["first_responder"] = e.first_responder;
          out["authority"] = nrm::Code(e.authority);
        } else if constexpr (std::is_same_v<T, nrm::RgDecided> ||
                             std::is_same_v<T, nrm::CgDecided>) {
          out["outcome"] = nrm::Code(e.outcome);
        } else if constexpr (std::is_same_v<T, nrm::Disqualified>) {
          out["grounds"] = nrm::Code(e.grounds);
        } else if constexpr (std::is_same_v<T, nrm::RnaDecided>) {
          out["extended_to"] = IsoDateOrNull(e.extended_to);
        }
      },
      event);
  return out;
}

boost::json::object EntryToJson(const nrm::StoredEntry& e) {
  return boost::json::object{
      {"id", e.id},
      {"seq", e.seq},
      {"event", EventToJson(e.event)},
      {"note", TextOrNull(e.note)},
      {"corrects", e.corrects ? boost::json::value(*e.corrects) : boost::json::value(nullptr)},
      {"recorded_at", FormatUtc(e.recorded_at)},
      {"recorded_by", e.recorded_by}};
}

boost::json::object TimelineToJson(const nrm::NrmTimeline& t) {
  boost::json::array entries;
  for (const auto& entry : t.entries) {
    boost::json::object out = EntryToJson(entry.entry);
    out["recorded_by_name"] = entry.recorded_by_name;
    out["corrected_by"] =
        entry.corrected_by ? boost::json::value(*entry.corrected_by) : boost::json::value(nullptr);
    out["corrected_at"] = entry.corrected_at ? boost::json::value(FormatUtc(*entry.corrected_at))
                                             : boost::json::value(nullptr);
    entries.push_back(std::move(out));
  }
  boost::json::array deadlines;
  for (const auto& deadline : t.deadlines) {
    deadlines.push_back(boost::json::object{{"kind", nrm::Code(deadline.kind)},
                                            {"label", deadline.label},
                                            {"date", FormatIsoDate(deadline.date)}});
  }
  boost::json::array next;
  for (nrm::EventKind kind : t.next) next.emplace_back(nrm::Code(kind));
  return boost::json::object{
      {"case_id", t.case_id},
      {"stage", nrm::Code(t.pathway.state)},
      {"count", t.count},
      {"can_record", t.can_record},
      {"today", FormatIsoDate(t.today)},
      {"entries", std::move(entries)},
      {"deadlines", std::move(deadlines)},
      {"next_events", std::move(next)},
      {"replay_problem",
       t.replay_problem ? boost::json::value(*t.replay_problem) : boost::json::value(nullptr)},
  };
}

nrm::EnteredDate EnteredDateOf(JsonBody& body, std::string_view name, std::string_view label) {
  DateParts parts = ReadDateParts(body, name, label);
  return {parts.day, parts.month, parts.year};
}

// The event as the NRM form sends it, read by the pages' parser too. `correction`: the note
// (why) is required.
tl::expected<nrm::NewEntry, http::Response> ReadEntry(ApiContext& ctx, bool correction,
                                                      int64_t& expected_count) {
  auto object = ReadJsonObject(ctx.request);
  if (!object) return tl::unexpected(std::move(object.error()));
  JsonBody body(std::move(*object),
                {"event", "date", "identifying_details_included", "first_responder", "authority",
                 "outcome", "grounds", "extended_to", "note", kExpectedCount});
  nrm::EventInput form;
  form.event = body.Text("event");
  form.date = EnteredDateOf(body, "date", "date");
  if (auto included = body.Boolean("identifying_details_included")) {
    form.identifying_details_included = *included ? "yes" : "no";
  }
  form.first_responder = body.Text("first_responder");
  form.authority = body.Text("authority");
  form.outcome = body.Text("outcome");
  form.grounds = body.Text("grounds");
  // An RNA decision extends support to a date, or (null or absent) declines to.
  form.extended_to = EnteredDateOf(body, "extended_to", "date support is extended to");
  form.extended = form.extended_to.year.empty() ? "no" : "yes";
  form.note = body.Text("note");
  std::optional<int64_t> count = ExpectedVersion(ctx.request, body, kExpectedCount);
  if (!body.errors().empty()) {
    return tl::unexpected(ProblemJson(Problem::Invalid(body.errors())));
  }
  auto entry = nrm::ParseNewEntry(form, correction);
  if (!entry) return tl::unexpected(ProblemJson(entry.error()));
  if (!count) return tl::unexpected(VersionRequired("NRM pathway", kExpectedCount));
  expected_count = *count;
  return std::move(*entry);
}

http::Response RecordedEntry(const nrm::StoredEntry& entry) {
  // The entry's sequence number is the pathway's new count of entries.
  return WithVersion(JsonResponse(EntryToJson(entry), 201), entry.seq);
}

http::Response ShowTimeline(ApiContext& ctx, nrm::NrmService& service) {
  auto timeline = service.Timeline(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!timeline) return ProblemJson(timeline.error());
  return WithVersion(JsonResponse(TimelineToJson(*timeline)), timeline->count);
}

http::Response RecordEvent(ApiContext& ctx, nrm::NrmService& service) {
  int64_t count = 0;
  auto entry = ReadEntry(ctx, false, count);
  if (!entry) return std::move(entry.error());
  auto recorded =
      service.Record(ctx.actor(), ctx.request.Capture("id"), *entry, count, ctx.origin());
  if (!recorded) return ProblemJson(recorded.error());
  return RecordedEntry(*recorded);
}

http::Response CorrectEntry(ApiContext& ctx, nrm::NrmService& service) {
  int64_t count = 0;
  auto entry = ReadEntry(ctx, true, count);
  if (!entry) return std::move(entry.error());
  auto corrected = service.Correct(ctx.actor(), ctx.request.Capture("id"),
                                   ctx.request.Capture("entry_id"), *entry, count, ctx.origin());
  if (!corrected) return ProblemJson(corrected.error());
  return RecordedEntry(*corrected);
}

}  // namespace

void AddNrmApi(identity::WebRoutes& routes, nrm::NrmService& nrm) {
  using identity::Action;
  std::string base = std::string(kCases) + "/{id:id}/nrm";
  routes.Api("GET", base, Action::kCaseList,
             [&nrm](ApiContext& ctx) { return ShowTimeline(ctx, nrm); });
  routes.Api("POST", base + "/events", Action::kCaseList,
             [&nrm](ApiContext& ctx) { return RecordEvent(ctx, nrm); });
  routes.Api("POST", base + "/events/{entry_id:id}/correction", Action::kCaseList,
             [&nrm](ApiContext& ctx) { return CorrectEntry(ctx, nrm); });
}

}  // namespace waymark::api
