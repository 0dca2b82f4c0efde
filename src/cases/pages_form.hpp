// GOV.UK Frontend form pieces the platform's component set lacks, built from html::El with
// GOV.UK Frontend's own classes and markup: date input, textarea, select, task list, a GET form
// and block pagination. Text is always added as text, never as markup.
// Thread safety: pure functions returning nodes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/html/node.hpp"

namespace waymark::cases::pages {

// <h2 class="govuk-heading-m">.
html::Node SubHeading(std::string_view text);

struct DateParts {
  std::string day{};
  std::string month{};
  std::string year{};
};

// The three inputs are named `name`-day, `name`-month and `name`-year. The day input carries
// the id `name` itself, so an error summary link "#name" lands on the first box.
struct DateInputOptions {
  std::string name{};
  std::string legend{};
  std::string hint{};
  DateParts value{};
  std::string error{};
};
html::Node DateInput(const DateInputOptions& options);

struct TextareaOptions {
  std::string name{};
  std::string id{};  // defaults to name; set it when a page repeats the form
  std::string label{};
  std::string hint{};
  std::string value{};
  std::string error{};
  int rows = 5;
  bool spellcheck = true;
};
html::Node Textarea(const TextareaOptions& options);

struct SelectItem {
  std::string value{};
  std::string text{};
};
struct SelectOptions {
  std::string name{};  // also the id
  std::string label{};
  std::string hint{};
  std::vector<SelectItem> items{};
  std::string selected{};
  std::string error{};
};
html::Node Select(const SelectOptions& options);

// One row of a GOV.UK task list. Without `href` the task is shown but cannot be opened.
struct Task {
  std::string name{};
  std::string href{};
  std::string status{};  // "Completed", "Not started"
  bool completed = false;
  std::string hint{};  // a line under the name, such as what is due next
};
html::Node TaskList(const std::vector<Task>& tasks);

// <form method="get" novalidate>: for searches and filters, which change nothing and so carry
// no CSRF token.
html::Node GetForm(std::string_view action, std::vector<html::Node> body);

// GOV.UK block pagination with "Previous" and "Next" links; an empty href leaves the link out.
html::Node Pagination(std::string_view previous_href, std::string_view next_href);

}  // namespace waymark::cases::pages
