#include "platform/html/node.hpp"

#include "platform/util/html_escape.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace waymark::html {
namespace {

constexpr std::array<std::string_view, 14> kVoidElements = {
    "area",  "base", "br",   "col",    "embed", "hr",  "img",
    "input", "link", "meta", "source", "track", "wbr", "param"};

bool IsVoid(std::string_view tag) {
  return std::find(kVoidElements.begin(), kVoidElements.end(), tag) != kVoidElements.end();
}

bool IsUrlAttribute(std::string_view name) {
  return name == "href" || name == "src" || name == "action" || name == "formaction" ||
         name == "xlink:href" || name == "poster" || name == "cite";
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Text content needs only &, < and > escaped; quotes are left readable.
void AppendEscapedText(std::string& out, std::string_view text) {
  size_t run = 0;  // start of the characters not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '&' && c != '<' && c != '>') continue;
    out.append(text.substr(run, i - run));
    out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;";
    run = i + 1;
  }
  out.append(text.substr(run));
}

}  // namespace

std::string EscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendEscapedText(out, text);
  return out;
}

std::string EscapeAttribute(std::string_view value) { return EscapeHtml(value); }

std::string SafeUrl(std::string_view url) {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"), so the
  // scheme is read with them removed.
  std::string scheme;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    if (c == '/' || c == '?' || c == '#') return std::string(url);  // relative: no scheme
    if (c == ':') {
      if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") {
        return std::string(url);
      }
      return "about:invalid#blocked";
    }
    scheme += Lower(c);
  }
  return std::string(url);
}

void Node::RequireElement() const {
  if (kind_ != Kind::kElement) throw std::logic_error("html: attribute or child on a non-element");
}

void Node::SetAttr(std::string_view name, std::string value, bool boolean) {
  RequireElement();
  if (IsUrlAttribute(name)) value = SafeUrl(value);
  for (auto& a : attributes_) {
    if (a.name == name) {
      a.value = std::move(value);
      a.boolean = boolean;
      return;
    }
  }
  attributes_.push_back(Attr_{name, std::move(value), boolean});
}

Node& Node::Attr(AttrName name, std::string_view value) & {
  SetAttr(name.view(), std::string(value), false);
  return *this;
}

Node& Node::AttrIf(AttrName name, std::string_view value) & {
  RequireElement();
  if (!value.empty()) SetAttr(name.view(), std::string(value), false);
  return *this;
}

Node& Node::Flag(AttrName name, bool on) & {
  RequireElement();
  if (on) SetAttr(name.view(), std::string(), true);
  return *this;
}

Node& Node::Class(std::string_view classes) & {
  RequireElement();
  if (classes.empty()) return *this;
  for (auto& a : attributes_) {
    if (a.name == "class") {
      if (!a.value.empty()) a.value += ' ';
      a.value += classes;
      return *this;
    }
  }
  attributes_.push_back(Attr_{"class", std::string(classes), false});
  return *this;
}

Node& Node::Attrs(const std::vector<Attribute>& attributes) & {
  for (const auto& a : attributes) Attr(a.name, a.value);
  return *this;
}

Node& Node::Add(Node child) & {
  if (kind_ != Kind::kFragment) {
    RequireElement();
    if (IsVoid(name_)) throw std::logic_error("html: child on a void element");
  }
  if (child.kind_ == Kind::kFragment) {
    for (auto& c : child.children_) children_.push_back(std::move(c));
  } else {
    children_.push_back(std::move(child));
  }
  return *this;
}

Node& Node::Add(std::vector<Node> children) & {
  for (auto& c : children) Add(std::move(c));
  return *this;
}

Node& Node::Add(std::initializer_list<Child> children) & {
  for (const auto& c : children) Add(c.Take());
  return *this;
}

Node& Node::AddText(std::string_view text) & { return Add(Text(text)); }

bool Node::empty() const { return kind_ == Kind::kFragment && children_.empty(); }

void Node::RenderTo(std::string& out) const {
  switch (kind_) {
    case Kind::kText:
      AppendEscapedText(out, text_);
      return;
    case Kind::kLiteral:
      out += name_;
      return;
    case Kind::kScript:
      out += "<script>";
      out += name_;
      out += "</script>";
      return;
    case Kind::kFragment:
      for (const auto& c : children_) c.RenderTo(out);
      return;
    case Kind::kElement:
      break;
  }
  out += '<';
  out += name_;
  for (const auto& a : attributes_) {
    out += ' ';
    out += a.name;
    if (a.boolean) continue;
    out += "=\"";
    AppendEscapedHtml(out, a.value);
    out += '"';
  }
  out += '>';
  if (IsVoid(name_)) return;
  for (const auto& c : children_) c.RenderTo(out);
  out += "</";
  out += name_;
  out += '>';
}

std::string Node::Render() const {
  std::string out;
  RenderTo(out);
  return out;
}

Node El(TagName tag) {
  Node n;
  n.kind_ = Node::Kind::kElement;
  n.name_ = tag.view();
  return n;
}

Node Text(std::string_view text) {
  Node n;
  n.kind_ = Node::Kind::kText;
  n.text_ = std::string(text);
  return n;
}

Node Trusted(Literal markup) {
  Node n;
  n.kind_ = Node::Kind::kLiteral;
  n.name_ = markup.view();
  return n;
}

Node Fragment(std::vector<Node> children) {
  Node n;
  n.Add(std::move(children));
  return n;
}

Node Fragment(std::initializer_list<Child> children) {
  Node n;
  n.Add(children);
  return n;
}

Node ScriptFile(std::string_view src) {
  Node n;
  n.kind_ = Node::Kind::kElement;
  n.name_ = "script";
  n.SetAttr("type", "module", false);
  n.SetAttr("src", std::string(src), false);
  return n;
}

Node InlineScript(Literal code) {
  Node n;
  n.kind_ = Node::Kind::kScript;
  n.name_ = code.view();
  return n;
}

}  // namespace waymark::html
