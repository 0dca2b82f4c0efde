#include "platform/http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "platform/http/logging.hpp"
#include "platform/http/request_boundary.hpp"
#include "platform/http/wire.hpp"
#include "platform/http/worker_pool.hpp"
#include "platform/util/ids.hpp"

namespace waymark::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kReadChunk = 16 * 1024;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

enum class Phase { kIdle, kReading, kProcessing };

// What Stop() needs to reach a session. Touched only on the session's strand.
struct SessionControl {
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;
  Phase phase = Phase::kIdle;
};

struct PoolResult {
  bool accepted = false;
  Response response;
};

}  // namespace

namespace detail {

// Member order matters: the io_context is destroyed first, and destroying it destroys suspended
// session coroutines, which unregister themselves from `sessions`.
struct ServerCore {
  ServerOptions options;
  AppFn app;
  std::shared_ptr<MetricsRegistry> metrics;
  std::mutex sessions_mu;
  std::set<std::shared_ptr<SessionControl>> sessions;
  std::atomic<bool> stopping{false};
  std::unique_ptr<WorkerPool> pool;
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> control_strand{ioc.get_executor()};
  tcp::acceptor acceptor{control_strand};
  std::optional<asio::signal_set> signals;
  std::uint16_t port = 0;

  std::size_t SessionCount() {
    std::lock_guard lock(sessions_mu);
    return sessions.size();
  }
};

}  // namespace detail

namespace {

using detail::ServerCore;

class SessionRegistration {
 public:
  SessionRegistration(ServerCore* core, std::shared_ptr<SessionControl> control)
      : core_(core), control_(std::move(control)) {
    std::lock_guard lock(core_->sessions_mu);
    core_->sessions.insert(control_);
  }
  ~SessionRegistration() {
    control_->stream = nullptr;
    std::lock_guard lock(core_->sessions_mu);
    core_->sessions.erase(control_);
  }
  SessionRegistration(const SessionRegistration&) = delete;
  SessionRegistration& operator=(const SessionRegistration&) = delete;

 private:
  ServerCore* core_;
  std::shared_ptr<SessionControl> control_;
};

// co_spawn's completion: a coroutine that ends normally passes a null exception_ptr, which must
// not be rethrown.
void OnCoroutineDone(std::exception_ptr error) {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    LogEvent(LogLevel::kError, "coroutine_failed", {{"message", std::string(e.what())}});
  } catch (...) {
    LogEvent(LogLevel::kError, "coroutine_failed", {{"message", std::string("unknown exception")}});
  }
}

// Runs `work` on the pool and completes on the caller's executor; completes with
// accepted=false at once when the queue is full.
template <class Token>
auto AsyncRunOnPool(WorkerPool& pool, std::function<Response()> work, Token&& token) {
  auto initiate = [&pool](auto handler, std::function<Response()> task) {
    auto executor = asio::get_associated_executor(handler);
    auto guard = asio::make_work_guard(executor);
    auto shared = std::make_shared<decltype(handler)>(std::move(handler));
    bool queued = pool.TryPost([shared, task = std::move(task), guard]() mutable {
      PoolResult result{true, task()};
      asio::post(guard.get_executor(),
                 [shared, result = std::move(result)]() mutable { (*shared)(std::move(result)); });
    });
    if (!queued) asio::post(executor, [shared]() mutable { (*shared)(PoolResult{}); });
  };
  return asio::async_initiate<Token, void(PoolResult)>(initiate, token, std::move(work));
}

Response ErrorPage(ServerCore* core, int status, std::string_view incident) {
  return MakeErrorPage(core->options.error_page, status, incident);
}

std::function<Response()> MakeWork(ServerCore* core, std::shared_ptr<Request> req) {
  return [core, req] { return CallApplication(core->app, core->options.error_page, *req); };
}

ReaderLimits LimitsFrom(const ServerOptions& options) {
  return ReaderLimits{options.max_header_bytes, options.max_body_bytes, options.query_limits};
}

void FinishResponse(ServerCore* core, Response& res, std::string_view request_id) {
  if (core->options.apply_security_headers) {
    ApplySecurityHeaders(res, core->options.tls, core->options.csp);
  }
  res.headers.Set("X-Request-Id", std::string(request_id));
}

void Record(ServerCore* core, std::string_view request_id, std::string_view route,
            std::string_view method, int status, std::string_view actor,
            SteadyClock::time_point started) {
  std::chrono::duration<double> elapsed = SteadyClock::now() - started;
  core->metrics->ObserveRequest(route, MethodLabel(method), status, elapsed.count());
  LogRequest({request_id, route, MethodLabel(method), status, elapsed.count() * 1000.0, actor});
}

