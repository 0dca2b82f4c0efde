// The consent list and the pieces every consent page shares.
#include "consent/pages.hpp"

#include <utility>

#include "cases/pages_shared.hpp"
#include "consent/pages_shared.hpp"
#include "consent/text.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/util/time.hpp"
#include "vocabulary/languages.hpp"

namespace waymark::consent {

void AddConsentPages(identity::WebRoutes& routes, ConsentService& consent) {
  pages::AddConsentListPages(routes, consent);
  pages::AddConsentFormPages(routes, consent);
  pages::AddWithdrawPages(routes, consent);
  pages::AddDisclosurePages(routes, consent);
}

namespace pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

std::string LowerFirst(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] + 32);
  return out;
}

Node OrNotRecorded(const std::string& text) {
  return text.empty() ? Text("Not recorded") : cases::pages::MultilineText(text);
}

std::string HowInformed(const Consent& c) {
  return std::string(Label(c.format)) + " in " + LanguageText(c.language) +
         (c.interpreter_used ? ", with an interpreter" : ", without an interpreter");
}

Node ConsentCard(const ConsentRecord& r, bool can_change, std::string_view case_id) {
  const Consent& c = r.consent;
  const bool given = c.decision == Decision::kGiven;
  std::vector<govuk::SummaryRow> rows{
      {.key = "Status", .value = StatusTag(r)},
      {.key = given ? "Given on" : "Refused on", .value = Text(FormatDateForPeople(c.decided_on))},
  };
  if (given) {
    rows.push_back(
        {.key = "Expires",
         .value = Text(c.expires_on ? FormatDateForPeople(*c.expires_on) : "No expiry date")});
  }
  rows.push_back({.key = "How they were informed", .value = Text(HowInformed(c))});
  rows.push_back({.key = "Notes", .value = OrNotRecorded(c.notes)});
  if (c.withdrawal) {
    std::string text = "On " + FormatDateForPeople(c.withdrawal->on);
    if (!r.withdrawn_by.empty()) text += ", recorded by " + r.withdrawn_by;
    if (!c.withdrawal->note.empty()) text += "\n" + c.withdrawal->note;
    rows.push_back({.key = "Withdrawn", .value = cases::pages::MultilineText(text)});
  }
  rows.push_back(
      {.key = "Recorded", .value = Text(FormatForPeople(r.recorded_at) + " by " + r.recorded_by)});
  govuk::SummaryCard card{.title = Describe(c)};
  if (can_change && given && !c.withdrawal) {
    card.actions.push_back({.text = "Withdraw",
                            .href = ConsentPath(case_id) + "/withdraw?consent=" + r.id,
                            .visually_hidden_text = LowerFirst(Describe(c))});
  }
  return govuk::SummaryList({.rows = std::move(rows), .card = std::move(card)});
}

std::string BannerFor(const http::FormFields& query) {
  if (query.Has("recorded")) return "Consent record saved";
  if (query.Has("withdrawn")) return "Withdrawal recorded";
  return {};
}

http::Response ShowConsents(PageContext& ctx, ConsentService& consent) {
  auto list = consent.Consents(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return cases::pages::ProblemResponse(ctx, list.error());
  const CaseFrame& frame = list->frame;
  std::vector<Node> content{identity::Paragraph(
      "The person's decisions about support, an NRM referral, sharing information with a named "
      "organisation and contact by each method. An adult can be referred to the NRM only with "
      "their consent; without it, only an anonymous Duty to Notify can be sent.")};
  if (frame.closed) {
    content.push_back(
        identity::Paragraph("This case is closed. Its consent records can be "
                            "read but not changed."));
  }
  if (frame.can_change) {
    content.push_back(govuk::ButtonGroup(
        {govuk::Button({.text = "Record consent", .href = ConsentPath(frame.case_id) + "/new"}),
         identity::pages::Link("Withdraw consent", ConsentPath(frame.case_id) + "/withdraw")}));
  }
  if (list->consents.empty()) {
    content.push_back(identity::Paragraph("No consent has been recorded yet."));
  }
  // Newest decision first.
  for (auto it = list->consents.rbegin(); it != list->consents.rend(); ++it) {
    content.push_back(ConsentCard(*it, frame.can_change, frame.case_id));
  }
  content.push_back(El("p")
                        .Class("govuk-body")
                        .Add(identity::pages::Link("Disclosures of information about this person",
                                                   DisclosuresPath(frame.case_id))));
  return RenderInCase(ctx,
                      {.title = "Consent",
                       .reference = frame.reference,
                       .back = cases::pages::CasePath(frame.case_id),
                       .banner = BannerFor(ctx.request.query)},
                      std::move(content));
}

}  // namespace

