// The case fixture (two providers, a manager, workers, an administrator; SQLite and PostgreSQL)
// with the consent service and builders for consent and disclosure input. The fixture's clock
// starts on 4 March 2024 (London), so dates before it are in the past.
#pragma once

#include <string>
#include <string_view>

#include "consent/service.hpp"
#include "tests/cases/case_fixture.hpp"

namespace waymark::consent::testing {

class ConsentTest : public cases::testing::CaseTest {
 protected:
  ConsentService consent() { return ConsentService(deps()); }

  // Consent given in English, verbally, with an interpreter, on 1 March 2024.
  static ConsentInput Given(std::string purpose, std::string recipient = "",
                            std::string method = "") {
    ConsentInput in;
    in.purpose = std::move(purpose);
    in.recipient = std::move(recipient);
    in.contact_method = std::move(method);
    in.decision = "given";
    in.language = "sqi";
    in.interpreter = "yes";
    in.format = "verbal";
    in.decided_on = "2024-03-01";
    return in;
  }
  static ConsentInput Refused(std::string purpose, std::string recipient = "") {
    ConsentInput in = Given(std::move(purpose), std::move(recipient));
    in.decision = "refused";
    return in;
  }

  // Records `in` on `case_id` as the assigned worker; throws when refused.
  ConsentRecord Record(std::string_view case_id, const ConsentInput& in) {
    auto saved = consent().RecordConsent(ActorFor(worker_), case_id, in, origin_);
    if (!saved) throw std::runtime_error("record consent: " + saved.error().message);
    return *saved;
  }

  static DisclosureInput SharedWith(std::string recipient, std::string basis,
                                    std::string consent_id = "", std::string reason = "") {
    return {std::move(recipient),  "Name, date of birth and current address",
            "2024-03-02",          std::move(basis),
            std::move(consent_id), std::move(reason)};
  }

  // The details of the audit events with this action, in order, as stored (JSON text).
  std::vector<std::string> AuditDetails(std::string_view action) {
    return db().Read([&](db::Tx& tx) {
      std::vector<std::string> out;
      for (const auto& row :
           tx.Query("SELECT details FROM audit_events WHERE action = ? ORDER BY seq", {action})) {
        out.push_back(row.text(0));
      }
      return out;
    });
  }
};

}  // namespace waymark::consent::testing
