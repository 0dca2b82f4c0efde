// Prometheus metrics: request counts and latencies by route pattern, plus gauges others register
// (worker-pool queue depth, database pool use).
//
// Labels are route patterns ("/cases/{id:id}"), never raw paths, so the series stay few and hold
// no identifiers. Thread safety: every member is safe from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waymark::http {

using MetricLabels = std::vector<std::pair<std::string, std::string>>;

class MetricsRegistry {
 public:
  MetricsRegistry();

  // One finished request: waymark_http_requests_total{route,method,status} and
  // waymark_http_request_duration_seconds{route,method}.
  void ObserveRequest(std::string_view route, std::string_view method, int status, double seconds);

  // A gauge read when metrics are rendered. `sample` runs under the registry's lock: it must be
  // quick and must not call the registry. Throws std::invalid_argument for an invalid or
  // already-registered name.
  void RegisterGauge(std::string name, std::string help, std::function<double()> sample);
  void UnregisterGauge(std::string_view name);

  // Adds `by` to the counter `name` with `labels` (created on first use).
  void Increment(std::string_view name, std::string_view help, const MetricLabels& labels = {},
                 double by = 1);

  // The Prometheus text exposition format, version 0.0.4.
  std::string RenderPrometheus() const;

 private:
  struct Counter {
    std::string help;
    std::map<MetricLabels, double> values;
  };
  struct Histogram {
    std::vector<std::uint64_t> buckets;  // cumulative counts are computed when rendering
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string help;
    std::function<double()> sample;
  };

  mutable std::mutex mu_;
  std::vector<double> bounds_;
  std::map<std::string, Counter, std::less<>> counters_;
  std::map<MetricLabels, Histogram> latency_;
  std::map<std::string, Gauge, std::less<>> gauges_;
};

// A Prometheus metric name: [a-zA-Z_:][a-zA-Z0-9_:]*.
bool IsMetricName(std::string_view name);

}  // namespace waymark::http
