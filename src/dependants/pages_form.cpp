// Adding a dependant, changing one, and recording that someone is no longer a dependant. Every
// problem is shown at once with what was typed kept; a stale change shows the message and the
// form again on the dependant as it is now.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "dependants/pages.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::dependants::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::Caption;
using cases::pages::DateInput;
using cases::pages::ProblemResponse;
using cases::pages::Textarea;
using html::El;
using html::Node;
using identity::FieldError;
using identity::PageContext;
using identity::RadioItem;
using identity::Radios;

DependantInput ReadInput(const http::FormFields& form) {
  auto get = [&form](std::string_view name) { return std::string(form.GetOr(name)); };
  DependantInput in;
  in.name = get("name");
  in.relationship = get("relationship");
  in.dob_day = get("dob-day");
  in.dob_month = get("dob-month");
  in.dob_year = get("dob-year");
  in.estimated_age = get("estimated_age");
  in.whereabouts = get("whereabouts");
  in.needs = get("needs");
  in.risks = get("risks");
  in.school = get("school");
  in.children_services_know = get("children_services_know");
  in.local_authority = get("local_authority");
  return in;
}

std::vector<RadioItem> Items(const std::vector<Choice>& choices) {
  std::vector<RadioItem> items;
  for (const auto& c : choices) items.push_back({std::string(c.code), std::string(c.label)});
  return items;
}

// A text input for the dependant's details: the browser must not offer the worker's own.
Node TextInput(std::string name, std::string label, std::string hint, std::string value,
               const std::optional<Problem>& problem, std::string classes = "") {
  std::string error = FieldError(problem, name);
  return govuk::Input({.name = std::move(name),
                       .label = {.text = std::move(label)},
                       .hint = std::move(hint),
                       .error_message = std::move(error),
                       .value = std::move(value),
                       .autocomplete = "off",
                       .spellcheck = false,
                       .classes = std::move(classes)});
}

std::vector<Node> Fields(const DependantInput& in, const std::optional<Problem>& problem) {
  return {
      TextInput("name", "Name", "The name they are known by", in.name, problem),
      Radios("relationship", "Who are they to the survivor?", Items(Relationships()),
             in.relationship, FieldError(problem, "relationship")),
      DateInput({.name = "dob",
                 .legend = "Date of birth",
                 .hint = "For example, 27 3 2019. If you do not know it, give an estimated age.",
                 .value = {in.dob_day, in.dob_month, in.dob_year},
                 .error = FieldError(problem, "dob")}),
      TextInput("estimated_age", "Estimated age in years",
                "Only if you do not know their date of birth", in.estimated_age, problem,
                "govuk-input--width-3"),
      Radios("whereabouts", "Where are they now?", Items(Whereabouts()), in.whereabouts,
             FieldError(problem, "whereabouts")),
      Textarea({.name = "needs",
                .label = "Needs (optional)",
                .hint = "Health, care, education, language, anything they need support with",
                .value = in.needs,
                .error = FieldError(problem, "needs")}),
      Textarea({.name = "risks",
                .label = "Risks (optional)",
                .hint = "Risks to the dependant, including from the people who exploited the "
                        "survivor",
                .value = in.risks,
                .error = FieldError(problem, "risks")}),
      TextInput("school", "School or nursery (optional)", "", in.school, problem),
      Radios("children_services_know", "Do children's services know about them?",
             Items(ServicesKnowAnswers()), in.children_services_know,
             FieldError(problem, "children_services_know")),
      TextInput("local_authority", "Local authority",
                "Whose children's services know about them. Needed if you answered yes.",
                in.local_authority, problem),
  };
}

struct FormPage {
  std::string title;
  std::string reference;
  std::string case_id;
  std::string action;  // the path the form posts to
  std::string dependant_id;
  std::optional<int64_t> version;
  std::string button;
};

