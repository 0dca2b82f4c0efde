#include "identity/admin_pages.hpp"

#include <charconv>
#include <stdexcept>

#include "identity/layout.hpp"

namespace waymark::identity {

void AddAdminPages(WebRoutes& routes, AdminService& admin) {
  pages::AddOrganisationPages(routes, admin);
  pages::AddUserPages(routes, admin);
}

namespace pages {

namespace govuk = html::govuk;
using html::El;
using html::Node;

http::Response ProblemPage(const PageContext& ctx, const Problem& problem) {
  switch (problem.kind) {
    case ProblemKind::kNotFound:
      return RenderPage(ctx, {.title = "Page not found",
                              .content = html::Fragment({
                                  Heading("Page not found"),
                                  Paragraph("If you typed the web address, check it is correct."),
                                  Paragraph("If you followed a link, the record may have been "
                                            "removed or you may not have access to it."),
                              }),
                              .status = 404});
    case ProblemKind::kForbidden:
      return RenderPage(ctx,
                        {.title = "You do not have permission to see this page",
                         .content = html::Fragment({
                             Heading("You do not have permission to see this page"),
                             Paragraph("If you think you need access, contact your administrator."),
                         }),
                         .status = 403});
    case ProblemKind::kUnauthenticated:
      return http::Response::Redirect("/sign-in");
    case ProblemKind::kTooManyRequests:
      return RenderPage(ctx, {.title = "Too many attempts",
                              .content = html::Fragment({
                                  Heading("Too many attempts"),
                                  Paragraph(problem.message),
                              }),
                              .status = 429});
    default:
      throw std::logic_error("unexpected problem on an administration page: " + problem.message);
  }
}

Node VersionField(int64_t version) {
  return El("input")
      .Attr("type", "hidden")
      .Attr("name", "version")
      .Attr("value", std::to_string(version));
}

std::optional<int64_t> ParseVersion(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

Result<http::FormFields> ReadForm(const PageContext& ctx) {
  auto form = ctx.request.Form();
  if (!form) return Fail(Problem{ProblemKind::kInvalid, form.error().message, {}});
  return form;
}

std::string TitleFor(std::string_view title, const std::optional<Problem>& problem) {
  return (problem ? "Error: " : "") + std::string(title);
}

Node SuccessBanner(std::string_view text) {
  if (text.empty()) return Node();
  return govuk::NotificationBanner({.text = std::string(text), .success = true});
}

Node Link(std::string_view text, std::string_view href) {
  return El("a").Class("govuk-link").Attr("href", href).AddText(text);
}

Node ColouredTag(std::string_view text, std::string_view colour_class) {
  return govuk::Tag({.text = std::string(text), .classes = std::string(colour_class)});
}

}  // namespace pages

}  // namespace waymark::identity
