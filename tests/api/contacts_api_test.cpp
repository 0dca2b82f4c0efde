// Contacts through the JSON API: record, list, read with versions and correct a contact; the
// contact rules' errors under the JSON property names; a stale correction refused; an
// unassigned colleague refused; and a restricted note's text never sent to a break-glass reader.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/api/api_fixture.hpp"

namespace waymark::api::testing {
namespace {

using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

boost::json::object VisitJson(std::string_view notes, bool restricted = false) {
  return boost::json::object{
      {"contact_date", "2024-03-01"}, {"contact_time", "14:30"},  {"contact_type", "visit"},
      {"contact_with", "survivor"},   {"interpreter_used", true}, {"interpreter_language", "sqi"},
      {"duration_minutes", 45},       {"notes", notes},           {"restricted", restricted}};
}

class ContactsApiTest : public CaseApiTest {
 protected:
  void SetUp() override {
    CaseApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    list_ = "/api/v1/cases/" + case_id_ + "/contacts";
  }

  // Records a contact as the worker; returns its id.
  std::string Record(const boost::json::object& contact) {
    auto res = Call(app(), "POST", list_, token_, boost::json::serialize(contact));
    EXPECT_EQ(res.status, 201) << res.body;
    if (res.status != 201) return "";
    return std::string(JsonOf(res).at("id").as_string());
  }

  std::string list_;
};

TEST_F(ContactsApiTest, AWorkerRecordsReadsAndCorrectsAContact) {
  auto created =
      Call(app(), "POST", list_, token_, boost::json::serialize(VisitJson("Talked about housing")));
  ASSERT_EQ(created.status, 201) << created.body;
  auto contact = JsonOf(created);
  std::string id(contact.at("id").as_string());
  EXPECT_EQ(created.Header("Location"), list_ + "/" + id);
  EXPECT_EQ(created.Header("ETag"), "\"1\"");
  EXPECT_EQ(contact.at("contact_date").as_string(), "2024-03-01");
  EXPECT_EQ(contact.at("contact_type").as_string(), "visit");
  EXPECT_EQ(contact.at("duration_minutes").as_int64(), 45);
  EXPECT_EQ(contact.at("notes").as_string(), "Talked about housing");
  EXPECT_EQ(app().CountAudit("contact.record"), 1);

  auto list = JsonOf(Call(app(), "GET", list_, token_));
  EXPECT_EQ(list.at("total").as_int64(), 1);
  EXPECT_EQ(list.at("items").as_array().at(0).at("id").as_string(), id);

  auto changed = VisitJson("Talked about housing and the GP");
  changed["duration_minutes"] = 60;
  auto edited = Call(app(), "PUT", list_ + "/" + id, token_, boost::json::serialize(changed),
                     {{"If-Match", "\"1\""}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(JsonOf(edited).at("version").as_int64(), 2);
  EXPECT_EQ(edited.Header("ETag"), "\"2\"");
  EXPECT_EQ(app().CountAudit("contact.edit"), 1);

  auto read = Call(app(), "GET", list_ + "/" + id, token_);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.Header("ETag"), "\"2\"");
  auto view = JsonOf(read);
  EXPECT_EQ(view.at("contact").at("notes").as_string(), "Talked about housing and the GP");
  auto versions = view.at("versions").as_array();
  ASSERT_EQ(versions.size(), 2u);  // the old version is kept
  EXPECT_EQ(versions.at(1).at("notes").as_string(), "Talked about housing");
  EXPECT_EQ(versions.at(1).at("duration_minutes").as_int64(), 45);
}

TEST_F(ContactsApiTest, AContactEnteredInErrorIsKeptAndMarked) {
  std::string id = Record(VisitJson("Visit that was another survivor's"));
  ASSERT_FALSE(id.empty());
  std::string mark = list_ + "/" + id + "/entered-in-error";
  auto no_reason = Call(app(), "POST", mark, token_, R"({"reason": " ", "version": 1})");
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_THAT(ErrorFields(no_reason), Contains("reason"));
  auto marked = Call(app(), "POST", mark, token_, R"({"reason": "Recorded on the wrong case"})",
                     {{"If-Match", "\"1\""}});
  ASSERT_EQ(marked.status, 200) << marked.body;
  EXPECT_TRUE(JsonOf(marked).at("entered_in_error").as_bool());
  EXPECT_EQ(JsonOf(marked).at("error_reason").as_string(), "Recorded on the wrong case");
  auto again = Call(app(), "POST", mark, token_, R"({"reason": "Again", "version": 2})");
  EXPECT_EQ(again.status, 409) << again.body;
  auto list = JsonOf(Call(app(), "GET", list_, token_));
  EXPECT_EQ(list.at("total").as_int64(), 1);  // kept, never deleted
  EXPECT_EQ(app().CountAudit("contact.error"), 1);
}

TEST_F(ContactsApiTest, InvalidContactsAre422WithThePropertyNamesAndRecordNothing) {
  auto typed = Call(app(), "POST", list_, token_,
                    R"({"contact_date": "01/03/2024", "duration_minutes": "45",
                        "restricted": "no", "colour": "blue"})");
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(ErrorFields(typed), Contains("contact_date"));
  EXPECT_THAT(ErrorFields(typed), Contains("duration_minutes"));
  EXPECT_THAT(ErrorFields(typed), Contains("restricted"));
  EXPECT_THAT(ErrorFields(typed), Contains("colour"));

  // The contact rules, with the pages' messages.
  auto rules = Call(app(), "POST", list_, token_,
                    R"({"contact_date": "2999-01-01", "contact_type": "carrier_pigeon",
                        "contact_with": "survivor", "interpreter_used": false,
                        "restricted": false})");
  EXPECT_EQ(rules.status, 422) << rules.body;
  auto fields = ErrorFields(rules);
  EXPECT_THAT(fields, Contains("contact_date"));
  EXPECT_THAT(fields, Contains("contact_type"));
  EXPECT_THAT(fields, Not(Contains("duration")));
  EXPECT_THAT(rules.body, HasSubstr("Date of the contact must be today or in the past"));
  auto visit = VisitJson("");
  visit["duration_minutes"] = 2000;
  auto long_visit = Call(app(), "POST", list_, token_, boost::json::serialize(visit));
  EXPECT_THAT(ErrorFields(long_visit), Contains("duration_minutes"));
  EXPECT_THAT(ErrorFields(long_visit), Contains("notes"));

