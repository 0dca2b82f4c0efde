#include "cases/pages.hpp"

#include <cctype>
#include <utility>

#include "cases/pages_shared.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"
#include "vocabulary/countries.hpp"
#include "vocabulary/htcds.hpp"
#include "vocabulary/languages.hpp"
#include "vocabulary/uk_extensions.hpp"

namespace waymark::cases {

void AddCasePages(identity::WebRoutes& routes, CaseService& cases, ListFilterChoices choices) {
  pages::AddListPages(routes, cases, std::move(choices));
  pages::AddDetailsPages(routes, cases);
  pages::AddOverviewPages(routes, cases);
  pages::AddWorkerPages(routes, cases);
  pages::AddHistoryPages(routes, cases);
  pages::AddBreakGlassPages(routes, cases);
}

namespace pages {

namespace {

using html::El;
using html::Node;

// "not_referred" -> "Not referred": codes kept by features whose labels live elsewhere.
std::string Words(std::string_view code) {
  std::string out(code);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string JoinNames(const std::vector<std::string>& codes,
                      std::string_view (*name_of)(std::string_view)) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += ", ";
    std::string_view name = name_of(code);
    out += name.empty() ? std::string_view(code) : name;
  }
  return out;
}

http::Response MessagePage(const identity::PageContext& ctx, std::string_view title,
                           std::string_view message, int status) {
  return identity::RenderPage(
      ctx, {.title = std::string(title),
            .content = html::Fragment(
                {identity::Heading(title), identity::Paragraph(message),
                 El("p").Class("govuk-body").Add(identity::pages::Link("Go to your cases", kNav))}),
            .active_nav = std::string(kNav),
            .status = status});
}

}  // namespace

std::string CasePath(std::string_view id) { return "/cases/" + std::string(id); }

http::Response ProblemResponse(const identity::PageContext& ctx, const Problem& problem) {
  switch (problem.kind) {
    case ProblemKind::kConflict:
      return MessagePage(ctx, "This change could not be made", problem.message, 409);
    case ProblemKind::kInvalid: {
      std::string message =
          problem.fields.empty() ? problem.message : problem.fields.front().message;
      return MessagePage(ctx, "There is a problem", message, 400);
    }
    case ProblemKind::kUnavailable:
      return MessagePage(ctx, "Sorry, there is a problem with the service",
                         "Try again later. Nothing you did has been saved.", 503);
    default:
      return identity::pages::ProblemPage(ctx, problem);
  }
}

Node StatusTag(CaseStatus status) {
  return status == CaseStatus::kOpen ? identity::pages::ColouredTag("Open", "govuk-tag--green")
                                     : identity::pages::ColouredTag("Closed", "govuk-tag--grey");
}

std::string NrmStageLabel(std::string_view code) {
  return code.empty() ? "Not referred" : Words(code);
}

std::string RiskLabel(std::string_view code) { return code.empty() ? "Not assessed" : Words(code); }

std::string ClosureReasonLabel(std::string_view code) {
  std::string_view label = vocabulary::TermLabel(vocabulary::UkVocabulary::kClosureReason, code);
  return label.empty() ? Words(code) : std::string(label);
}

std::string DateOfBirthText(const PersonalDetails& personal) {
  if (personal.date_of_birth) return FormatDateForPeople(*personal.date_of_birth);
  if (personal.estimated_age) return "Estimated age " + std::to_string(*personal.estimated_age);
  return "Not known";
}

std::vector<DetailLine> DescribeDetails(const PersonalDetails& p, const ClearDetails& c) {
  std::string other_names;
  for (const auto& name : p.other_names) {
    if (!other_names.empty()) other_names += '\n';
    other_names += name;
  }
  std::string interpreter = "Not needed";
  if (c.interpreter_needed) {
    interpreter = "Needed";
    std::string_view preference = LabelFor(InterpreterGenders(), c.interpreter_gender);
    if (!preference.empty()) interpreter += ": " + std::string(preference);
  }
  std::string_view gender = vocabulary::TermLabel(vocabulary::Vocabulary::kGender, c.gender);
  return {
      {"Name", p.FullName()},
      {"Other names", other_names},
      {"Date of birth", DateOfBirthText(p)},
      {"Gender", c.gender.empty() ? "" : std::string(gender.empty() ? c.gender : gender)},
      {"Safe way to contact", std::string(LabelFor(SafeContactMethods(), p.safe_contact_method))},
      {"Safe times to contact", p.safe_contact_times},
      {"Phone number", p.phone},
      {"Email address", p.email},
      {"Address", p.address},
      {"Nationality", JoinNames(c.nationalities, vocabulary::CountryName)},
      {"Languages", JoinNames(c.languages, vocabulary::LanguageName)},
      {"Dialect", c.dialect},
      {"Interpreter", interpreter},
  };
}

Node MultilineText(std::string_view text) {
  std::vector<Node> parts;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    parts.push_back(html::Text(text.substr(start, end - start)));
    if (end == std::string_view::npos) break;
    parts.push_back(El("br"));
    start = end + 1;
  }
  return html::Fragment(std::move(parts));
}

Node Caption(std::string_view text) { return El("span").Class("govuk-caption-l").AddText(text); }

}  // namespace pages

}  // namespace waymark::cases