http::Response Render(const PageContext& ctx, const FormPage& page, std::vector<Node> fields,
                      const std::optional<Problem>& problem, int status) {
  std::vector<Node> body;
  if (!page.dependant_id.empty()) {
    body.push_back(El("input")
                       .Attr("type", "hidden")
                       .Attr("name", "dependant")
                       .Attr("value", page.dependant_id));
  }
  if (page.version) body.push_back(identity::pages::VersionField(*page.version));
  for (auto& field : fields) body.push_back(std::move(field));
  body.push_back(govuk::Button({.text = page.button}));
  std::vector<Node> content{identity::ErrorSummaryFor(problem), Caption(page.reference),
                            identity::Heading(page.title),
                            identity::PostForm(ctx, page.action, std::move(body))};
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(ctx,
                              {.title = identity::pages::TitleFor(page.title, problem),
                               .content = std::move(column),
                               .before = govuk::BackLink({.href = DependantsPath(page.case_id)}),
                               .active_nav = std::string(cases::pages::kNav),
                               .status = status});
}

Problem IncompleteForm() {
  return Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
}

// Whoever cannot change the case sees why rather than a form they cannot send.
std::optional<Problem> RefuseUnlessEditable(const cases::CaseHeader& header, bool can_edit) {
  if (header.status == cases::CaseStatus::kClosed) {
    return Problem::Conflict(std::string(cases::kClosedCase));
  }
  if (!can_edit) return Problem::Forbidden();
  return std::nullopt;
}

FormPage AddPage(const cases::CaseHeader& header) {
  return {"Add a dependant", header.reference, header.id, DependantsPath(header.id) + "/new", "",
          std::nullopt,      "Add dependant"};
}

FormPage ChangePage(const DependantRecord& record, int64_t version) {
  return {"Change a dependant's details",
          record.header.reference,
          record.header.id,
          DependantsPath(record.header.id) + "/change",
          record.dependant.id,
          version,
          "Save changes"};
}

FormPage RemovePage(const DependantRecord& record, int64_t version) {
  return {"No longer a dependant",
          record.header.reference,
          record.header.id,
          DependantsPath(record.header.id) + "/remove",
          record.dependant.id,
          version,
          "Save"};
}

std::vector<Node> RemovalFields(const DependantRecord& record, const RemovalInput& in,
                                const std::optional<Problem>& problem) {
  return {
      identity::Paragraph("Record that " + record.dependant.details.name +
                          " is no longer a dependant of the survivor. What was recorded about "
                          "them is kept."),
      DateInput({.name = "removed_on",
                 .legend = "Since when?",
                 .hint = "For example, 27 3 2025",
                 .value = {in.day, in.month, in.year},
                 .error = FieldError(problem, "removed_on")}),
      Textarea({.name = "reason",
                .label = "Why are they no longer a dependant?",
                .value = in.reason,
                .error = FieldError(problem, "reason"),
                .rows = 3}),
  };
}

RemovalInput ReadRemoval(const http::FormFields& form) {
  return {std::string(form.GetOr("removed_on-day")), std::string(form.GetOr("removed_on-month")),
          std::string(form.GetOr("removed_on-year")), std::string(form.GetOr("reason"))};
}

