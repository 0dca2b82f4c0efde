// Structured logs: one JSON object per line, through spdlog's default logger.
//
// Log events and identifiers, never personal data: no query strings, bodies, cookies, form
// values or names. Thread safety: every function is safe from any thread once InitJsonLogging
// has run (call it once, early in main, before any thread logs).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "platform/util/clock.hpp"

namespace spdlog::sinks {
class sink;
}

namespace waymark::http {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

// "debug", "info", "warn" or "error".
std::optional<LogLevel> ParseLogLevel(std::string_view text);

struct LogField {
  std::string key;
  std::variant<std::string, std::int64_t, double, bool> value;
};

// Makes spdlog's default logger write JSON lines to stderr, asynchronously (a background thread
// does the writing, so I/O threads never block on stderr), dropping nothing: when the queue is
// full, logging waits. Plain spdlog::info("text") calls from anywhere become
// {"ts":...,"level":"info","event":"log","message":"text"}.
void InitJsonLogging(LogLevel min_level);
// The same, synchronously into `sink` (tests capture lines with an ostream sink).
void InitJsonLogging(LogLevel min_level, std::shared_ptr<spdlog::sinks::sink> sink);

// {"ts":"2026-...Z","level":"info","event":"<event>", fields...}. Keys and strings are escaped
// by Boost.JSON. A field named ts, level or event is ignored.
std::string FormatLogLine(TimePoint ts, LogLevel level, std::string_view event,
                          const std::vector<LogField>& fields);

void LogEvent(LogLevel level, std::string_view event, const std::vector<LogField>& fields = {});

// The one line the server writes per request (event "http_request").
struct RequestLogEntry {
  std::string_view request_id{};
  std::string_view route{};  // pattern, or "unmatched"
  std::string_view method{};
  int status = 0;
  double duration_ms = 0;
  std::string_view actor_id{};  // omitted when empty
};
void LogRequest(const RequestLogEntry& entry);

}  // namespace waymark::http
