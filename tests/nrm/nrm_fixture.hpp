// The case fixture (two providers, a manager, workers, an administrator; SQLite and PostgreSQL)
// with an NRM service whose consent answers come from the test, and helpers for its events.
#pragma once

#include <string>

#include "nrm/service.hpp"
#include "tests/cases/case_fixture.hpp"

namespace waymark::nrm::testing {

class NrmTest : public cases::testing::CaseTest {
 protected:
  // The service as the consent record would answer: `referral` and `identifying` consent.
  NrmService nrm(bool referral = true, bool identifying = false) {
    return NrmService(
        deps(), [referral, identifying](db::Tx&, const crypto::DataKey&, std::string_view, Date) {
          return NrmConsent{referral, identifying};
        });
  }

  static Date D(const char* iso) { return *ParseIsoDate(iso); }

  static NewEntry Referral(const char* date = "2024-01-05",
                           std::string first_responder = "Lowtown Borough Council") {
    return {Referred{D(date), std::move(first_responder), CompetentAuthority::kSca}};
  }

  std::string NrmStage(const std::string& case_id) {
    return db().Read([&](db::Tx& tx) {
      return tx.QueryOne("SELECT nrm_stage FROM cases WHERE id = ?", {case_id})->text(0);
    });
  }
};

}  // namespace waymark::nrm::testing
