// A case's history (each saved version, newest first, with what changed from the one before)
// and its access log (who read or changed it, and who was refused), in words.
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/time.hpp"

namespace waymark::cases::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

Node ValueText(const std::string& value) {
  return value.empty() ? Text("Not recorded") : MultilineText(value);
}

// The lines that differ between two versions, as a table; a paragraph when none do.
Node Changes(const CaseVersion& before, const CaseVersion& after) {
  auto old_lines = DescribeDetails(before.personal, before.clear);
  auto new_lines = DescribeDetails(after.personal, after.clear);
  govuk::TableOptions table{.caption = "What changed",
                            .caption_classes = "govuk-visually-hidden",
                            .head = {{.content = Text("Detail")},
                                     {.content = Text("Before")},
                                     {.content = Text("After")}},
                            .first_cell_is_header = true};
  for (size_t i = 0; i < old_lines.size() && i < new_lines.size(); ++i) {
    if (old_lines[i].value == new_lines[i].value) continue;
    table.rows.push_back({{.content = Text(new_lines[i].label)},
                          {.content = ValueText(old_lines[i].value)},
                          {.content = ValueText(new_lines[i].value)}});
  }
  if (table.rows.empty()) return identity::Paragraph("No personal details changed.");
  return govuk::Table(std::move(table));
}

std::string SavedBy(const PageContext& ctx, const CaseVersion& version) {
  std::string text = "Version " + std::to_string(version.version) + ", saved " +
                     FormatForPeople(version.changed_at);
  if (version.changed_by == ctx.actor().user_id) text += " by you";
  return text;
}

http::Response ShowHistory(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  auto versions = cases.History(ctx.actor(), id, ctx.origin());
  if (!versions) return ProblemResponse(ctx, versions.error());
  std::vector<Node> content;
  if (!versions->empty()) content.push_back(Caption(versions->back().personal.FullName()));
  content.push_back(identity::Heading("History"));
  content.push_back(
      identity::Paragraph("Every saved version of the personal details, newest "
                          "first, with what changed from the version before."));
  for (size_t i = versions->size(); i-- > 0;) {
    const CaseVersion& version = (*versions)[i];
    content.push_back(SubHeading(SavedBy(ctx, version)));
    if (i == 0) {
      content.push_back(identity::Paragraph("The case was opened."));
    } else {
      content.push_back(Changes((*versions)[i - 1], version));
    }
  }
  return identity::RenderPage(ctx, {.title = "History",
                                    .content = html::Fragment(std::move(content)),
                                    .before = govuk::BackLink({.href = CasePath(id)}),
                                    .active_nav = std::string(kNav)});
}

std::string Detail(const AccessEntry& entry, std::string_view name) {
  for (const auto& [key, value] : entry.details) {
    if (key == name) return value;
  }
  return {};
}

// Audit action codes in words. A code this page does not know yet is shown as it is, so the
// log never hides an entry.
// What each audited action on a case means to the person reading its access log.
constexpr std::array<std::pair<std::string_view, std::string_view>, 43> kWhatHappened{{
    {"case.create", "Opened the case"},
    {"case.update", "Changed details"},
    {"case.close", "Closed the case"},
    {"case.history.view", "Read the history"},
    {"case.assign", "Assigned a worker"},
    {"case.unassign", "Removed a worker"},
    {"case.access_log.view", "Read the access log"},
    {"permission.denied", "Was refused access"},
    {"consent.view", "Read consent"},
    {"consent.record", "Recorded consent"},
    {"consent.withdraw", "Recorded a withdrawal of consent"},
    {"disclosure.view", "Read disclosures"},
    {"disclosure.record", "Recorded a disclosure"},
    {"nrm.view", "Read the NRM pathway"},
    {"nrm.record", "Recorded an NRM event"},
    {"nrm.correct", "Corrected an NRM entry"},
    {"assessment.view", "Read an assessment"},
    {"assessment.needs.record", "Recorded a needs assessment"},
    {"assessment.risk.record", "Recorded a risk assessment"},
    {"plan.view", "Read the support plan"},
    {"plan.edit", "Changed the draft support plan"},
    {"plan.agree", "Recorded the support plan as agreed"},
    {"plan.approve", "Approved the support plan"},
    {"plan.revise", "Started a new version of the support plan"},
    {"contact.list", "Read the contacts"},
    {"contact.view", "Read a contact"},
    {"contact.record", "Recorded a contact"},
    {"contact.edit", "Corrected a contact"},
    {"contact.error", "Marked a contact as entered in error"},
    {"own_account.view", "Read the survivor's own account"},
    {"own_account.save", "Changed the survivor's own account"},
    {"dependant.view", "Read dependants"},
    {"dependant.add", "Added a dependant"},
    {"dependant.change", "Changed a dependant"},
    {"dependant.remove", "Recorded a dependant as no longer dependent"},
    {"exploitation.view", "Read the modern slavery history"},
    {"exploitation.save", "Changed the modern slavery history"},
    {"task.case_list", "Read the tasks"},
    {"task.add", "Added a task"},
    {"task.complete", "Marked a task as done"},
    {"case.view", "Read the case"},
    {"case.break_glass", "Opened with break-glass"},
    {"case.break_glass.review", "Reviewed break-glass access"},
}};

std::string WhatHappened(const AccessEntry& entry) {
  const std::string& a = entry.action;
  if (a == "case.break_glass" && entry.outcome != "success") {
    return "Tried break-glass with a wrong security code";
  }
  for (const auto& [action, words] : kWhatHappened) {
    if (action != a) continue;
    std::string out(words);
    if (Detail(entry, "access") == "break_glass") out += " with break-glass access";
    return out;
  }
  return "Other activity (" + a + ")";
}

http::Response ShowAccessLog(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  auto entries = cases.AccessLog(ctx.actor(), id, ctx.origin());
  if (!entries) return ProblemResponse(ctx, entries.error());
  std::vector<Node> content{
      identity::Heading("Access log"),
      identity::Paragraph("Everyone who read, changed or was refused this case, newest first. "
                          "Reading this log is recorded too."),
  };
  if (entries->empty()) {
    content.push_back(identity::Paragraph("Nothing has been recorded yet."));
  } else {
    govuk::TableOptions table{
        .caption = "Access log",
        .caption_classes = "govuk-visually-hidden",
        .head = {{.content = Text("When")}, {.content = Text("Who")}, {.content = Text("What")}}};
    for (const auto& entry : *entries) {
      table.rows.push_back(
          {{.content = Text(FormatForPeople(entry.at))},
           {.content = Text(entry.user_name.empty() ? "The system" : entry.user_name)},
           {.content = Text(WhatHappened(entry))}});
    }
    content.push_back(govuk::Table(std::move(table)));
  }
  return identity::RenderPage(ctx, {.title = "Access log",
                                    .content = html::Fragment(std::move(content)),
                                    .before = govuk::BackLink({.href = CasePath(id)}),
                                    .active_nav = std::string(kNav)});
}

}  // namespace

void AddHistoryPages(identity::WebRoutes& routes, CaseService& cases) {
  routes.Page("GET", "/cases/{id:id}/history", identity::Action::kCaseList,
              [&cases](PageContext& ctx) { return ShowHistory(ctx, cases); });
  routes.Page("GET", "/cases/{id:id}/access-log", identity::Action::kCaseList,
              [&cases](PageContext& ctx) { return ShowAccessLog(ctx, cases); });
}

}  // namespace waymark::cases::pages
