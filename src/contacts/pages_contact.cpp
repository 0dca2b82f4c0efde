// One contact: its details, its notes (or "Restricted note" for a reader who may not see
// them), whether it was entered in error and why, and every earlier version; and the page that
// marks a contact as entered in error with a reason.
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
#include "platform/util/time.hpp"

namespace waymark::contacts::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::Caption;
using cases::pages::SubHeading;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

Node VersionsSection(const ContactView& view) {
  if (view.versions.size() < 2) return Node();
  std::vector<Node> parts{SubHeading("Earlier versions")};
  for (size_t i = 1; i < view.versions.size(); ++i) {
    const ContactVersion& v = view.versions[i];
    Contact as_it_was = view.contact;
    as_it_was.details = v.details;
    as_it_was.text_hidden = v.text_hidden;
    parts.push_back(govuk::SummaryList(
        {.rows = DetailRows(as_it_was),
         .card = govuk::SummaryCard{.title = "Version " + std::to_string(v.version) + ", saved " +
                                             FormatForPeople(v.changed_at),
                                    .heading_level = 3}}));
  }
  return html::Fragment(std::move(parts));
}

http::Response ShowContact(PageContext& ctx, ContactService& contacts) {
  std::string id(ctx.request.Capture("id"));
  auto view = contacts.Get(ctx.actor(), id, ctx.request.Capture("cid"), ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  const Contact& c = view->contact;
  std::vector<Node> content;
  if (ctx.request.query.GetOr("updated") == "1") {
    content.push_back(identity::pages::SuccessBanner("Contact changed"));
  }
  content.push_back(Caption(view->case_info.reference));
  content.push_back(identity::Heading(std::string(Label(c.details.type))));
  if (c.entered_in_error) {
    std::string reason = c.text_hidden ? "The reason is restricted." : "Reason: " + c.error_reason;
    content.push_back(govuk::NotificationBanner(
        {.text = "This contact was entered in error. " + reason, .title = "Entered in error"}));
  }
  content.push_back(govuk::SummaryList({.rows = DetailRows(c)}));
  bool can_change = view->case_info.access.can_edit && view->case_info.open && !c.entered_in_error;
  if (can_change) {
    std::string path = ContactPath(id, c.id);
    content.push_back(govuk::ButtonGroup(
        {govuk::Button({.text = "Change this contact", .href = path + "/change"}),
         govuk::Button({.text = "Mark as entered in error",
                        .href = path + "/entered-in-error",
                        .variant = govuk::ButtonVariant::kWarning})}));
  }
  content.push_back(VersionsSection(*view));
  return identity::RenderPage(
      ctx, {.title = std::string(Label(c.details.type)) + ", " + WhenText(c.details),
            .content = html::Fragment(std::move(content)),
            .before = govuk::BackLink({.href = ContactsPath(id)}),
            .active_nav = std::string(cases::pages::kNav)});
}

http::Response RenderErrorForm(const PageContext& ctx, const ContactView& view,
                               std::string_view reason, int64_t version,
                               const std::optional<Problem>& problem, int status) {
  const std::string title = "Mark a contact as entered in error";
  std::string path = ContactPath(view.case_info.id, view.contact.id);
  Node form = identity::PostForm(
      ctx, path + "/entered-in-error",
      {identity::pages::VersionField(version),
       cases::pages::Textarea({.name = "reason",
                               .label = "Why was it entered in error?",
                               .hint = "For example, it was written on the wrong case. The "
                                       "contact is kept, marked as entered in error.",
                               .value = std::string(reason),
                               .error = identity::FieldError(problem, "reason"),
                               .rows = 3}),
       govuk::Button(
           {.text = "Mark as entered in error", .variant = govuk::ButtonVariant::kWarning})});
  Node content =
      El("div")
          .Class("govuk-grid-row")
          .Add(El("div")
                   .Class("govuk-grid-column-two-thirds")
                   .Add({
                       identity::ErrorSummaryFor(problem),
                       Caption(view.case_info.reference),
                       identity::Heading(title),
                       identity::Paragraph(std::string(Label(view.contact.details.type)) + ", " +
                                           WhenText(view.contact.details)),
                       std::move(form),
                   }));
  return identity::RenderPage(ctx, {.title = identity::pages::TitleFor(title, problem),
                                    .content = std::move(content),
                                    .before = govuk::BackLink({.href = path}),
                                    .active_nav = std::string(cases::pages::kNav),
                                    .status = status});
}

http::Response ShowErrorForm(PageContext& ctx, ContactService& contacts) {
  auto view = contacts.Get(ctx.actor(), ctx.request.Capture("id"), ctx.request.Capture("cid"),
                           ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  if (!view->case_info.access.can_edit) {
    return cases::pages::ProblemResponse(ctx, Problem::Forbidden());
  }
  if (view->contact.entered_in_error) {
    return cases::pages::ProblemResponse(ctx, Problem::Conflict(std::string(kAlreadyInError)));
  }
  return RenderErrorForm(ctx, *view, "", view->contact.version, std::nullopt, 200);
}

http::Response SaveErrorMark(PageContext& ctx, ContactService& contacts) {
  std::string id(ctx.request.Capture("id"));
  std::string cid(ctx.request.Capture("cid"));
  auto form = identity::pages::ReadForm(ctx);
  std::optional<int64_t> version;
  if (form) version = identity::pages::ParseVersion(form->GetOr("version"));
  std::string reason = form ? std::string(form->GetOr("reason")) : "";
  if (!form || !version) {
    return cases::pages::ProblemResponse(
        ctx, Problem{ProblemKind::kInvalid, "The form was incomplete. Try again.", {}});
  }
  auto marked = contacts.MarkEnteredInError(ctx.actor(), id, cid, reason, *version, ctx.origin());
  if (marked) return http::Response::Redirect(ContactPath(id, cid) + "?updated=1");
  if (marked.error().kind != ProblemKind::kInvalid) {
    return cases::pages::ProblemResponse(ctx, marked.error());
  }
  auto view = contacts.Get(ctx.actor(), id, cid, ctx.origin());
  if (!view) return cases::pages::ProblemResponse(ctx, view.error());
  return RenderErrorForm(ctx, *view, reason, *version, marked.error(), 400);
}

}  // namespace

void AddContactViewPages(identity::WebRoutes& routes, ContactService& contacts) {
  routes.Page("GET", "/cases/{id:id}/contacts/{cid:id}", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return ShowContact(ctx, contacts); });
  routes.Page("GET", "/cases/{id:id}/contacts/{cid:id}/entered-in-error",
              identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return ShowErrorForm(ctx, contacts); });
  routes.Page("POST", "/cases/{id:id}/contacts/{cid:id}/entered-in-error",
              identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return SaveErrorMark(ctx, contacts); });
}

}  // namespace waymark::contacts::pages
