// Recording a contact and correcting one: one form for both. Validation is the model's
// (ValidateContact); the page shows every problem at once and keeps what was typed. After a
// stale correction it shows the contact as it is now and carries its version, so saving again
// is a deliberate choice.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "contacts/pages.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::contacts::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::Caption;
using html::El;
using html::Node;
using identity::FieldError;
using identity::PageContext;
using identity::RadioItem;
using identity::Radios;

ContactInput ReadContactInput(const http::FormFields& form) {
  auto get = [&form](std::string_view name) { return std::string(form.GetOr(name)); };
  ContactInput in;
  in.date_day = get("contact_date-day");
  in.date_month = get("contact_date-month");
  in.date_year = get("contact_date-year");
  in.contact_time = get("contact_time");
  in.contact_type = get("contact_type");
  in.contact_with = get("contact_with");
  in.interpreter_used = get("interpreter_used");
  in.interpreter_language = get("interpreter_language");
  in.duration = get("duration");
  in.notes = get("notes");
  in.restricted = get("restricted");
  return in;
}

std::vector<RadioItem> TypeItems() {
  std::vector<RadioItem> items;
  for (ContactType type : AllContactTypes()) {
    items.push_back({std::string(Code(type)), std::string(Label(type))});
  }
  return items;
}

std::vector<RadioItem> WithItems() {
  std::vector<RadioItem> items;
  for (ContactWith with : AllContactWith()) {
    items.push_back({std::string(Code(with)), std::string(Label(with))});
  }
  return items;
}

Node ShortInput(std::string name, std::string label, std::string hint, std::string value,
                const std::optional<Problem>& problem, std::string classes,
                std::string suffix = "") {
  std::string error = FieldError(problem, name);
  return govuk::Input({.name = std::move(name),
                       .label = {.text = std::move(label)},
                       .hint = std::move(hint),
                       .error_message = std::move(error),
                       .value = std::move(value),
                       .autocomplete = "off",
                       .spellcheck = false,
                       .suffix = std::move(suffix),
                       .classes = std::move(classes)});
}

std::vector<Node> ContactFields(const ContactInput& in, const std::optional<Problem>& problem) {
  using cases::pages::DateInput;
  using cases::pages::Textarea;
  return {
      DateInput({.name = "contact_date",
                 .legend = "Date of the contact",
                 .hint = "For example, 3 3 2026",
                 .value = {in.date_day, in.date_month, in.date_year},
                 .error = FieldError(problem, "contact_date")}),
      ShortInput("contact_time", "Time (optional)", "24-hour clock, for example 14:30",
                 in.contact_time, problem, "govuk-input--width-5"),
      Radios("contact_type", "Type of contact", TypeItems(), in.contact_type,
             FieldError(problem, "contact_type")),
      Radios("contact_with", "Who was the contact with?", WithItems(), in.contact_with,
             FieldError(problem, "contact_with")),
      Radios("interpreter_used", "Was an interpreter used?", {{"yes", "Yes"}, {"no", "No"}},
             in.interpreter_used, FieldError(problem, "interpreter_used")),
      ShortInput("interpreter_language", "Language the interpreter used",
                 "Only if an interpreter was used. A three-letter ISO 639-3 code, for example sqi "
                 "(Albanian) or tir (Tigrinya)",
                 in.interpreter_language, problem, "govuk-input--width-4"),
      ShortInput("duration", "How long did it last?",
                 "In minutes. Not needed for a message or an attempt with no answer", in.duration,
                 problem, "govuk-input--width-4", "minutes"),
      Textarea({.name = "notes",
                .label = "Notes",
                .hint = "What happened and what was agreed. Not needed for an attempt with no "
                        "answer.",
                .value = in.notes,
                .error = FieldError(problem, "notes"),
                .rows = 8}),
      Radios("restricted", "Is this note restricted?",
             {{"no", "No, anyone who can read the case can read it"},
              {"yes", "Yes, only the assigned workers and their manager can read it"}},
             in.restricted, FieldError(problem, "restricted")),
  };
}

struct FormPage {
  std::string title;
  std::string reference;
  std::string action;
  std::string back;
  std::optional<int64_t> version;
  std::string button;
  std::optional<Contact> current{};  // after a stale correction: the contact as it is now
};

FormPage NewPage(const CaseContext& info) {
  return {"Record a contact",    info.reference, ContactsPath(info.id) + "/new",
          ContactsPath(info.id), std::nullopt,   "Save contact"};
}

FormPage ChangePage(const CaseContext& info, const Contact& contact, int64_t version) {
  return {"Change a contact",
          info.reference,
          ContactPath(info.id, contact.id) + "/change",
          ContactPath(info.id, contact.id),
          version,
          "Save changes"};
}

