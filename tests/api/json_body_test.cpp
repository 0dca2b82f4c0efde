// Reading JSON bodies at the edge: types, unknown properties, the media type, and the case
// document's round trip into the form's CaseInput.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/api_shared.hpp"
#include "api/case_json.hpp"
#include "api/json_body.hpp"

namespace waymark::api {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

http::Request JsonRequest(std::string body, std::string type = "application/json") {
  http::Request req;
  req.method = "POST";
  req.headers.Add("Content-Type", type);
  req.body = std::move(body);
  return req;
}

TEST(JsonBodyTest, OnlyAJsonObjectIsAccepted) {
  EXPECT_TRUE(ReadJsonObject(JsonRequest("{}")));
  EXPECT_TRUE(ReadJsonObject(JsonRequest("{}", "Application/JSON; charset=utf-8")));
  EXPECT_EQ(ReadJsonObject(JsonRequest("{}", "text/plain")).error().status, 415);
  EXPECT_EQ(ReadJsonObject(JsonRequest("{\"a\": ")).error().status, 400);
  EXPECT_EQ(ReadJsonObject(JsonRequest("\"text\"")).error().status, 400);
  auto problem = ReadJsonObject(JsonRequest("[1]")).error();
  EXPECT_EQ(problem.headers.Get("Content-Type"), "application/problem+json");
}

TEST(JsonBodyTest, AnOptionalBodyMayBeLeftOutButNotMalformed) {
  http::Request none;
  none.method = "DELETE";
  auto empty = ReadOptionalJsonObject(none);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto sent = ReadOptionalJsonObject(JsonRequest(R"({"revision": 3})"));
  ASSERT_TRUE(sent);
  EXPECT_EQ(sent->at("revision").as_int64(), 3);
  EXPECT_EQ(ReadOptionalJsonObject(JsonRequest("{")).error().status, 400);
  EXPECT_EQ(ReadOptionalJsonObject(JsonRequest("revision=3", "text/plain")).error().status, 415);
}

TEST(JsonBodyTest, ListsOfObjectsNameTheirItemsErrorsByPlace) {
  auto object =
      boost::json::parse(R"({"items": [{"a": "x"}, {"a": 1, "b": 2}], "bad": [{"a": "x"}, 3]})")
          .as_object();
  JsonBody body(object, {"items", "bad"});
  std::vector<std::string> read;
  auto items = body.ObjectList("items");
  ASSERT_EQ(items.size(), 2u);
  for (size_t i = 0; i < items.size(); ++i) {
    body.Nested("items", i, items[i], {"a"},
                [&read](JsonBody& item) { read.push_back(item.Text("a")); });
  }
  EXPECT_TRUE(body.ObjectList("bad").empty());
  EXPECT_THAT(read, ElementsAre("x", ""));
  EXPECT_THAT(body.errors(), ElementsAre(Field(&FieldError::field, "items[1].b"),
                                         Field(&FieldError::field, "items[1].a"),
                                         Field(&FieldError::field, "bad")));
}

TEST(ApiSharedTest, FormFieldNamesBecomeJsonPaths) {
  EXPECT_EQ(FormFieldAsJsonPath("title"), "title");
  EXPECT_EQ(FormFieldAsJsonPath("actions-0-due_on"), "actions[0].due_on");
  EXPECT_EQ(FormFieldAsJsonPath("goals-0-actions"), "goals[0].actions");
  EXPECT_EQ(FormFieldAsJsonPath("evidence-12"), "evidence[12]");
  EXPECT_EQ(FormFieldAsJsonPath("evidence-5-language"), "evidence[5].language");
}

TEST(ApiSharedTest, DatesAreSplitForTheServiceOnlyWhenShapedLikeIsoDates) {
  auto object =
      boost::json::parse(R"({"on": "2024-02-30", "bad": "30/02/2024", "num": 3})").as_object();
  JsonBody body(object, {"on", "bad", "num", "absent"});
  DateParts on = ReadDateParts(body, "on", "date");
  EXPECT_EQ(on.year, "2024");
  EXPECT_EQ(on.month, "02");
  EXPECT_EQ(on.day, "30");  // a real date or not is the service's question
  EXPECT_TRUE(ReadDateParts(body, "absent", "date").year.empty());
  EXPECT_TRUE(ReadDateParts(body, "bad", "date").year.empty());
  EXPECT_TRUE(ReadDateParts(body, "num", "date").year.empty());
  EXPECT_THAT(body.errors(),
              ElementsAre(Field(&FieldError::field, "bad"), Field(&FieldError::field, "num")));
}

TEST(ApiSharedTest, TheVersionComesFromIfMatchBeforeTheBody) {
  auto object = boost::json::parse(R"({"revision": 4})").as_object();
  http::Request req = JsonRequest("{}");
  JsonBody body(object, {"revision"});
  EXPECT_EQ(ExpectedVersion(req, body, "revision"), 4);
  req.headers.Add("If-Match", "\"7\"");
  EXPECT_EQ(ExpectedVersion(req, body, "revision"), 7);
  http::Request bad = JsonRequest("{}");
  bad.headers.Add("If-Match", "W/\"x\"");
  EXPECT_EQ(ExpectedVersion(bad, body, "revision"), std::nullopt);
  EXPECT_THAT(body.errors(), ElementsAre(Field(&FieldError::field, "revision")));
}

TEST(JsonBodyTest, WrongTypesAndUnknownPropertiesAreFieldErrors) {
  auto object = boost::json::parse(
                    R"({"name": 3, "age": "x", "ok": "yes", "list": ["a", 1], "extra": 1,
                        "fine": "text", "none": null})")
                    .as_object();
  JsonBody body(object, {"name", "age", "ok", "list", "fine", "none"});
  EXPECT_EQ(body.Text("name"), "");
  EXPECT_EQ(body.Integer("age"), std::nullopt);
  EXPECT_EQ(body.Boolean("ok"), std::nullopt);
  EXPECT_TRUE(body.TextList("list").empty());
  EXPECT_EQ(body.Text("fine"), "text");
  EXPECT_EQ(body.Text("none"), "");
  EXPECT_FALSE(body.Has("none"));
  EXPECT_THAT(body.errors(),
              ElementsAre(Field(&FieldError::field, "extra"), Field(&FieldError::field, "name"),
                          Field(&FieldError::field, "age"), Field(&FieldError::field, "ok"),
                          Field(&FieldError::field, "list")));
}

