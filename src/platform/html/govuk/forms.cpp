#include "platform/html/govuk/forms.hpp"

namespace waymark::html::govuk {
namespace {

std::string_view VariantClass(ButtonVariant variant) {
  switch (variant) {
    case ButtonVariant::kPrimary:
      return "";
    case ButtonVariant::kSecondary:
      return "govuk-button--secondary";
    case ButtonVariant::kWarning:
      return "govuk-button--warning";
    case ButtonVariant::kInverse:
      return "govuk-button--inverse";
  }
  return "";
}

Node StartIcon() {
  return El("svg")
      .Attr("class", "govuk-button__start-icon")
      .Attr("xmlns", "http://www.w3.org/2000/svg")
      .Attr("width", "17.5")
      .Attr("height", "19")
      .Attr("viewBox", "0 0 33 40")
      .Attr("aria-hidden", "true")
      .Attr("focusable", "false")
      .Add(El("path").Attr("fill", "currentColor").Attr("d", "M0 0h13l20 20-20 20H0l20-20z"));
}

Node Label(const LabelOptions& options, std::string_view for_id) {
  if (options.text.empty()) return Node();
  Node label = El("label")
                   .Class("govuk-label")
                   .Class(options.classes)
                   .AttrIf("for", for_id)
                   .AddText(options.text);
  if (!options.is_page_heading) return label;
  return El("h1").Class("govuk-label-wrapper").Add(std::move(label));
}

Node Hint(std::string_view id, std::string_view text) {
  return El("div").AttrIf("id", id).Class("govuk-hint").AddText(text);
}

void AppendId(std::string& list, std::string_view id) {
  if (!list.empty()) list += ' ';
  list += id;
}

}  // namespace

Node Button(const ButtonOptions& o) {
  Node button = o.href.empty() ? El("button") : El("a");
  if (o.href.empty()) {
    button.AttrIf("value", o.value).Attr("type", o.type.empty() ? "submit" : o.type);
    button.AttrIf("name", o.name);
    if (o.disabled) button.Flag("disabled").Attr("aria-disabled", "true");
    if (o.prevent_double_click) {
      button.Attr("data-prevent-double-click", *o.prevent_double_click ? "true" : "false");
    }
  } else {
    button.Attr("href", o.href).Attr("role", "button").Attr("draggable", "false");
  }
  button.Class("govuk-button").Class(VariantClass(o.variant)).Class(o.classes);
  if (o.is_start) button.Class("govuk-button--start");
  button.Attr("data-module", "govuk-button").Attrs(o.attributes).AttrIf("id", o.id);
  button.AddText(o.text);
  if (o.is_start) button.Add(StartIcon());
  return button;
}

Node ButtonGroup(std::vector<Node> buttons) {
  return El("div").Class("govuk-button-group").Add(std::move(buttons));
}

Node ErrorMessage(const ErrorMessageOptions& o) {
  Node p = El("p").AttrIf("id", o.id).Class("govuk-error-message").Class(o.classes);
  if (!o.visually_hidden_text.empty()) {
    p.Add(El("span").Class("govuk-visually-hidden").AddText(o.visually_hidden_text + ":"));
    p.AddText(" ");
  }
  return std::move(p).AddText(o.text);
}

Node Input(const InputOptions& o) {
  const std::string id = o.id.empty() ? o.name : o.id;
  const bool error = !o.error_message.empty();
  std::string described_by = o.described_by;

  Node group = El("div").Class("govuk-form-group");
  if (error) group.Class("govuk-form-group--error");
  group.Class(o.form_group_classes);
  group.Add(Label(o.label, id));
  if (!o.hint.empty()) {
    AppendId(described_by, id + "-hint");
    group.Add(Hint(id + "-hint", o.hint));
  }
  if (error) {
    AppendId(described_by, id + "-error");
    group.Add(ErrorMessage({.text = o.error_message, .id = id + "-error"}));
  }

  Node input = El("input").Class("govuk-input").Class(o.classes);
  if (error) input.Class("govuk-input--error");
  input.Attr("id", id).Attr("name", o.name).Attr("type", o.type.empty() ? "text" : o.type);
  if (o.spellcheck) input.Attr("spellcheck", *o.spellcheck ? "true" : "false");
  input.AttrIf("value", o.value)
      .Flag("disabled", o.disabled)
      .AttrIf("aria-describedby", described_by)
      .AttrIf("autocomplete", o.autocomplete)
      .AttrIf("autocapitalize", o.autocapitalize)
      .AttrIf("pattern", o.pattern)
      .AttrIf("inputmode", o.inputmode)
      .Attrs(o.attributes);

  if (o.prefix.empty() && o.suffix.empty()) return std::move(group).Add(std::move(input));
  Node wrapper = El("div").Class("govuk-input__wrapper");
  if (!o.prefix.empty()) {
    wrapper.Add(
        El("div").Class("govuk-input__prefix").Attr("aria-hidden", "true").AddText(o.prefix));
  }
  wrapper.Add(std::move(input));
  if (!o.suffix.empty()) {
    wrapper.Add(
        El("div").Class("govuk-input__suffix").Attr("aria-hidden", "true").AddText(o.suffix));
  }
  return std::move(group).Add(std::move(wrapper));
}

Node ErrorSummary(const ErrorSummaryOptions& o) {
  Node body = El("div").Class("govuk-error-summary__body");
  if (!o.description.empty()) body.Add(El("p").AddText(o.description));
  if (!o.errors.empty()) {
    Node list = El("ul").Class("govuk-list govuk-error-summary__list");
    for (const auto& e : o.errors) {
      Node item = El("li");
      if (e.href.empty()) {
        item.AddText(e.text);
      } else {
        item.Add(El("a").Attr("href", e.href).AddText(e.text));
      }
      list.Add(std::move(item));
    }
    body.Add(std::move(list));
  }
  Node summary = El("div").Class("govuk-error-summary").Class(o.classes);
  if (o.disable_auto_focus) {
    summary.Attr("data-disable-auto-focus", *o.disable_auto_focus ? "true" : "false");
  }
  return std::move(summary)
      .Attr("data-module", "govuk-error-summary")
      .Add(El("div")
               .Attr("role", "alert")
               .Add({El("h2").Class("govuk-error-summary__title").AddText(o.title),
                     std::move(body)}));
}

Node Fieldset(FieldsetOptions o) {
  Node fieldset = El("fieldset")
                      .Class("govuk-fieldset")
                      .Class(o.classes)
                      .AttrIf("role", o.role)
                      .AttrIf("aria-describedby", o.described_by);
  if (!o.legend.text.empty()) {
    Node legend = El("legend").Class("govuk-fieldset__legend").Class(o.legend.classes);
    if (o.legend.is_page_heading) {
      legend.Add(El("h1").Class("govuk-fieldset__heading").AddText(o.legend.text));
    } else {
      legend.AddText(o.legend.text);
    }
    fieldset.Add(std::move(legend));
  }
  return std::move(fieldset).Add(std::move(o.content));
}

}  // namespace waymark::html::govuk