asio::awaitable<void> RunSession(ServerCore* core, tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  auto control = std::make_shared<SessionControl>();
  control->executor = stream.get_executor();
  control->stream = &stream;
  SessionRegistration registration(core, control);
  const ServerOptions& options = core->options;

  beast::error_code ignored;
  std::string peer = stream.socket().remote_endpoint(ignored).address().to_string();
  std::string pending;
  std::vector<char> chunk(kReadChunk);
  bool wrote_close = false;

  while (true) {
    RequestReader reader(LimitsFrom(options), options.body_limit);
    std::optional<SteadyClock::time_point> started;
    SteadyClock::time_point deadline;
    control->phase = Phase::kIdle;
    if (!pending.empty()) {
      started = SteadyClock::now();
      deadline = *started + options.read_timeout;
      control->phase = Phase::kReading;
    }
    bool connection_lost = false;
    while (true) {
      if (!pending.empty()) {
        pending.erase(0, reader.Feed(pending));
        if (reader.state() != RequestReader::State::kNeedMore) break;
        if (reader.TakeContinueRequest()) {
          stream.expires_at(deadline);
          auto [error, n] = co_await asio::async_write(stream, asio::buffer(kContinue), kTuple);
          if (error) {
            connection_lost = true;
            break;
          }
        }
      }
      // Stop() cancels reads; checking here covers a stop that came while this session ran.
      if (core->stopping.load()) {
        connection_lost = true;
        break;
      }
      if (started) {
        stream.expires_at(deadline);
      } else {
        stream.expires_after(options.idle_timeout);
      }
      auto [error, n] = co_await stream.async_read_some(asio::buffer(chunk), kTuple);
      if (error) {
        connection_lost = true;
        break;
      }
      if (!started) {
        started = SteadyClock::now();
        deadline = *started + options.read_timeout;
        control->phase = Phase::kReading;
      }
      pending.append(chunk.data(), n);
    }
    if (connection_lost) break;

    control->phase = Phase::kProcessing;
    Response res;
    std::string request_id;
    std::string route = "unmatched";
    std::string method(reader.method());
    std::string actor;
    bool keep_alive = false;
    bool head = false;
    int version = reader.version();
    if (reader.state() == RequestReader::State::kFailed) {
      request_id = NewId();
      res = ErrorPage(core, reader.failure_status(), "");
    } else {
      keep_alive = reader.keep_alive();
      auto req = std::make_shared<Request>(reader.TakeRequest());
      req->request_id = NewId();
      req->remote_address = peer;
      if (options.trust_forwarded_for) {
        if (std::string forwarded = LastForwardedFor(*req); !forwarded.empty()) {
          req->remote_address = std::move(forwarded);
        }
      }
      req->tls = options.tls;
      head = req->method == "HEAD";
      std::function<Response()> work = MakeWork(core, req);
      PoolResult result =
          co_await AsyncRunOnPool(*core->pool, std::move(work), asio::use_awaitable);
      if (result.accepted) {
        res = std::move(result.response);
      } else {
        res = ErrorPage(core, 503, "");
        res.headers.Set("Retry-After", "5");
      }
      request_id = req->request_id;
      route = std::string(RouteLabel(*req));
      actor = req->actor_id;
    }
    keep_alive = keep_alive && !core->stopping.load();
    FinishResponse(core, res, request_id);
    std::string bytes = SerializeResponse(res, WireOptions{version, keep_alive, head});
    stream.expires_after(options.write_timeout);
    auto [write_error, written] = co_await asio::async_write(stream, asio::buffer(bytes), kTuple);
    Record(core, request_id, route, method, res.status, actor, *started);
    if (write_error) break;
    if (!keep_alive) {
      wrote_close = true;
      break;
    }
  }

  control->phase = Phase::kIdle;
  if (wrote_close) {
    // Closing with unread request bytes makes the kernel send a reset, which can destroy the
    // response before the client reads it. Half-close and drain briefly instead.
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(std::chrono::seconds(1));
    std::size_t drained = 0;
    while (drained < 1024 * 1024) {
      auto [error, n] = co_await stream.async_read_some(asio::buffer(chunk), kTuple);
      if (error) break;
      drained += n;
    }
  }
  stream.socket().close(ignored);
}

asio::awaitable<void> Listen(ServerCore* core) {
  while (!core->stopping.load()) {
    asio::any_io_executor session_executor = asio::make_strand(core->ioc);
    auto [error, socket] = co_await core->acceptor.async_accept(session_executor, kTuple);
    if (error) {
      if (error == asio::error::operation_aborted || core->stopping.load()) co_return;
      // Out of file descriptors, most likely: wait rather than spin.
      LogEvent(LogLevel::kWarn, "accept_failed", {{"message", error.message()}});
      asio::steady_timer pause(core->control_strand, std::chrono::milliseconds(100));
      co_await pause.async_wait(kTuple);
      continue;
    }
    if (core->SessionCount() >= core->options.max_connections) {
      beast::error_code ignored;
      socket.close(ignored);
      continue;
    }
    asio::co_spawn(session_executor, RunSession(core, std::move(socket)), OnCoroutineDone);
  }
}

