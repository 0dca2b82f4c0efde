// Opening a new case and changing a case's personal details: one form for both. Validation is
// the model's (ValidateCase); the page shows every problem at once, keeps what was typed, and
// after a stale edit shows the case as it is now beside what the person typed.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "vocabulary/htcds.hpp"

namespace waymark::cases::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using identity::FieldError;
using identity::PageContext;
using identity::RadioItem;
using identity::Radios;

CaseInput ReadCaseInput(const http::FormFields& form) {
  auto get = [&form](std::string_view name) { return std::string(form.GetOr(name)); };
  CaseInput in;
  in.given_names = get("given_names");
  in.family_name = get("family_name");
  in.other_names = get("other_names");
  in.dob_day = get("dob-day");
  in.dob_month = get("dob-month");
  in.dob_year = get("dob-year");
  in.estimated_age = get("estimated_age");
  in.phone = get("phone");
  in.email = get("email");
  in.safe_contact_method = get("safe_contact_method");
  in.safe_contact_times = get("safe_contact_times");
  in.address = get("address");
  in.gender = get("gender");
  in.nationalities = get("nationalities");
  in.languages = get("languages");
  in.dialect = get("dialect");
  in.interpreter_needed = get("interpreter_needed");
  in.interpreter_gender = get("interpreter_gender");
  return in;
}

std::vector<RadioItem> ChoiceItems(const std::vector<Choice>& choices) {
  std::vector<RadioItem> items;
  for (const auto& choice : choices) {
    items.push_back({std::string(choice.code), std::string(choice.label)});
  }
  return items;
}

std::vector<RadioItem> GenderItems() {
  std::vector<RadioItem> items;
  for (const auto& term : vocabulary::Terms(vocabulary::Vocabulary::kGender)) {
    items.push_back({std::string(term.code), std::string(term.label)});
  }
  items.push_back({"", "Not recorded"});
  return items;
}

// A text input for someone else's details: the browser must not offer the worker's own.
Node PersonInput(std::string name, std::string label, std::string hint, std::string value,
                 const std::optional<Problem>& problem, std::string type = "",
                 std::string classes = "") {
  std::string error = FieldError(problem, name);
  return govuk::Input({.name = std::move(name),
                       .type = std::move(type),
                       .label = {.text = std::move(label)},
                       .hint = std::move(hint),
                       .error_message = std::move(error),
                       .value = std::move(value),
                       .autocomplete = "off",
                       .spellcheck = false,
                       .classes = std::move(classes)});
}

std::vector<Node> DetailsFields(const CaseInput& in, const std::optional<Problem>& problem) {
  return {
      SubHeading("Name"),
      PersonInput("given_names", "Given names", "The names they use before their family name",
                  in.given_names, problem),
      PersonInput("family_name", "Family name", "", in.family_name, problem),
      Textarea({.name = "other_names",
                .label = "Other names (optional)",
                .hint = "Other names they use or have used, such as a previous family name or a "
                        "name they were given while exploited. One name a line.",
                .value = in.other_names,
                .error = FieldError(problem, "other_names"),
                .rows = 3,
                .spellcheck = false}),
      SubHeading("Date of birth"),
      DateInput({.name = "dob",
                 .legend = "Date of birth",
                 .hint = "For example, 27 3 1990",
                 .value = {in.dob_day, in.dob_month, in.dob_year},
                 .error = FieldError(problem, "dob")}),
      PersonInput("estimated_age", "Estimated age", "Only if you do not know their date of birth",
                  in.estimated_age, problem, "", "govuk-input--width-3"),
      Radios("gender", "Gender", GenderItems(), in.gender, FieldError(problem, "gender")),
      SubHeading("Safe contact"),
      Radios("safe_contact_method", "Safe way to contact them", ChoiceItems(SafeContactMethods()),
             in.safe_contact_method, FieldError(problem, "safe_contact_method")),
      PersonInput("safe_contact_times", "Safe times to contact them",
                  "For example, weekday mornings; never after 6pm", in.safe_contact_times, problem),
      PersonInput("phone", "Phone number", "", in.phone, problem, "tel", "govuk-input--width-20"),
      PersonInput("email", "Email address", "", in.email, problem, "email"),
      Textarea({.name = "address",
                .label = "Address",
                .hint = "Where they live now. Leave it blank if it is not safe to record.",
                .value = in.address,
                .error = FieldError(problem, "address"),
                .rows = 4,
                .spellcheck = false}),
      SubHeading("Nationality and language"),
      PersonInput("nationalities", "Nationalities",
                  "Two-letter country codes separated by commas, like AL, VN", in.nationalities,
                  problem, "", "govuk-input--width-20"),
      PersonInput("languages", "Languages", "ISO 639-3 codes like sqi, vie, tir", in.languages,
                  problem, "", "govuk-input--width-20"),
      PersonInput("dialect", "Dialect (optional)", "", in.dialect, problem),
      Radios("interpreter_needed", "Do they need an interpreter?", {{"yes", "Yes"}, {"no", "No"}},
             in.interpreter_needed, FieldError(problem, "interpreter_needed")),
      Radios("interpreter_gender", "Interpreter they prefer", ChoiceItems(InterpreterGenders()),
             in.interpreter_gender, FieldError(problem, "interpreter_gender")),
  };
}

// What differs between opening a case and changing one.
struct FormPage {
  std::string title;
  std::string caption;  // the case reference when changing a case
  std::string action;
  std::string back;
  std::optional<int64_t> version;
  std::string button;
  std::optional<Case> current;  // after a stale edit: the case as it is now
};

