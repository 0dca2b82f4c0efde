// docs/openapi.yaml and a fixture that checks a real response against it: the status must be
// one the operation documents, and the body must have exactly the documented properties and
// types for its content type.
#pragma once

#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/text.hpp"
#include "tests/api/api_fixture.hpp"
#include "tests/api/json_schema.hpp"

namespace waymark::api::testing {

inline const YamlNode& Document() {
  static const YamlNode document = LoadYamlFile(WAYMARK_OPENAPI_PATH);
  return document;
}

class OpenApiTest : public app::testing::AppTest {
 protected:
  // Checks `res` against the operation for (method, path): its status must be documented, and
  // its body must fit the schema of its content type.
  void ExpectDocumented(std::string_view method, std::string_view path, const RawResponse& res) {
    SCOPED_TRACE(std::string(method) + " " + std::string(path) + " -> " +
                 std::to_string(res.status));
    const YamlNode& operation = Document().At("paths").At(path).At(AsciiLower(method));
    const YamlNode* response = operation.At("responses").Find(std::to_string(res.status));
    ASSERT_NE(response, nullptr) << "undocumented status; body: " << res.body;
    const YamlNode& resolved = Resolve(Document(), *response);
    if (res.status == 204) {  // no content, documented as none
      EXPECT_EQ(resolved.Find("content"), nullptr);
      EXPECT_TRUE(res.body.empty()) << res.body;
      ++checked_;
      return;
    }
    std::string type = res.Header("Content-Type");
    type = type.substr(0, type.find(';'));
    const YamlNode* content = resolved.At("content").Find(type);
    ASSERT_NE(content, nullptr) << "undocumented content type " << type;
    auto body = JsonOf(res);
    EXPECT_THAT(SchemaErrors(Document(), content->At("schema"), body), ::testing::IsEmpty())
        << res.body;
    ++checked_;
  }

  int checked_ = 0;
};

}  // namespace waymark::api::testing
