#include <iostream>

#include "app/commands.hpp"
#include "app/demo.hpp"
#include "app/routes.hpp"
#include "identity/admin.hpp"
#include "identity/organisations.hpp"
#include "platform/http/logging.hpp"
#include "platform/http/server.hpp"

namespace waymark::app {

namespace {

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost" || host.starts_with("127.");
}

// On an empty database: demo data in demo mode, otherwise a one-time set-up link.
bool PrepareEmptyDatabase(Runtime& runtime, identity::AdminService& admin) {
  bool empty = runtime.db->Read([](db::Tx& tx) { return !identity::AnyOrganisationExists(tx); });
  if (runtime.config.demo) {
    if (empty) {
      auto loaded = LoadDemoData(runtime);
      if (!loaded) {
        std::cerr << "waymark: cannot load demo data: " << loaded.error().message << "\n";
        return false;
      }
    }
    std::cout << "\nDemo accounts (password for all: \"" << kDemoPassword << "\"):\n";
    for (const auto& account : DemoAccounts()) {
      std::cout << "  " << account.email << "  " << account.role << ", " << account.organisation
                << "\n";
    }
    std::cout << "Security codes: build/waymark totp-code --demo --user EMAIL\n"
              << "new.worker@harbour.demo has no authenticator yet: sign in to set one up.\n\n";
    return true;
  }
  if (empty) {
    auto token = admin.CreateSetupLink();
    if (!token) {
      std::cerr << "waymark: " << token.error().message << "\n";
      return false;
    }
    std::cout << "\nWaymark has no organisations yet. Set it up within 30 minutes at:\n  "
              << runtime.config.public_url << "/setup/" << *token << "\n\n";
  }
  return true;
}

}  // namespace

int Serve(const Config& config) {
  auto level = http::ParseLogLevel(config.log_level);
  http::InitJsonLogging(level.value_or(http::LogLevel::kInfo));
  auto listen = ParseListenAddress(config.listen);
  if (!listen) {
    std::cerr << "waymark: " << listen.error().message << "\n";
    return 2;
  }
  if (config.demo && !IsLoopback(listen->host)) {
    std::cerr << "waymark: demo mode serves on loopback only (127.0.0.1 or ::1): its accounts "
                 "and password are public\n";
    return 2;
  }
  auto runtime = OpenRuntime(config);
  if (!runtime) {
    std::cerr << "waymark: " << runtime.error().message << "\n";
    return 1;
  }
  auto metrics = std::make_shared<http::MetricsRegistry>();
  // The server binds first, so the public URL can name the port it really got; it serves
  // nothing until Run(), by when the application exists.
  std::unique_ptr<WebApp> app;
  http::ServerOptions options;
  options.address = listen->host;
  options.port = listen->port;
  options.worker_threads = static_cast<size_t>(config.workers);
  options.tls = config.public_url.starts_with("https://");
  options.trust_forwarded_for = config.trust_proxy;
  options.csp = WebApp::ContentSecurityPolicy();
  options.stop_on_signals = true;
  options.metrics = metrics;
  options.body_limit = [&app](std::string_view method, std::string_view path) {
    return app->router.BodyLimitFor(method, path);
  };
  http::Server server(options, [&app](http::Request& req) { return app->Handle(req); });
  if ((*runtime)->config.public_url.empty()) {
    bool v6 = listen->host.find(':') != std::string::npos;
    (*runtime)->config.public_url = "http://" + (v6 ? "[" + listen->host + "]" : listen->host) +
                                    ":" + std::to_string(server.port());
  }
  app = std::make_unique<WebApp>(**runtime, metrics);
  if (!PrepareEmptyDatabase(**runtime, app->admin)) return 1;
  std::cout << "Waymark is serving on http://" << listen->host << ":" << server.port()
            << " (stop with Ctrl+C)" << std::endl;
  http::LogEvent(http::LogLevel::kInfo, "serve.start",
                 {{"address", listen->host}, {"port", static_cast<int64_t>(server.port())}});
  server.Run();
  http::LogEvent(http::LogLevel::kInfo, "serve.stop");
  return 0;
}

}  // namespace waymark::app
