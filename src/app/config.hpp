// Waymark's settings and where they come from. Precedence, lowest first: built-in defaults, the
// TOML file (--config or WAYMARK_CONFIG), WAYMARK_* environment variables, command-line options.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "platform/util/problem.hpp"

namespace waymark::app {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string database = "sqlite:var/waymark.db";
  std::string key_file = "var/waymark.key";
  // The address people use. An https URL (TLS ended by nginx in front) turns on Secure cookies
  // and HSTS, and is the only Origin accepted on forms.
  // Empty: http://ADDRESS:PORT of the listening socket (development and demo on loopback).
  std::string public_url;
  bool demo = false;
  // Behind a proxy (nginx) that sets X-Forwarded-For: take the client address from it, so
  // sign-in throttling counts each client, not the proxy.
  bool trust_proxy = false;
  std::string log_level = "info";
  int workers = 8;
  int database_pool = 8;
  int session_idle_minutes = 15;
  int session_absolute_hours = 12;
};

// One row of the configuration table in the README; the table and this list are the same.
struct Setting {
  std::string_view key;   // TOML key and the base of the names below
  std::string_view env;   // WAYMARK_LISTEN
  std::string_view flag;  // --listen (empty: file and environment only)
  std::string_view description;
};
std::span<const Setting> Settings();

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
EnvLookup ProcessEnvironment();

// Values given on the command line, by TOML key; only those the person actually typed.
using CommandLineValues = std::map<std::string, std::string, std::less<>>;

// Reads the file named by --config or WAYMARK_CONFIG (if any), then the environment, then the
// command line. Unknown keys, malformed values and unreadable files are problems that name the
// source, so an administrator can fix them.
Result<Config> LoadConfig(const CommandLineValues& command_line, const EnvLookup& env);

// "127.0.0.1:8080" -> host and port; the port may be 0 (any free port).
struct ListenAddress {
  std::string host;
  unsigned short port;
};
Result<ListenAddress> ParseListenAddress(std::string_view text);

}  // namespace waymark::app
