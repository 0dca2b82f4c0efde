#include "platform/http/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace waymark::http {

namespace {

constexpr std::string_view kRequests = "waymark_http_requests_total";
constexpr std::string_view kLatency = "waymark_http_request_duration_seconds";

std::string EscapeLabel(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string RenderLabels(const MetricLabels& labels, std::string_view extra = {}) {
  if (labels.empty() && extra.empty()) return "";
  std::string out = "{";
  for (const auto& [key, value] : labels) {
    if (out.size() > 1) out += ',';
    out += key + "=\"" + EscapeLabel(value) + "\"";
  }
  if (!extra.empty()) {
    if (out.size() > 1) out += ',';
    out += extra;
  }
  return out + "}";
}

std::string EscapeHelp(std::string_view help) {
  std::string out;
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Number(double v) { return fmt::format("{}", v); }

}  // namespace

bool IsMetricName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ':';
  });
}

MetricsRegistry::MetricsRegistry()
    : bounds_{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10} {
  counters_[std::string(kRequests)].help = "HTTP requests answered, by route pattern and status";
}

void MetricsRegistry::ObserveRequest(std::string_view route, std::string_view method, int status,
                                     double seconds) {
  MetricLabels labels{{"route", std::string(route)}, {"method", std::string(method)}};
  std::lock_guard lock(mu_);
  Histogram& h = latency_[labels];
  if (h.buckets.empty()) h.buckets.assign(bounds_.size(), 0);
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    if (seconds <= bounds_[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
  labels.emplace_back("status", std::to_string(status));
  counters_.find(kRequests)->second.values[labels] += 1;
}

void MetricsRegistry::RegisterGauge(std::string name, std::string help,
                                    std::function<double()> sample) {
  if (!IsMetricName(name)) throw std::invalid_argument("invalid metric name " + name);
  std::lock_guard lock(mu_);
  if (gauges_.count(name) != 0 || counters_.count(name) != 0) {
    throw std::invalid_argument("metric " + name + " is already registered");
  }
  gauges_[std::move(name)] = Gauge{std::move(help), std::move(sample)};
}

void MetricsRegistry::UnregisterGauge(std::string_view name) {
  std::lock_guard lock(mu_);
  if (auto it = gauges_.find(name); it != gauges_.end()) gauges_.erase(it);
}

void MetricsRegistry::Increment(std::string_view name, std::string_view help,
                                const MetricLabels& labels, double by) {
  if (!IsMetricName(name)) throw std::invalid_argument("invalid metric name");
  std::lock_guard lock(mu_);
  if (gauges_.find(name) != gauges_.end()) {
    throw std::invalid_argument("metric " + std::string(name) + " is a gauge");
  }
  auto it = counters_.find(name);
  if (it == counters_.end()) {
    it = counters_.emplace(std::string(name), Counter{std::string(help), {}}).first;
  }
  it->second.values[labels] += by;
}

std::string MetricsRegistry::RenderPrometheus() const {
  std::lock_guard lock(mu_);
  std::string out;
  for (const auto& [name, counter] : counters_) {
    out += "# HELP " + name + " " + EscapeHelp(counter.help) + "\n# TYPE " + name + " counter\n";
    for (const auto& [labels, value] : counter.values) {
      out += name + RenderLabels(labels) + " " + Number(value) + "\n";
    }
  }
  std::string latency(kLatency);
  out += "# HELP " + latency + " Time from reading a request to its response written\n";
  out += "# TYPE " + latency + " histogram\n";
  for (const auto& [labels, h] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
      cumulative += h.buckets[i];
      out += latency + "_bucket" + RenderLabels(labels, "le=\"" + Number(bounds_[i]) + "\"") + " " +
             std::to_string(cumulative) + "\n";
    }
    out += latency + "_bucket" + RenderLabels(labels, "le=\"+Inf\"") + " " +
           std::to_string(h.count) + "\n";
    out += latency + "_sum" + RenderLabels(labels) + " " + Number(h.sum) + "\n";
    out += latency + "_count" + RenderLabels(labels) + " " + std::to_string(h.count) + "\n";
  }
  for (const auto& [name, gauge] : gauges_) {
    out += "# HELP " + name + " " + EscapeHelp(gauge.help) + "\n# TYPE " + name + " gauge\n";
    out += name + " " + Number(gauge.sample()) + "\n";
  }
  return out;
}

}  // namespace waymark::http
