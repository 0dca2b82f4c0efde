// Per-page cost of the HTML builder: a page shaped like the cases list (header with navigation,
// a search form, a table of 50 rows, footer), built with the same components and rendered to a
// string. Building and rendering are measured together and apart, since a page pays for both.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "platform/html/govuk/content.hpp"
#include "platform/html/govuk/forms.hpp"
#include "platform/html/govuk/page.hpp"

namespace {

using namespace waymark::html;

constexpr int kRows = 50;

Node ListTable() {
  govuk::TableOptions table{.caption = "Cases",
                            .caption_classes = "govuk-visually-hidden",
                            .head = {{.content = Text("Reference")},
                                     {.content = Text("Name")},
                                     {.content = Text("Date of birth or age")},
                                     {.content = Text("NRM stage")},
                                     {.content = Text("Risk")},
                                     {.content = Text("Status")}}};
  for (int i = 0; i < kRows; ++i) {
    std::string n = std::to_string(i);
    table.rows.push_back(
        {{.content = El("a").Class("govuk-link").Attr("href", "/cases/" + n).AddText("WM-" + n)},
         {.content = Text("Wei Zennaby-O'Neill " + n)},
         {.content = Text("27 March 1990")},
         {.content = Text("Recovery period")},
         {.content = Text("Medium")},
         {.content = govuk::Tag({.text = "Open"})}});
  }
  return govuk::Table(std::move(table));
}

govuk::PageOptions ListPage() {
  govuk::PageOptions page{.title = "Cases - Waymark"};
  page.header.service_name = "Waymark";
  page.header.service_url = "/";
  for (const char* item : {"Cases", "Tasks", "Inspections", "Your account"}) {
    page.header.navigation.push_back({.text = item, .href = "/x"});
  }
  page.header.sign_out = govuk::SignOutForm{
      .action = "/sign-out", .csrf_field_name = "csrf_token", .csrf_token = std::string(43, 'k')};
  page.footer.meta_links = {{.text = "Accessibility", .href = "/accessibility"},
                            {.text = "Privacy", .href = "/privacy"}};
  page.content = Fragment({
      El("h1").Class("govuk-heading-l").AddText("Cases"),
      govuk::Input({.name = "q",
                    .type = "search",
                    .label = {.text = "Search by case reference or name"},
                    .hint = "For example, WM-7K3Q-9D2F, a family name or a full name"}),
      El("p").Class("govuk-body").AddText("Showing 1 to 50 of 1,593 cases"),
      ListTable(),
  });
  return page;
}

void BM_BuildAndRenderListPage(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string html = govuk::RenderPage(ListPage());
    bytes += html.size();
    benchmark::DoNotOptimize(html);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_BuildAndRenderListPage);

void BM_BuildListPage(benchmark::State& state) {
  for (auto _ : state) {
    Node page = govuk::Page(ListPage());
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_BuildListPage);

void BM_RenderBuiltListPage(benchmark::State& state) {
  const Node page = govuk::Page(ListPage());
  for (auto _ : state) {
    std::string html = page.Render();
    benchmark::DoNotOptimize(html);
  }
}
BENCHMARK(BM_RenderBuiltListPage);

}  // namespace

BENCHMARK_MAIN();
