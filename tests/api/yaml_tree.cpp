#include "tests/api/yaml_tree.hpp"

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <yaml.h>

namespace waymark::api::testing {

namespace {

class Parser {
 public:
  explicit Parser(const std::string& text) : text_(text) {
    if (!yaml_parser_initialize(&parser_)) throw std::runtime_error("yaml: cannot initialise");
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text_.data()),
                                 text_.size());
  }
  ~Parser() { yaml_parser_delete(&parser_); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  YamlNode Document() {
    Expect(YAML_STREAM_START_EVENT);
    Expect(YAML_DOCUMENT_START_EVENT);
    Event first = Next();
    YamlNode root = Node(first);
    Expect(YAML_DOCUMENT_END_EVENT);
    return root;
  }

 private:
  struct Event {
    yaml_event_type_t type;
    std::string value;
  };

  Event Next() {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser_, &event)) {
      std::ostringstream message;
      message << "yaml: " << (parser_.problem ? parser_.problem : "syntax error") << " at line "
              << parser_.problem_mark.line + 1 << ", column " << parser_.problem_mark.column + 1;
      throw std::runtime_error(message.str());
    }
    Event out{event.type, {}};
    if (event.type == YAML_SCALAR_EVENT) {
      out.value.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                       event.data.scalar.length);
    }
    bool alias = event.type == YAML_ALIAS_EVENT;
    yaml_event_delete(&event);
    if (alias) throw std::runtime_error("yaml: aliases are not supported");
    return out;
  }

  void Expect(yaml_event_type_t type) {
    if (Next().type != type) throw std::runtime_error("yaml: unexpected document structure");
  }

  YamlNode Node(const Event& event) {
    YamlNode node;
    switch (event.type) {
      case YAML_SCALAR_EVENT:
        node.scalar = event.value;
        return node;
      case YAML_SEQUENCE_START_EVENT:
        node.kind = YamlNode::Kind::kSequence;
        for (Event item = Next(); item.type != YAML_SEQUENCE_END_EVENT; item = Next()) {
          node.sequence.push_back(Node(item));
        }
        return node;
      case YAML_MAPPING_START_EVENT:
        node.kind = YamlNode::Kind::kMap;
        for (Event key = Next(); key.type != YAML_MAPPING_END_EVENT; key = Next()) {
          if (key.type != YAML_SCALAR_EVENT) throw std::runtime_error("yaml: a key must be text");
          Event value = Next();
          node.map.emplace_back(key.value, Node(value));
        }
        return node;
      default:
        throw std::runtime_error("yaml: unexpected event");
    }
  }

  std::string text_;
  yaml_parser_t parser_;
};

}  // namespace

const YamlNode* YamlNode::Find(std::string_view key) const {
  for (const auto& [name, value] : map) {
    if (name == key) return &value;
  }
  return nullptr;
}

const YamlNode& YamlNode::At(std::string_view key) const {
  const YamlNode* found = Find(key);
  if (!found) throw std::runtime_error("yaml: no key \"" + std::string(key) + "\"");
  return *found;
}

YamlNode LoadYamlFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  Parser parser(text.str());
  return parser.Document();
}

}  // namespace waymark::api::testing