  EXPECT_EQ(app().CountAudit("contact.record"), 0);
  EXPECT_EQ(JsonOf(Call(app(), "GET", list_, token_)).at("total").as_int64(), 0);
  auto page = Call(app(), "GET", list_ + "?page=0", token_);
  EXPECT_EQ(page.status, 422);
  EXPECT_THAT(ErrorFields(page), Contains("page"));
}

TEST_F(ContactsApiTest, ACorrectionFromAStaleVersionIsRefusedWith409) {
  std::string id = Record(VisitJson("First visit"));
  ASSERT_FALSE(id.empty());
  std::string one = list_ + "/" + id;
  auto first = VisitJson("First visit, with the GP's name");
  EXPECT_EQ(Call(app(), "PUT", one, token_, boost::json::serialize(first)).status, 428);
  first["version"] = 1;
  ASSERT_EQ(Call(app(), "PUT", one, token_, boost::json::serialize(first)).status, 200);

  auto second = VisitJson("Overwritten?");
  auto stale =
      Call(app(), "PUT", one, token_, boost::json::serialize(second), {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(std::string(JsonOf(stale).at("detail").as_string()),
              HasSubstr("Someone else changed this contact"));
  auto now = JsonOf(Call(app(), "GET", one, token_));
  EXPECT_EQ(now.at("contact").at("notes").as_string(), "First visit, with the GP's name");
  EXPECT_EQ(now.at("contact").at("version").as_int64(), 2);
}

TEST_F(ContactsApiTest, AnUnassignedColleagueAndAnotherProviderAreRefused) {
  std::string id = Record(VisitJson("Only for her workers"));
  ASSERT_FALSE(id.empty());
  std::string colleague = UnassignedColleagueToken();
  auto list = Call(app(), "GET", list_, colleague);
  EXPECT_THAT(list.status, AnyOf(403, 404));
  EXPECT_THAT(list.body, Not(HasSubstr("Only for her workers")));
  auto one = Call(app(), "GET", list_ + "/" + id, colleague);
  EXPECT_THAT(one.status, AnyOf(403, 404));
  EXPECT_THAT(one.body, Not(HasSubstr("Only for her workers")));
  auto record =
      Call(app(), "POST", list_, colleague, boost::json::serialize(VisitJson("Not mine to add")));
  EXPECT_THAT(record.status, AnyOf(403, 404));
  auto other = Call(app(), "GET", list_ + "/" + id, IssueToken(app(), kOtherProvider));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(app().CountAudit("contact.record"), 1);
}

TEST_F(ContactsApiTest, ARestrictedNoteIsNeverSentToABreakGlassReader) {
  std::string id = Record(VisitJson("RESTRICTED-CANARY disclosed the trafficker's name", true));
  ASSERT_FALSE(id.empty());
  std::string colleague = UnassignedColleagueToken();
  BreakGlassAsColleague(app(), case_id_);

  auto list = Call(app(), "GET", list_, colleague);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_THAT(list.body, Not(HasSubstr("RESTRICTED-CANARY")));
  auto item = JsonOf(list).at("items").as_array().at(0);
  EXPECT_TRUE(item.at("restricted").as_bool());
  EXPECT_TRUE(item.at("text_hidden").as_bool());
  EXPECT_TRUE(item.at("notes").is_null());
  auto one = Call(app(), "GET", list_ + "/" + id, colleague);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_THAT(one.body, Not(HasSubstr("RESTRICTED-CANARY")));
  EXPECT_TRUE(JsonOf(one).at("contact").at("notes").is_null());
  // A break-glass reader reads; they do not change the record.
  auto edit = Call(app(), "PUT", list_ + "/" + id, colleague,
                   boost::json::serialize(VisitJson("changed")), {{"If-Match", "\"1\""}});
  EXPECT_THAT(edit.status, AnyOf(403, 404));

  // Her own worker reads the text.
  auto own = Call(app(), "GET", list_ + "/" + id, token_);
  EXPECT_THAT(own.body, HasSubstr("RESTRICTED-CANARY"));
}

}  // namespace
}  // namespace waymark::api::testing
