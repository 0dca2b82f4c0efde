// The canary: distinctive words typed into consent and disclosure records (an organisation's
// name, notes, a withdrawal note, what was shared, a reason) must never appear in the stored
// bytes: the SQLite database file and its WAL, or any PostgreSQL row as text. The codes and
// dates the rules need are in the clear, as designed.
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "tests/consent/consent_fixture.hpp"

namespace waymark::consent::testing {
namespace {

constexpr std::string_view kCanaryOrganisation = "Quillonbrecht Trust";
constexpr std::string_view kCanaryNote = "Xylophage whispers";
constexpr std::string_view kCanaryShared = "Zembarovich dossier";
constexpr std::string_view kCanaryReason = "Vortigale reasons of safeguarding urgency";

class ConsentCanaryTest : public ConsentTest {};

TEST_P(ConsentCanaryTest, WhatPeopleTypeNeverReachesTheStoredBytes) {
  cases::Case c = CreateAmina();
  ConsentInput sharing = Given("sharing", std::string(kCanaryOrganisation));
  sharing.notes = std::string(kCanaryNote) + " in the notes";
  ConsentRecord given = Record(c.id, sharing);
  ASSERT_TRUE(
      consent().RecordDisclosure(ActorFor(worker_), c.id,
                                 {std::string(kCanaryOrganisation), std::string(kCanaryShared),
                                  "2024-03-02", "consent", given.id, ""},
                                 origin_));
  ASSERT_TRUE(
      consent().RecordDisclosure(ActorFor(worker_), c.id,
                                 {"Lowtown Police", std::string(kCanaryShared), "2024-03-03",
                                  "safeguarding", "", std::string(kCanaryReason)},
                                 origin_));
  ASSERT_TRUE(consent().Withdraw(ActorFor(worker_), c.id, given.id,
                                 {"2024-03-04", std::string(kCanaryNote) + " at withdrawal"}, 1,
                                 origin_));
  // Reading decrypts them all back.
  auto list = consent().Disclosures(ActorFor(worker_), c.id, origin_);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->disclosures.size(), 2u);
  EXPECT_EQ(list->disclosures[0].disclosure.reason, kCanaryReason);
  EXPECT_EQ(list->consents[0].consent.recipient, kCanaryOrganisation);

  std::string bytes = StoredBytes();
  ASSERT_GT(bytes.size(), 1000u) << "the stored bytes were not read";
  for (std::string_view canary : {std::string_view("Quillonbrecht"), std::string_view("Xylophage"),
                                  std::string_view("Zembarovich"), std::string_view("Vortigale"),
                                  std::string_view("Lowtown Police")}) {
    EXPECT_EQ(bytes.find(canary), std::string::npos) << canary;
  }
  // Codes and dates the rules read are in the clear.
  EXPECT_NE(bytes.find("safeguarding"), std::string::npos);
  EXPECT_NE(bytes.find("2024-03-02"), std::string::npos);
}

WAYMARK_INSTANTIATE_DB_TEST(ConsentCanaryTest);

}  // namespace
}  // namespace waymark::consent::testing
