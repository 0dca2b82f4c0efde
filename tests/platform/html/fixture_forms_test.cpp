// Golden tests: our form components against GOV.UK Frontend's own fixtures.json.
// Not covered, because their options carry raw markup (`html` with tags), which our API has
// no way to accept: button "html"; input "with prefix with html", "with suffix with html",
// "with customised input wrapper" (beforeInput/afterInput html); error-message "html";
// error-summary "title html", "description html", "error list with html*"; fieldset "html",
// "html fieldset content". Also not covered: button `element: "input"` (we never render
// <input type=submit>), input prefix/suffix classes/attributes and label/hint attributes
// (options we do not offer).
#include <gtest/gtest.h>

#include "fixture_support.hpp"
#include "platform/html/govuk/forms.hpp"

namespace waymark::html::govuk {
namespace {

using namespace waymark::html::testing;
namespace json = boost::json;

Node MapButton(const json::object& o) {
  ButtonOptions b;
  b.text = TextOf(o);
  b.href = Str(o, "href");
  std::string element = Str(o, "element");
  if (element == "input") throw Unmappable("input buttons");
  if (element == "a" && b.href.empty()) b.href = "#";
  b.type = Str(o, "type");
  b.name = Str(o, "name");
  b.value = Str(o, "value");
  b.id = Str(o, "id");
  b.disabled = Bool(o, "disabled");
  b.is_start = Bool(o, "isStartButton");
  b.prevent_double_click = OptBool(o, "preventDoubleClick");
  b.classes = Str(o, "classes");
  b.attributes = Attrs(o);
  return Button(b);
}

TEST(GovukFixtures, Button) {
  CheckFixtures("button",
                {"default",
                 "disabled",
                 "link",
                 "start",
                 "secondary",
                 "warning",
                 "inverse",
                 "attributes",
                 "link attributes",
                 "classes",
                 "link classes",
                 "name",
                 "type",
                 "explicit link",
                 "no href",
                 "value",
                 "no type",
                 "no data-prevent-double-click",
                 "don't prevent double click",
                 "start link",
                 "prevent double click"},
                MapButton);
}

TEST(GovukFixtures, ButtonVariantsMatchTheirClasses) {
  // The enum must give the same markup as the fixture's classes.
  Fixture secondary = LoadFixture("button", "secondary");
  EXPECT_EQ(ExpectedCanonical(secondary), Canonical(Button({.text = "Secondary button",
                                                            .variant = ButtonVariant::kSecondary,
                                                            .name = "secondary"})
                                                        .Render()));
  Fixture warning = LoadFixture("button", "warning");
  EXPECT_EQ(
      ExpectedCanonical(warning),
      Canonical(
          Button({.text = "Warning button", .variant = ButtonVariant::kWarning, .name = "Warning"})
              .Render()));
}

Node MapErrorMessage(const json::object& o) {
  ErrorMessageOptions e;
  e.text = TextOf(o);
  e.id = Str(o, "id");
  e.classes = Str(o, "classes");
  if (Has(o, "attributes")) throw Unmappable("attributes");
  if (o.contains("visuallyHiddenText")) {
    const auto& v = o.at("visuallyHiddenText");
    e.visually_hidden_text = v.is_string() ? std::string(v.as_string()) : "";
  }
  return ErrorMessage(e);
}

TEST(GovukFixtures, ErrorMessage) {
  CheckFixtures("error-message",
                {"default", "id", "classes", "html as text", "with visually hidden text",
                 "visually hidden text removed"},
                MapErrorMessage);
}

Node MapInput(const json::object& o) {
  InputOptions in;
  in.id = Str(o, "id");
  in.name = Str(o, "name");
  in.type = Str(o, "type");
  const auto& label = Obj(o, "label");
  in.label = {.text = TextOf(label),
              .classes = Str(label, "classes"),
              .is_page_heading = Bool(label, "isPageHeading")};
  in.hint = TextOf(Obj(o, "hint"));
  in.error_message = TextOf(Obj(o, "errorMessage"));
  in.value = Str(o, "value");
  in.autocomplete = Str(o, "autocomplete");
  in.spellcheck = OptBool(o, "spellcheck");
  in.autocapitalize = Str(o, "autocapitalize");
  in.inputmode = Str(o, "inputmode");
  in.pattern = Str(o, "pattern");
  in.described_by = Str(o, "describedBy");
  in.prefix = TextOf(Obj(o, "prefix"));
  in.suffix = TextOf(Obj(o, "suffix"));
  in.disabled = Bool(o, "disabled");
  in.classes = Str(o, "classes");
  in.form_group_classes = Str(Obj(o, "formGroup"), "classes");
  in.attributes = Attrs(o);
  return Input(in);
}

TEST(GovukFixtures, Input) {
  CheckFixtures("input",
                {"default",
                 "with hint text",
                 "with error message",
                 "with error and hint",
                 "with width-2 class",
                 "with width-3 class",
                 "with width-4 class",
                 "with width-5 class",
                 "with width-10 class",
                 "with width-20 class",
                 "with width-30 class",
                 "with label as page heading",
                 "with prefix",
                 "with suffix",
                 "with prefix and suffix",
                 "with prefix and suffix and error",
                 "with prefix and suffix and width modifier",
                 "with extra letter spacing",
                 "classes",
                 "id",
                 "custom type",
                 "value",
                 "zero value",
                 "with describedBy",
                 "attributes",
                 "hint with describedBy",
                 "error with describedBy",
                 "with error, hint and describedBy",
                 "inputmode",
                 "with prefix with html as text",
                 "with suffix with html as text",
                 "with optional form-group classes",
                 "with autocomplete attribute",
                 "with pattern attribute",
                 "with spellcheck enabled",
                 "with spellcheck disabled",
                 "with autocapitalize turned off",
                 "disabled"},
                MapInput);
}

Node MapErrorSummary(const json::object& o) {
  ErrorSummaryOptions s;
  s.title = TextOf(o, "titleText", "titleHtml");
  s.description = TextOf(o, "descriptionText", "descriptionHtml");
  for (const auto& item : Arr(o, "errorList")) {
    s.errors.push_back({.text = TextOf(item.as_object()), .href = Str(item.as_object(), "href")});
    if (Has(item.as_object(), "attributes")) throw Unmappable("item attributes");
  }
  s.disable_auto_focus = OptBool(o, "disableAutoFocus");
  s.classes = Str(o, "classes");
  if (Has(o, "attributes")) throw Unmappable("attributes");
  return ErrorSummary(s);
}

TEST(GovukFixtures, ErrorSummary) {
  CheckFixtures(
      "error-summary",
      {"default", "without links", "mixed with and without links", "with description only",
       "with everything", "html as titleText", "description", "html as descriptionText", "classes",
       "error list with html as text", "autofocus disabled", "autofocus explicitly enabled"},
      MapErrorSummary);
}

Node MapFieldset(const json::object& o) {
  FieldsetOptions f;
  const auto& legend = Obj(o, "legend");
  f.legend = {.text = TextOf(legend),
              .classes = Str(legend, "classes"),
              .is_page_heading = Bool(legend, "isPageHeading")};
  f.described_by = Str(o, "describedBy");
  f.role = Str(o, "role");
  f.classes = Str(o, "classes");
  if (Has(o, "html") || Has(o, "attributes")) throw Unmappable("html content");
  return Fieldset(std::move(f));
}

TEST(GovukFixtures, Fieldset) {
  CheckFixtures("fieldset",
                {"default", "styled as xl text", "styled as large text", "styled as medium text",
                 "styled as small text", "as page heading xl", "as page heading l",
                 "as page heading m", "as page heading s", "as page heading without class",
                 "with describedBy", "html as text", "legend classes", "classes", "role"},
                MapFieldset);
}

TEST(GovukFixtures, MissingFixtureFailsLoudly) {
  EXPECT_THROW(LoadFixture("button", "no such fixture"), std::runtime_error);
  EXPECT_THROW(LoadFixture("no-such-component", "default"), std::runtime_error);
}

}  // namespace
}  // namespace waymark::html::govuk
