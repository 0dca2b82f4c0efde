#include "app/runtime.hpp"

#include "platform/crypto/key_file.hpp"
#include "platform/db/embedded_migrations.hpp"
#include "platform/db/migrations.hpp"

namespace waymark::app {

identity::Deps Runtime::deps() const {
  return identity::Deps{*db,
                        keyring,
                        *clock,
                        *audit,
                        *audit_reads,
                        identity::SessionLimits{std::chrono::minutes(config.session_idle_minutes),
                                                std::chrono::hours(config.session_absolute_hours)}};
}

Result<std::unique_ptr<db::Database>> OpenDatabase(const Config& config) {
  db::OpenOptions options;
  options.pool_size = config.database_pool;
  return db::Open(config.database, options);
}

Result<std::unique_ptr<Runtime>> OpenRuntime(const Config& config,
                                             std::shared_ptr<const Clock> clock) {
  auto keyring = crypto::LoadKeyring(config.key_file);
  if (!keyring) return Fail(keyring.error());
  auto db = OpenDatabase(config);
  if (!db) return Fail(db.error());
  auto current = db::CheckSchemaCurrent(**db, db::EmbeddedMigrations((*db)->Backend()));
  if (!current) return Fail(current.error());
  auto runtime = std::unique_ptr<Runtime>(
      new Runtime{config, std::move(clock), std::move(*keyring), std::move(*db), nullptr, nullptr});
  runtime->audit =
      std::make_unique<audit::AuditLog>(runtime->keyring.audit_mac_key(), *runtime->clock);
  runtime->audit_reads = std::make_unique<audit::GroupCommit>(*runtime->db, *runtime->audit);
  return runtime;
}

}  // namespace waymark::app
