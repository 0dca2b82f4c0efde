#include "cases/model.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark::cases {
namespace {

using namespace std::chrono;
using ::testing::ElementsAre;

const Date kToday = sys_days(2026y / November / 23);

CaseInput Minimal() {
  CaseInput in;
  in.given_names = "Amina";
  return in;
}

std::vector<std::string> Fields(const Result<ValidCase>& r) {
  std::vector<std::string> out;
  if (!r) {
    for (const auto& f : r.error().fields) out.push_back(f.field);
  }
  return out;
}

TEST(CaseModel, ANameThePersonUsesIsEnough) {
  auto valid = ValidateCase(Minimal(), kToday);
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->personal.FullName(), "Amina");
  EXPECT_EQ(valid->clear.age_band, "unknown");
  EXPECT_THAT(Fields(ValidateCase(CaseInput{}, kToday)), ElementsAre("given_names"));
}

TEST(CaseModel, CodesAreNormalisedDeduplicatedAndChecked) {
  CaseInput in = Minimal();
  in.nationalities = "al, VN;al\nGB";
  in.languages = "SQI vie";
  auto valid = ValidateCase(in, kToday);
  ASSERT_TRUE(valid);
  EXPECT_THAT(valid->clear.nationalities, ElementsAre("AL", "VN", "GB"));
  EXPECT_THAT(valid->clear.languages, ElementsAre("sqi", "vie"));
  in.nationalities = "Albania";
  in.languages = "xx";
  EXPECT_THAT(Fields(ValidateCase(in, kToday)), ElementsAre("nationalities", "languages"));
}

TEST(CaseModel, DateOfBirthMustBeRealPastAndAdult) {
  CaseInput in = Minimal();
  in.dob_day = "29";
  in.dob_month = "2";
  in.dob_year = "2001";
  EXPECT_THAT(Fields(ValidateCase(in, kToday)), ElementsAre("dob"));  // not a leap year
  in.dob_year = "2027";
  in.dob_day = "1";
  EXPECT_THAT(Fields(ValidateCase(in, kToday)), ElementsAre("dob"));
  // 18 on the day itself is an adult; one day short is not.
  in.dob_day = "23";
  in.dob_month = "11";
  in.dob_year = "2008";
  EXPECT_TRUE(ValidateCase(in, kToday));
  in.dob_day = "24";
  auto child = ValidateCase(in, kToday);
  ASSERT_FALSE(child);
  EXPECT_THAT(child.error().fields[0].message, ::testing::HasSubstr("18 or over"));
}

TEST(CaseModel, EstimatedAgeIsAnAdultWholeNumberAndNotBesideADateOfBirth) {
  CaseInput in = Minimal();
  in.estimated_age = "30";
  auto valid = ValidateCase(in, kToday);
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->clear.age_band, "25-34");
  for (std::string bad : {"17", "121", "thirty", "3.5"}) {
    in.estimated_age = bad;
    EXPECT_THAT(Fields(ValidateCase(in, kToday)), ElementsAre("estimated_age")) << bad;
  }
  in.estimated_age = "30";
  in.dob_day = "1";
  in.dob_month = "1";
  in.dob_year = "1990";
  EXPECT_THAT(Fields(ValidateCase(in, kToday)), ElementsAre("estimated_age"));
}

TEST(CaseModel, ContactDetailsAndChoicesAreChecked) {
  CaseInput in = Minimal();
  in.phone = "call me";
  in.email = "not an email";
  in.safe_contact_method = "pigeon";
  in.gender = "Robot";
  in.interpreter_needed = "perhaps";
  in.interpreter_gender = "any";
  in.dialect = std::string(201, 'x');
  EXPECT_THAT(Fields(ValidateCase(in, kToday)),
              ElementsAre("phone", "email", "safe_contact_method", "gender", "dialect",
                          "interpreter_needed", "interpreter_gender"));
}

TEST(CaseModel, AnInterpreterPreferenceIsKeptOnlyWhenAnInterpreterIsNeeded) {
  CaseInput in = Minimal();
  in.interpreter_needed = "no";
  in.interpreter_gender = "female";
  auto valid = ValidateCase(in, kToday);
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->clear.interpreter_gender, "");
  in.interpreter_needed = "yes";
  EXPECT_EQ(ValidateCase(in, kToday)->clear.interpreter_gender, "female");
}

TEST(CaseModel, LimitsAndControlCharactersAreRefused) {
  CaseInput in = Minimal();
  in.family_name = std::string(101, 'a');
  in.address = "line one\nline two";  // new lines are fine in an address
  in.safe_contact_times = std::string("bell\a");
  EXPECT_THAT(Fields(ValidateCase(in, kToday)), ElementsAre("family_name", "safe_contact_times"));
  in = Minimal();
  in.other_names = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk";
  EXPECT_THAT(Fields(ValidateCase(in, kToday)), ElementsAre("other_names"));
}

TEST(CaseModel, TheEditFormShowsTheStoredValues) {
  CaseInput in = Minimal();
  in.family_name = "Zorbalova";
  in.other_names = "Mina\nAmi";
  in.dob_day = "4";
  in.dob_month = "07";
  in.dob_year = "1994";
  in.nationalities = "AL VN";
  in.interpreter_needed = "yes";
  auto valid = ValidateCase(in, kToday);
  ASSERT_TRUE(valid);
  Case c;
  c.personal = valid->personal;
  c.clear = valid->clear;
  auto again = ValidateCase(InputFor(c), kToday);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->personal, valid->personal);
  EXPECT_EQ(again->clear, valid->clear);
}

}  // namespace
}  // namespace waymark::cases
