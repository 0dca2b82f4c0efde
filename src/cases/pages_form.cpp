#include "cases/pages_form.hpp"

#include <utility>

#include "platform/html/govuk/components.hpp"

namespace waymark::cases::pages {

namespace {

namespace govuk = html::govuk;
using html::El;
using html::Node;

void AppendId(std::string& ids, const std::string& id) {
  if (!ids.empty()) ids += ' ';
  ids += id;
}

Node Hint(const std::string& id, std::string_view text) {
  return El("div").Class("govuk-hint").Attr("id", id).AddText(text);
}

Node Label(std::string_view text, std::string_view for_id) {
  return El("label").Class("govuk-label").Attr("for", for_id).AddText(text);
}

// The form group, label, hint and error message every single control shares; returns the
// aria-describedby ids through `described_by`.
Node FieldGroup(const std::string& id, std::string_view label, std::string_view hint,
                std::string_view error, std::string& described_by) {
  Node group = El("div").Class("govuk-form-group");
  if (!error.empty()) group.Class("govuk-form-group--error");
  group.Add(Label(label, id));
  if (!hint.empty()) {
    AppendId(described_by, id + "-hint");
    group.Add(Hint(id + "-hint", hint));
  }
  if (!error.empty()) {
    AppendId(described_by, id + "-error");
    group.Add(govuk::ErrorMessage({.text = std::string(error), .id = id + "-error"}));
  }
  return group;
}

Node DateItem(std::string_view label, const std::string& id, const std::string& name,
              std::string_view value, std::string_view width_class, bool error) {
  Node input = El("input")
                   .Class("govuk-input govuk-date-input__input")
                   .Class(width_class)
                   .Attr("id", id)
                   .Attr("name", name)
                   .Attr("type", "text")
                   .Attr("inputmode", "numeric")
                   .Attr("autocomplete", "off")
                   .AttrIf("value", value);
  if (error) input.Class("govuk-input--error");
  return El("div")
      .Class("govuk-date-input__item")
      .Add(El("div")
               .Class("govuk-form-group")
               .Add({
                   El("label")
                       .Class("govuk-label govuk-date-input__label")
                       .Attr("for", id)
                       .AddText(label),
                   std::move(input),
               }));
}

Node PaginationIcon(bool next) {
  Node svg = El("svg")
                 .Class(next ? "govuk-pagination__icon govuk-pagination__icon--next"
                             : "govuk-pagination__icon govuk-pagination__icon--prev")
                 .Attr("xmlns", "http://www.w3.org/2000/svg")
                 .Attr("height", "13")
                 .Attr("width", "15")
                 .Attr("aria-hidden", "true")
                 .Attr("focusable", "false")
                 .Attr("viewBox", "0 0 15 13");
  svg.Add(El("path").Attr(
      "d", next ? "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 "
                  "1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"
                : "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12."
                  "896v-2h-12.984l4.2931-4.293-1.414-1.414z"));
  return svg;
}

Node PaginationLink(std::string_view href, bool next) {
  Node title = El("span")
                   .Class("govuk-pagination__link-title govuk-pagination__link-title--decorated")
                   .AddText(next ? "Next" : "Previous")
                   .Add(El("span").Class("govuk-visually-hidden").AddText(" page"));
  Node link = El("a")
                  .Class("govuk-link govuk-pagination__link")
                  .Attr("href", href)
                  .Attr("rel", next ? "next" : "prev");
  if (next) {
    link.Add({std::move(title), PaginationIcon(true)});
  } else {
    link.Add({PaginationIcon(false), std::move(title)});
  }
  return El("div")
      .Class(next ? "govuk-pagination__next" : "govuk-pagination__prev")
      .Add(std::move(link));
}

}  // namespace

Node SubHeading(std::string_view text) { return El("h2").Class("govuk-heading-m").AddText(text); }

Node DateInput(const DateInputOptions& o) {
  const bool error = !o.error.empty();
  std::string described_by;
  Node group = El("div").Class("govuk-form-group");
  if (error) group.Class("govuk-form-group--error");
  Node fieldset = El("fieldset").Class("govuk-fieldset").Attr("role", "group");
  fieldset.Add(
      El("legend").Class("govuk-fieldset__legend govuk-fieldset__legend--s").AddText(o.legend));
  if (!o.hint.empty()) {
    AppendId(described_by, o.name + "-hint");
    fieldset.Add(Hint(o.name + "-hint", o.hint));
  }
  if (error) {
    AppendId(described_by, o.name + "-error");
    fieldset.Add(govuk::ErrorMessage({.text = o.error, .id = o.name + "-error"}));
  }
  fieldset.AttrIf("aria-describedby", described_by);
  fieldset.Add(
      El("div")
          .Class("govuk-date-input")
          .Attr("id", o.name + "-date-input")
          .Add({
              DateItem("Day", o.name, o.name + "-day", o.value.day, "govuk-input--width-2", error),
              DateItem("Month", o.name + "-month", o.name + "-month", o.value.month,
                       "govuk-input--width-2", error),
              DateItem("Year", o.name + "-year", o.name + "-year", o.value.year,
                       "govuk-input--width-4", error),
          }));
  return std::move(group).Add(std::move(fieldset));
}

Node Textarea(const TextareaOptions& o) {
  const std::string id = o.id.empty() ? o.name : o.id;
  std::string described_by;
  Node group = FieldGroup(id, o.label, o.hint, o.error, described_by);
  Node area = El("textarea")
                  .Class("govuk-textarea")
                  .Attr("id", id)
                  .Attr("name", o.name)
                  .Attr("rows", std::to_string(o.rows))
                  .Attr("autocomplete", "off")
                  .AttrIf("aria-describedby", described_by);
  if (!o.spellcheck) area.Attr("spellcheck", "false");
  if (!o.error.empty()) area.Class("govuk-textarea--error");
  // HTML drops one new line straight after <textarea>: start with one so a value that begins
  // with a new line keeps it.
  area.AddText("\n" + o.value);
  return std::move(group).Add(std::move(area));
}

Node Select(const SelectOptions& o) {
  std::string described_by;
  Node group = FieldGroup(o.name, o.label, o.hint, o.error, described_by);
  Node select = El("select")
                    .Class("govuk-select")
                    .Attr("id", o.name)
                    .Attr("name", o.name)
                    .AttrIf("aria-describedby", described_by);
  if (!o.error.empty()) select.Class("govuk-select--error");
  for (const auto& item : o.items) {
    select.Add(El("option")
                   .Attr("value", item.value)
                   .Flag("selected", item.value == o.selected)
                   .AddText(item.text));
  }
  return std::move(group).Add(std::move(select));
}

Node TaskList(const std::vector<Task>& tasks) {
  Node list = El("ul").Class("govuk-task-list");
  for (size_t i = 0; i < tasks.size(); ++i) {
    const Task& task = tasks[i];
    std::string status_id = "task-list-" + std::to_string(i + 1) + "-status";
    std::string hint_id = "task-list-" + std::to_string(i + 1) + "-hint";
    std::string described_by = task.hint.empty() ? status_id : hint_id + " " + status_id;
    Node item = El("li").Class("govuk-task-list__item");
    Node name = El("div").Class("govuk-task-list__name-and-hint");
    Node status = El("div").Class("govuk-task-list__status").Attr("id", status_id);
    if (task.href.empty()) {
      name.Add(El("div").AddText(task.name));
      if (!task.completed) status.Class("govuk-task-list__status--cannot-start-yet");
      status.AddText(task.status);
    } else {
      item.Class("govuk-task-list__item--with-link");
      name.Add(El("a")
                   .Class("govuk-link govuk-task-list__link")
                   .Attr("href", task.href)
                   .Attr("aria-describedby", described_by)
                   .AddText(task.name));
      if (task.completed) {
        status.AddText(task.status);
      } else {
        status.Add(govuk::Tag({.text = task.status, .classes = "govuk-tag--blue"}));
      }
    }
    if (!task.hint.empty()) {
      name.Add(El("div").Class("govuk-task-list__hint").Attr("id", hint_id).AddText(task.hint));
    }
    list.Add(std::move(item).Add({std::move(name), std::move(status)}));
  }
  return list;
}

Node GetForm(std::string_view action, std::vector<Node> body) {
  return El("form")
      .Attr("method", "get")
      .Attr("action", action)
      .Flag("novalidate")
      .Add(std::move(body));
}

Node Pagination(std::string_view previous_href, std::string_view next_href) {
  if (previous_href.empty() && next_href.empty()) return Node();
  Node nav =
      El("nav").Class("govuk-pagination govuk-pagination--block").Attr("aria-label", "Pagination");
  if (!previous_href.empty()) nav.Add(PaginationLink(previous_href, false));
  if (!next_href.empty()) nav.Add(PaginationLink(next_href, true));
  return nav;
}

}  // namespace waymark::cases::pages
