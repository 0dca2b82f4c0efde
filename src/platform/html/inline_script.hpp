// The one inline script our pages carry: GOV.UK Frontend's body-class snippet, which marks
// the body `js-enabled` before first paint so components do not flash. The CSP allows it by
// hash; a test checks that text, the hash and GOV.UK Frontend's template.njk agree.
#pragma once

#include <string>
#include <vector>

#include "platform/html/literal.hpp"

namespace waymark::html {

inline constexpr Literal kBodyClassScript =
    "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' "
    "govuk-frontend-supported' : '');";

// CSP source expressions for every inline script we emit, e.g. "'sha256-...='", ready to
// join into `script-src 'self' ...`. Thread-safe.
const std::vector<std::string>& InlineScriptCspHashes();

// 'sha256-<base64>' of `text`; exposed so tests can recompute the hash of emitted text.
std::string CspSha256(std::string_view text);

}  // namespace waymark::html
