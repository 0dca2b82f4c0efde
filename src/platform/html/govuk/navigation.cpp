#include "platform/html/govuk/navigation.hpp"

namespace waymark::html::govuk {
namespace {

Node SignOutItem(const SignOutForm& s) {
  return El("li")
      .Class("govuk-header__navigation-item")
      .Add(El("form")
               .Class("waymark-header__form")
               .Attr("method", "post")
               .Attr("action", s.action)
               .Add({El("input")
                         .Attr("type", "hidden")
                         .Attr("name", s.csrf_field_name)
                         .Attr("value", s.csrf_token),
                     El("button")
                         .Attr("type", "submit")
                         .Class("govuk-header__link waymark-header__button")
                         .AddText(s.text)}));
}

}  // namespace

Node Header(const HeaderOptions& o) {
  Node content = El("div").Class("govuk-header__content");
  if (!o.service_name.empty()) {
    if (o.service_url.empty()) {
      content.Add(El("span").Class("govuk-header__service-name").AddText(o.service_name));
    } else {
      content.Add(El("a")
                      .Attr("href", o.service_url)
                      .Class("govuk-header__link govuk-header__service-name")
                      .AddText(o.service_name));
    }
  }
  if (!o.navigation.empty() || o.sign_out) {
    Node list = El("ul").Attr("id", "navigation").Class("govuk-header__navigation-list");
    for (const auto& item : o.navigation) {
      if (item.text.empty()) continue;
      Node li = El("li").Class("govuk-header__navigation-item");
      if (item.active) li.Class("govuk-header__navigation-item--active");
      if (item.href.empty()) {
        li.AddText(item.text);
      } else {
        li.Add(El("a").Class("govuk-header__link").Attr("href", item.href).AddText(item.text));
      }
      list.Add(std::move(li));
    }
    if (o.sign_out) list.Add(SignOutItem(*o.sign_out));
    content.Add(El("nav")
                    .Attr("aria-label",
                          o.navigation_label.empty() ? o.menu_button_text : o.navigation_label)
                    .Class("govuk-header__navigation")
                    .Class(o.navigation_classes)
                    .Add({El("button")
                              .Attr("type", "button")
                              .Class("govuk-header__menu-button govuk-js-header-toggle")
                              .Attr("aria-controls", "navigation")
                              .Flag("hidden")
                              .AddText(o.menu_button_text),
                          std::move(list)}));
  }
  Node container =
      El("div")
          .Class("govuk-header__container")
          .Class(o.container_classes.empty() ? "govuk-width-container" : o.container_classes);
  if (!o.service_name.empty() || !o.navigation.empty() || o.sign_out) {
    container.Add(std::move(content));
  }
  return El("header")
      .Class("govuk-header")
      .Class(o.classes)
      .Attr("data-module", "govuk-header")
      .Add(std::move(container));
}

Node Footer(const FooterOptions& o) {
  Node grow = El("div").Class("govuk-footer__meta-item govuk-footer__meta-item--grow");
  if (!o.meta_links.empty() || !o.meta_text.empty()) {
    grow.Add(El("h2").Class("govuk-visually-hidden").AddText(o.meta_visually_hidden_title));
    if (!o.meta_links.empty()) {
      Node list = El("ul").Class("govuk-footer__inline-list");
      for (const auto& item : o.meta_links) {
        list.Add(El("li")
                     .Class("govuk-footer__inline-list-item")
                     .Add(El("a")
                              .Class("govuk-footer__link")
                              .Attr("href", item.href)
                              .AddText(item.text)));
      }
      grow.Add(std::move(list));
    }
    if (!o.meta_text.empty()) {
      grow.Add(El("div").Class("govuk-footer__meta-custom").AddText(o.meta_text));
    }
  }
  return El("footer")
      .Class("govuk-footer")
      .Class(o.classes)
      .Add(El("div")
               .Class("govuk-width-container")
               .Class(o.container_classes)
               .Add(El("div").Class("govuk-footer__meta").Add(std::move(grow))));
}

Node SkipLink(const SkipLinkOptions& o) {
  return El("a")
      .Attr("href", o.href.empty() ? "#content" : o.href)
      .Class("govuk-skip-link")
      .Class(o.classes)
      .Attr("data-module", "govuk-skip-link")
      .AddText(o.text);
}

Node BackLink(const BackLinkOptions& o) {
  return El("a")
      .Attr("href", o.href.empty() ? "#" : o.href)
      .Class("govuk-back-link")
      .Class(o.classes)
      .AddText(o.text.empty() ? "Back" : o.text);
}

}  // namespace waymark::html::govuk
