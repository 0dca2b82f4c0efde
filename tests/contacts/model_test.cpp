// The pure rules of a contact record: every problem at once with GOV.UK messages, and the
// values each type of contact needs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contacts/model.hpp"

namespace waymark::contacts {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

const Date kToday = *ParseIsoDate("2026-03-10");

bool OnlyAlbanian(std::string_view code) { return code == "sqi"; }

ContactInput Visit() {
  ContactInput in;
  in.date_day = "3";
  in.date_month = "3";
  in.date_year = "2026";
  in.contact_time = "9:30";
  in.contact_type = "visit";
  in.contact_with = "survivor";
  in.interpreter_used = "yes";
  in.interpreter_language = "sqi";
  in.duration = "45";
  in.notes = "  Talked about the move to the new flat.  ";
  in.restricted = "no";
  return in;
}

std::vector<std::pair<std::string, std::string>> Errors(const Result<ContactDetails>& result) {
  std::vector<std::pair<std::string, std::string>> out;
  if (result) return out;
  for (const auto& f : result.error().fields) out.emplace_back(f.field, f.message);
  return out;
}

TEST(ContactModelTest, AVisitWithAnInterpreterIsValid) {
  auto valid = ValidateContact(Visit(), kToday, OnlyAlbanian);
  ASSERT_TRUE(valid) << valid.error().fields[0].message;
  EXPECT_EQ(valid->contact_date, *ParseIsoDate("2026-03-03"));
  EXPECT_EQ(valid->contact_time, "09:30");
  EXPECT_EQ(valid->type, ContactType::kVisit);
  EXPECT_EQ(valid->with, ContactWith::kSurvivor);
  EXPECT_TRUE(valid->interpreter_used);
  EXPECT_EQ(valid->interpreter_language, "sqi");
  EXPECT_EQ(valid->duration_minutes, 45);
  EXPECT_EQ(valid->notes, "Talked about the move to the new flat.");
  EXPECT_FALSE(valid->restricted);
  // The form shows a stored contact as it was typed, and it validates to the same values.
  auto again = ValidateContact(InputFor(*valid), kToday, OnlyAlbanian);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *valid);
}

TEST(ContactModelTest, AnEmptyFormNamesEveryMissingAnswer) {
  EXPECT_THAT(Errors(ValidateContact({}, kToday, OnlyAlbanian)),
              ElementsAre(Pair("contact_date", "Enter the date of the contact"),
                          Pair("contact_type", "Select the type of contact"),
                          Pair("contact_with", "Select who the contact was with"),
                          Pair("interpreter_used", "Select whether an interpreter was used"),
                          Pair("notes", "Enter notes about the contact"),
                          Pair("restricted", "Select whether the note is restricted")));
}

TEST(ContactModelTest, DatesMustBeRealCompleteAndNotInTheFuture) {
  ContactInput in = Visit();
  in.date_day = "";
  EXPECT_THAT(
      Errors(ValidateContact(in, kToday, OnlyAlbanian)),
      ElementsAre(Pair("contact_date", "Date of the contact must include a day, month and year")));
  in.date_day = "30";
  in.date_month = "2";
  EXPECT_THAT(Errors(ValidateContact(in, kToday, OnlyAlbanian)),
              ElementsAre(Pair("contact_date", "Date of the contact must be a real date")));
  in.date_day = "11";
  in.date_month = "3";
  EXPECT_THAT(
      Errors(ValidateContact(in, kToday, OnlyAlbanian)),
      ElementsAre(Pair("contact_date", "Date of the contact must be today or in the past")));
  in.date_day = "10";
  EXPECT_TRUE(ValidateContact(in, kToday, OnlyAlbanian));
}

TEST(ContactModelTest, TimesAreOptionalButMustBeReal) {
  EXPECT_EQ(ParseTimeOfDay("14:30"), "14:30");
  EXPECT_EQ(ParseTimeOfDay("0905"), "09:05");
  EXPECT_EQ(ParseTimeOfDay("24:00"), std::nullopt);
  EXPECT_EQ(ParseTimeOfDay("9:5"), std::nullopt);
  EXPECT_EQ(ParseTimeOfDay("noon"), std::nullopt);
  ContactInput in = Visit();
  in.contact_time = "";
  ASSERT_TRUE(ValidateContact(in, kToday, OnlyAlbanian));
  EXPECT_EQ(ValidateContact(in, kToday, OnlyAlbanian)->contact_time, "");
  in.contact_time = "25:61";
  EXPECT_THAT(
      Errors(ValidateContact(in, kToday, OnlyAlbanian)),
      ElementsAre(Pair("contact_time", "Time of the contact must be a real time, like 14:30")));
}

