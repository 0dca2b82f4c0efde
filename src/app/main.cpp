// The waymark binary: one program, subcommands for serving, migrating, keys, users and audit.
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"

namespace {

using waymark::app::CommandLineValues;

// Adds the shared options (config, database, key file, ...) to a subcommand; only values the
// person typed reach LoadConfig, so file and environment settings are not overridden by defaults.
struct SharedOptions {
  std::string config, database, key_file, listen, public_url;
  bool demo = false;

  void AddTo(CLI::App& command, bool serving) {
    command.add_option("--config", config, "TOML file of settings");
    command.add_option("--database", database, "sqlite:PATH or postgresql://...");
    command.add_option("--key-file", key_file, "Key file (mode 0400)");
    command.add_option("--public-url", public_url, "Address people use (https: Secure cookies)");
    command.add_flag("--demo", demo, "Demo mode");
    if (serving) command.add_option("--listen", listen, "ADDRESS:PORT to serve on");
  }

  CommandLineValues Values() const {
    CommandLineValues values;
    auto put = [&values](const char* key, const std::string& value) {
      if (!value.empty()) values[key] = value;
    };
    put("config", config);
    put("database", database);
    put("key_file", key_file);
    put("listen", listen);
    put("public_url", public_url);
    if (demo) values["demo"] = "true";
    return values;
  }
};

}  // namespace

int main(int argc, char** argv) {
  namespace app = waymark::app;
  CLI::App cli{"Waymark: secure case records for the support of survivors of modern slavery"};
  cli.require_subcommand(1);
  SharedOptions shared;

  auto* serve = cli.add_subcommand("serve", "Serve the web application");
  shared.AddTo(*serve, true);
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  shared.AddTo(*migrate, false);

  auto* keys = cli.add_subcommand("keys", "Manage the key file");
  keys->require_subcommand(1);
  auto* keys_init = keys->add_subcommand("init", "Create the key file (mode 0400)");
  shared.AddTo(*keys_init, false);
  auto* keys_rotate =
      keys->add_subcommand("rotate", "New key-encryption key; rewrap every data key");
  shared.AddTo(*keys_rotate, false);

  auto* user = cli.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Create an account; print a set-password link");
  std::string org, role, email, name;
  user_add->add_option("--org", org, "Organisation id or exact name")->required();
  user_add
      ->add_option("--role", role,
                   "support_worker, service_manager, contract_manager, "
                   "referral_partner, inspector, analyst or administrator")
      ->required();
  user_add->add_option("--email", email, "Email address")->required();
  user_add->add_option("--name", name, "Full name (default: the email's local part)");
  shared.AddTo(*user_add, false);

  auto* audit = cli.add_subcommand("audit", "Check the audit log");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Check the whole hash chain");
  std::string anchor_file;
  audit_verify->add_option("--anchor", anchor_file, "Also check an anchor printed earlier");
  shared.AddTo(*audit_verify, false);
  auto* audit_anchor = audit->add_subcommand("anchor", "Print the signed chain head");
  shared.AddTo(*audit_anchor, false);

  auto* totp = cli.add_subcommand("totp-code", "Print a demo user's current security code");
  std::string totp_user;
  totp->add_option("--user", totp_user, "The demo user's email address")->required();
  shared.AddTo(*totp, false);

  auto* demo_data = cli.add_subcommand("demo-data", "Add synthetic cases (demo mode only)");
  int64_t demo_cases = 300;
  uint64_t demo_seed = 1;
  demo_data->add_option("--cases", demo_cases, "How many cases to add (default 300)");
  demo_data->add_option("--seed", demo_seed, "Random seed, for the same cases again (default 1)");
  shared.AddTo(*demo_data, false);

  CLI11_PARSE(cli, argc, argv);

  auto config = app::LoadConfig(shared.Values(), app::ProcessEnvironment());
  if (!config) {
    std::cerr << "waymark: " << config.error().message << "\n";
    return 2;
  }
  // Expected problems are reported by each command; anything else (a database refusing the
  // migrator's privileges, a full disk) ends here with its message instead of an abort.
  try {
    if (*serve) return app::Serve(*config);
    if (*migrate) return app::MigrateCommand(*config);
    if (*keys_init) return app::KeysInit(*config);
    if (*keys_rotate) return app::KeysRotate(*config);
    if (*demo_data) return app::DemoData(*config, demo_cases, demo_seed);
    if (*user_add) return app::UserAdd(*config, org, role, email, name);
    if (*audit_verify) {
      return app::AuditVerify(*config,
                              anchor_file.empty() ? std::nullopt : std::optional(anchor_file));
    }
    if (*audit_anchor) return app::AuditAnchor(*config);
    if (*totp) return app::TotpCode(*config, totp_user);
  } catch (const std::exception& e) {
    std::cerr << "waymark: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
