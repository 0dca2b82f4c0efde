// The pathway page. The timeline is oldest first: a pathway is read as a story (a decision
// follows from the referral before it, a deadline from the decision), and the newest state is
// already at the top in the summary of the current stage and its deadlines, with the form for
// what happened next. A correction stands in its original's place, with the earlier versions
// beneath it, marked as corrected.
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
#include "platform/util/time.hpp"

namespace waymark::nrm::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::CasePath;
using cases::pages::SubHeading;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

std::string RecordedBy(const TimelineEntry& e) {
  return FormatForPeople(e.entry.recorded_at) + " by " + e.recorded_by_name;
}

std::vector<govuk::SummaryRow> EventRows(const TimelineEntry& e) {
  std::vector<govuk::SummaryRow> rows;
  for (auto& [key, value] : DescribeEvent(e.entry.event)) {
    rows.push_back({.key = key, .value = Text(value)});
  }
  if (!e.entry.note.empty()) {
    rows.push_back({.key = e.entry.corrects ? "Why it was corrected" : "Note",
                    .value = cases::pages::MultilineText(e.entry.note)});
  }
  rows.push_back(
      {.key = e.entry.corrects ? "Corrected" : "Recorded", .value = Text(RecordedBy(e))});
  return rows;
}

// The versions an entry replaced, newest first, each marked with when it was corrected.
Node EarlierVersions(const NrmTimeline& t, const TimelineEntry& latest) {
  std::vector<Node> versions;
  const TimelineEntry* e = &latest;
  while (e->entry.corrects) {
    const TimelineEntry* earlier = t.Find(*e->entry.corrects);
    if (earlier == nullptr) break;
    std::vector<govuk::SummaryRow> rows = EventRows(*earlier);
    rows.push_back(
        {.key = "Status",
         .value = html::Fragment({identity::pages::ColouredTag("Corrected", "govuk-tag--grey"),
                                  Text(" on " + FormatForPeople(*earlier->corrected_at))})});
    versions.push_back(govuk::SummaryList({.rows = std::move(rows)}));
    e = earlier;
  }
  if (versions.empty()) return Node();
  std::string summary =
      versions.size() == 1 ? "The entry before it was corrected" : "Earlier versions of this entry";
  return El("details")
      .Class("govuk-details")
      .Add({El("summary")
                .Class("govuk-details__summary")
                .Add(El("span").Class("govuk-details__summary-text").AddText(summary)),
            El("div").Class("govuk-details__text").Add(std::move(versions))});
}

Node EntryCard(const NrmTimeline& t, const TimelineEntry& e) {
  std::string title(Label(KindOf(e.entry.event)));
  govuk::SummaryCard card{.title = title, .heading_level = 3};
  if (t.can_record) {
    card.actions.push_back({.text = "Correct this entry",
                            .href = NrmPath(t.case_id) + "/correct?entry=" + e.entry.id});
  }
  return El("li").Add(
      {govuk::SummaryList({.rows = EventRows(e), .card = std::move(card)}), EarlierVersions(t, e)});
}

// The effective entries in pathway order: each correction where its original stood.
std::vector<const TimelineEntry*> Effective(const NrmTimeline& t) {
  std::vector<StoredEntry> stored;
  for (const auto& e : t.entries) stored.push_back(e.entry);
  std::vector<const TimelineEntry*> out;
  if (auto effective = EffectiveEntries(AsEntries(stored))) {
    for (const auto& entry : *effective) out.push_back(t.Find(entry.id));
  } else {
    for (const auto& e : t.entries) out.push_back(&e);
  }
  return out;
}

Node Timeline(const NrmTimeline& t) {
  std::vector<const TimelineEntry*> effective = Effective(t);
  if (effective.empty()) return identity::Paragraph("Nothing has been recorded yet.");
  Node list = El("ol").Class("govuk-list");
  for (const TimelineEntry* e : effective) list.Add(EntryCard(t, *e));
  return html::Fragment(
      {identity::Paragraph("What happened, oldest first. Corrected entries are kept beneath the "
                           "correction."),
       std::move(list)});
}