TEST(CaseJsonTest, TheDocumentBecomesTheFormsInput) {
  auto object = boost::json::parse(R"({"given_names": "Amina", "other_names": ["A", "B"],
      "date_of_birth": "1994-07-14", "estimated_age": 30, "nationalities": ["AL", "VN"],
      "interpreter_needed": false})")
                    .as_object();
  JsonBody body(object, {kCaseInputProperties.begin(), kCaseInputProperties.end()});
  cases::CaseInput in = CaseInputFromJson(body);
  EXPECT_TRUE(body.errors().empty());
  EXPECT_EQ(in.given_names, "Amina");
  EXPECT_EQ(in.other_names, "A\nB");
  EXPECT_EQ(in.dob_year, "1994");
  EXPECT_EQ(in.dob_month, "07");
  EXPECT_EQ(in.dob_day, "14");
  EXPECT_EQ(in.estimated_age, "30");
  EXPECT_EQ(in.nationalities, "AL, VN");
  EXPECT_EQ(in.interpreter_needed, "no");

  JsonBody wrong(boost::json::parse(R"({"date_of_birth": "14 July 1994"})").as_object(),
                 {kCaseInputProperties.begin(), kCaseInputProperties.end()});
  CaseInputFromJson(wrong);
  EXPECT_THAT(wrong.errors(), ElementsAre(Field(&FieldError::field, "date_of_birth")));
}

TEST(CaseJsonTest, TheServicesFieldNamesBecomeTheApis) {
  Problem problem = Problem::Invalid({{"dob", "a"}, {"family_name", "b"}, {"q", "c"}});
  Problem renamed = CaseProblemForApi(problem);
  EXPECT_THAT(renamed.fields, ElementsAre(Field(&FieldError::field, "date_of_birth"),
                                          Field(&FieldError::field, "family_name"),
                                          Field(&FieldError::field, "query")));
}

}  // namespace
}  // namespace waymark::api
