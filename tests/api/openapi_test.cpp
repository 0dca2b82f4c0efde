// docs/openapi.yaml against the running application: the same /api/v1 routes and methods both
// ways, and real responses (successes and problems) with exactly the documented properties and
// types, under a status the document lists for the operation.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assessments/codes.hpp"
#include "identity/text.hpp"
#include "nrm/codes.hpp"
#include "tests/api/openapi_fixture.hpp"

namespace waymark::api::testing {
namespace {

// "/api/v1/cases/{id:id}" -> "/api/v1/cases/{id}", as OpenAPI writes path parameters.
std::string OpenApiPath(std::string_view pattern) {
  std::string out;
  bool in_capture = false, in_type = false;
  for (char c : pattern) {
    if (c == '{') in_capture = true;
    if (c == ':' && in_capture) {
      in_type = true;
      continue;
    }
    if (c == '}') in_capture = in_type = false;
    if (!in_type) out.push_back(c);
  }
  return out;
}

TEST_F(OpenApiTest, TheDocumentIsOpenApi31WithABearerScheme) {
  EXPECT_EQ(Document().At("openapi").scalar, "3.1.0");
  const YamlNode& bearer = Document().At("components").At("securitySchemes").At("bearer");
  EXPECT_EQ(bearer.At("type").scalar, "http");
  EXPECT_EQ(bearer.At("scheme").scalar, "bearer");
  ASSERT_TRUE(Document().At("security").IsSequence());
}

TEST_F(OpenApiTest, EveryApiRouteIsDocumentedAndNothingElseIs) {
  std::set<std::string> registered;
  for (const auto& route : app().web().router.Routes()) {
    if (route.kind != http::RouteKind::kApi) {
      EXPECT_FALSE(route.pattern.starts_with("/api/")) << route.pattern << " is not an API route";
      continue;
    }
    EXPECT_TRUE(route.pattern.starts_with("/api/v1/")) << route.pattern;
    registered.insert(AsciiLower(route.method) + " " + OpenApiPath(route.pattern));
  }
  std::set<std::string> documented;
  const std::set<std::string> methods = {"get", "put", "post", "delete", "patch"};
  for (const auto& [path, item] : Document().At("paths").map) {
    for (const auto& [key, operation] : item.map) {
      if (methods.contains(key)) documented.insert(key + " " + path);
    }
  }
  EXPECT_FALSE(registered.empty());
  EXPECT_EQ(registered, documented);
}

// The list's stage and risk filters accept exactly the documented codes.
TEST_F(OpenApiTest, TheListAcceptsEveryDocumentedStageAndRiskAndNothingElse) {
  std::string token = IssueToken(app(), kWorker);
  const YamlNode& parameters =
      Document().At("paths").At("/api/v1/cases").At("get").At("parameters");
  std::map<std::string, size_t> documented;
  for (const auto& parameter : parameters.sequence) {
    std::string name = parameter.At("name").scalar;
    if (name != "nrm_stage" && name != "risk_level") continue;
    const YamlNode& values = parameter.At("schema").At("enum");
    ASSERT_TRUE(values.IsSequence()) << name;
    for (const auto& value : values.sequence) {
      auto res = Call(app(), "GET", "/api/v1/cases?" + name + "=" + value.scalar, token);
      EXPECT_EQ(res.status, 200) << name << "=" << value.scalar << ": " << res.body;
    }
    documented[name] = values.sequence.size();
    EXPECT_EQ(Call(app(), "GET", "/api/v1/cases?" + name + "=undocumented", token).status, 422);
  }
  EXPECT_EQ(documented["nrm_stage"], nrm::AllPathwayStates().size());
  EXPECT_EQ(documented["risk_level"], assessments::AllOverallRisks().size() + 1);  // not assessed
}

TEST_F(OpenApiTest, RealResponsesHaveExactlyTheDocumentedShape) {
  std::string token = IssueToken(app(), kWorker);
  auto created = Call(app(), "POST", "/api/v1/cases", token, AminaJson());
  ASSERT_EQ(created.status, 201);
  ExpectDocumented("POST", "/api/v1/cases", created);
  std::string id(JsonOf(created).at("id").as_string());
  std::string one = "/api/v1/cases/" + id;

  ExpectDocumented("GET", "/api/v1/cases/{id}", Call(app(), "GET", one, token));
  ExpectDocumented("GET", "/api/v1/cases", Call(app(), "GET", "/api/v1/cases", token));
  ExpectDocumented("GET", "/api/v1/cases",
                   Call(app(), "GET", "/api/v1/cases?status=closed&page=2", token));
  ExpectDocumented("PUT", "/api/v1/cases/{id}",
                   Call(app(), "PUT", one, token, AminaJson(), {{"If-Match", "\"1\""}}));
  ExpectDocumented("POST", "/api/v1/cases/search",
                   Call(app(), "POST", "/api/v1/cases/search", token, R"({"query": "Zorbalova"})"));
  // A case of the same provider the caller is not assigned to, found by its reference.
  std::string manager = IssueToken(app(), kManager);
  auto managers = Call(app(), "POST", "/api/v1/cases", manager, AminaJson());
  ASSERT_EQ(managers.status, 201);
  std::string reference(JsonOf(managers).at("reference").as_string());
  auto not_assigned =
      Call(app(), "POST", "/api/v1/cases/search", token, R"({"query": ")" + reference + R"("})");
  ExpectDocumented("POST", "/api/v1/cases/search", not_assigned);

  // Problems.
  ExpectDocumented("POST", "/api/v1/cases",
                   Call(app(), "POST", "/api/v1/cases", token, R"({"given_names": 1})"));
  ExpectDocumented("POST", "/api/v1/cases", Call(app(), "POST", "/api/v1/cases", token, "{"));
  ExpectDocumented("PUT", "/api/v1/cases/{id}",
                   Call(app(), "PUT", one, token, AminaJson(), {{"If-Match", "\"1\""}}));
  ExpectDocumented("PUT", "/api/v1/cases/{id}", Call(app(), "PUT", one, token, AminaJson()));
  ExpectDocumented("GET", "/api/v1/cases/{id}",
                   Call(app(), "GET", "/api/v1/cases/" + std::string(32, 'a'), token));
  ExpectDocumented("GET", "/api/v1/cases", Call(app(), "GET", "/api/v1/cases", ""));
  ExpectDocumented("GET", "/api/v1/cases",
                   Call(app(), "GET", "/api/v1/cases", IssueToken(app(), kAnalyst)));
  ExpectDocumented("GET", "/api/v1/cases", Call(app(), "GET", "/api/v1/cases?page=x", token));
  EXPECT_EQ(checked_, 15);
}

}  // namespace
}  // namespace waymark::api::testing
