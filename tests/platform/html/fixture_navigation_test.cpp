// Golden tests: header, footer, skip link and back link against GOV.UK Frontend's fixtures.
// Our header and footer are the generic, non-GOV.UK forms, so the fixtures are compared with
// the GOV.UK-only parts removed: the header's logo block (crown, logotype, product name) and
// the footer's licence logo, licence text and Crown copyright. Not covered: header "with
// product name" (it lives in the logo block), "navigation item with html", navigation
// classes/attributes and menu button labels (not offered); footer navigation columns and
// "meta html" fixtures (not offered / raw markup); skip and back link "html".
#include <gtest/gtest.h>

#include "fixture_support.hpp"
#include "platform/html/govuk/navigation.hpp"

namespace waymark::html::govuk {
namespace {

using namespace waymark::html::testing;
namespace json = boost::json;

Node MapHeader(const json::object& o) {
  HeaderOptions h;
  h.service_name = Str(o, "serviceName");
  h.service_url = Str(o, "serviceUrl");
  for (const auto& i : Arr(o, "navigation")) {
    const auto& item = i.as_object();
    if (Has(item, "attributes")) throw Unmappable("item attributes");
    h.navigation.push_back(
        {.text = TextOf(item), .href = Str(item, "href"), .active = Bool(item, "active")});
  }
  h.navigation_label = Str(o, "navigationLabel");
  if (Has(o, "menuButtonText")) h.menu_button_text = Str(o, "menuButtonText");
  h.classes = Str(o, "classes");
  h.container_classes = Str(o, "containerClasses");
  h.navigation_classes = Str(o, "navigationClasses");
  if (Has(o, "menuButtonLabel") || Has(o, "attributes") || Has(o, "productName")) {
    throw Unmappable("header option we do not offer");
  }
  return Header(h);
}

bool HeaderLogo(const Token& t) { return t.Attribute("class") == "govuk-header__logo"; }

TEST(GovukFixtures, HeaderWithoutLogo) {
  CheckFixtures(
      "header",
      {"default", "with service name", "with service name but no service url", "with navigation",
       "with custom menu button text", "with service name and navigation", "with large navigation",
       "full width", "full width with navigation", "with full width border",
       "navigation item with text without link", "with St. Edward's Crown", "classes",
       "custom homepage url", "with custom navigation label", "navigation item with html as text",
       "empty navigation array"},
      MapHeader, HeaderLogo);
}

Node MapFooter(const json::object& o) {
  FooterOptions f;
  const auto& meta = Obj(o, "meta");
  for (const auto& i : Arr(meta, "items")) {
    const auto& item = i.as_object();
    if (Has(item, "attributes")) throw Unmappable("item attributes");
    f.meta_links.push_back({.text = Str(item, "text"), .href = Str(item, "href")});
  }
  f.meta_text = TextOf(meta);
  if (Has(meta, "visuallyHiddenTitle")) {
    f.meta_visually_hidden_title = Str(meta, "visuallyHiddenTitle");
  }
  f.classes = Str(o, "classes");
  f.container_classes = Str(o, "containerClasses");
  if (Has(o, "navigation") || Has(o, "attributes")) throw Unmappable("footer navigation");
  return Footer(f);
}

bool FooterGovukOnly(const Token& t) {
  const std::string c = t.Attribute("class");
  return c == "govuk-footer__licence-logo" || c == "govuk-footer__licence-description" ||
         c == "govuk-footer__meta-item";  // exactly: the Crown copyright block
}

TEST(GovukFixtures, FooterWithoutCrownOrLicence) {
  CheckFixtures("footer",
                {"default", "with no content licence",
                 "with custom text content licence and copyright notice", "with custom meta",
                 "with only custom meta", "with only meta links", "classes",
                 "with container classes", "with meta", "meta html as text"},
                MapFooter, FooterGovukOnly);
}

TEST(GovukFixtures, FooterStripRemovesOnlyGovukParts) {
  // Guards the strip predicate: the stripped fixture still has the meta links.
  Fixture f = LoadFixture("footer", "with only meta links");
  EXPECT_NE(ExpectedCanonical(f, FooterGovukOnly).find("govuk-footer__inline-list"),
            std::string::npos);
  EXPECT_EQ(ExpectedCanonical(f, FooterGovukOnly).find("Crown copyright"), std::string::npos);
}

TEST(GovukFixtures, SkipLink) {
  CheckFixtures(
      "skip-link",
      {"default", "no href", "custom href", "custom text", "html as text", "classes", "with focus"},
      [](const json::object& o) {
        if (Has(o, "attributes")) throw Unmappable("attributes");
        SkipLinkOptions s{.text = TextOf(o), .href = Str(o, "href"), .classes = Str(o, "classes")};
        return SkipLink(s);
      });
}

TEST(GovukFixtures, BackLink) {
  CheckFixtures(
      "back-link", {"default", "inverse", "classes", "html as text", "with custom text and link"},
      [](const json::object& o) {
        if (Has(o, "attributes")) throw Unmappable("attributes");
        return BackLink({.text = TextOf(o), .href = Str(o, "href"), .classes = Str(o, "classes")});
      });
}

}  // namespace
}  // namespace waymark::html::govuk
