// GOV.UK Frontend navigation components: header, footer, skip link, back link.
// The header and footer are the generic, non-GOV.UK forms: no crown, no GOV.UK logotype,
// no licence or Crown copyright text. Pure functions returning nodes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/html/node.hpp"

namespace waymark::html::govuk {

struct NavigationItem {
  std::string text{};
  std::string href{};  // empty: rendered as plain text
  bool active = false;
};

// Signing out is a POST (so it carries the CSRF token); it is rendered as the last
// navigation item, a form whose button looks like a header link.
struct SignOutForm {
  std::string action{};  // e.g. "/sign-out"
  std::string csrf_field_name{};
  std::string csrf_token{};
  std::string text = "Sign out";
};

struct HeaderOptions {
  std::string service_name{};
  std::string service_url{};                 // empty: the name is not a link
  std::vector<NavigationItem> navigation{};  // e.g. cases, tasks, "Your account"
  std::optional<SignOutForm> sign_out{};
  std::string navigation_label{};  // aria-label of <nav>; defaults to menu_button_text
  std::string menu_button_text = "Menu";
  std::string navigation_classes{};  // "govuk-header__navigation--end" right-aligns the links
  std::string classes{};
  std::string container_classes{};  // defaults to "govuk-width-container"
};
Node Header(const HeaderOptions& options);

struct FooterOptions {
  std::vector<NavigationItem> meta_links{};  // e.g. accessibility, privacy, help
  std::string meta_text{};
  std::string meta_visually_hidden_title = "Support links";
  std::string classes{};
  std::string container_classes{};
};
Node Footer(const FooterOptions& options);

struct SkipLinkOptions {
  std::string text = "Skip to main content";
  std::string href = "#content";
  std::string classes{};
};
Node SkipLink(const SkipLinkOptions& options);

struct BackLinkOptions {
  std::string text = "Back";
  std::string href = "#";
  std::string classes{};
};
Node BackLink(const BackLinkOptions& options);

}  // namespace waymark::html::govuk
