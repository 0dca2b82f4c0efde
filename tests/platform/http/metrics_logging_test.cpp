#include <gtest/gtest.h>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>

#include <atomic>
#include <future>
#include <sstream>
#include <stdexcept>

#include "platform/http/logging.hpp"
#include "platform/http/metrics.hpp"
#include "platform/http/worker_pool.hpp"

namespace waymark::http {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Metrics, CountsAndHistogramsByRoutePattern) {
  MetricsRegistry m;
  m.ObserveRequest("/cases/{id:id}", "GET", 200, 0.003);
  m.ObserveRequest("/cases/{id:id}", "GET", 200, 0.2);
  m.ObserveRequest("/cases/{id:id}", "GET", 404, 20);
  std::string text = m.RenderPrometheus();
  EXPECT_TRUE(Contains(text, "# TYPE waymark_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(
      text,
      "waymark_http_requests_total{route=\"/cases/{id:id}\",method=\"GET\",status=\"200\"} 2\n"));
  EXPECT_TRUE(Contains(
      text,
      "waymark_http_requests_total{route=\"/cases/{id:id}\",method=\"GET\",status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(text, "# TYPE waymark_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(Contains(text,
                       "waymark_http_request_duration_seconds_bucket{route=\"/cases/{id:id}\","
                       "method=\"GET\",le=\"0.005\"} 1\n"));
  EXPECT_TRUE(Contains(text,
                       "waymark_http_request_duration_seconds_bucket{route=\"/cases/{id:id}\","
                       "method=\"GET\",le=\"0.25\"} 2\n"));
  EXPECT_TRUE(Contains(text,
                       "waymark_http_request_duration_seconds_bucket{route=\"/cases/{id:id}\","
                       "method=\"GET\",le=\"+Inf\"} 3\n"));
  EXPECT_TRUE(Contains(text,
                       "waymark_http_request_duration_seconds_count{route=\"/cases/{id:id}\","
                       "method=\"GET\"} 3\n"));
}

TEST(Metrics, EscapesLabels) {
  MetricsRegistry m;
  m.ObserveRequest("a\"b\\c\nd", "GET", 200, 0.1);
  EXPECT_TRUE(Contains(m.RenderPrometheus(), "route=\"a\\\"b\\\\c\\nd\""));
}

TEST(Metrics, GaugesAndCounters) {
  MetricsRegistry m;
  std::atomic<int> in_use{3};
  m.RegisterGauge("waymark_db_pool_in_use", "Connections in use", [&] { return in_use.load(); });
  EXPECT_TRUE(Contains(m.RenderPrometheus(), "waymark_db_pool_in_use 3\n"));
  in_use = 5;
  EXPECT_TRUE(Contains(m.RenderPrometheus(), "waymark_db_pool_in_use 5\n"));
  EXPECT_THROW(m.RegisterGauge("waymark_db_pool_in_use", "", [] { return 0.0; }),
               std::invalid_argument);
  EXPECT_THROW(m.RegisterGauge("bad name", "", [] { return 0.0; }), std::invalid_argument);
  m.UnregisterGauge("waymark_db_pool_in_use");
  EXPECT_FALSE(Contains(m.RenderPrometheus(), "waymark_db_pool_in_use"));

  m.Increment("waymark_sign_in_failures_total", "Failed sign-ins", {{"reason", "password"}});
  m.Increment("waymark_sign_in_failures_total", "Failed sign-ins", {{"reason", "password"}}, 2);
  EXPECT_TRUE(
      Contains(m.RenderPrometheus(), "waymark_sign_in_failures_total{reason=\"password\"} 3\n"));
}

class CapturedLog : public ::testing::Test {
 protected:
  void SetUp() override {
    previous_ = spdlog::default_logger();
    InitJsonLogging(LogLevel::kInfo, std::make_shared<spdlog::sinks::ostream_sink_mt>(out_));
  }
  void TearDown() override { spdlog::set_default_logger(previous_); }
  std::vector<boost::json::object> Lines() {
    std::vector<boost::json::object> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) {
      lines.push_back(boost::json::parse(line).as_object());
    }
    return lines;
  }
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

TEST_F(CapturedLog, RequestLinesAreJsonWithoutPersonalData) {
  LogRequest({.request_id = "r1",
              .route = "/cases/{id:id}",
              .method = "GET",
              .status = 200,
              .duration_ms = 1.5,
              .actor_id = "u1"});
  LogRequest({.request_id = "r2", .route = "unmatched", .method = "POST", .status = 404});
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at("event").as_string(), "http_request");
  EXPECT_EQ(lines[0].at("level").as_string(), "info");
  EXPECT_EQ(lines[0].at("request_id").as_string(), "r1");
  EXPECT_EQ(lines[0].at("route").as_string(), "/cases/{id:id}");
  EXPECT_EQ(lines[0].at("status").as_int64(), 200);
  EXPECT_DOUBLE_EQ(lines[0].at("duration_ms").as_double(), 1.5);
  EXPECT_EQ(lines[0].at("actor_id").as_string(), "u1");
  EXPECT_TRUE(lines[0].contains("ts"));
  EXPECT_FALSE(lines[1].contains("actor_id"));
}

TEST_F(CapturedLog, EscapesAndWrapsPlainMessages) {
  LogEvent(LogLevel::kWarn, "odd", {{"text", std::string("quote\" newline\n tab\t \x01")}});
  spdlog::info("plain \"message\"");
  LogEvent(LogLevel::kDebug, "hidden");
  auto lines = Lines();
  ASSERT_EQ(lines.size(), 2u) << out_.str();
  EXPECT_EQ(lines[0].at("text").as_string(), "quote\" newline\n tab\t \x01");
  EXPECT_EQ(lines[0].at("level").as_string(), "warn");
  EXPECT_EQ(lines[1].at("event").as_string(), "log");
  EXPECT_EQ(lines[1].at("message").as_string(), "plain \"message\"");
}

TEST(LogLevels, Parse) {
  EXPECT_EQ(ParseLogLevel("warn"), LogLevel::kWarn);
  EXPECT_FALSE(ParseLogLevel("loud"));
}

TEST(WorkerPool, RunsTasksAndRefusesWhenFull) {
  WorkerPool pool(1, 1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  ASSERT_TRUE(pool.TryPost([&] {
    started.set_value();
    released.wait();
  }));
  started.get_future().wait();
  std::atomic<bool> second_ran{false};
  EXPECT_TRUE(pool.TryPost([&] { second_ran = true; }));
  EXPECT_EQ(pool.QueueDepth(), 1u);
  EXPECT_EQ(pool.Busy(), 1u);
  EXPECT_FALSE(pool.TryPost([] {})) << "queue is full";
  release.set_value();
  pool.Shutdown();
  EXPECT_TRUE(second_ran) << "queued work still runs on shutdown";
  EXPECT_FALSE(pool.TryPost([] {}));
}

}  // namespace
}  // namespace waymark::http