TEST(ContactModelTest, AnInterpreterNeedsAKnownLanguage) {
  ContactInput in = Visit();
  in.interpreter_language = "";
  EXPECT_THAT(Errors(ValidateContact(in, kToday, OnlyAlbanian)),
              ElementsAre(Pair("interpreter_language", "Enter the language the interpreter used")));
  in.interpreter_language = "albanian";
  EXPECT_THAT(Errors(ValidateContact(in, kToday, OnlyAlbanian)),
              ElementsAre(Pair("interpreter_language",
                               "Enter the language as a three-letter ISO 639-3 code, like sqi "
                               "or tir")));
  // Without an interpreter the language is not asked for, and not kept.
  in.interpreter_used = "no";
  auto valid = ValidateContact(in, kToday, OnlyAlbanian);
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->interpreter_language, "");
}

TEST(ContactModelTest, DurationIsWholeMinutesUpToADayAndRequiredForVisitsAndCalls) {
  ContactInput in = Visit();
  for (const char* bad : {"0", "1441", "-5"}) {
    in.duration = bad;
    EXPECT_THAT(Errors(ValidateContact(in, kToday, OnlyAlbanian)),
                ElementsAre(Pair("duration", "Duration must be between 1 and 1440 minutes")))
        << bad;
  }
  for (const char* bad : {"45 minutes", "1.5", "9999999999"}) {
    in.duration = bad;
    EXPECT_THAT(
        Errors(ValidateContact(in, kToday, OnlyAlbanian)),
        ElementsAre(Pair("duration", "Duration must be a whole number of minutes, like 45")))
        << bad;
  }
  in.duration = "";
  EXPECT_THAT(Errors(ValidateContact(in, kToday, OnlyAlbanian)),
              ElementsAre(Pair("duration", "Enter how long the contact lasted, in minutes")));
  in.contact_type = "message";
  auto message = ValidateContact(in, kToday, OnlyAlbanian);
  ASSERT_TRUE(message);
  EXPECT_EQ(message->duration_minutes, std::nullopt);
  in.duration = "1440";
  EXPECT_EQ(ValidateContact(in, kToday, OnlyAlbanian)->duration_minutes, 1440);
}

TEST(ContactModelTest, AnAttemptWithNoAnswerNeedsNoNotesOrDuration) {
  ContactInput in = Visit();
  in.contact_type = "attempted";
  in.duration = "";
  in.notes = "";
  in.interpreter_used = "no";
  auto valid = ValidateContact(in, kToday, OnlyAlbanian);
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->type, ContactType::kAttemptedNoAnswer);
  EXPECT_EQ(Label(valid->type), "Attempted contact, no answer");
}

TEST(ContactModelTest, UnknownCodesAndBrokenTextAreRefused) {
  ContactInput in = Visit();
  in.contact_type = "carrier_pigeon";
  in.contact_with = "exploiter";
  in.restricted = "maybe";
  in.notes = std::string("bad \x01 byte");
  EXPECT_THAT(Errors(ValidateContact(in, kToday, OnlyAlbanian)),
              ElementsAre(Pair("contact_type", "Select the type of contact"),
                          Pair("contact_with", "Select who the contact was with"),
                          Pair("notes", "Notes must not contain control characters or broken text"),
                          Pair("restricted", "Select whether the note is restricted")));
  in = Visit();
  in.notes = std::string(kMaxNotes + 1, 'a');
  EXPECT_THAT(Errors(ValidateContact(in, kToday, OnlyAlbanian)),
              ElementsAre(Pair("notes", "Notes must be 20000 characters or fewer")));
}

TEST(ContactModelTest, ReasonsAndOwnAccountsAreRequired) {
  auto reason = ValidateErrorReason("  ");
  ASSERT_FALSE(reason);
  EXPECT_EQ(reason.error().fields[0].field, "reason");
  EXPECT_EQ(reason.error().fields[0].message, "Enter why this contact was entered in error");
  EXPECT_EQ(ValidateErrorReason(" Wrong case ").value_or(""), "Wrong case");
  EXPECT_FALSE(ValidateErrorReason(std::string(kMaxErrorReason + 1, 'x')));
  auto account = ValidateOwnAccount("");
  ASSERT_FALSE(account);
  EXPECT_EQ(account.error().fields[0].message, "Enter their account in their own words");
  EXPECT_EQ(ValidateOwnAccount("In my words.").value_or(""), "In my words.");
}

TEST(ContactModelTest, CodesRoundTrip) {
  for (ContactType type : AllContactTypes()) EXPECT_EQ(ParseContactType(Code(type)), type);
  for (ContactWith with : AllContactWith()) EXPECT_EQ(ParseContactWith(Code(with)), with);
  EXPECT_EQ(ParseContactType("Visit"), std::nullopt);
  EXPECT_TRUE(NeedsDuration(ContactType::kPhone));
  EXPECT_FALSE(NeedsDuration(ContactType::kOther));
}

}  // namespace
}  // namespace waymark::contacts
