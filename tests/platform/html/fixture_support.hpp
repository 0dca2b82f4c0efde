// Test helper: reads GOV.UK Frontend's fixtures.json for a component and maps option values
// to our option structs. Fixtures whose options carry raw markup (`html` with tags) cannot map
// to our API, which by design has no way to insert markup; `TextOf` throws Unmappable for them.
#pragma once

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "html_normalise.hpp"
#include "platform/html/node.hpp"

namespace waymark::html::testing {

struct Unmappable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Fixture {
  boost::json::object options;
  std::string html;
};

// Throws std::runtime_error (a test failure, never a skip) when the file or fixture is missing.
Fixture LoadFixture(const std::string& component, const std::string& name);

std::string Str(const boost::json::object& o, std::string_view key);
bool Bool(const boost::json::object& o, std::string_view key);
std::optional<bool> OptBool(const boost::json::object& o, std::string_view key);
int Int(const boost::json::object& o, std::string_view key, int fallback);
const boost::json::object& Obj(const boost::json::object& o, std::string_view key);
const boost::json::array& Arr(const boost::json::object& o, std::string_view key);
bool Has(const boost::json::object& o, std::string_view key);
// `text`, or `html` when it holds no markup (entities decoded); else throws Unmappable.
std::string TextOf(const boost::json::object& o, std::string_view text_key = "text",
                   std::string_view html_key = "html");
// Markup in a fixture's `html` rebuilt with our builder, for options that take a Node. Only
// a fixed set of tag and attribute names maps (names are literals in our API); others throw
// Unmappable. `text` when there is no `html`.
Node ContentOf(const boost::json::object& o, std::string_view text_key = "text",
               std::string_view html_key = "html");
// `attributes` mapped onto the fixed set of attribute names the fixtures use.
std::vector<Attribute> Attrs(const boost::json::object& o);

// Canonical forms of a fixture's expected markup (minus elements matching `strip`) and of ours.
std::string ExpectedCanonical(const Fixture& fixture,
                              const std::function<bool(const Token&)>& strip = nullptr);

// Compares `build(options)` with each named fixture; an unmappable fixture is a failure.
template <typename Build>
void CheckFixtures(const std::string& component, const std::vector<std::string>& names, Build build,
                   const std::function<bool(const Token&)>& strip = nullptr) {
  for (const auto& name : names) {
    SCOPED_TRACE(component + ": " + name);
    Fixture f = LoadFixture(component, name);
    try {
      EXPECT_EQ(ExpectedCanonical(f, strip), Canonical(build(f.options).Render()));
    } catch (const Unmappable& e) {
      ADD_FAILURE() << "fixture does not map: " << e.what();
    }
  }
}

}  // namespace waymark::html::testing
