// The page layout: GOV.UK Frontend's template.njk for Waymark (lang en-GB, viewport, theme
// colour, our favicon, stylesheet and scripts from the embedded assets, the js-enabled
// inline script, a skip link to #main-content, header, main, footer).
//
// Scripts are loaded as modules from /assets/ (no inline module), so the CSP needs 'self'
// plus InlineScriptCspHashes() only. Pure; thread-safe.
#pragma once

#include <string>

#include "platform/html/govuk/navigation.hpp"
#include "platform/html/node.hpp"

namespace waymark::html::govuk {

struct PageOptions {
  std::string title{};  // the whole <title>, e.g. "Case WM-7K3Q-9D2F - Waymark"
  std::string lang = "en-GB";
  std::string theme_color = "#0b0c0c";
  HeaderOptions header{};
  FooterOptions footer{};
  Node before_content{};  // inside the width container, before <main>: back link, banners
  Node content{};         // inside <main id="main-content">
  std::string main_classes{};
  std::string container_classes{};
};

// The <html> element.
Node Page(PageOptions options);
// "<!DOCTYPE html>" followed by Page(options), ready to send as text/html; charset=utf-8.
std::string RenderPage(PageOptions options);

}  // namespace waymark::html::govuk
