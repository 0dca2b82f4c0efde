// A case's contacts and notes, newest first, 25 a page, with links to record a contact and to
// the survivor's own account (for those who may read it). Restricted notes show as such to a
// break-glass reader, without their text.
#include <charconv>
#include <string>
#include <utility>
#include <vector>

#include "cases/pages_form.hpp"
#include "cases/pages_shared.hpp"
#include "contacts/pages.hpp"
#include "identity/admin_pages.hpp"
#include "identity/layout.hpp"
#include "platform/html/govuk/components.hpp"

namespace waymark::contacts::pages {

namespace {

namespace govuk = html::govuk;
using cases::pages::Caption;
using html::El;
using html::Node;
using html::Text;
using identity::PageContext;

// The start of a note for the list, cut at a character boundary.
std::string Excerpt(std::string_view text, size_t max_bytes = 160) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

Node NotesCell(const Contact& c) {
  std::vector<Node> parts;
  if (c.entered_in_error) {
    parts.push_back(govuk::Tag({.text = "Entered in error", .classes = "govuk-tag--red"}));
    parts.push_back(Text(" "));
  }
  if (c.text_hidden || c.details.notes.empty()) {
    parts.push_back(NotesText(c));
  } else {
    parts.push_back(Text(Excerpt(c.details.notes)));
  }
  return html::Fragment(std::move(parts));
}

std::string WithText(const ContactDetails& d) {
  return d.with == ContactWith::kSurvivor ? "Survivor" : "Another agency";
}

Node ContactsTable(const ContactPage& page) {
  govuk::TableOptions table{.caption = "Contacts and notes, newest first",
                            .caption_classes = "govuk-visually-hidden",
                            .head = {{.content = Text("Date")},
                                     {.content = Text("Type")},
                                     {.content = Text("With")},
                                     {.content = Text("Notes")}}};
  for (const auto& c : page.contacts) {
    table.rows.push_back(
        {{.content = identity::pages::Link(WhenText(c.details), ContactPath(c.case_id, c.id))},
         {.content = Text(std::string(Label(c.details.type)))},
         {.content = Text(WithText(c.details))},
         {.content = NotesCell(c)}});
  }
  return govuk::Table(std::move(table));
}

int ParsePage(std::string_view text) {
  int page = 1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), page);
  if (error != std::errc() || end != text.data() + text.size() || page < 1) return 1;
  return page;
}

http::Response ShowList(PageContext& ctx, ContactService& contacts) {
  std::string id(ctx.request.Capture("id"));
  int wanted = ParsePage(ctx.request.query.GetOr("page", "1"));
  auto page = contacts.List(ctx.actor(), id, wanted, ctx.origin());
  if (!page) return cases::pages::ProblemResponse(ctx, page.error());
  const CaseContext& info = page->case_info;
  std::vector<Node> content{Caption(info.reference), identity::Heading("Contacts and notes")};
  if (ctx.request.query.GetOr("recorded") == "1") {
    content.insert(content.begin(), identity::pages::SuccessBanner("Contact recorded"));
  }
  std::vector<Node> buttons;
  if (info.access.can_edit && info.open) {
    buttons.push_back(
        govuk::Button({.text = "Record a contact", .href = ContactsPath(id) + "/new"}));
  }
  if (info.access.can_see_restricted) {
    buttons.push_back(govuk::Button({.text = "The survivor's own account",
                                     .href = cases::pages::CasePath(id) + "/own-account",
                                     .variant = govuk::ButtonVariant::kSecondary}));
  }
  if (!buttons.empty()) content.push_back(govuk::ButtonGroup(std::move(buttons)));
  if (page->contacts.empty()) {
    content.push_back(identity::Paragraph("No contacts have been recorded yet."));
  } else {
    content.push_back(identity::Paragraph(
        std::to_string(page->total) + (page->total == 1 ? " contact" : " contacts") + ", page " +
        std::to_string(page->page) + " of " + std::to_string(page->pages) + "."));
    content.push_back(ContactsTable(*page));
    std::string previous =
        page->page > 1 ? ContactsPath(id) + "?page=" + std::to_string(page->page - 1) : "";
    std::string next = page->page < page->pages
                           ? ContactsPath(id) + "?page=" + std::to_string(page->page + 1)
                           : "";
    content.push_back(cases::pages::Pagination(previous, next));
  }
  return identity::RenderPage(ctx, {.title = "Contacts and notes",
                                    .content = html::Fragment(std::move(content)),
                                    .before = govuk::BackLink({.href = cases::pages::CasePath(id)}),
                                    .active_nav = std::string(cases::pages::kNav)});
}

}  // namespace

void AddListPages(identity::WebRoutes& routes, ContactService& contacts) {
  routes.Page("GET", "/cases/{id:id}/contacts", identity::Action::kCaseList,
              [&contacts](PageContext& ctx) { return ShowList(ctx, contacts); });
}

}  // namespace waymark::contacts::pages
