// A provider with a manager and two support workers, another provider, and the case service,
// on SQLite and PostgreSQL (see identity_fixture.hpp).
#pragma once

#include <fstream>
#include <iterator>
#include <string>

#include "cases/service.hpp"
#include "tests/identity/identity_fixture.hpp"

namespace waymark::cases::testing {

class CaseTest : public identity::testing::IdentityTest {
 protected:
  void SetUp() override {
    IdentityTest::SetUp();
    if (IsSkipped()) return;  // no PostgreSQL here
    harbour_ = AddOrganisation("Harbour House", identity::OrgKind::kProvider);
    compass_ = AddOrganisation("Compass Outreach", identity::OrgKind::kProvider);
    manager_ = AddUser(harbour_, "manager@harbour.test", identity::Role::kServiceManager);
    worker_ = AddUser(harbour_, "worker@harbour.test", identity::Role::kSupportWorker);
    colleague_ = AddUser(harbour_, "colleague@harbour.test", identity::Role::kSupportWorker);
    admin_ = AddUser(harbour_, "admin@harbour.test", identity::Role::kAdministrator);
    other_manager_ = AddUser(compass_, "manager@compass.test", identity::Role::kServiceManager);
  }

  CaseService service() { return CaseService(deps()); }

  static CaseInput Amina() {
    CaseInput in;
    in.given_names = "Amina";
    in.family_name = "Zorbalova";
    in.other_names = "Mina Zee\nAmina Kastrati";
    in.dob_day = "14";
    in.dob_month = "7";
    in.dob_year = "1994";
    in.phone = "07700 900123";
    in.safe_contact_method = "text_message";
    in.safe_contact_times = "Weekday mornings";
    in.address = "12 Quince Lane, Lowtown";
    in.gender = "Feminine";
    in.nationalities = "AL";
    in.languages = "sqi, eng";
    in.interpreter_needed = "yes";
    in.interpreter_gender = "female";
    return in;
  }

  // A case opened by the support worker (and so assigned to them).
  Case CreateAmina() {
    auto created = service().Create(ActorFor(worker_), Amina(), origin_);
    if (!created) throw std::runtime_error("create: " + created.error().message);
    return *created;
  }

  // Everything stored, as bytes to search for a canary: the SQLite file, its WAL and journal,
  // or (on PostgreSQL) every row of every table cast to text.
  std::string StoredBytes() {
    std::string all;
    if (GetParam() == db::BackendKind::kSqlite) {
      std::string path = test_db().url().substr(std::string_view("sqlite:").size());
      for (const std::string& file : {path, path + "-wal", path + "-journal"}) {
        std::ifstream in(file, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
      }
      EXPECT_GT(all.size(), 10000u) << "the database files were not read";
      return all;
    }
    db().Read([&](db::Tx& tx) {
      for (const auto& table :
           tx.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    "current_schema() AND table_type = 'BASE TABLE'")) {
        // Table names come from the catalogue, not from a person.
        for (const auto& row : tx.Query("SELECT t::text FROM \"" + table.text(0) + "\" t")) {
          all += row.text(0);
          all += '\n';
        }
      }
    });
    EXPECT_NE(all.find("case.create"), std::string::npos) << "the tables were not read";
    return all;
  }

  int64_t CountAudit(std::string_view action) {
    int64_t n = 0;
    for (const auto& a : AuditActions()) n += a == action;
    return n;
  }

  identity::Organisation harbour_, compass_;
  identity::User manager_, worker_, colleague_, admin_, other_manager_;
};

}  // namespace waymark::cases::testing
