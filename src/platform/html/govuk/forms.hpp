// GOV.UK Frontend form components: button, input, error message, error summary, fieldset.
// Each function is pure: it returns a node and keeps no state. Text is escaped; `classes`
// strings are extra CSS classes. The markup matches GOV.UK Frontend's own templates (checked
// against its fixtures.json in tests/platform/html).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/html/node.hpp"

namespace waymark::html::govuk {

enum class ButtonVariant { kPrimary, kSecondary, kWarning, kInverse };

struct ButtonOptions {
  std::string text{};
  // Non-empty: rendered as <a role="button"> (a link that looks like a button).
  std::string href{};
  ButtonVariant variant = ButtonVariant::kPrimary;
  std::string type{};  // for <button>: "submit" when empty
  std::string name{};
  std::string value{};
  std::string id{};
  bool disabled = false;
  bool is_start = false;  // the "Start now" button with an arrow
  // Sets data-prevent-double-click ("true"/"false") when given; GOV.UK Frontend's JS then
  // ignores a second click within a second.
  std::optional<bool> prevent_double_click{};
  std::string classes{};
  std::vector<Attribute> attributes{};
};
Node Button(const ButtonOptions& options);
// <div class="govuk-button-group">: spaces buttons and links placed side by side.
Node ButtonGroup(std::vector<Node> buttons);

struct ErrorMessageOptions {
  std::string text{};
  std::string id{};
  std::string classes{};
  // Read by screen readers before the message; empty removes it.
  std::string visually_hidden_text = "Error";
};
Node ErrorMessage(const ErrorMessageOptions& options);

struct LabelOptions {
  std::string text{};
  std::string classes{};         // e.g. "govuk-label--l"
  bool is_page_heading = false;  // wraps the label in <h1>
};

struct InputOptions {
  std::string id{};  // defaults to name
  std::string name{};
  std::string type{};  // "text" when empty
  LabelOptions label{};
  std::string hint{};
  std::string error_message{};  // non-empty marks the field as in error
  std::string value{};
  std::string autocomplete{};  // e.g. "username", "one-time-code", "off"
  std::optional<bool> spellcheck{};
  std::string autocapitalize{};
  std::string inputmode{};  // e.g. "numeric"
  std::string pattern{};
  std::string described_by{};  // extra ids for aria-describedby
  std::string prefix{};
  std::string suffix{};
  bool disabled = false;
  std::string classes{};  // e.g. "govuk-input--width-10"
  std::string form_group_classes{};
  std::vector<Attribute> attributes{};
};
Node Input(const InputOptions& options);

struct ErrorSummaryItem {
  std::string text{};
  std::string href{};  // "#field-id"; empty renders the text without a link
};

struct ErrorSummaryOptions {
  std::string title = "There is a problem";
  std::string description{};
  std::vector<ErrorSummaryItem> errors{};
  std::optional<bool> disable_auto_focus{};
  std::string classes{};
};
Node ErrorSummary(const ErrorSummaryOptions& options);

struct LegendOptions {
  std::string text{};
  std::string classes{};  // e.g. "govuk-fieldset__legend--l"
  bool is_page_heading = false;
};

struct FieldsetOptions {
  LegendOptions legend{};
  std::string described_by{};
  std::string role{};
  std::string classes{};
  Node content{};
};
Node Fieldset(FieldsetOptions options);

}  // namespace waymark::html::govuk