std::string ConsentPath(std::string_view case_id) {
  return cases::pages::CasePath(case_id) + "/consent";
}

std::string DisclosuresPath(std::string_view case_id) {
  return cases::pages::CasePath(case_id) + "/disclosures";
}

std::string Describe(const Consent& c) {
  switch (c.purpose) {
    case Purpose::kSharing:
      return "Sharing information with " + c.recipient;
    case Purpose::kContact:
      return c.method ? "Contact by " + LowerFirst(Label(*c.method)) : "Contact";
    default:
      return std::string(Label(c.purpose));
  }
}

Node StatusTag(const ConsentRecord& r) {
  using identity::pages::ColouredTag;
  if (r.superseded) return ColouredTag("Superseded by a refusal", "govuk-tag--grey");
  switch (r.status) {
    case ConsentStatus::kGiven:
      return ColouredTag("In force", "govuk-tag--green");
    case ConsentStatus::kRefused:
      return ColouredTag("Refused", "govuk-tag--red");
    case ConsentStatus::kWithdrawn:
      return ColouredTag("Withdrawn", "govuk-tag--grey");
    case ConsentStatus::kExpired:
      return ColouredTag("Expired", "govuk-tag--yellow");
    case ConsentStatus::kNotYetGiven:
      break;
  }
  return ColouredTag("Not yet in force", "govuk-tag--blue");
}

std::string LanguageText(std::string_view code) {
  std::string_view name = vocabulary::LanguageName(code);
  if (name.empty()) return std::string(code);
  return std::string(name) + " (" + std::string(code) + ")";
}

std::string DateFromForm(const http::FormFields& form, std::string_view name) {
  const std::string prefix(name);
  std::string_view day = form.GetOr(prefix + "-day");
  std::string_view month = form.GetOr(prefix + "-month");
  std::string_view year = form.GetOr(prefix + "-year");
  if (Trim(day).empty() && Trim(month).empty() && Trim(year).empty()) return {};
  if (auto date = DateFromParts(day, month, year)) return FormatIsoDate(*date);
  return Trim(year) + "-" + Trim(month) + "-" + Trim(day) + " (not a date)";
}

cases::pages::DateParts DatePartsFrom(const http::FormFields& form, std::string_view name) {
  const std::string prefix(name);
  return {std::string(form.GetOr(prefix + "-day")), std::string(form.GetOr(prefix + "-month")),
          std::string(form.GetOr(prefix + "-year"))};
}

http::Response RenderInCase(const PageContext& ctx, const Frame& frame, std::vector<Node> content) {
  std::vector<Node> column{identity::ErrorSummaryFor(frame.problem),
                           cases::pages::Caption(frame.reference), identity::Heading(frame.title)};
  for (auto& node : content) column.push_back(std::move(node));
  Node row = El("div")
                 .Class("govuk-grid-row")
                 .Add(El("div").Class("govuk-grid-column-two-thirds").Add(std::move(column)));
  return identity::RenderPage(
      ctx, {.title = identity::pages::TitleFor(frame.title, frame.problem),
            .content = std::move(row),
            .before = html::Fragment({govuk::BackLink({.href = frame.back}),
                                      identity::pages::SuccessBanner(frame.banner)}),
            .active_nav = std::string(cases::pages::kNav),
            .status = frame.status});
}

Result<ConsentList> ListForChange(PageContext& ctx, ConsentService& consent) {
  auto list = consent.Consents(ctx.actor(), ctx.request.Capture("id"), ctx.origin());
  if (!list) return list;
  if (list->frame.closed) return Fail(Problem::Conflict(std::string(cases::kClosedCase)));
  if (!list->frame.can_change) return Fail(Problem::Forbidden());
  return list;
}

Problem IncompleteForm() {
  return Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}};
}

void AddConsentListPages(identity::WebRoutes& routes, ConsentService& consent) {
  routes.Page("GET", "/cases/{id:id}/consent", identity::Action::kCaseList,
              [&consent](PageContext& ctx) { return ShowConsents(ctx, consent); });
}

}  // namespace pages

}  // namespace waymark::consent
