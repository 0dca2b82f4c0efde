// GOV.UK Frontend content components: summary list (and card), table, tag, notification
// banner, panel. Pure functions returning nodes; `Node` fields take any builder content
// (use html::Text("...") for plain text), string fields are escaped text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/html/node.hpp"

namespace waymark::html::govuk {

struct SummaryAction {
  std::string text{};  // "Change"
  std::string href{};
  std::string visually_hidden_text{};  // "name", read as "Change name"
  std::string classes{};
};

struct SummaryRow {
  std::string key{};
  Node value{};
  std::vector<SummaryAction> actions{};
  std::string classes{};
  std::string key_classes{};
  std::string value_classes{};
  std::string actions_classes{};
};

struct SummaryCard {
  std::string title{};
  int heading_level = 2;
  std::vector<SummaryAction> actions{};
  std::string classes{};
};

struct SummaryListOptions {
  std::vector<SummaryRow> rows{};
  std::string classes{};              // "govuk-summary-list--no-border"
  std::optional<SummaryCard> card{};  // wraps the list in a summary card
};
Node SummaryList(SummaryListOptions options);

struct TableCell {
  Node content{};
  std::string format{};  // "numeric"
  std::string classes{};
  int colspan = 0;
  int rowspan = 0;
};

struct TableOptions {
  std::string caption{};
  std::string caption_classes{};  // "govuk-table__caption--m"
  std::vector<TableCell> head{};
  std::vector<std::vector<TableCell>> rows{};
  bool first_cell_is_header = false;
  std::string classes{};
};
Node Table(TableOptions options);

struct TagOptions {
  std::string text{};
  std::string classes{};  // colour: "govuk-tag--grey", "govuk-tag--green", ...
};
Node Tag(const TagOptions& options);

struct NotificationBannerOptions {
  // A single heading-styled paragraph; used when `content` is empty.
  std::string text{};
  Node content{};
  bool success = false;    // green, role="alert", title "Success"
  std::string title{};     // defaults to "Important" or "Success"
  std::string title_id{};  // defaults to "govuk-notification-banner-title"
  int title_heading_level = 2;
  std::string role{};  // overrides the default role
  std::optional<bool> disable_auto_focus{};
  std::string classes{};
};
Node NotificationBanner(NotificationBannerOptions options);

struct PanelOptions {
  std::string title{};
  std::string text{};  // used when `content` is empty
  Node content{};
  int heading_level = 1;
  std::string classes{};
};
Node Panel(PanelOptions options);

}  // namespace waymark::html::govuk
