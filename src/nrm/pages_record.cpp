// Recording what happened next and correcting an entry: one form per kind of event, reached
// from the pathway page's choice (a GET form, since choosing changes nothing). The form carries
// the number of entries it was made from, so a change made meanwhile by someone else is refused
// as stale and the form shown again, with what was typed, against the pathway as it is now.
#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "nrm/pages.hpp"
#include "nrm/pages_event_form.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::nrm::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using identity::PageContext;

constexpr std::string_view kAlreadyCorrected =
    "This entry has already been corrected. Correct the entry that replaced it instead";

// The entry count a form carries (0 for a pathway with nothing recorded yet).
std::optional<int64_t> ParseCount(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

// What differs between recording and correcting.
struct FormPage {
  EventKind kind;
  int64_t count = 0;
  const TimelineEntry* corrects = nullptr;  // the entry being corrected
};

Node Hidden(std::string_view name, std::string_view value) {
  return El("input").Attr("type", "hidden").Attr("name", name).Attr("value", value);
}

Node AsRecorded(const TimelineEntry& e) {
  std::vector<govuk::SummaryRow> rows;
  for (auto& [key, value] : DescribeEvent(e.entry.event)) {
    rows.push_back({.key = key, .value = html::Text(value)});
  }
  return govuk::SummaryList(
      {.rows = std::move(rows), .card = govuk::SummaryCard{.title = "The entry as recorded"}});
}

http::Response RenderEventForm(const PageContext& ctx, const NrmTimeline& t, const FormPage& page,
                               const EventForm& form, const std::optional<Problem>& problem,
                               int status) {
  const bool correction = page.corrects != nullptr;
  std::string title = std::string(Label(page.kind));
  if (correction) title = "Correct this entry: " + title;
  std::vector<Node> body{Hidden("event", Code(page.kind)),
                         Hidden("count", std::to_string(page.count))};
  if (correction) body.push_back(Hidden("entry", page.corrects->entry.id));
  for (auto& field : EventFields(page.kind, form, problem, correction)) {
    body.push_back(std::move(field));
  }
  body.push_back(govuk::Button({.text = correction ? "Save correction" : "Save"}));
  std::vector<Node> content{
      identity::ErrorSummaryFor(problem),
      // A refusal of the event itself ("event") links here.
      El("div")
          .Attr("id", "event")
          .Add({cases::pages::Caption(t.case_reference), identity::Heading(title)}),
      El("p").Class("govuk-body").AddText("Current stage: " + std::string(Label(t.pathway.state))),
  };
  if (correction) {
    content.push_back(AsRecorded(*page.corrects));
    content.push_back(identity::Paragraph(
        "The entry as recorded is kept in the pathway's history, marked as corrected."));
  }
  content.push_back(identity::PostForm(
      ctx, NrmPath(t.case_id) + (correction ? "/correct" : "/record"), std::move(body)));
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(title, problem),
                                    .content = std::move(column),
                                    .before = govuk::BackLink({.href = NrmPath(t.case_id)}),
                                    .active_nav = std::string(cases::pages::kNav),
                                    .status = status});
}

// Why the pathway cannot be changed by this person now, or nullopt when it can.
std::optional<Problem> CannotRecord(const NrmTimeline& t) {
  if (t.can_record) return std::nullopt;
  if (t.access.can_edit) return Problem::Conflict(std::string(cases::kClosedCase));
  return Problem::Forbidden();
}

http::Response ShowRecord(PageContext& ctx, NrmService& nrm) {
  std::string id(ctx.request.Capture("id"));
  const http::FormFields& query = ctx.request.query;
  auto t = nrm.Timeline(ctx.actor(), id, ctx.origin());
  if (!t) return cases::pages::ProblemResponse(ctx, t.error());
  // Nothing chosen and not from the choice: there is nothing to show here.
  if (!query.Has("event") && !query.Has("step")) {
    return http::Response::Redirect(NrmPath(id));
  }
  if (auto refused = CannotRecord(*t)) return cases::pages::ProblemResponse(ctx, *refused);
  auto kind = ParseEventKind(query.GetOr("event"));
  if (!kind) {
    return RenderTimeline(ctx, *t, Problem::Invalid("event", "Select what happened next"), 400, "");
  }
  if (std::find(t->next.begin(), t->next.end(), *kind) == t->next.end()) {
    return RenderTimeline(ctx, *t,
                          Problem::Invalid("event", std::string(Label(*kind)) +
                                                        " cannot be recorded at the current "
                                                        "stage: " +
                                                        std::string(Label(t->pathway.state))),
                          400, "");
  }
  EventForm form;
  form.event = std::string(Code(*kind));
  return RenderEventForm(ctx, *t, {*kind, t->count}, form, std::nullopt, 200);
}

