// Reading the NRM event form (nrm::ParseNewEntry, shared with the API): every problem at once,
// named after its field, and a recorded event's values back into the form for a correction.
#include "nrm/pages_event_form.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace waymark::nrm::pages {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> FieldsOf(const Problem& problem) {
  std::vector<std::string> fields;
  for (const auto& f : problem.fields) fields.push_back(f.field);
  return fields;
}

TEST(EventFormTest, AReferralIsReadIntoATypedEvent) {
  EventForm form{.event = "referred",
                 .date = {"5", "2", "2024"},
                 .first_responder = "Lowtown Borough Council",
                 .authority = "ieca",
                 .note = "By phone"};
  auto entry = ParseNewEntry(form, false);
  ASSERT_TRUE(entry) << entry.error().message;
  const auto& referred = std::get<Referred>(entry->event);
  EXPECT_EQ(referred.date, *ParseIsoDate("2024-02-05"));
  EXPECT_EQ(referred.first_responder, "Lowtown Borough Council");
  EXPECT_EQ(referred.authority, CompetentAuthority::kIeca);
  EXPECT_EQ(entry->note, "By phone");
}

TEST(EventFormTest, EveryProblemIsNamedAtOnce) {
  EventForm rna{.event = "rna_decided", .date = {"31", "2", "2024"}, .extended = "yes"};
  auto refused = ParseNewEntry(rna, true);
  ASSERT_FALSE(refused);
  EXPECT_THAT(FieldsOf(refused.error()), ElementsAre("date", "note", "extended_to"));
  EventForm cg{.event = "cg_decided", .date = {"1", "3", "2024"}, .outcome = "positive"};
  ASSERT_FALSE(ParseNewEntry(cg, false));  // "positive" is an RG outcome, not a CG one
  EXPECT_THAT(FieldsOf(ParseNewEntry(cg, false).error()), ElementsAre("outcome"));
  EventForm unknown{.event = "teleported"};
  EXPECT_THAT(FieldsOf(ParseNewEntry(unknown, false).error()), ElementsAre("event"));
}

TEST(EventFormTest, ARecordedEventFillsTheFormForACorrection) {
  Event event = RnaDecided{*ParseIsoDate("2024-03-01"), *ParseIsoDate("2024-09-30")};
  EventForm form = FormFor(event);
  EXPECT_EQ(form.event, "rna_decided");
  EXPECT_EQ(form.date.day, "1");
  EXPECT_EQ(form.extended, "yes");
  EXPECT_EQ(form.extended_to.month, "9");
  form.note = "Typed the wrong month";
  auto again = ParseNewEntry(form, true);
  ASSERT_TRUE(again);
  EXPECT_EQ(std::get<RnaDecided>(again->event).extended_to, *ParseIsoDate("2024-09-30"));
}

}  // namespace
}  // namespace waymark::nrm::pages