http::Response RenderForm(const PageContext& ctx, const FormPage& page, const ContactInput& in,
                          const std::optional<Problem>& problem, int status) {
  std::vector<Node> body;
  if (page.version) body.push_back(identity::pages::VersionField(*page.version));
  for (auto& field : ContactFields(in, problem)) body.push_back(std::move(field));
  body.push_back(govuk::Button({.text = page.button}));
  Node current;
  if (page.current) {
    current = El("details")
                  .Class("govuk-details")
                  .Flag("open")
                  .Add({
                      El("summary")
                          .Class("govuk-details__summary")
                          .Add(El("span")
                                   .Class("govuk-details__summary-text")
                                   .AddText("The contact as it is now")),
                      El("div")
                          .Class("govuk-details__text")
                          .Add(govuk::SummaryList({.rows = DetailRows(*page.current)})),
                  });
  }
  Node content = El("div")
                     .Class("govuk-grid-row")
                     .Add(El("div")
                              .Class("govuk-grid-column-two-thirds")
                              .Add({
                                  identity::ErrorSummaryFor(problem),
                                  Caption(page.reference),
                                  identity::Heading(page.title),
                                  std::move(current),
                                  identity::PostForm(ctx, page.action, std::move(body)),
                              }));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(page.title, problem),
                                    .content = std::move(content),
                                    .before = govuk::BackLink({.href = page.back}),
                                    .active_nav = std::string(cases::pages::kNav),
                                    .status = status});
}

Problem IncompleteForm() {
  return Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
}

http::Response ShowNew(PageContext& ctx, ContactService& contacts) {
  auto info = contacts.ForNewContact(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!info) return cases::pages::ProblemResponse(ctx, info.error());
  return RenderForm(ctx, NewPage(*info), {}, std::nullopt, 200);
}

http::Response SaveNew(PageContext& ctx, ContactService& contacts) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  ContactInput input = form ? ReadContactInput(*form) : ContactInput{};
  std::optional<Problem> problem;
  if (!form) {
    problem = IncompleteForm();
  } else {
    auto recorded = contacts.Record(ctx.actor(), id, input, ctx.origin());
    if (recorded) return http::Response::Redirect(ContactsPath(id) + "?recorded=1");
    problem = recorded.error();
  }
  if (problem->kind != ProblemKind::kInvalid) return cases::pages::ProblemResponse(ctx, *problem);
  auto info = contacts.ForNewContact(ctx.actor(), id, ctx.origin());
  if (!info) return cases::pages::ProblemResponse(ctx, info.error());
  return RenderForm(ctx, NewPage(*info), input, problem, 400);
}

http::Response ShowChange(PageContext& ctx, ContactService& contacts) {
  auto view = contacts.Get(ctx.actor(), ctx.request.Capture("id"), ctx.request.Capture("cid"),
                           ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  if (!view->case_info.access.can_edit) {
    return cases::pages::ProblemResponse(ctx, Problem::Forbidden());
  }
  if (view->contact.entered_in_error) {
    return cases::pages::ProblemResponse(ctx, Problem::Conflict(std::string(kAlreadyInError)));
  }
  return RenderForm(ctx, ChangePage(view->case_info, view->contact, view->contact.version),
                    InputFor(view->contact.details), std::nullopt, 200);
}

http::Response SaveChange(PageContext& ctx, ContactService& contacts) {
  std::string id(ctx.request.Capture("id"));
  std::string cid(ctx.request.Capture("cid"));
  auto form = identity::pages::ReadForm(ctx);
  ContactInput input = form ? ReadContactInput(*form) : ContactInput{};
  std::optional<int64_t> version;
  if (form) version = identity::pages::ParseVersion(form->GetOr("version"));
  std::optional<Problem> problem;
  if (!form || !version) {
    problem = IncompleteForm();
  } else {
    auto saved = contacts.Edit(ctx.actor(), id, cid, input, *version, ctx.origin());
    if (saved) return http::Response::Redirect(ContactPath(id, cid) + "?updated=1");
    problem = saved.error();
  }
  bool stale = problem->kind == ProblemKind::kConflict && problem->message == kStaleContact;
  if (problem->kind != ProblemKind::kInvalid && !stale) {
    return cases::pages::ProblemResponse(ctx, *problem);
  }
  auto view = contacts.Get(ctx.actor(), id, cid, ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  if (!stale) {
    // Keep the version they started from, so a later save still detects someone else's change.
    return RenderForm(
        ctx, ChangePage(view->case_info, view->contact, version.value_or(view->contact.version)),
        input, problem, 400);
  }
  // A stale correction: the contact as it is now above what they typed, with the current
  // version, so saving again replaces it deliberately.
  FormPage page = ChangePage(view->case_info, view->contact, view->contact.version);
  page.current = view->contact;
  return RenderForm(ctx, page, input, problem, 409);
}

}  // namespace

void AddContactFormPages(identity::WebRoutes& routes, ContactService& contacts) {
  routes.Page("GET", "/cases/{id:id}/contacts/new", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return ShowNew(ctx, contacts); });
  routes.Page("POST", "/cases/{id:id}/contacts/new", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return SaveNew(ctx, contacts); });
  routes.Page("GET", "/cases/{id:id}/contacts/{cid:id}/change", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return ShowChange(ctx, contacts); });
  routes.Page("POST", "/cases/{id:id}/contacts/{cid:id}/change", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return SaveChange(ctx, contacts); });
}

}  // namespace waymark::contacts::pages
