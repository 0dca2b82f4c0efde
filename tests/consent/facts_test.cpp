// What the NRM and tasks features read about a case's consent, on both databases.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "consent/facts.hpp"
#include "identity/organisations.hpp"
#include "tests/consent/consent_fixture.hpp"

namespace waymark::consent::testing {
namespace {

class ConsentFactsTest : public ConsentTest {
 protected:
  template <class Fn>
  auto WithKey(Fn fn) {
    return db().Read([&](db::Tx& tx) {
      auto key = identity::LoadDataKey(tx, keyring(), harbour_.id);
      if (!key) throw std::runtime_error(key.error().message);
      return fn(tx, *key);
    });
  }
  ConsentFacts FactsOn(std::string_view case_id, std::string_view day) {
    return WithKey([&](db::Tx& tx, const crypto::DataKey& key) {
      return ConsentFactsFor(tx, key, case_id, *ParseIsoDate(day));
    });
  }
  std::vector<ExpiringConsent> Expiring(std::string_view case_id, std::string_view from,
                                        std::string_view to) {
    return WithKey([&](db::Tx& tx, const crypto::DataKey& key) {
      return ConsentsExpiring(tx, key, case_id, *ParseIsoDate(from), *ParseIsoDate(to));
    });
  }
};

TEST_P(ConsentFactsTest, AnNrmReferralNeedsConsentInForceOnTheDay) {
  cases::Case c = CreateAmina();
  ConsentFacts none = FactsOn(c.id, "2024-03-04");
  EXPECT_FALSE(none.nrm_referral);
  EXPECT_FALSE(none.identifying_details);

  Record(c.id, Given("support"));  // not consent to a referral
  EXPECT_FALSE(FactsOn(c.id, "2024-03-04").nrm_referral);

  ConsentRecord nrm = Record(c.id, Given("nrm_referral"));
  ConsentFacts given = FactsOn(c.id, "2024-03-04");
  EXPECT_TRUE(given.nrm_referral);
  EXPECT_TRUE(given.identifying_details);
  EXPECT_FALSE(FactsOn(c.id, "2024-02-29").nrm_referral);  // before it was given

  ASSERT_TRUE(consent().Withdraw(ActorFor(worker_), c.id, nrm.id, {"2024-03-03", ""}, 1, origin_));
  EXPECT_FALSE(FactsOn(c.id, "2024-03-04").nrm_referral);
  EXPECT_TRUE(FactsOn(c.id, "2024-03-02").nrm_referral);  // it was in force until then
}

TEST_P(ConsentFactsTest, ARefusalOnTheSameDayTakesOverFromConsent) {
  cases::Case c = CreateAmina();
  Record(c.id, Given("nrm_referral"));
  Record(c.id, Refused("nrm_referral"));
  EXPECT_FALSE(FactsOn(c.id, "2024-03-04").nrm_referral);
}

TEST_P(ConsentFactsTest, ConsentsExpiringListsPermissionsThatLapseInTheWindow) {
  cases::Case c = CreateAmina();
  ConsentInput support = Given("support");
  support.expires_on = "2024-03-20";
  ConsentRecord lapsing = Record(c.id, support);
  ConsentInput sms = Given("contact", "", "text_message");
  sms.expires_on = "2024-03-10";
  Record(c.id, sms);  // renewed below, so it does not lapse
  ConsentInput sms_again = Given("contact", "", "text_message");
  sms_again.decided_on = "2024-03-04";
  sms_again.expires_on = "2024-09-01";
  Record(c.id, sms_again);
  ConsentInput sharing = Given("sharing", "Migrant Help");
  sharing.expires_on = "2024-03-15";
  ConsentRecord withdrawn = Record(c.id, sharing);
  ASSERT_TRUE(
      consent().Withdraw(ActorFor(worker_), c.id, withdrawn.id, {"2024-03-04", ""}, 1, origin_));
  ConsentInput later = Given("nrm_referral");
  later.expires_on = "2024-06-01";
  Record(c.id, later);

  auto soon = Expiring(c.id, "2024-03-04", "2024-04-03");
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].consent_id, lapsing.id);
  EXPECT_EQ(soon[0].case_id, c.id);
  EXPECT_EQ(soon[0].purpose, Purpose::kSupport);
  EXPECT_EQ(soon[0].expires_on, *ParseIsoDate("2024-03-20"));
  EXPECT_EQ(Expiring(c.id, "2024-03-04", "2024-06-01").size(), 2u);
  EXPECT_TRUE(Expiring(c.id, "2024-03-21", "2024-04-30").empty());
}

WAYMARK_INSTANTIATE_DB_TEST(ConsentFactsTest);

}  // namespace
}  // namespace waymark::consent::testing
