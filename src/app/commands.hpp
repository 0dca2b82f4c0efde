// The subcommands of the waymark binary. Each returns the process exit code and prints what an
// administrator needs; problems go to standard error.
#pragma once

#include <optional>
#include <string>

#include "app/config.hpp"

namespace waymark::app {

int Serve(const Config& config);
int MigrateCommand(const Config& config);
int KeysInit(const Config& config);
int KeysRotate(const Config& config);
int UserAdd(const Config& config, const std::string& organisation, const std::string& role,
            const std::string& email, const std::string& name);
int AuditVerify(const Config& config, const std::optional<std::string>& anchor_file);
int AuditAnchor(const Config& config);
int TotpCode(const Config& config, const std::string& email);
// Synthetic cases for demonstrations and benchmarks (demo mode only); loads the demo
// organisations and users first if the database is empty.
int DemoData(const Config& config, int64_t cases, uint64_t seed);

}  // namespace waymark::app
