// The page frame every Waymark page shares: header navigation for the signed-in person's role,
// the sign-out form, the footer, and helpers for forms (CSRF field, error summary).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "identity/web.hpp"
#include "platform/html/govuk/components.hpp"
#include "platform/http/response.hpp"
#include "platform/util/problem.hpp"

namespace waymark::identity {

struct PageParts {
  std::string title;         // "Sign in": " - Waymark" is added
  html::Node content{};      // inside <main>
  html::Node before{};       // back link, banners
  std::string active_nav{};  // href of the navigation item to mark as current
  int status = 200;
};

http::Response RenderPage(const PageContext& ctx, PageParts parts);
// For answers given before anyone is known (404, 405): the frame without navigation.
http::Response RenderAnonymousPage(PageParts parts);

// <input type="hidden" name="csrf_token" value="...">
html::Node CsrfField(const PageContext& ctx);

// The GOV.UK error summary for a problem (empty when there is none); each field error links to
// the field's id.
html::Node ErrorSummaryFor(const std::optional<Problem>& problem);
// The message for `field`, or empty.
std::string FieldError(const std::optional<Problem>& problem, std::string_view field);

// An <h1 class="govuk-heading-l">.
html::Node Heading(std::string_view text);
html::Node Paragraph(std::string_view text);

// A <form method="post"> with the CSRF field and novalidate (the server validates).
html::Node PostForm(const PageContext& ctx, std::string_view action, std::vector<html::Node> body);

// Radio buttons in a fieldset (GOV.UK radios pattern).
struct RadioItem {
  std::string value;
  std::string label;
};
html::Node Radios(std::string_view name, std::string_view legend,
                  const std::vector<RadioItem>& items, std::string_view selected,
                  std::string_view error = {});

}  // namespace waymark::identity
