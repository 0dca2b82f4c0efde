#include "platform/html/govuk/page.hpp"

#include "platform/assets/assets.hpp"
#include "platform/html/inline_script.hpp"

namespace waymark::html::govuk {

Node Page(PageOptions o) {
  using assets::AssetUrl;
  Node head = El("head").Add({
      El("meta").Attr("charset", "utf-8"),
      El("title").AddText(o.title),
      El("meta")
          .Attr("name", "viewport")
          .Attr("content", "width=device-width, initial-scale=1, viewport-fit=cover"),
      El("meta").Attr("name", "theme-color").Attr("content", o.theme_color),
      El("link")
          .Attr("rel", "icon")
          .Attr("sizes", "any")
          .Attr("href", AssetUrl("favicon.svg"))
          .Attr("type", "image/svg+xml"),
      El("link").Attr("rel", "stylesheet").Attr("href", AssetUrl("waymark.css")),
      // init.js imports GOV.UK Frontend; preloading avoids a second round trip.
      El("link").Attr("rel", "modulepreload").Attr("href", AssetUrl("govuk-frontend.min.js")),
  });

  Node body = El("body").Class("govuk-template__body");
  body.Add(InlineScript(kBodyClassScript));
  body.Add(SkipLink({.text = "Skip to main content", .href = "#main-content"}));
  body.Add(Header(o.header));
  body.Add(El("div")
               .Class("govuk-width-container")
               .Class(o.container_classes)
               .Add({std::move(o.before_content), El("main")
                                                      .Class("govuk-main-wrapper")
                                                      .Class(o.main_classes)
                                                      .Attr("id", "main-content")
                                                      .Add(std::move(o.content))}));
  body.Add(Footer(o.footer));
  body.Add(ScriptFile(AssetUrl("init.js")));

  return El("html")
      .Attr("lang", o.lang)
      .Class("govuk-template")
      .Add({std::move(head), std::move(body)});
}

std::string RenderPage(PageOptions options) {
  std::string out;
  out.reserve(32 * 1024);  // most pages fit, so the buffer grows once or never
  out = "<!DOCTYPE html>\n";
  Page(std::move(options)).RenderTo(out);
  return out;
}

}  // namespace waymark::html::govuk
