// The pure rules of a dependant: what is required, the under-18 rule for children's services,
// dates and ages, limits, and removal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dependants/model.hpp"

namespace waymark::dependants {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Date Today() { return *ParseIsoDate("2026-11-23"); }

DependantInput Child() {
  DependantInput in;
  in.name = "Ela";
  in.relationship = "child";
  in.dob_day = "3";
  in.dob_month = "2";
  in.dob_year = "2019";
  in.whereabouts = "with_survivor";
  in.needs = "Speech therapy\nSchool place";
  in.school = "Lowtown Primary";
  in.children_services_know = "yes";
  in.local_authority = "Lowtown Council";
  return in;
}

std::vector<std::string> FieldsOf(const Result<DependantDetails>& result) {
  std::vector<std::string> out;
  if (!result) {
    for (const auto& e : result.error().fields) out.push_back(e.field);
  }
  return out;
}

TEST(DependantModel, AValidChildIsTrimmedAndKept) {
  DependantInput in = Child();
  in.name = "  Ela  ";
  auto d = ValidateDependant(in, Today());
  ASSERT_TRUE(d) << d.error().fields.front().message;
  EXPECT_EQ(d->name, "Ela");
  EXPECT_EQ(d->date_of_birth, ParseIsoDate("2019-02-03"));
  EXPECT_EQ(AgeOn(*d, Today()), 7);
  EXPECT_TRUE(IsUnder18(*d, Today()));
  EXPECT_EQ(d->needs, "Speech therapy\nSchool place");
}

TEST(DependantModel, AnEmptyFormNamesEveryRequiredField) {
  EXPECT_THAT(FieldsOf(ValidateDependant({}, Today())),
              ElementsAre("name", "relationship", "dob", "whereabouts"));
}

TEST(DependantModel, UnderEighteenChildrensServicesMustBeAnswered) {
  DependantInput in = Child();
  in.children_services_know = "";
  auto d = ValidateDependant(in, Today());
  EXPECT_THAT(FieldsOf(d), ElementsAre("children_services_know"));
  EXPECT_THAT(d.error().fields[0].message, HasSubstr("under 18"));
  // By an estimated age too.
  in.dob_day = in.dob_month = in.dob_year = "";
  in.estimated_age = "12";
  EXPECT_THAT(FieldsOf(ValidateDependant(in, Today())), ElementsAre("children_services_know"));
  in.children_services_know = "not_known";
  EXPECT_TRUE(ValidateDependant(in, Today()));
}

TEST(DependantModel, AnAdultDependantNeedNotAnswerChildrensServices) {
  DependantInput in = Child();
  in.relationship = "partner";
  in.dob_year = "1990";
  in.children_services_know = "";
  in.local_authority = "";
  auto d = ValidateDependant(in, Today());
  ASSERT_TRUE(d);
  EXPECT_FALSE(IsUnder18(*d, Today()));
}

TEST(DependantModel, YesNeedsTheLocalAuthority) {
  DependantInput in = Child();
  in.local_authority = " ";
  EXPECT_THAT(FieldsOf(ValidateDependant(in, Today())), ElementsAre("local_authority"));
}

TEST(DependantModel, DatesAndAgesAreChecked) {
  DependantInput in = Child();
  in.dob_day = "31";
  in.dob_month = "2";
  EXPECT_THAT(FieldsOf(ValidateDependant(in, Today())), ElementsAre("dob"));
  in = Child();
  in.dob_year = "2027";
  EXPECT_THAT(FieldsOf(ValidateDependant(in, Today())), ElementsAre("dob"));
  in = Child();
  in.estimated_age = "7";
  EXPECT_THAT(FieldsOf(ValidateDependant(in, Today())), ElementsAre("estimated_age"));
  in = Child();
  in.dob_day = in.dob_month = in.dob_year = "";
  in.estimated_age = "seven";
  EXPECT_THAT(FieldsOf(ValidateDependant(in, Today())), ElementsAre("estimated_age"));
  in.estimated_age = "0";
  EXPECT_TRUE(ValidateDependant(in, Today()));
}

TEST(DependantModel, UnknownCodesAndLongTextAreRefused) {
  DependantInput in = Child();
  in.relationship = "cousin";
  in.whereabouts = "moon";
  in.children_services_know = "maybe";
  in.needs = std::string(2001, 'x');
  in.school = "Bad\x01school";
  EXPECT_THAT(
      FieldsOf(ValidateDependant(in, Today())),
      ElementsAre("relationship", "whereabouts", "needs", "school", "children_services_know"));
}

TEST(DependantModel, InputForGivesBackWhatWasSaved) {
  auto d = ValidateDependant(Child(), Today());
  ASSERT_TRUE(d);
  auto again = ValidateDependant(InputFor(*d), Today());
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *d);
}

TEST(DependantModel, RemovalNeedsAPastDateAndAReason) {
  auto ok = ValidateRemoval({"1", "11", "2026", " Moved to live with her father "}, Today());
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->on, ParseIsoDate("2026-11-01"));
  EXPECT_EQ(ok->reason, "Moved to live with her father");
  auto empty = ValidateRemoval({}, Today());
  ASSERT_FALSE(empty);
  ASSERT_EQ(empty.error().fields.size(), 2u);
  EXPECT_EQ(empty.error().fields[0].field, "removed_on");
  EXPECT_EQ(empty.error().fields[1].field, "reason");
  auto future = ValidateRemoval({"24", "11", "2026", "Moved"}, Today());
  ASSERT_FALSE(future);
  EXPECT_THAT(future.error().fields[0].message, HasSubstr("today or in the past"));
}

}  // namespace
}  // namespace waymark::dependants
