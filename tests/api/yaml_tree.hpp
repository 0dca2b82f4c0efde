// A YAML document as a plain tree (maps keep their order), read with libyaml, for checking
// docs/openapi.yaml. Anchors and aliases are refused: the document does not use them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waymark::api::testing {

struct YamlNode {
  enum class Kind { kScalar, kMap, kSequence };
  Kind kind = Kind::kScalar;
  std::string scalar;
  std::vector<std::pair<std::string, YamlNode>> map;
  std::vector<YamlNode> sequence;

  bool IsMap() const { return kind == Kind::kMap; }
  bool IsSequence() const { return kind == Kind::kSequence; }
  // The map's value for `key`, or nullptr (also when this is not a map).
  const YamlNode* Find(std::string_view key) const;
  // Like Find, but throws std::runtime_error naming the key when it is missing.
  const YamlNode& At(std::string_view key) const;
};

// Throws std::runtime_error with the line and column of a syntax error.
YamlNode LoadYamlFile(const std::filesystem::path& path);

}  // namespace waymark::api::testing