http::Response ShowAdd(PageContext& ctx, DependantService& service) {
  auto view = service.List(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return ProblemResponse(ctx, view.error());
  if (auto refused = RefuseUnlessEditable(view->header, view->can_edit))
    return ProblemResponse(ctx, *refused);
  return Render(ctx, AddPage(view->header), Fields({}, std::nullopt), std::nullopt, 200);
}

http::Response SaveAdd(PageContext& ctx, DependantService& service) {
  std::string case_id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  DependantInput input = form ? ReadInput(*form) : DependantInput{};
  std::optional<Problem> problem = form ? std::nullopt : std::optional(IncompleteForm());
  if (form) {
    auto added = service.Add(ctx.actor(), case_id, input, ctx.origin());
    if (added) return http::Response::Redirect(DependantsPath(case_id) + "?added=1");
    problem = added.error();
  }
  if (problem->kind != ProblemKind::kInvalid) return ProblemResponse(ctx, *problem);
  auto view = service.List(ctx.actor(), case_id, ctx.origin());
  if (!view) return ProblemResponse(ctx, view.error());
  return Render(ctx, AddPage(view->header), Fields(input, problem), problem, 400);
}

// The dependant named by ?dependant= (GET) or the hidden field (POST).
std::string DependantIdFrom(const http::FormFields& fields) {
  return std::string(fields.GetOr("dependant"));
}

http::Response ShowChangeOrRemove(PageContext& ctx, DependantService& service, bool remove) {
  std::string case_id(ctx.request.Capture("id"));
  std::string dependant_id = DependantIdFrom(ctx.request.query);
  // Without a dependant to change, the list: it has a change link for each.
  if (dependant_id.empty()) return ShowList(ctx, service);
  auto record = service.Open(ctx.actor(), case_id, dependant_id, ctx.origin());
  if (!record) return ProblemResponse(ctx, record.error());
  if (auto refused = RefuseUnlessEditable(record->header, record->can_edit))
    return ProblemResponse(ctx, *refused);
  if (record->dependant.removal) {
    return ProblemResponse(ctx, Problem::Conflict(std::string(kAlreadyRemoved)));
  }
  int64_t version = record->dependant.version;
  if (remove) {
    return Render(ctx, RemovePage(*record, version), RemovalFields(*record, {}, std::nullopt),
                  std::nullopt, 200);
  }
  return Render(ctx, ChangePage(*record, version),
                Fields(InputFor(record->dependant.details), std::nullopt), std::nullopt, 200);
}

http::Response SaveChangeOrRemove(PageContext& ctx, DependantService& service, bool remove) {
  std::string case_id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  std::optional<int64_t> version;
  std::string dependant_id;
  if (form) {
    version = identity::pages::ParseVersion(form->GetOr("version"));
    dependant_id = DependantIdFrom(*form);
  }
  if (!form || !version || dependant_id.empty()) return ProblemResponse(ctx, IncompleteForm());
  DependantInput input = ReadInput(*form);
  RemovalInput removal = ReadRemoval(*form);
  auto saved =
      remove ? service.Remove(ctx.actor(), case_id, dependant_id, removal, *version, ctx.origin())
             : service.Change(ctx.actor(), case_id, dependant_id, input, *version, ctx.origin());
  if (saved) {
    return http::Response::Redirect(DependantsPath(case_id) +
                                    (remove ? "?removed=1" : "?changed=1"));
  }
  Problem problem = saved.error();
  if (problem.kind != ProblemKind::kInvalid && problem.kind != ProblemKind::kConflict) {
    return ProblemResponse(ctx, problem);
  }
  auto record = service.Open(ctx.actor(), case_id, dependant_id, ctx.origin());
  if (!record) return ProblemResponse(ctx, record.error());
  if (record->dependant.removal || record->header.status == cases::CaseStatus::kClosed) {
    return ProblemResponse(ctx, problem);
  }
  // After a stale change the form carries the version as it is now, so saving again replaces
  // it knowingly; after invalid input, the version they started from.
  bool stale = problem.kind == ProblemKind::kConflict;
  int64_t next = stale ? record->dependant.version : *version;
  int status = stale ? 409 : 400;
  if (remove) {
    return Render(ctx, RemovePage(*record, next), RemovalFields(*record, removal, problem), problem,
                  status);
  }
  return Render(ctx, ChangePage(*record, next), Fields(input, problem), problem, status);
}

}  // namespace

void AddFormPages(identity::WebRoutes& routes, DependantService& service) {
  using identity::Action;
  routes.Page("GET", "/cases/{id:id}/dependants/new", Action::kCaseList,
              [&service](PageContext& ctx) { return ShowAdd(ctx, service); });
  routes.Page("POST", "/cases/{id:id}/dependants/new", Action::kCaseList,
              [&service](PageContext& ctx) { return SaveAdd(ctx, service); });
  for (bool remove : {false, true}) {
    std::string path =
        remove ? "/cases/{id:id}/dependants/remove" : "/cases/{id:id}/dependants/change";
    routes.Page("GET", path, Action::kCaseList, [&service, remove](PageContext& ctx) {
      return ShowChangeOrRemove(ctx, service, remove);
    });
    routes.Page("POST", path, Action::kCaseList, [&service, remove](PageContext& ctx) {
      return SaveChangeOrRemove(ctx, service, remove);
    });
  }
}

}  // namespace waymark::dependants::pages
