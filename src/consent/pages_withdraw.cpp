// Withdrawing consent: choose the consent (a GET form, which changes nothing), then confirm it
// with the date and an optional note. The withdrawal is recorded on the record, which is never
// deleted; the form carries the record's version, so a withdrawal raced by someone else's is
// refused and shown again with the record as it is now.
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

namespace waymark::consent::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::FieldError;
using identity::PageContext;

bool CanWithdraw(const ConsentRecord& r) {
  return r.consent.decision == Decision::kGiven && !r.consent.withdrawal;
}

const ConsentRecord* FindRecord(const ConsentList& list, std::string_view id) {
  for (const auto& r : list.consents) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string ChoiceLabel(const ConsentRecord& r) {
  std::string text = Describe(r.consent) + ", given " + FormatDateForPeople(r.consent.decided_on);
  if (r.status == ConsentStatus::kExpired) text += " (expired)";
  if (r.superseded) text += " (superseded by a refusal)";
  return text;
}

// `problem` when the form was sent without a choice.
http::Response ShowChoice(const PageContext& ctx, const ConsentList& list,
                          const std::optional<Problem>& problem = std::nullopt) {
  const std::string path = ConsentPath(list.frame.case_id);
  std::vector<identity::RadioItem> items;
  for (auto it = list.consents.rbegin(); it != list.consents.rend(); ++it) {
    if (CanWithdraw(*it)) items.push_back({it->id, ChoiceLabel(*it)});
  }
  std::vector<Node> content;
  if (items.empty()) {
    content.push_back(
        identity::Paragraph("There is no consent to withdraw: no consent given "
                            "in this case is waiting to be withdrawn."));
    content.push_back(
        El("p").Class("govuk-body").Add(identity::pages::Link("Back to consent", path)));
  } else {
    content.push_back(cases::pages::GetForm(
        path + "/withdraw", {identity::Radios("consent", "Which consent has the person withdrawn?",
                                              items, "", FieldError(problem, "consent")),
                             govuk::Button({.text = "Continue"})}));
  }
  return RenderInCase(ctx,
                      {.title = "Withdraw consent",
                       .reference = list.frame.reference,
                       .back = path,
                       .problem = problem,
                       .status = problem ? 400 : 200},
                      std::move(content));
}

// The confirmation: the record, the date and note boxes, and the version it started from.
struct Confirmation {
  cases::pages::DateParts withdrawn_on{};
  std::string note{};
  int64_t version = 0;
  std::optional<Problem> problem{};
  int status = 200;
};

http::Response ShowConfirmation(const PageContext& ctx, const ConsentList& list,
                                const ConsentRecord& r, const Confirmation& c) {
  const std::string path = ConsentPath(list.frame.case_id);
  std::vector<govuk::SummaryRow> rows{
      {.key = "Consent to", .value = Text(Describe(r.consent))},
      {.key = "Given on", .value = Text(FormatDateForPeople(r.consent.decided_on))},
      {.key = "Status", .value = StatusTag(r)},
  };
  Node form = identity::PostForm(
      ctx, path + "/withdraw",
      {El("input").Attr("type", "hidden").Attr("name", "consent").Attr("value", r.id),
       identity::pages::VersionField(c.version),
       cases::pages::DateInput({.name = std::string(field::kWithdrawnOn),
                                .legend = "Date the person withdrew consent",
                                .hint = "For example, 27 3 2026",
                                .value = c.withdrawn_on,
                                .error = FieldError(c.problem, field::kWithdrawnOn)}),
       cases::pages::Textarea({.name = std::string(field::kWithdrawalNote),
                               .label = "Note (optional)",
                               .hint = "For example, what the person said or asked for",
                               .value = c.note,
                               .error = FieldError(c.problem, field::kWithdrawalNote),
                               .rows = 3}),
       govuk::ButtonGroup(
           {govuk::Button({.text = "Withdraw consent", .variant = govuk::ButtonVariant::kWarning}),
            identity::pages::Link("Cancel", path)})});
  return RenderInCase(ctx,
                      {.title = "Withdraw consent",
                       .reference = list.frame.reference,
                       .back = path + "/withdraw",
                       .problem = c.problem,
                       .status = c.status},
                      {govuk::SummaryList({.rows = std::move(rows)}),
                       identity::Paragraph("The record is kept, with the withdrawal on it. From "
                                           "the date of withdrawal the consent no longer "
                                           "allows anything."),
                       std::move(form)});
}

// The record to withdraw, or the problem to show instead.
Result<const ConsentRecord*> Withdrawable(const ConsentList& list, std::string_view id) {
  const ConsentRecord* r = FindRecord(list, id);
  if (!r) return Fail(Problem::NotFound(std::string(kNoSuchConsent)));
  if (r->consent.decision == Decision::kRefused) {
    return Fail(Problem::Conflict("Consent was refused, so there is nothing to withdraw"));
  }
  if (r->consent.withdrawal) {
    return Fail(Problem::Conflict("This consent was already withdrawn on " +
                                  FormatDateForPeople(r->consent.withdrawal->on)));
  }
  return r;
}

http::Response ShowWithdraw(PageContext& ctx, ConsentService& consent) {
  auto list = ListForChange(ctx, consent);
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  std::string chosen(ctx.request.query.GetOr("consent"));
  if (chosen.empty()) {
    // "Continue" without a choice sends an empty `consent`.
    if (!ctx.request.query.Has("consent")) return ShowChoice(ctx, *list);
    return ShowChoice(ctx, *list,
                      Problem::Invalid("consent", "Select the consent the person has withdrawn"));
  }
  auto record = Withdrawable(*list, chosen);
  if (!record) return cases::pages::ProblemResponse(ctx, record.error());
  return ShowConfirmation(ctx, *list, **record, {.version = (*record)->version});
}

http::Response SaveWithdraw(PageContext& ctx, ConsentService& consent) {
  std::string id(ctx.request.Capture("id"));
  auto form = identity::pages::ReadForm(ctx);
  if (!form) return cases::pages::ProblemResponse(ctx, form.error());
  std::string consent_id(form->GetOr("consent"));
  auto version = identity::pages::ParseVersion(form->GetOr("version"));
  if (consent_id.empty() || !version) return cases::pages::ProblemResponse(ctx, IncompleteForm());
  Confirmation typed{.withdrawn_on = DatePartsFrom(*form, field::kWithdrawnOn),
                     .note = std::string(form->GetOr(field::kWithdrawalNote)),
                     .version = *version};
  WithdrawalInput input{DateFromForm(*form, field::kWithdrawnOn), typed.note};
  auto done = consent.Withdraw(ctx.actor(), id, consent_id, input, *version, ctx.origin());
  if (done) return http::Response::Redirect(ConsentPath(id) + "?withdrawn=1");
  const Problem& problem = done.error();
  if (problem.kind != ProblemKind::kInvalid && problem.kind != ProblemKind::kConflict) {
    return cases::pages::ProblemResponse(ctx, problem);
  }
  // The confirmation again, from the record as it is now.
  auto list = ListForChange(ctx, consent);
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  auto record = Withdrawable(*list, consent_id);
  if (!record) return cases::pages::ProblemResponse(ctx, problem);
  typed.problem = problem;
  if (problem.kind == ProblemKind::kConflict) {
    typed.status = 409;
    typed.version = (*record)->version;
  } else {
    typed.status = 400;  // keeps the version they started from
  }
  return ShowConfirmation(ctx, *list, **record, typed);
}

}  // namespace

void AddWithdrawPages(identity::WebRoutes& routes, ConsentService& consent) {
  routes.Page("GET", "/cases/{id:id}/consent/withdraw", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return ShowWithdraw(ctx, consent); });
  routes.Page("POST", "/cases/{id:id}/consent/withdraw", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return SaveWithdraw(ctx, consent); });
}

}  // namespace waymark::consent::pages