// Cancels the reads of sessions not handling a request; with `all`, closes every connection.
void InterruptSessions(ServerCore* core, bool all) {
  std::vector<std::shared_ptr<SessionControl>> sessions;
  {
    std::lock_guard lock(core->sessions_mu);
    sessions.assign(core->sessions.begin(), core->sessions.end());
  }
  for (auto& control : sessions) {
    asio::post(control->executor, [control, all] {
      if (control->stream == nullptr) return;
      if (all) {
        beast::error_code ignored;
        control->stream->socket().shutdown(tcp::socket::shutdown_both, ignored);
        control->stream->close();
      } else if (control->phase != Phase::kProcessing) {
        control->stream->cancel();
      }
    });
  }
}

asio::awaitable<void> GracefulStop(ServerCore* core) {
  beast::error_code ignored;
  core->acceptor.close(ignored);
  if (core->signals) core->signals->cancel(ignored);
  InterruptSessions(core, false);
  auto deadline = SteadyClock::now() + core->options.shutdown_grace;
  asio::steady_timer tick(core->control_strand);
  while (core->SessionCount() > 0 && SteadyClock::now() < deadline) {
    tick.expires_after(std::chrono::milliseconds(10));
    co_await tick.async_wait(kTuple);
    InterruptSessions(core, false);
  }
  if (std::size_t left = core->SessionCount(); left > 0) {
    LogEvent(LogLevel::kWarn, "shutdown_grace_expired",
             {{"open_connections", static_cast<std::int64_t>(left)}});
    // Close the sockets of requests still being handled; their coroutines end when the
    // io_context is destroyed, after the handlers return.
    InterruptSessions(core, true);
    tick.expires_after(std::chrono::milliseconds(50));
    co_await tick.async_wait(kTuple);
    core->ioc.stop();
  }
}

void BeginStop(ServerCore* core) {
  if (core->stopping.exchange(true)) return;
  asio::co_spawn(core->control_strand, GracefulStop(core), OnCoroutineDone);
}

}  // namespace

Server::Server(ServerOptions options, AppFn app) : core_(std::make_unique<detail::ServerCore>()) {
  if (!app) throw std::invalid_argument("server needs an application function");
  if (options.io_threads == 0) throw std::invalid_argument("server needs an I/O thread");
  core_->options = std::move(options);
  core_->app = std::move(app);
  core_->metrics =
      core_->options.metrics ? core_->options.metrics : std::make_shared<MetricsRegistry>();
  core_->pool = std::make_unique<WorkerPool>(core_->options.worker_threads,
                                             core_->options.worker_queue_capacity);

  beast::error_code ec;
  auto address = asio::ip::make_address(core_->options.address, ec);
  if (ec) throw std::invalid_argument("invalid listen address " + core_->options.address);
  tcp::endpoint endpoint(address, core_->options.port);
  core_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) core_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) core_->acceptor.bind(endpoint, ec);
  if (!ec) core_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + core_->options.address + ":" +
                             std::to_string(core_->options.port) + ": " + ec.message());
  }
  core_->port = core_->acceptor.local_endpoint().port();

  WorkerPool* pool = core_->pool.get();
  detail::ServerCore* core = core_.get();
  core_->metrics->RegisterGauge("waymark_worker_queue_depth", "Requests waiting for a worker",
                                [pool] { return static_cast<double>(pool->QueueDepth()); });
  core_->metrics->RegisterGauge("waymark_worker_busy", "Workers running a request",
                                [pool] { return static_cast<double>(pool->Busy()); });
  core_->metrics->RegisterGauge("waymark_http_open_connections", "Open client connections",
                                [core] { return static_cast<double>(core->SessionCount()); });
}

Server::~Server() {
  core_->metrics->UnregisterGauge("waymark_worker_queue_depth");
  core_->metrics->UnregisterGauge("waymark_worker_busy");
  core_->metrics->UnregisterGauge("waymark_http_open_connections");
  core_->pool->Shutdown();
}

std::uint16_t Server::port() const { return core_->port; }

MetricsRegistry& Server::metrics() { return *core_->metrics; }

void Server::Stop() { BeginStop(core_.get()); }

void Server::Run() {
  detail::ServerCore* core = core_.get();
  if (core->options.stop_on_signals) {
    core->signals.emplace(core->control_strand, SIGINT, SIGTERM);
    core->signals->async_wait([core](const beast::error_code& ec, int) {
      if (!ec) BeginStop(core);
    });
  }
  asio::co_spawn(core->control_strand, Listen(core), OnCoroutineDone);
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < core->options.io_threads; ++i) {
    extra.emplace_back([core] { core->ioc.run(); });
  }
  core->ioc.run();
  for (std::thread& t : extra) t.join();
  core->pool->Shutdown();
}

}  // namespace waymark::http
