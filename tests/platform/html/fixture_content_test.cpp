// Golden tests: our content components against GOV.UK Frontend's own fixtures.json.
// Fixture `html` for Node-valued options (summary values, table cells, banner and panel
// bodies) is rebuilt with our builder (ContentOf). Not covered: summary-list "extreme" (a
// style attribute, which our API refuses), "translated", "key with html", "actions with
// html", "as a summary card with a html header" and "...extreme" (markup where we take
// text); tag "html"; panel "title html"; notification-banner "title as html"; all
// `attributes` options on rows, cells, cards and banners (not offered).
#include <gtest/gtest.h>

#include "fixture_support.hpp"
#include "platform/html/govuk/content.hpp"

namespace waymark::html::govuk {
namespace {

using namespace waymark::html::testing;
namespace json = boost::json;

std::vector<SummaryAction> MapActions(const json::object& actions) {
  std::vector<SummaryAction> out;
  for (const auto& a : Arr(actions, "items")) {
    const auto& o = a.as_object();
    if (Has(o, "attributes")) throw Unmappable("action attributes");
    out.push_back({.text = TextOf(o),
                   .href = Str(o, "href"),
                   .visually_hidden_text = Str(o, "visuallyHiddenText"),
                   .classes = Str(o, "classes")});
  }
  return out;
}

Node MapSummaryList(const json::object& o) {
  SummaryListOptions s;
  s.classes = Str(o, "classes");
  if (Has(o, "attributes")) throw Unmappable("attributes");
  for (const auto& r : Arr(o, "rows")) {
    if (!r.is_object()) continue;  // falsy rows are skipped by the template too
    const auto& row = r.as_object();
    const auto& key = Obj(row, "key");
    const auto& value = Obj(row, "value");
    const auto& actions = Obj(row, "actions");
    s.rows.push_back({.key = TextOf(key),
                      .value = ContentOf(value),
                      .actions = MapActions(actions),
                      .classes = Str(row, "classes"),
                      .key_classes = Str(key, "classes"),
                      .value_classes = Str(value, "classes"),
                      .actions_classes = Str(actions, "classes")});
  }
  if (Has(o, "card")) {
    const auto& card = Obj(o, "card");
    const auto& title = Obj(card, "title");
    if (Has(card, "attributes") || Has(Obj(card, "actions"), "classes") || Has(title, "classes")) {
      throw Unmappable("card extras");
    }
    s.card = SummaryCard{.title = TextOf(title),
                         .heading_level = Int(title, "headingLevel", 2),
                         .actions = MapActions(Obj(card, "actions")),
                         .classes = Str(card, "classes")};
  }
  return SummaryList(std::move(s));
}

TEST(GovukFixtures, SummaryList) {
  CheckFixtures("summary-list",
                {"default",
                 "with actions",
                 "no-border",
                 "no-border on last row",
                 "as a summary card with a text header",
                 "as a summary card with actions",
                 "as a summary card with actions plus summary list actions",
                 "with falsy values",
                 "key with classes",
                 "actions href",
                 "single action with anchor",
                 "classes on items",
                 "empty items array",
                 "rows with classes",
                 "summary card with custom classes",
                 "summary card with only 1 action",
                 "with some actions",
                 "value with html",
                 "overridden-widths",
                 "as a summary card with a custom header level"},
                MapSummaryList);
}

TableCell MapCell(const json::object& c) {
  if (Has(c, "attributes")) throw Unmappable("cell attributes");
  return TableCell{.content = ContentOf(c),
                   .format = Str(c, "format"),
                   .classes = Str(c, "classes"),
                   .colspan = Int(c, "colspan", 0),
                   .rowspan = Int(c, "rowspan", 0)};
}

Node MapTable(const json::object& o) {
  TableOptions t;
  t.caption = Str(o, "caption");
  t.caption_classes = Str(o, "captionClasses");
  for (const auto& h : Arr(o, "head")) t.head.push_back(MapCell(h.as_object()));
  for (const auto& r : Arr(o, "rows")) {
    if (!r.is_array()) continue;
    std::vector<TableCell> row;
    for (const auto& c : r.as_array()) row.push_back(MapCell(c.as_object()));
    t.rows.push_back(std::move(row));
  }
  t.first_cell_is_header = Bool(o, "firstCellIsHeader");
  t.classes = Str(o, "classes");
  if (Has(o, "attributes")) throw Unmappable("attributes");
  return Table(std::move(t));
}

TEST(GovukFixtures, Table) {
  CheckFixtures(
      "table",
      {"default", "with head", "with head and caption", "classes", "html as text", "html",
       "firstCellIsHeader with html", "head with classes", "head with rowspan and colspan",
       "with firstCellIsHeader true", "firstCellIsHeader with classes",
       "firstCellIsHeader with html as text", "firstCellIsHeader with rowspan and colspan",
       "with falsy items", "rows with classes", "rows with rowspan and colspan",
       "with small text modifier for tables with a lot of data"},
      MapTable);
}

Node MapTag(const json::object& o) {
  if (Has(o, "attributes")) throw Unmappable("attributes");
  return Tag({.text = TextOf(o), .classes = Str(o, "classes")});
}

TEST(GovukFixtures, Tag) {
  CheckFixtures("tag",
                {"default", "grey", "light blue", "turquoise", "green", "purple", "pink", "red",
                 "orange", "yellow", "html as text"},
                MapTag);
}

Node MapNotificationBanner(const json::object& o) {
  NotificationBannerOptions n;
  n.text = Str(o, "text");
  if (Has(o, "html")) n.content = ContentOf(o);
  n.success = Str(o, "type") == "success";
  n.title = TextOf(o, "titleText", "titleHtml");
  n.title_id = Str(o, "titleId");
  n.title_heading_level = Int(o, "titleHeadingLevel", 2);
  n.role = Str(o, "role");
  n.disable_auto_focus = OptBool(o, "disableAutoFocus");
  n.classes = Str(o, "classes");
  if (Has(o, "attributes")) throw Unmappable("attributes");
  return NotificationBanner(std::move(n));
}

TEST(GovukFixtures, NotificationBanner) {
  CheckFixtures(
      "notification-banner",
      {"default", "with type as success", "with long heading", "custom title", "title html as text",
       "custom title heading level", "custom title id", "custom title id with type as success",
       "with text as html", "with lots of content", "custom text", "html as text", "custom role",
       "classes", "with invalid type", "auto-focus disabled, with type as success",
       "auto-focus explicitly enabled, with type as success",
       "role=alert overridden to role=region, with type as success"},
      MapNotificationBanner);
}

Node MapPanel(const json::object& o) {
  PanelOptions p;
  p.title = TextOf(o, "titleText", "titleHtml");
  if (Has(o, "html")) {
    p.content = ContentOf(o);
  } else {
    p.text = Str(o, "text");
  }
  p.heading_level = Int(o, "headingLevel", 1);
  p.classes = Str(o, "classes");
  if (Has(o, "attributes")) throw Unmappable("attributes");
  return Panel(std::move(p));
}

TEST(GovukFixtures, Panel) {
  CheckFixtures("panel",
                {"default", "title html as text", "body html as text", "body html", "classes",
                 "title with no body text", "custom heading level"},
                MapPanel);
}

}  // namespace
}  // namespace waymark::html::govuk
