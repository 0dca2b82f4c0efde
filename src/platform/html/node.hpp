// The typed HTML builder: a tree of nodes rendered to a string.
//
// Text and attribute values are always escaped when rendered; URL attributes (href, src,
// action, formaction) are also checked so a `javascript:` URL cannot get in. The only
// unescaped content is a `Literal`, which must be a compile-time string from our own code.
// There is deliberately no function taking a runtime string as markup.
//
// A Node is a plain value: copyable, movable, not shared, not thread-safe while being built.
// Calling an element method on a text or fragment node is a programming error and throws
// std::logic_error.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "platform/html/literal.hpp"

namespace waymark::html {

// An attribute for the `attributes` field of component options.
struct Attribute {
  AttrName name;
  std::string value;
};

class Child;

class Node {
 public:
  // An empty fragment: renders nothing.
  Node() = default;

  // Element builders. Each has an rvalue overload so chains on temporaries move.
  // Sets (or replaces) an attribute.
  Node& Attr(AttrName name, std::string_view value) &;
  Node&& Attr(AttrName name, std::string_view value) && { return std::move(Attr(name, value)); }
  // Sets the attribute only when `value` is non-empty.
  Node& AttrIf(AttrName name, std::string_view value) &;
  Node&& AttrIf(AttrName name, std::string_view value) && { return std::move(AttrIf(name, value)); }
  // A boolean attribute (`disabled`, `hidden`): rendered as the bare name when `on`.
  Node& Flag(AttrName name, bool on = true) &;
  Node&& Flag(AttrName name, bool on = true) && { return std::move(Flag(name, on)); }
  // Appends space-separated classes to the `class` attribute; empty input is ignored.
  Node& Class(std::string_view classes) &;
  Node&& Class(std::string_view classes) && { return std::move(Class(classes)); }
  Node& Attrs(const std::vector<Attribute>& attributes) &;
  Node&& Attrs(const std::vector<Attribute>& attributes) && { return std::move(Attrs(attributes)); }
  Node& Add(Node child) &;
  Node&& Add(Node child) && { return std::move(Add(std::move(child))); }
  Node& Add(std::vector<Node> children) &;
  Node&& Add(std::vector<Node> children) && { return std::move(Add(std::move(children))); }
  Node& Add(std::initializer_list<Child> children) &;
  Node&& Add(std::initializer_list<Child> children) && { return std::move(Add(children)); }
  // Appends an escaped text child.
  Node& AddText(std::string_view text) &;
  Node&& AddText(std::string_view text) && { return std::move(AddText(text)); }

  // True for an empty fragment (nothing to render).
  bool empty() const;

  void RenderTo(std::string& out) const;
  std::string Render() const;

 private:
  enum class Kind : unsigned char { kFragment, kText, kLiteral, kElement, kScript };
  struct Attr_ {
    std::string_view name;
    std::string value;
    bool boolean = false;
  };

  friend Node El(TagName tag);
  friend Node Text(std::string_view text);
  friend Node Trusted(Literal markup);
  friend Node Fragment(std::vector<Node> children);
  friend Node Fragment(std::initializer_list<Child> children);
  friend Node ScriptFile(std::string_view src);
  friend Node InlineScript(Literal code);

  void RequireElement() const;
  void SetAttr(std::string_view name, std::string value, bool boolean);

  Kind kind_ = Kind::kFragment;
  std::string text_;       // kText: the unescaped text
  std::string_view name_;  // kElement: tag; kLiteral, kScript: the literal
  std::vector<Attr_> attributes_;
  std::vector<Node> children_;
};

// One element of a braced list of children, `Add({a, b})`. A std::initializer_list holds
// const elements, so a list of Nodes could only be copied, the whole subtree each time; this
// wrapper holds its Node mutable so Add and Fragment move it out instead.
class Child {
 public:
  Child(Node node) : node_(std::move(node)) {}  // NOLINT(google-explicit-constructor)
  Node Take() const { return std::move(node_); }

 private:
  mutable Node node_;
};

// An element, e.g. El("p").Class("govuk-body").AddText(name).
Node El(TagName tag);
// Text, escaped when rendered.
Node Text(std::string_view text);
// Our own compile-time markup, rendered unescaped (entities, a fixed snippet).
Node Trusted(Literal markup);
// Several nodes rendered one after the other.
Node Fragment(std::vector<Node> children);
Node Fragment(std::initializer_list<Child> children);
// <script type="module" src="..."></script>; the URL is checked like any href.
Node ScriptFile(std::string_view src);
// <script>code</script> for our own compile-time script text only.
Node InlineScript(Literal code);

// Escaping, exposed for tests and for callers building non-HTML text (e.g. headers).
std::string EscapeText(std::string_view text);
std::string EscapeAttribute(std::string_view value);
// Returns `url` unless it names a scheme other than http, https, mailto or tel, in which
// case it returns "about:invalid#blocked". Relative URLs pass.
std::string SafeUrl(std::string_view url);

}  // namespace waymark::html
