// Recording a consent decision: what it is for, given or refused, how the person was informed,
// the dates and notes. Validation is the service's (the pure ValidateConsent and the language
// list); the page shows every problem at once and keeps what was typed.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "consent/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::consent::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::DateInput;
using cases::pages::DateParts;
using cases::pages::Select;
using cases::pages::SelectItem;
using cases::pages::Textarea;
using html::Node;
using identity::FieldError;
using identity::PageContext;
using identity::RadioItem;
using identity::Radios;

// What the form shows: the typed input plus the date boxes as typed.
struct ConsentForm {
  ConsentInput input;
  DateParts decided_on;
  DateParts expires_on;
};

ConsentForm ReadConsentForm(const http::FormFields& form) {
  auto get = [&form](std::string_view name) { return std::string(form.GetOr(name)); };
  ConsentForm out;
  ConsentInput& in = out.input;
  in.purpose = get(field::kPurpose);
  in.recipient = get(field::kRecipient);
  in.contact_method = get(field::kContactMethod);
  in.decision = get(field::kDecision);
  in.language = get(field::kLanguage);
  in.interpreter = get(field::kInterpreter);
  in.format = get(field::kFormat);
  in.decided_on = DateFromForm(form, field::kDecidedOn);
  in.expires_on = DateFromForm(form, field::kExpiresOn);
  in.notes = get(field::kNotes);
  out.decided_on = DatePartsFrom(form, field::kDecidedOn);
  out.expires_on = DatePartsFrom(form, field::kExpiresOn);
  return out;
}

// `none` first, when given: radios cannot be cleared without JavaScript, so a choice that only
// belongs to another answer needs a way back.
template <class E>
std::vector<RadioItem> ItemsOf(std::span<const E> values, std::string none = "") {
  std::vector<RadioItem> items;
  if (!none.empty()) items.push_back({"", std::move(none)});
  for (E value : values) items.push_back({std::string(Code(value)), std::string(Label(value))});
  return items;
}

// The person's own languages first, then the usual list.
std::vector<SelectItem> LanguageItems(const std::vector<std::string>& theirs) {
  std::vector<SelectItem> items{{"", "Select a language"}};
  for (const auto& code : theirs) items.push_back({code, LanguageText(code)});
  for (const auto& language : vocabulary::LanguagesForPicking()) {
    bool listed = false;
    for (const auto& code : theirs) listed = listed || code == language.code;
    if (!listed) items.push_back({std::string(language.code), LanguageText(language.code)});
  }
  return items;
}

std::vector<Node> ConsentFields(const ConsentForm& f, const std::vector<std::string>& languages,
                                const std::optional<Problem>& problem) {
  const ConsentInput& in = f.input;
  return {
      Radios(field::kPurpose, "What is the consent about?", ItemsOf(AllPurposes()), in.purpose,
             FieldError(problem, field::kPurpose)),
      govuk::Input({.name = std::string(field::kRecipient),
                    .label = {.text = "Organisation information may be shared with"},
                    .hint = "Only for sharing information: the organisation's name",
                    .error_message = FieldError(problem, field::kRecipient),
                    .value = in.recipient,
                    .autocomplete = "off",
                    .spellcheck = false}),
      Radios(field::kContactMethod, "Contact method (only for consent to contact)",
             ItemsOf(AllContactMethods(), "Not consent to contact"), in.contact_method,
             FieldError(problem, field::kContactMethod)),
      Radios(field::kDecision, "Did the person give or refuse consent?",
             {{"given", "Consent given"}, {"refused", "Consent refused"}}, in.decision,
             FieldError(problem, field::kDecision)),
      cases::pages::SubHeading("How the person was informed"),
      Select({.name = std::string(field::kLanguage),
              .label = "Language the information was given in",
              .items = LanguageItems(languages),
              .selected = in.language,
              .error = FieldError(problem, field::kLanguage)}),
      Radios(field::kInterpreter, "Was an interpreter used?", {{"yes", "Yes"}, {"no", "No"}},
             in.interpreter, FieldError(problem, field::kInterpreter)),
      Radios(field::kFormat, "Format of the information", ItemsOf(AllInformationFormats()),
             in.format, FieldError(problem, field::kFormat)),
      cases::pages::SubHeading("Dates"),
      DateInput({.name = std::string(field::kDecidedOn),
                 .legend = "Date consent was given or refused",
                 .hint = "For example, 27 3 2026",
                 .value = f.decided_on,
                 .error = FieldError(problem, field::kDecidedOn)}),
      DateInput({.name = std::string(field::kExpiresOn),
                 .legend = "Expiry date (optional)",
                 .hint = "The last day the consent is in force, if it was given for a set time",
                 .value = f.expires_on,
                 .error = FieldError(problem, field::kExpiresOn)}),
      Textarea({.name = std::string(field::kNotes),
                .label = "Notes (optional)",
                .hint = "Anything the person asked for or was unsure about",
                .value = in.notes,
                .error = FieldError(problem, field::kNotes),
                .rows = 4}),
  };
}

http::Response RenderConsentForm(const PageContext& ctx, const ConsentList& list,
                                 const ConsentForm& form, const std::optional<Problem>& problem,
                                 int status) {
  std::vector<Node> body = ConsentFields(form, list.languages, problem);
  body.push_back(govuk::Button({.text = "Save consent record"}));
  return RenderInCase(
      ctx,
      {.title = "Record consent",
       .reference = list.frame.reference,
       .back = ConsentPath(list.frame.case_id),
       .problem = problem,
       .status = status},
      {identity::Paragraph("Record refusals too: they change what others may do. A new decision "
                           "about the same thing takes over from the earlier one."),
       identity::PostForm(ctx, ConsentPath(list.frame.case_id) + "/new", std::move(body))});
}

// The list behind the form, or the page for why there is no form.
http::Response ShowForm(PageContext& ctx, ConsentService& consent) {
  auto list = ListForChange(ctx, consent);
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  return RenderConsentForm(ctx, *list, {}, std::nullopt, 200);
}

http::Response SaveForm(PageContext& ctx, ConsentService& consent) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  ConsentForm typed = form ? ReadConsentForm(*form) : ConsentForm{};
  std::optional<Problem> problem;
  if (!form) {
    problem = form.error();
  } else {
    auto saved = consent.RecordConsent(ctx.actor(), id, typed.input, ctx.origin());
    if (saved) return http::Response::Redirect(ConsentPath(id) + "?recorded=1");
    problem = saved.error();
  }
  if (problem->kind != ProblemKind::kInvalid) return cases::pages::ProblemResponse(ctx, *problem);
  auto list = ListForChange(ctx, consent);
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  return RenderConsentForm(ctx, *list, typed, problem, 400);
}

}  // namespace

void AddConsentFormPages(identity::WebRoutes& routes, ConsentService& consent) {
  routes.Page("GET", "/cases/{id:id}/consent/new", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return ShowForm(ctx, consent); });
  routes.Page("POST", "/cases/{id:id}/consent/new", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return SaveForm(ctx, consent); });
}

}  // namespace waymark::consent::pages