FormPage NewCasePage() {
  return {"Open a new case", "", "/cases/new", std::string(kNav), std::nullopt, "Open case", {}};
}

FormPage EditPage(const Case& record, int64_t version) {
  return {"Change personal details",
          record.reference,
          CasePath(record.id) + "/details",
          CasePath(record.id),
          version,
          "Save changes",
          {}};
}

Node CurrentDetails(const Case& record) {
  std::vector<govuk::SummaryRow> rows;
  for (auto& line : DescribeDetails(record.personal, record.clear)) {
    rows.push_back(
        {.key = line.label,
         .value = line.value.empty() ? html::Text("Not recorded") : MultilineText(line.value)});
  }
  return El("details")
      .Class("govuk-details")
      .Flag("open")
      .Add({
          El("summary")
              .Class("govuk-details__summary")
              .Add(
                  El("span").Class("govuk-details__summary-text").AddText("The case as it is now")),
          El("div").Class("govuk-details__text").Add(govuk::SummaryList({.rows = std::move(rows)})),
      });
}

http::Response RenderForm(const PageContext& ctx, const FormPage& page, const CaseInput& in,
                          const std::optional<Problem>& problem, int status) {
  std::vector<Node> body;
  if (page.version) body.push_back(identity::pages::VersionField(*page.version));
  for (auto& field : DetailsFields(in, problem)) body.push_back(std::move(field));
  body.push_back(govuk::Button({.text = page.button}));
  std::vector<Node> content{identity::ErrorSummaryFor(problem)};
  if (!page.caption.empty()) content.push_back(Caption(page.caption));
  content.push_back(identity::Heading(page.title));
  if (page.current) content.push_back(CurrentDetails(*page.current));
  content.push_back(identity::PostForm(ctx, page.action, std::move(body)));
  Node column = El("div")
                    .Class("govuk-grid-row")
                    .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(content)));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(page.title, problem),
                                    .content = std::move(column),
                                    .before = govuk::BackLink({.href = page.back}),
                                    .active_nav = std::string(kNav),
                                    .status = status});
}

Problem IncompleteForm() {
  return Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
}

http::Response CreateCase(PageContext& ctx, CaseService& cases) {
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return RenderForm(ctx, NewCasePage(), {}, form.error(), 400);
  CaseInput input = ReadCaseInput(*form);
  auto created = cases.Create(ctx.actor(), input, ctx.origin());
  if (created) return http::Response::Redirect(CasePath(created->id) + "?created=1");
  if (created.error().kind == ProblemKind::kInvalid) {
    return RenderForm(ctx, NewCasePage(), input, created.error(), 400);
  }
  return ProblemResponse(ctx, created.error());
}

http::Response ShowEdit(PageContext& ctx, CaseService& cases) {
  auto view = cases.Open(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!view) return ProblemResponse(ctx, view.error());
  if (!view->access.can_edit) return ProblemResponse(ctx, Problem::Forbidden());
  if (view->record.status == CaseStatus::kClosed) {
    return ProblemResponse(ctx, Problem::Conflict("This case is closed. Closed cases cannot be "
                                                  "changed."));
  }
  return RenderForm(ctx, EditPage(view->record, view->record.version), InputFor(view->record),
                    std::nullopt, 200);
}

http::Response SaveEdit(PageContext& ctx, CaseService& cases) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  CaseInput input = form ? ReadCaseInput(*form) : CaseInput{};
  std::optional<int64_t> version;
  if (form) version = identity::pages::ParseVersion(form->GetOr("version"));
  std::optional<Problem> problem;
  if (!form || !version) {
    problem = IncompleteForm();
  } else {
    auto saved = cases.Update(ctx.actor(), id, input, *version, ctx.origin());
    if (saved) return http::Response::Redirect(CasePath(id) + "?updated=1");
    problem = saved.error();
  }
  if (problem->kind != ProblemKind::kInvalid && problem->kind != ProblemKind::kConflict) {
    return ProblemResponse(ctx, *problem);
  }
  // The form again, so nothing typed is lost; this reads the case as it is now.
  auto view = cases.Open(ctx.actor(), id, ctx.origin());
  if (!view) return ProblemResponse(ctx, view.error());
  if (problem->kind == ProblemKind::kInvalid) {
    // Keep the version they started from, so a later save still detects someone else's change.
    FormPage page = EditPage(view->record, version.value_or(view->record.version));
    return RenderForm(ctx, page, input, problem, 400);
  }
  // A stale edit: show the saved case beside what they typed; saving again replaces it.
  FormPage page = EditPage(view->record, view->record.version);
  page.current = view->record;
  return RenderForm(ctx, page, input, problem, 409);
}

}  // namespace

void AddDetailsPages(identity::WebRoutes& routes, CaseService& cases) {
  routes.Page("GET", "/cases/new", identity::Action::kCaseList, [](PageContext& ctx) {
    return RenderForm(ctx, NewCasePage(), {}, std::nullopt, 200);
  });
  routes.Page("POST", "/cases/new", identity::Action::kCaseList,
              [&cases](PageContext& ctx) { return CreateCase(ctx, cases); });
  routes.Page("GET", "/cases/{id:id}/details", identity::Action::kCaseList,
              [&cases](PageContext& ctx) { return ShowEdit(ctx, cases); });
  routes.Page("POST", "/cases/{id:id}/details", identity::Action::kCaseList,
              [&cases](PageContext& ctx) { return SaveEdit(ctx, cases); });
}

}  // namespace waymark::cases::pages
