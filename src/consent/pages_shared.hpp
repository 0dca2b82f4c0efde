// Pieces the consent and disclosure page files share. Internal to src/consent/pages*.cpp.
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/pages_form.hpp"
#include "consent/service.hpp"
#include "identity/web.hpp"
#include "platform/html/node.hpp"
#include "platform/http/forms.hpp"
#include "platform/http/response.hpp"

namespace waymark::consent::pages {

void AddConsentListPages(identity::WebRoutes& routes, ConsentService& consent);
void AddConsentFormPages(identity::WebRoutes& routes, ConsentService& consent);
void AddWithdrawPages(identity::WebRoutes& routes, ConsentService& consent);
void AddDisclosurePages(identity::WebRoutes& routes, ConsentService& consent);

std::string ConsentPath(std::string_view case_id);      // "/cases/<id>/consent"
std::string DisclosuresPath(std::string_view case_id);  // "/cases/<id>/disclosures"

// What the consent is about, as a title: "Support", "Sharing information with Red Cross",
// "Contact by text message".
std::string Describe(const Consent& consent);
// In force, Refused, Withdrawn, Expired, Superseded (by a later refusal), Not yet in force.
html::Node StatusTag(const ConsentRecord& record);
// "Albanian (sqi)", or the code when the vocabulary does not know it.
std::string LanguageText(std::string_view code);

// The three GOV.UK date boxes `name`-day, -month and -year as the pure rules' "YYYY-MM-DD";
// "" when all are empty, and text that is not a date when they do not make one (the rules then
// say it must be a real date).
std::string DateFromForm(const http::FormFields& form, std::string_view name);
// The boxes to show again for a value in that form.
cases::pages::DateParts DatePartsFrom(const http::FormFields& form, std::string_view name);

// A page inside the case: the reference as caption, the heading, a back link, the error
// summary for `problem`.
struct Frame {
  std::string title;
  std::string reference;
  std::string back;
  std::optional<Problem> problem{};
  int status = 200;
  std::string banner{};
};
http::Response RenderInCase(const identity::PageContext& ctx, const Frame& frame,
                            std::vector<html::Node> content);

// The case's consent records for a form that changes them: Conflict for a closed case,
// Forbidden for someone who may only read (break-glass).
Result<ConsentList> ListForChange(identity::PageContext& ctx, ConsentService& consent);

// The problem when a form's hidden fields are missing or damaged.
Problem IncompleteForm();

}  // namespace waymark::consent::pages
