// The case fixture (two providers, a manager, an assigned worker, an unassigned colleague, an
// administrator) with the contact service and a ready-made contact, on SQLite and PostgreSQL.
#pragma once

#include <string>

#include "contacts/service.hpp"
#include "tests/cases/case_fixture.hpp"

namespace waymark::contacts::testing {

class ContactTest : public cases::testing::CaseTest {
 protected:
  ContactService contacts() { return ContactService(deps()); }

  // A phone call on the fixture's today (4 March 2024).
  static ContactInput Call(std::string notes = "Checked in about the GP appointment") {
    ContactInput in;
    in.date_day = "4";
    in.date_month = "3";
    in.date_year = "2024";
    in.contact_time = "08:15";
    in.contact_type = "phone";
    in.contact_with = "survivor";
    in.interpreter_used = "yes";
    in.interpreter_language = "sqi";
    in.duration = "20";
    in.notes = std::move(notes);
    in.restricted = "no";
    return in;
  }

  Contact RecordAs(const identity::User& user, const std::string& case_id, const ContactInput& in) {
    auto recorded = contacts().Record(ActorFor(user), case_id, in, origin_);
    if (!recorded) throw std::runtime_error("record: " + recorded.error().message);
    return *recorded;
  }
};

}  // namespace waymark::contacts::testing
