#include "fixture_support.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace waymark::html::testing {
namespace json = boost::json;

namespace {

const json::value* Find(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

}  // namespace

Fixture LoadFixture(const std::string& component, const std::string& name) {
  static std::map<std::string, json::value> cache;
  auto it = cache.find(component);
  if (it == cache.end()) {
    const std::string path =
        std::string(WAYMARK_GOVUK_DIR) + "/components/" + component + "/fixtures.json";
    std::ifstream in(path);
    if (!in) {
      throw std::runtime_error("missing " + path + ": run scripts/install-deps (npm ci in web/)");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    it = cache.emplace(component, json::parse(buffer.str())).first;
  }
  for (const auto& f : it->second.as_object().at("fixtures").as_array()) {
    if (f.as_object().at("name").as_string() == name) {
      return Fixture{f.as_object().at("options").as_object(),
                     std::string(f.as_object().at("html").as_string())};
    }
  }
  throw std::runtime_error("no fixture '" + name + "' for " + component);
}

bool Has(const json::object& o, std::string_view key) { return Find(o, key) != nullptr; }

std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = Find(o, key);
  if (!v) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  if (v->is_bool()) return v->as_bool() ? "true" : "false";
  if (v->is_double()) return json::serialize(*v);
  throw Unmappable("not a string: " + std::string(key));
}

bool Bool(const json::object& o, std::string_view key) {
  const json::value* v = Find(o, key);
  return v && v->is_bool() && v->as_bool();
}

std::optional<bool> OptBool(const json::object& o, std::string_view key) {
  const json::value* v = Find(o, key);
  if (!v) return std::nullopt;
  if (v->is_bool()) return v->as_bool();
  if (v->is_string()) return v->as_string() == "true";
  throw Unmappable("not a bool: " + std::string(key));
}

int Int(const json::object& o, std::string_view key, int fallback) {
  const json::value* v = Find(o, key);
  if (!v) return fallback;
  if (v->is_int64()) return static_cast<int>(v->as_int64());
  if (v->is_string()) return std::stoi(std::string(v->as_string()));
  throw Unmappable("not an int: " + std::string(key));
}

const json::object& Obj(const json::object& o, std::string_view key) {
  static const json::object empty;
  const json::value* v = Find(o, key);
  return v && v->is_object() ? v->as_object() : empty;
}

const json::array& Arr(const json::object& o, std::string_view key) {
  static const json::array empty;
  const json::value* v = Find(o, key);
  return v && v->is_array() ? v->as_array() : empty;
}

std::string TextOf(const json::object& o, std::string_view text_key, std::string_view html_key) {
  if (Has(o, html_key)) {
    std::string html = Str(o, html_key);
    if (html.find('<') != std::string::npos) throw Unmappable("markup in " + std::string(html_key));
    auto tokens = Tokenize(html);
    return tokens.empty() ? "" : tokens[0].name;
  }
  return Str(o, text_key);
}

namespace {

Node ElementFor(const std::string& tag) {
  static const std::pair<const char*, Node (*)()> kTags[] = {
      {"p", [] { return El("p"); }},
      {"br", [] { return El("br"); }},
      {"a", [] { return El("a"); }},
      {"span", [] { return El("span"); }},
      {"strong", [] { return El("strong"); }},
      {"em", [] { return El("em"); }},
      {"ul", [] { return El("ul"); }},
      {"ol", [] { return El("ol"); }},
      {"li", [] { return El("li"); }},
      {"h3", [] { return El("h3"); }},
      {"div", [] { return El("div"); }},
      {"code", [] { return El("code"); }},
      {"b", [] { return El("b"); }}};
  for (const auto& [name, make] : kTags) {
    if (tag == name) return make();
  }
  throw Unmappable("tag <" + tag + "> in html");
}

void SetAttribute(Node& node, const std::string& name, const std::string& value) {
  if (name == "class")
    node.Class(value);
  else if (name == "href")
    node.Attr("href", value);
  else if (name == "id")
    node.Attr("id", value);
  else if (name == "rel")
    node.Attr("rel", value);
  else
    throw Unmappable("attribute " + name + " in html");
}

}  // namespace

Node ContentOf(const json::object& o, std::string_view text_key, std::string_view html_key) {
  if (!Has(o, html_key)) return Text(Str(o, text_key));
  std::vector<Node> stack;
  stack.push_back(Node());
  for (const Token& t : Tokenize(Str(o, html_key))) {
    switch (t.kind) {
      case Token::Kind::kText:
        stack.back().Add(Text(t.name));
        break;
      case Token::Kind::kStart: {
        Node n = ElementFor(t.name);
        for (const auto& [name, value] : t.attributes) SetAttribute(n, name, value);
        if (t.name == "br") {
          stack.back().Add(std::move(n));
        } else {
          stack.push_back(std::move(n));
        }
        break;
      }
      case Token::Kind::kEnd: {
        if (stack.size() < 2) throw Unmappable("unbalanced html");
        Node n = std::move(stack.back());
        stack.pop_back();
        stack.back().Add(std::move(n));
        break;
      }
    }
  }
  if (stack.size() != 1) throw Unmappable("unbalanced html");
  return std::move(stack.back());
}

std::vector<Attribute> Attrs(const json::object& o) {
  // Attribute names are compile-time literals in our API, so the test names the ones the
  // fixtures use.
  static const Attribute kKnown[] = {{"aria-controls", ""},
                                     {"data-tracking-dimension", ""},
                                     {"data-attribute", ""},
                                     {"data-test", ""},
                                     {"id", ""},
                                     {"first-attribute", ""},
                                     {"second-attribute", ""},
                                     {"data-attribute-2", ""},
                                     {"data-attribute-1", ""},
                                     {"data-test-attribute", ""},
                                     {"data-test-attribute-2", ""},
                                     {"data-foo", ""},
                                     {"data-fizz", ""},
                                     {"my-attribute", ""},
                                     {"tabindex", ""},
                                     {"aria-label", ""}};
  std::vector<Attribute> out;
  for (const auto& [key, value] : Obj(o, "attributes")) {
    bool found = false;
    for (const auto& known : kKnown) {
      if (known.name.view() == key) {
        if (value.is_object()) throw Unmappable("attribute with options");
        json::object holder{{"v", value}};
        out.push_back({known.name, Str(holder, "v")});
        found = true;
      }
    }
    if (!found) throw Unmappable("unknown attribute name " + std::string(key));
  }
  return out;
}

std::string ExpectedCanonical(const Fixture& fixture,
                              const std::function<bool(const Token&)>& strip) {
  auto tokens = Tokenize(fixture.html);
  if (strip) RemoveElements(tokens, strip);
  return Canonical(tokens);
}

}  // namespace waymark::html::testing
