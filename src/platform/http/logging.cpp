#include "platform/http/logging.hpp"

#include <spdlog/async.h>
#include <spdlog/formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <atomic>
#include <cmath>

#include "platform/util/time.hpp"

namespace waymark::http {

namespace {

// Marks a message that is already a complete JSON line, so the formatter passes it through.
constexpr char kPrebuilt = '\x1e';

// Until InitJsonLogging runs, the default logger's own pattern frames the JSON, unmarked.
std::atomic<bool> json_installed{false};

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

LogLevel FromSpdlog(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug:
      return LogLevel::kDebug;
    case spdlog::level::info:
      return LogLevel::kInfo;
    case spdlog::level::warn:
      return LogLevel::kWarn;
    default:
      return LogLevel::kError;
  }
}

spdlog::level::level_enum ToSpdlog(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return spdlog::level::debug;
    case LogLevel::kInfo:
      return spdlog::level::info;
    case LogLevel::kWarn:
      return spdlog::level::warn;
    case LogLevel::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

class JsonFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string_view text(msg.payload.data(), msg.payload.size());
    std::string line;
    if (!text.empty() && text.front() == kPrebuilt) {
      text.remove_prefix(1);
    } else {
      line =
          FormatLogLine(msg.time, FromSpdlog(msg.level), "log", {{"message", std::string(text)}});
      text = line;
    }
    dest.append(text.data(), text.data() + text.size());
    dest.push_back('\n');
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

void Install(std::shared_ptr<spdlog::logger> logger, LogLevel min_level) {
  logger->set_formatter(std::make_unique<JsonFormatter>());
  logger->set_level(ToSpdlog(min_level));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
  json_installed = true;
}

}  // namespace

std::optional<LogLevel> ParseLogLevel(std::string_view text) {
  for (LogLevel level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    if (text == LevelName(level)) return level;
  }
  return std::nullopt;
}

void InitJsonLogging(LogLevel min_level) {
  // Requests are logged from I/O threads, which must never wait: if stderr stalls and the queue
  // fills, the oldest lines are dropped. The audit trail is in the database, not here.
  spdlog::init_thread_pool(8192, 1);
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  auto logger =
      std::make_shared<spdlog::async_logger>("waymark", std::move(sink), spdlog::thread_pool(),
                                             spdlog::async_overflow_policy::overrun_oldest);
  Install(std::move(logger), min_level);
}

void InitJsonLogging(LogLevel min_level, std::shared_ptr<spdlog::sinks::sink> sink) {
  Install(std::make_shared<spdlog::logger>("waymark", std::move(sink)), min_level);
}

std::string FormatLogLine(TimePoint ts, LogLevel level, std::string_view event,
                          const std::vector<LogField>& fields) {
  boost::json::object line;
  line["ts"] = FormatUtc(ts);
  line["level"] = LevelName(level);
  line["event"] = event;
  for (const LogField& field : fields) {
    if (field.key == "ts" || field.key == "level" || field.key == "event") continue;
    std::visit([&](const auto& v) { line[field.key] = v; }, field.value);
  }
  return boost::json::serialize(line);
}

void LogEvent(LogLevel level, std::string_view event, const std::vector<LogField>& fields) {
  auto logger = spdlog::default_logger_raw();
  if (!logger->should_log(ToSpdlog(level))) return;
  std::string line = json_installed ? std::string(1, kPrebuilt) : std::string();
  line += FormatLogLine(std::chrono::system_clock::now(), level, event, fields);
  logger->log(ToSpdlog(level), "{}", line);
}

void LogRequest(const RequestLogEntry& entry) {
  std::vector<LogField> fields{
      {"request_id", std::string(entry.request_id)},
      {"route", std::string(entry.route)},
      {"method", std::string(entry.method)},
      {"status", std::int64_t{entry.status}},
      {"duration_ms", std::round(entry.duration_ms * 1000.0) / 1000.0},
  };
  if (!entry.actor_id.empty()) fields.push_back({"actor_id", std::string(entry.actor_id)});
  LogEvent(LogLevel::kInfo, "http_request", fields);
}

}  // namespace waymark::http