Node Stage(const NrmTimeline& t) {
  std::vector<govuk::SummaryRow> rows{
      {.key = "Current stage", .value = Text(std::string(Label(t.pathway.state)))}};
  for (const Deadline& d : t.deadlines) {
    Node value = Text(FormatDateForPeople(d.date));
    if (d.date < t.today) {
      value = html::Fragment({Text(FormatDateForPeople(d.date) + " "),
                              identity::pages::ColouredTag("Overdue", "govuk-tag--red")});
    }
    rows.push_back({.key = d.label, .value = std::move(value)});
  }
  return govuk::SummaryList({.rows = std::move(rows)});
}

Node NextForm(const NrmTimeline& t, const std::optional<Problem>& problem) {
  if (!t.can_record) {
    return identity::Paragraph(t.access.can_edit ? "The case is closed, so its pathway cannot be "
                                                   "changed."
                                                 : "You can read this pathway but not change it.");
  }
  if (t.next.empty()) return identity::Paragraph("Nothing more can be recorded at this stage.");
  std::vector<identity::RadioItem> items;
  for (EventKind kind : t.next) {
    items.push_back({std::string(Code(kind)), std::string(Label(kind))});
  }
  return html::Fragment(
      {SubHeading("Record what happened next"),
       cases::pages::GetForm(
           NrmPath(t.case_id) + "/record",
           {El("input").Attr("type", "hidden").Attr("name", "step").Attr("value", "choose"),
            identity::Radios("event", "What happened next?", items, "",
                             identity::FieldError(problem, "event")),
            govuk::Button({.text = "Continue"})})});
}

std::string BannerFor(const http::FormFields& query) {
  if (query.Has("recorded")) return "Recorded";
  if (query.Has("corrected")) return "Correction recorded";
  return {};
}

http::Response ShowTimeline(PageContext& ctx, NrmService& nrm) {
  auto timeline = nrm.Timeline(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!timeline) return cases::pages::ProblemResponse(ctx, timeline.error());
  return RenderTimeline(ctx, *timeline, std::nullopt, 200, BannerFor(ctx.request.query));
}

}  // namespace

std::string NrmPath(std::string_view case_id) { return CasePath(case_id) + "/nrm"; }

http::Response RenderTimeline(const PageContext& ctx, const NrmTimeline& t,
                              const std::optional<Problem>& problem, int status,
                              std::string_view banner) {
  const std::string title = "National Referral Mechanism";
  std::vector<Node> content{identity::ErrorSummaryFor(problem),
                            cases::pages::Caption(t.case_reference), identity::Heading(title)};
  if (t.replay_problem) {
    content.push_back(
        El("div")
            .Class("govuk-warning-text")
            .Add({
                El("span")
                    .Class("govuk-warning-text__icon")
                    .Attr("aria-hidden", "true")
                    .AddText("!"),
                El("strong")
                    .Class("govuk-warning-text__text")
                    .Add({El("span").Class("govuk-visually-hidden").AddText("Warning"),
                          Text("The recorded pathway no longer fits the NRM rules in force. "
                               "Correct the "
                               "entry named here: " +
                               *t.replay_problem)}),
            }));
  }
  content.push_back(Stage(t));
  content.push_back(NextForm(t, problem));
  content.push_back(SubHeading("Timeline"));
  content.push_back(Timeline(t));
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(
      ctx, {.title = identity::pages::TitleFor(title, problem),
            .content = std::move(column),
            .before = html::Fragment({govuk::BackLink({.href = CasePath(t.case_id)}),
                                      identity::pages::SuccessBanner(banner)}),
            .active_nav = std::string(cases::pages::kNav),
            .status = status});
}

void AddTimelinePages(identity::WebRoutes& routes, NrmService& nrm) {
  routes.Page("GET", "/cases/{id:id}/nrm", identity::Action::kCaseList,
              [&nrm](PageContext& ctx) { return ShowTimeline(ctx, nrm); });
}

}  // namespace waymark::nrm::pages
