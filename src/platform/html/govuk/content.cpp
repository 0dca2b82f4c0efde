#include "platform/html/govuk/content.hpp"

#include <stdexcept>
#include <string>

namespace waymark::html::govuk {
namespace {

// Heading levels come from our code, not input, but are still checked: a tag name must be a
// literal.
Node Heading(int level) {
  switch (level) {
    case 1:
      return El("h1");
    case 2:
      return El("h2");
    case 3:
      return El("h3");
    case 4:
      return El("h4");
    case 5:
      return El("h5");
    case 6:
      return El("h6");
  }
  throw std::invalid_argument("heading level must be 1 to 6");
}

Node ActionLink(const SummaryAction& a, const std::string& card_title) {
  Node link = El("a").Class("govuk-link").Class(a.classes).Attr("href", a.href).AddText(a.text);
  if (a.visually_hidden_text.empty() && card_title.empty()) return link;
  std::string hidden;
  if (!a.visually_hidden_text.empty()) hidden += " " + a.visually_hidden_text;
  if (!card_title.empty()) hidden += " (" + card_title + ")";
  return std::move(link).Add(El("span").Class("govuk-visually-hidden").AddText(hidden));
}

Node Card(const SummaryCard& card, Node list) {
  Node title_wrapper = El("div").Class("govuk-summary-card__title-wrapper");
  if (!card.title.empty()) {
    title_wrapper.Add(
        Heading(card.heading_level).Class("govuk-summary-card__title").AddText(card.title));
  }
  if (card.actions.size() == 1) {
    title_wrapper.Add(El("div")
                          .Class("govuk-summary-card__actions")
                          .Add(ActionLink(card.actions[0], card.title)));
  } else if (!card.actions.empty()) {
    Node actions = El("ul").Class("govuk-summary-card__actions");
    for (const auto& a : card.actions) {
      actions.Add(El("li").Class("govuk-summary-card__action").Add(ActionLink(a, card.title)));
    }
    title_wrapper.Add(std::move(actions));
  }
  return El("div")
      .Class("govuk-summary-card")
      .Class(card.classes)
      .Add({std::move(title_wrapper),
            El("div").Class("govuk-summary-card__content").Add(std::move(list))});
}

Node FillCell(Node n, TableCell& cell) {
  n.Class(cell.classes);
  if (cell.colspan > 0) n.Attr("colspan", std::to_string(cell.colspan));
  if (cell.rowspan > 0) n.Attr("rowspan", std::to_string(cell.rowspan));
  return std::move(n).Add(std::move(cell.content));
}

}  // namespace

Node SummaryList(SummaryListOptions o) {
  const std::string card_title = o.card ? o.card->title : "";
  bool any_actions = false;
  for (const auto& row : o.rows) any_actions = any_actions || !row.actions.empty();

  Node list = El("dl").Class("govuk-summary-list").Class(o.classes);
  for (auto& row : o.rows) {
    Node r = El("div").Class("govuk-summary-list__row");
    if (any_actions && row.actions.empty()) r.Class("govuk-summary-list__row--no-actions");
    r.Class(row.classes);
    r.Add(El("dt").Class("govuk-summary-list__key").Class(row.key_classes).AddText(row.key));
    r.Add(El("dd")
              .Class("govuk-summary-list__value")
              .Class(row.value_classes)
              .Add(std::move(row.value)));
    if (row.actions.size() == 1) {
      r.Add(El("dd")
                .Class("govuk-summary-list__actions")
                .Class(row.actions_classes)
                .Add(ActionLink(row.actions[0], card_title)));
    } else if (!row.actions.empty()) {
      Node items = El("ul").Class("govuk-summary-list__actions-list");
      for (const auto& a : row.actions) {
        items.Add(
            El("li").Class("govuk-summary-list__actions-list-item").Add(ActionLink(a, card_title)));
      }
      r.Add(El("dd")
                .Class("govuk-summary-list__actions")
                .Class(row.actions_classes)
                .Add(std::move(items)));
    }
    list.Add(std::move(r));
  }
  if (!o.card) return list;
  return Card(*o.card, std::move(list));
}

Node Table(TableOptions o) {
  Node table = El("table").Class("govuk-table").Class(o.classes);
  if (!o.caption.empty()) {
    table.Add(
        El("caption").Class("govuk-table__caption").Class(o.caption_classes).AddText(o.caption));
  }
  if (!o.head.empty()) {
    Node row = El("tr").Class("govuk-table__row");
    for (auto& cell : o.head) {
      Node th = El("th").Attr("scope", "col").Class("govuk-table__header");
      if (!cell.format.empty()) th.Class("govuk-table__header--" + cell.format);
      row.Add(FillCell(std::move(th), cell));
    }
    table.Add(El("thead").Class("govuk-table__head").Add(std::move(row)));
  }
  Node body = El("tbody").Class("govuk-table__body");
  for (auto& cells : o.rows) {
    Node row = El("tr").Class("govuk-table__row");
    for (std::size_t i = 0; i < cells.size(); ++i) {
      auto& cell = cells[i];
      if (i == 0 && o.first_cell_is_header) {
        row.Add(FillCell(El("th").Attr("scope", "row").Class("govuk-table__header"), cell));
        continue;
      }
      Node td = El("td").Class("govuk-table__cell");
      if (!cell.format.empty()) td.Class("govuk-table__cell--" + cell.format);
      row.Add(FillCell(std::move(td), cell));
    }
    body.Add(std::move(row));
  }
  return std::move(table).Add(std::move(body));
}

Node Tag(const TagOptions& o) {
  return El("strong").Class("govuk-tag").Class(o.classes).AddText(o.text);
}

Node NotificationBanner(NotificationBannerOptions o) {
  const std::string title_id = o.title_id.empty() ? "govuk-notification-banner-title" : o.title_id;
  std::string title = o.title;
  if (title.empty()) title = o.success ? "Success" : "Important";
  std::string role = o.role;
  if (role.empty()) role = o.success ? "alert" : "region";

  Node banner = El("div").Class("govuk-notification-banner");
  if (o.success) banner.Class("govuk-notification-banner--success");
  banner.Class(o.classes)
      .Attr("role", role)
      .Attr("aria-labelledby", title_id)
      .Attr("data-module", "govuk-notification-banner");
  if (o.disable_auto_focus) {
    banner.Attr("data-disable-auto-focus", *o.disable_auto_focus ? "true" : "false");
  }
  Node content = El("div").Class("govuk-notification-banner__content");
  if (!o.content.empty()) {
    content.Add(std::move(o.content));
  } else if (!o.text.empty()) {
    content.Add(El("p").Class("govuk-notification-banner__heading").AddText(o.text));
  }
  return std::move(banner).Add({El("div")
                                    .Class("govuk-notification-banner__header")
                                    .Add(Heading(o.title_heading_level)
                                             .Class("govuk-notification-banner__title")
                                             .Attr("id", title_id)
                                             .AddText(title)),
                                std::move(content)});
}

Node Panel(PanelOptions o) {
  Node panel = El("div").Class("govuk-panel govuk-panel--confirmation").Class(o.classes);
  panel.Add(Heading(o.heading_level).Class("govuk-panel__title").AddText(o.title));
  if (!o.content.empty()) {
    panel.Add(El("div").Class("govuk-panel__body").Add(std::move(o.content)));
  } else if (!o.text.empty()) {
    panel.Add(El("div").Class("govuk-panel__body").AddText(o.text));
  }
  return panel;
}

}  // namespace waymark::html::govuk
