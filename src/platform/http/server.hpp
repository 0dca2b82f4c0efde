// The HTTP/1.1 server: listener -> one session coroutine per connection -> the application
// function on a bounded worker pool -> the response written back on the connection's strand.
//
// Per connection: requests are read with limits (header 8 KiB -> 431, body 1 MiB or the route's
// limit -> 413, malformed -> 400, each answered and then the connection closed), a read timeout
// from a request's first byte to its last, and an idle timeout between keep-alive requests.
// Pipelined requests are answered in order, one at a time; the server reads no further ahead
// than one read buffer, so a pipelining client is bounded by TCP flow control.
// The application never runs on an I/O thread. When the worker queue is full the answer is 503.
// An exception from the application becomes a 500 page with an incident id, which is logged with
// the exception's message (event "unhandled_exception").
//
// Thread safety: Stop() and port() are safe from any thread (including a signal-handling one);
// Run() is called once. Destroy the Server only after Run() has returned (or if it never ran).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "platform/http/forms.hpp"
#include "platform/http/metrics.hpp"
#include "platform/http/request.hpp"
#include "platform/http/request_reader.hpp"
#include "platform/http/response.hpp"
#include "platform/http/security_headers.hpp"

namespace waymark::http {

// The application: routing, middleware and handlers. Runs on a worker thread; may block.
using AppFn = std::function<Response(Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port; read it back with Server::port()
  std::size_t io_threads = 1;
  std::size_t worker_threads = 4;
  std::size_t worker_queue_capacity = 64;  // requests waiting for a worker before 503
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  BodyLimitFn body_limit{};  // per-route override, e.g. a Router's BodyLimitFor
  FormLimits query_limits{};
  std::size_t max_connections = 1024;  // further connections are closed at once
  std::chrono::milliseconds read_timeout{30'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
  // How long Stop() lets requests being handled finish before closing everything.
  std::chrono::milliseconds shutdown_grace{10'000};
  // Browsers reach the server over HTTPS (TLS ends at nginx in front): sets Request::tls and
  // HSTS. The server itself speaks plain HTTP.
  bool tls = false;
  // Take Request::remote_address from the last X-Forwarded-For entry. Only behind a proxy that
  // sets it (nginx: proxy_add_x_forwarded_for), or clients can claim any address.
  bool trust_forwarded_for = false;
  // ApplySecurityHeaders on every response, the server's own error pages included.
  bool apply_security_headers = true;
  std::string csp = std::string(kDefaultCsp);
  // Stop gracefully on SIGINT and SIGTERM while Run() runs.
  bool stop_on_signals = false;
  // Pages for the server's own 400, 413, 431, 500 and 503 answers. Runs on an I/O thread (500 on
  // a worker): must not block. Empty: DefaultErrorPage.
  ErrorPageFn error_page{};
  // Where request metrics go; empty: the server makes its own (see Server::metrics()).
  std::shared_ptr<MetricsRegistry> metrics{};
};

namespace detail {
struct ServerCore;
}

class Server {
 public:
  // Binds and listens at once, so port() is known before Run(). Throws std::runtime_error when
  // the address cannot be bound, std::invalid_argument for impossible options.
  Server(ServerOptions options, AppFn app);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;

  // Serves on io_threads threads (this one included) until Stop() completes, then joins the
  // worker pool and returns.
  void Run();

  // Stops accepting, closes idle connections, lets requests being handled finish and answer
  // (with Connection: close) within shutdown_grace, then closes the rest. Returns at once;
  // Run() returns when it is done. Idempotent.
  void Stop();

  // The registry holding waymark_http_* metrics and the gauges waymark_worker_queue_depth,
  // waymark_worker_busy and waymark_http_open_connections.
  MetricsRegistry& metrics();

 private:
  std::unique_ptr<detail::ServerCore> core_;
};

}  // namespace waymark::http
