// Checks a JSON value against a schema of docs/openapi.yaml, for the contract test. Understands
// what the document uses: $ref (#/components/...), type (a name or a list), enum, required,
// properties, items, oneOf and allOf. An object must have every required property and nothing
// undocumented.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "tests/api/yaml_tree.hpp"

namespace waymark::api::testing {

// What is wrong, one line each with a JSON path ("$.items[0].version: expected integer"); empty
// when the value fits.
std::vector<std::string> SchemaErrors(const YamlNode& document, const YamlNode& schema,
                                      const boost::json::value& value);

// Follows "$ref": "#/a/b/c" in `document`; returns `node` itself when it is not a reference.
const YamlNode& Resolve(const YamlNode& document, const YamlNode& node);

}  // namespace waymark::api::testing