http::Response ShowCorrect(PageContext& ctx, NrmService& nrm) {
  std::string id(ctx.request.Capture("id"));
  auto entry_id = ctx.request.query.Get("entry");
  auto t = nrm.Timeline(ctx.actor(), id, ctx.origin());
  if (!t) return cases::pages::ProblemResponse(ctx, t.error());
  if (!entry_id) return http::Response::Redirect(NrmPath(id));
  if (auto refused = CannotRecord(*t)) return cases::pages::ProblemResponse(ctx, *refused);
  const TimelineEntry* entry = t->Find(*entry_id);
  if (entry == nullptr) {
    return cases::pages::ProblemResponse(ctx, Problem::NotFound(std::string(kNoSuchEntry)));
  }
  if (entry->corrected_by) {
    return cases::pages::ProblemResponse(ctx, Problem::Conflict(std::string(kAlreadyCorrected)));
  }
  return RenderEventForm(ctx, *t, {KindOf(entry->entry.event), t->count, entry},
                         FormFor(entry->entry.event), std::nullopt, 200);
}

// Records or corrects from the posted form; on a problem the form is shown again.
http::Response Save(PageContext& ctx, NrmService& nrm, bool correction) {
  std::string id(ctx.request.Capture("id"));
  auto posted = identity::pages::ReadForm(ctx);
  if (!posted) return cases::pages::ProblemResponse(ctx, posted.error());
  EventForm form = ReadEventForm(*posted);
  std::string entry_id(posted->GetOr("entry"));
  std::optional<int64_t> count = ParseCount(posted->GetOr("count"));
  Problem problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
  if (count) {
    auto entry = ParseNewEntry(form, correction);
    if (!entry) {
      problem = entry.error();
    } else {
      auto saved = correction ? nrm.Correct(ctx.actor(), id, entry_id, *entry, *count, ctx.origin())
                              : nrm.Record(ctx.actor(), id, *entry, *count, ctx.origin());
      if (saved) {
        return http::Response::Redirect(NrmPath(id) +
                                        (correction ? "?corrected=1" : "?recorded=1"));
      }
      problem = saved.error();
    }
  }
  if (problem.kind != ProblemKind::kInvalid && problem.kind != ProblemKind::kConflict) {
    return cases::pages::ProblemResponse(ctx, problem);
  }
  auto t = nrm.Timeline(ctx.actor(), id, ctx.origin());
  if (!t) return cases::pages::ProblemResponse(ctx, t.error());
  auto kind = ParseEventKind(form.event);
  const TimelineEntry* corrects = correction ? t->Find(entry_id) : nullptr;
  if (!kind || !count || (correction && corrects == nullptr) || !t->can_record) {
    return cases::pages::ProblemResponse(ctx, problem);
  }
  // After a stale change, the form is made again from the pathway as it is now.
  bool stale = problem.kind == ProblemKind::kConflict;
  return RenderEventForm(ctx, *t, {*kind, stale ? t->count : *count, corrects}, form, problem,
                         stale ? 409 : 400);
}

}  // namespace

void AddRecordPages(identity::WebRoutes& routes, NrmService& nrm) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/nrm/record", Action::kCaseList,
              [&nrm](PageContext& ctx) { return ShowRecord(ctx, nrm); });
  routes.Page("POST", "/cases/{id:id}/nrm/record", Action::kCaseList,
              [&nrm](PageContext& ctx) { return Save(ctx, nrm, false); });
  routes.Page("GET", "/cases/{id:id}/nrm/correct", Action::kCaseList,
              [&nrm](PageContext& ctx) { return ShowCorrect(ctx, nrm); });
  routes.Page("POST", "/cases/{id:id}/nrm/correct", Action::kCaseList,
              [&nrm](PageContext& ctx) { return Save(ctx, nrm, true); });
}

}  // namespace waymark::nrm::pages

namespace waymark::nrm {

void AddNrmPages(identity::WebRoutes& routes, NrmService& nrm) {
  pages::AddTimelinePages(routes, nrm);
  pages::AddRecordPages(routes, nrm);
}

}  // namespace waymark::nrm
