#include "app/config.hpp"

#include <array>
#include <charconv>
#include <cstdlib>

#include <toml++/toml.h>

namespace waymark::app {

namespace {

constexpr std::array<Setting, 12> kSettings{{
    {"config", "WAYMARK_CONFIG", "--config", "TOML file of settings (keys as in this table)"},
    {"listen", "WAYMARK_LISTEN", "--listen", "Address and port to serve on (port 0: any free)"},
    {"database", "WAYMARK_DATABASE", "--database", "sqlite:PATH or a postgresql:// connection URI"},
    {"key_file", "WAYMARK_KEY_FILE", "--key-file",
     "Key file made by `waymark keys init` (mode 0400)"},
    {"public_url", "WAYMARK_PUBLIC_URL", "--public-url",
     "Address people use; https turns on Secure cookies and HSTS (default: http://LISTEN)"},
    {"demo", "WAYMARK_DEMO", "--demo", "Load demo organisations and users; loopback only"},
    {"trust_proxy", "WAYMARK_TRUST_PROXY", "",
     "Client address from X-Forwarded-For (only behind a proxy that sets it)"},
    {"log_level", "WAYMARK_LOG_LEVEL", "", "debug, info, warn or error"},
    {"workers", "WAYMARK_WORKERS", "", "Worker threads for request handlers"},
    {"database_pool", "WAYMARK_DATABASE_POOL", "", "Database connections per pool"},
    {"session_idle_minutes", "WAYMARK_SESSION_IDLE_MINUTES", "",
     "Minutes without a request before a session ends"},
    {"session_absolute_hours", "WAYMARK_SESSION_ABSOLUTE_HOURS", "",
     "Hours after sign-in when a session ends regardless"},
}};

Result<int> ParsePositive(std::string_view source, std::string_view key, std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > 100000) {
    return Fail(Problem::Invalid(std::string(key), std::string(source) + ": " + std::string(key) +
                                                       " must be a whole number from 1 to 100000"));
  }
  return value;
}

Result<bool> ParseBool(std::string_view source, std::string_view key, std::string_view text) {
  if (text == "1" || text == "true" || text == "yes") return true;
  if (text == "0" || text == "false" || text == "no" || text.empty()) return false;
  return Fail(Problem::Invalid(
      std::string(key), std::string(source) + ": " + std::string(key) + " must be true or false"));
}

// Applies one textual value to the config, whatever its source.
Result<void> Apply(Config& config, std::string_view source, std::string_view key,
                   const std::string& value) {
  auto number = [&](int& field) -> Result<void> {
    auto parsed = ParsePositive(source, key, value);
    if (!parsed) return Fail(parsed.error());
    field = *parsed;
    return {};
  };
  if (key == "listen") {
    auto parsed = ParseListenAddress(value);
    if (!parsed) {
      return Fail(Problem::Invalid("listen", std::string(source) + ": " + parsed.error().message));
    }
    config.listen = value;
  } else if (key == "database") {
    if (!value.starts_with("sqlite:") && !value.starts_with("postgresql://") &&
        !value.starts_with("postgres://")) {
      return Fail(Problem::Invalid(
          "database", std::string(source) + ": database must start with sqlite: or postgresql://"));
    }
    config.database = value;
  } else if (key == "key_file") {
    config.key_file = value;
  } else if (key == "public_url") {
    if (!value.starts_with("http://") && !value.starts_with("https://")) {
      return Fail(Problem::Invalid(
          "public_url", std::string(source) + ": public_url must start with http:// or https://"));
    }
    config.public_url = value.ends_with("/") ? value.substr(0, value.size() - 1) : value;
  } else if (key == "demo") {
    auto parsed = ParseBool(source, key, value);
    if (!parsed) return Fail(parsed.error());
    config.demo = *parsed;
  } else if (key == "trust_proxy") {
    auto parsed = ParseBool(source, key, value);
    if (!parsed) return Fail(parsed.error());
    config.trust_proxy = *parsed;
  } else if (key == "log_level") {
    if (value != "debug" && value != "info" && value != "warn" && value != "error") {
      return Fail(Problem::Invalid(
          "log_level", std::string(source) + ": log_level must be debug, info, warn or error"));
    }
    config.log_level = value;
  } else if (key == "workers") {
    return number(config.workers);
  } else if (key == "database_pool") {
    return number(config.database_pool);
  } else if (key == "session_idle_minutes") {
    return number(config.session_idle_minutes);
  } else if (key == "session_absolute_hours") {
    return number(config.session_absolute_hours);
  } else if (key != "config") {
    return Fail(Problem::Invalid(std::string(key),
                                 std::string(source) + ": unknown setting " + std::string(key)));
  }
  return {};
}

Result<void> ApplyFile(Config& config, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Fail(
        Problem::Invalid("config", "config file " + path + ": " + std::string(e.description())));
  }
  std::string source = "config file " + path;
  for (const auto& [key, node] : table) {
    std::string text;
    if (auto s = node.value<std::string>()) {
      text = *s;
    } else if (auto i = node.value<int64_t>()) {
      text = std::to_string(*i);
    } else if (auto b = node.value<bool>()) {
      text = *b ? "true" : "false";
    } else {
      return Fail(Problem::Invalid(
          std::string(key.str()),
          source + ": " + std::string(key.str()) + " must be a string, number or true/false"));
    }
    if (auto applied = Apply(config, source, key.str(), text); !applied) return applied;
  }
  return {};
}

}  // namespace

std::span<const Setting> Settings() { return kSettings; }

EnvLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

Result<Config> LoadConfig(const CommandLineValues& command_line, const EnvLookup& env) {
  Config config;
  std::optional<std::string> file;
  if (auto it = command_line.find("config"); it != command_line.end()) {
    file = it->second;
  } else if (auto from_env = env("WAYMARK_CONFIG")) {
    file = *from_env;
  }
  if (file) {
    if (auto applied = ApplyFile(config, *file); !applied) return Fail(applied.error());
  }
  for (const Setting& setting : kSettings) {
    if (auto value = env(setting.env)) {
      auto applied = Apply(config, "environment " + std::string(setting.env), setting.key, *value);
      if (!applied) return Fail(applied.error());
    }
  }
  for (const auto& [key, value] : command_line) {
    if (auto applied = Apply(config, "command line", key, value); !applied) {
      return Fail(applied.error());
    }
  }
  return config;
}

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return Fail(Problem::Invalid("listen", "listen must look like 127.0.0.1:8080"));
  }
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
    return Fail(Problem::Invalid("listen", "listen port must be a number from 0 to 65535"));
  }
  return ListenAddress{std::string(host), static_cast<unsigned short>(port)};
}

}  // namespace waymark::app
