#include "app/commands.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/demo.hpp"
#include "app/demo_cases.hpp"
#include "app/runtime.hpp"
#include "identity/admin.hpp"
#include "identity/organisations.hpp"
#include "platform/audit/audit_log.hpp"
#include "platform/crypto/key_file.hpp"
#include "platform/db/embedded_migrations.hpp"
#include "platform/db/migrations.hpp"

namespace waymark::app {

namespace {

int Report(const Problem& problem, int code = 1) {
  std::cerr << "waymark: " << problem.message << "\n";
  return code;
}

}  // namespace

int MigrateCommand(const Config& config) {
  auto db = OpenDatabase(config);
  if (!db) return Report(db.error());
  auto report = db::Migrate(**db, db::EmbeddedMigrations((*db)->Backend()));
  if (!report) return Report(report.error());
  if (report->applied.empty()) {
    std::cout << "Schema is up to date at version " << report->to_version << ".\n";
  } else {
    std::cout << "Applied " << report->applied.size() << " migration(s): schema version "
              << report->from_version << " -> " << report->to_version << ".\n";
  }
  return 0;
}

int KeysInit(const Config& config) {
  std::filesystem::path path(config.key_file);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  auto keyring = crypto::CreateKeyFile(path);
  if (!keyring) return Report(keyring.error());
  std::cout << "Created key file " << path.string() << " (mode 0400).\n"
            << "Keep a copy somewhere safe and separate from database backups: without it the "
               "encrypted records cannot be read.\n";
  return 0;
}

int KeysRotate(const Config& config) {
  auto runtime = OpenRuntime(config);
  if (!runtime) return Report(runtime.error());
  Runtime& rt = **runtime;
  std::string old_kek = rt.keyring.current_kek_id();
  // 1. Add the new KEK and save, keeping the old one: a crash here leaves a usable key file.
  const std::string& new_kek = rt.keyring.AddKek();
  if (auto saved = crypto::SaveKeyring(rt.keyring, config.key_file); !saved) {
    return Report(saved.error());
  }
  // 2. Rewrap every data key under it, in one transaction with its audit event.
  auto rewrapped = rt.db->Write([&](db::Tx& tx) -> Result<int64_t> {
    auto count = identity::RewrapAllDataKeys(tx, rt.keyring);
    if (!count) return count;
    audit::Event event;
    event.action = "keys.rotate";
    event.actor_id = std::string(identity::kSystemActor);
    event.details = {
        {"old_kek", old_kek}, {"new_kek", new_kek}, {"data_keys", std::to_string(*count)}};
    rt.audit->Append(tx, event);
    return count;
  });
  if (!rewrapped) return Report(rewrapped.error());
  // 3. Only now drop the old KEK.
  if (auto removed = rt.keyring.RemoveKek(old_kek); !removed) return Report(removed.error());
  if (auto saved = crypto::SaveKeyring(rt.keyring, config.key_file); !saved) {
    return Report(saved.error());
  }
  std::cout << "Rotated the key-encryption key (" << old_kek << " -> " << new_kek
            << ") and rewrapped " << *rewrapped << " data key(s).\n";
  return 0;
}

int UserAdd(const Config& config, const std::string& organisation, const std::string& role,
            const std::string& email, const std::string& name) {
  auto runtime = OpenRuntime(config);
  if (!runtime) return Report(runtime.error());
  identity::AdminService admin((*runtime)->deps());
  auto created = admin.CreateUserFromCommandLine(organisation, role, email, name);
  if (!created) {
    std::string message = created.error().message;
    for (const auto& field : created.error().fields) message += "\n  " + field.message;
    return Report(Problem{created.error().kind, message, {}});
  }
  std::cout << "Created " << created->user.email << " (" << identity::Label(created->user.role)
            << ").\nSend them this link to set their password (valid for 72 hours, once):\n  "
            << (config.public_url.empty() ? "http://" + config.listen : config.public_url)
            << "/set-password/" << created->set_password_token << "\n";
  return 0;
}

int AuditVerify(const Config& config, const std::optional<std::string>& anchor_file) {
  auto runtime = OpenRuntime(config);
  if (!runtime) return Report(runtime.error());
  Runtime& rt = **runtime;
  audit::VerifyReport report = audit::Verify(*rt.db, rt.keyring.audit_mac_key());
  if (!report.intact()) {
    std::cerr << "waymark: audit chain broken at event " << *report.first_bad << ": "
              << report.problem << "\n";
    return 1;
  }
  if (anchor_file) {
    std::ifstream in(*anchor_file);
    std::stringstream text;
    text << in.rdbuf();
    auto anchor = audit::ParseAnchor(text.str());
    if (!in || !anchor)
      return Report(Problem::Invalid("anchor", "cannot read an anchor from " + *anchor_file));
    auto checked = audit::VerifyAnchor(*rt.db, *anchor, rt.keyring.audit_public_key());
    if (!checked) return Report(checked.error());
  }
  std::cout << "Audit chain intact: " << report.events << " events"
            << (anchor_file ? ", anchor verified" : "") << ".\n";
  return 0;
}

int AuditAnchor(const Config& config) {
  auto runtime = OpenRuntime(config);
  if (!runtime) return Report(runtime.error());
  Runtime& rt = **runtime;
  auto anchor = audit::MakeAnchor(*rt.db, rt.keyring.audit_signing_seed(),
                                  rt.keyring.audit_public_key(), *rt.clock);
  std::cout << audit::FormatAnchor(anchor) << "\n";
  return 0;
}

int TotpCode(const Config& config, const std::string& email) {
  if (!config.demo) {
    std::cerr << "waymark: totp-code works in demo mode only (--demo or WAYMARK_DEMO=true)\n";
    return 2;
  }
  auto runtime = OpenRuntime(config);
  if (!runtime) return Report(runtime.error());
  auto code = DemoTotpCode(**runtime, email);
  if (!code) return Report(code.error());
  std::cout << *code << "\n";
  return 0;
}

int DemoData(const Config& config, int64_t cases, uint64_t seed) {
  if (!config.demo) {
    std::cerr << "waymark: demo-data works in demo mode only (--demo or WAYMARK_DEMO=true)\n";
    return 2;
  }
  auto runtime = OpenRuntime(config);
  if (!runtime) return Report(runtime.error());
  bool empty =
      (*runtime)->db->Read([](db::Tx& tx) { return !identity::AnyOrganisationExists(tx); });
  if (empty) {
    auto loaded = LoadDemoData(**runtime);
    if (!loaded) return Report(loaded.error());
  }
  auto report = GenerateDemoCases(**runtime, cases, seed);
  if (!report) return Report(report.error());
  std::cout << "Added " << report->cases << " synthetic cases and " << report->contacts
            << " contacts in " << report->seconds << " s.\n";
  for (const auto& phase : report->phases) {
    std::cout << "  " << phase.name << ": " << phase.seconds << " s\n";
  }
  return 0;
}

}  // namespace waymark::app
