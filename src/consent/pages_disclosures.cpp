// Disclosures: every share of information about the person outside the case team, with what was
// shared, when, with whom, and the legal basis (the consent relied on, or a statutory basis with
// the reason). The list is for reading; the form records one (they are never changed).
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
#include "platform/util/time.hpp"

namespace waymark::consent::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::FieldError;
using identity::PageContext;

const ConsentRecord* FindRecord(const std::vector<ConsentRecord>& all, std::string_view id) {
  for (const auto& r : all) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string BasisText(const Disclosure& d, const std::vector<ConsentRecord>& consents) {
  if (d.basis != DisclosureBasis::kConsent) return std::string(Label(d.basis));
  const ConsentRecord* r = FindRecord(consents, d.consent_id);
  if (!r) return "Consent";
  return "Consent to " + Describe(r->consent) + ", given " +
         FormatDateForPeople(r->consent.decided_on);
}

Node DisclosureCard(const DisclosureRecord& r, const std::vector<ConsentRecord>& consents) {
  const Disclosure& d = r.disclosure;
  std::vector<govuk::SummaryRow> rows{
      {.key = "Date shared", .value = Text(FormatDateForPeople(d.disclosed_on))},
      {.key = "What was shared", .value = cases::pages::MultilineText(d.shared)},
      {.key = "Legal basis", .value = Text(BasisText(d, consents))},
  };
  if (d.basis != DisclosureBasis::kConsent) {
    rows.push_back({.key = "Why without consent", .value = cases::pages::MultilineText(d.reason)});
  }
  rows.push_back(
      {.key = "Recorded", .value = Text(FormatForPeople(r.recorded_at) + " by " + r.recorded_by)});
  return govuk::SummaryList(
      {.rows = std::move(rows), .card = govuk::SummaryCard{.title = "Shared with " + d.recipient}});
}

Result<DisclosureList> ListForChange(PageContext& ctx, ConsentService& consent) {
  auto list = consent.Disclosures(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return list;
  if (list->frame.closed) return Fail(Problem::Conflict(std::string(cases::kClosedCase)));
  if (!list->frame.can_change) return Fail(Problem::Forbidden());
  return list;
}

http::Response ShowDisclosures(PageContext& ctx, ConsentService& consent) {
  auto list = consent.Disclosures(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  const CaseFrame& frame = list->frame;
  std::vector<Node> content{identity::Paragraph(
      "Every time information about this person is shared outside the case team: with whom, "
      "what, when, and the legal basis. Share only with the person's consent for that "
      "organisation, or on a statutory basis such as safeguarding.")};
  if (frame.can_change) {
    content.push_back(govuk::Button(
        {.text = "Record a disclosure", .href = DisclosuresPath(frame.case_id) + "/new"}));
  }
  if (list->disclosures.empty()) {
    content.push_back(identity::Paragraph("No disclosures have been recorded."));
  }
  for (const auto& r : list->disclosures) content.push_back(DisclosureCard(r, list->consents));
  content.push_back(El("p")
                        .Class("govuk-body")
                        .Add(identity::pages::Link("Consent records", ConsentPath(frame.case_id))));
  return RenderInCase(ctx,
                      {.title = "Disclosures",
                       .reference = frame.reference,
                       .back = cases::pages::CasePath(frame.case_id),
                       .banner = ctx.request.query.Has("recorded") ? "Disclosure recorded" : ""},
                      std::move(content));
}

struct DisclosureForm {
  DisclosureInput input;
  cases::pages::DateParts disclosed_on;
};

DisclosureForm ReadDisclosureForm(const http::FormFields& form) {
  auto get = [&form](std::string_view name) { return std::string(form.GetOr(name)); };
  DisclosureForm out;
  out.input.recipient = get(field::kRecipient);
  out.input.shared = get(field::kShared);
  out.input.disclosed_on = DateFromForm(form, field::kDisclosedOn);
  out.input.basis = get(field::kBasis);
  out.input.consent_id = get(field::kConsentId);
  out.input.reason = get(field::kReason);
  out.disclosed_on = DatePartsFrom(form, field::kDisclosedOn);
  return out;
}

// The consent records a disclosure may rest on: consent given to sharing, newest first.
Node ConsentChoice(const DisclosureList& list, const DisclosureInput& in,
                   const std::optional<Problem>& problem) {
  std::vector<identity::RadioItem> items;
  for (auto it = list.consents.rbegin(); it != list.consents.rend(); ++it) {
    const Consent& c = it->consent;
    if (c.purpose != Purpose::kSharing || c.decision != Decision::kGiven) continue;
    std::string label = Describe(c) + ", given " + FormatDateForPeople(c.decided_on);
    if (it->superseded) {
      label += " (superseded by a refusal)";
    } else if (it->status != ConsentStatus::kGiven) {
      label += " (" + std::string(Label(it->status)) + ")";
    }
    items.push_back({it->id, label});
  }
  if (items.empty()) {
    std::string error = FieldError(problem, field::kConsentId);
    Node text = El("p").Class("govuk-body").Attr("id", std::string(field::kConsentId));
    text.AddText("No consent to sharing information has been recorded for this person.");
    if (error.empty()) return text;
    return html::Fragment(
        {govuk::ErrorMessage({.text = error, .id = std::string(field::kConsentId) + "-error"}),
         std::move(text)});
  }
  // Radios cannot be cleared without JavaScript: a way back for a share on a statutory basis.
  items.push_back({"", "None: shared without consent"});
  return identity::Radios(field::kConsentId, "Consent relied on (only when the basis is consent)",
                          items, in.consent_id, FieldError(problem, field::kConsentId));
}

std::vector<identity::RadioItem> BasisItems() {
  std::vector<identity::RadioItem> items;
  for (DisclosureBasis basis : AllDisclosureBases()) {
    items.push_back({std::string(Code(basis)), std::string(Label(basis))});
  }
  return items;
}

http::Response RenderDisclosureForm(const PageContext& ctx, const DisclosureList& list,
                                    const DisclosureForm& f, const std::optional<Problem>& problem,
                                    int status) {
  const DisclosureInput& in = f.input;
  std::vector<Node> body{
      govuk::Input({.name = std::string(field::kRecipient),
                    .label = {.text = "Organisation the information was shared with"},
                    .error_message = FieldError(problem, field::kRecipient),
                    .value = in.recipient,
                    .autocomplete = "off",
                    .spellcheck = false}),
      cases::pages::Textarea({.name = std::string(field::kShared),
                              .label = "What was shared",
                              .hint = "For example, name, date of birth and current address",
                              .value = in.shared,
                              .error = FieldError(problem, field::kShared),
                              .rows = 3}),
      cases::pages::DateInput({.name = std::string(field::kDisclosedOn),
                               .legend = "Date the information was shared",
                               .hint = "For example, 27 3 2026",
                               .value = f.disclosed_on,
                               .error = FieldError(problem, field::kDisclosedOn)}),
      identity::Radios(field::kBasis, "Legal basis for sharing", BasisItems(), in.basis,
                       FieldError(problem, field::kBasis)),
      ConsentChoice(list, in, problem),
      cases::pages::Textarea(
          {.name = std::string(field::kReason),
           .label = "Why it was shared without consent",
           .hint = "Only for safeguarding, crime prevention or a court order: at least " +
                   std::to_string(kMinReasonCharacters) + " characters",
           .value = in.reason,
           .error = FieldError(problem, field::kReason),
           .rows = 4}),
      govuk::Button({.text = "Save disclosure"}),
  };
  return RenderInCase(
      ctx,
      {.title = "Record a disclosure",
       .reference = list.frame.reference,
       .back = DisclosuresPath(list.frame.case_id),
       .problem = problem,
       .status = status},
      {identity::PostForm(ctx, DisclosuresPath(list.frame.case_id) + "/new", std::move(body))});
}

http::Response ShowForm(PageContext& ctx, ConsentService& consent) {
  auto list = ListForChange(ctx, consent);
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  return RenderDisclosureForm(ctx, *list, {}, std::nullopt, 200);
}

http::Response SaveForm(PageContext& ctx, ConsentService& consent) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  DisclosureForm typed = form ? ReadDisclosureForm(*form) : DisclosureForm{};
  std::optional<Problem> problem;
  if (!form) {
    problem = form.error();
  } else {
    auto saved = consent.RecordDisclosure(ctx.actor(), id, typed.input, ctx.origin());
    if (saved) return http::Response::Redirect(DisclosuresPath(id) + "?recorded=1");
    problem = saved.error();
  }
  if (problem->kind != ProblemKind::kInvalid) return cases::pages::ProblemResponse(ctx, *problem);
  auto list = ListForChange(ctx, consent);
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  return RenderDisclosureForm(ctx, *list, typed, problem, 400);
}

}  // namespace

void AddDisclosurePages(identity::WebRoutes& routes, ConsentService& consent) {
  routes.Page("GET", "/cases/{id:id}/disclosures", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return ShowDisclosures(ctx, consent); });
  routes.Page("GET", "/cases/{id:id}/disclosures/new", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return ShowForm(ctx, consent); });
  routes.Page("POST", "/cases/{id:id}/disclosures/new", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return SaveForm(ctx, consent); });
}

}  // namespace waymark::consent::pages
