// Integration tests: a real Server on 127.0.0.1 port 0, spoken to byte by byte.
#include <gtest/gtest.h>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

#include "platform/http/logging.hpp"
#include "platform/http/router.hpp"
#include "platform/http/server.hpp"
#include "platform/util/ids.hpp"
#include "raw_client.hpp"

namespace waymark::http {
namespace {

using namespace std::chrono_literals;
using testing::ConnectionRefused;
using testing::RawClient;
using testing::RawResponse;

// A gate the blocking handlers wait on, and a count of handlers that reached it.
struct Gate {
  std::mutex mu;
  std::condition_variable cv;
  bool open = false;
  int waiting = 0;

  void Wait() {
    std::unique_lock lock(mu);
    ++waiting;
    cv.notify_all();
    cv.wait(lock, [this] { return open; });
  }
  bool WaitForWaiting(int n) {
    std::unique_lock lock(mu);
    return cv.wait_for(lock, 5s, [&] { return waiting >= n; });
  }
  void Open() {
    std::lock_guard lock(mu);
    open = true;
    cv.notify_all();
  }
};

std::string Get(std::string_view path, std::string_view extra = "") {
  return "GET " + std::string(path) + " HTTP/1.1\r\nHost: test\r\n" + std::string(extra) + "\r\n";
}

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options = {}) {
    router_.Add(
        {.method = "GET", .pattern = "/hello", .action = "test.hello", .handler = [](Request&) {
           return Response::Text("hello");
         }});
    router_.Add({.method = "GET",
                 .pattern = "/echo/{n:int}",
                 .action = "test.echo",
                 .handler = [](Request& req) {
                   return Response::Text("n=" + std::string(req.Capture("n")));
                 }});
    router_.Add(
        {.method = "POST", .pattern = "/body", .action = "test.body", .handler = [](Request& req) {
           return Response::Text(req.body);
         }});
    router_.Add(
        {.method = "POST",
         .pattern = "/upload",
         .action = "test.upload",
         .body_limit = 4u << 20,
         .handler = [](Request& req) { return Response::Text(std::to_string(req.body.size())); }});
    router_.Add(
        {.method = "GET",
         .pattern = "/boom",
         .action = "test.boom",
         .handler = [](Request&) -> Response { throw std::runtime_error("kaboom detail"); }});
    router_.Add(
        {.method = "GET", .pattern = "/block", .action = "test.block", .handler = [this](Request&) {
           gate_.Wait();
           return Response::Text("unblocked");
         }});
    router_.Add({.method = "GET",
                 .pattern = "/whoami",
                 .action = "test.whoami",
                 .handler = [](Request& req) {
                   req.actor_id = "actor-7";
                   return Response::Text(req.remote_address + " " + req.request_id + " " +
                                         (req.tls ? "tls" : "plain"));
                 }});
    options.body_limit = [this](std::string_view m, std::string_view p) {
      return router_.BodyLimitFor(m, p);
    };
    server_ = std::make_unique<Server>(std::move(options),
                                       [this](Request& req) { return Dispatch(router_, req); });
    thread_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    gate_.Open();
    if (server_) {
      server_->Stop();
      thread_.join();
    }
  }

  std::uint16_t port() const { return server_->port(); }

  Router router_;
  Gate gate_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(ServerTest, AnswersWithSecurityHeaders) {
  Start();
  ASSERT_NE(port(), 0);
  RawClient c(port());
  c.Send(Get("/hello"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "hello");
  EXPECT_EQ(res->Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->Header("Content-Security-Policy"), kDefaultCsp);
  EXPECT_EQ(res->Header("Cache-Control"), "no-store");
  EXPECT_EQ(res->Header("Strict-Transport-Security"), "");
  EXPECT_TRUE(IsId(res->Header("X-Request-Id")));
}

TEST_F(ServerTest, FillsPeerRequestIdAndTlsFlag) {
  Start(ServerOptions{.tls = true});
  RawClient c(port());
  c.Send(Get("/whoami"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "127.0.0.1 " + res->Header("X-Request-Id") + " tls");
  EXPECT_EQ(res->Header("Strict-Transport-Security"), "max-age=31536000; includeSubDomains");
}

TEST_F(ServerTest, TrustsForwardedForOnlyWhenTold) {
  Start(ServerOptions{.trust_forwarded_for = true});
  RawClient c(port());
  c.Send(Get("/whoami", "X-Forwarded-For: 10.0.0.1, 203.0.113.9\r\n"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_TRUE(res->body.starts_with("203.0.113.9 ")) << res->body;
}

TEST_F(ServerTest, KeepsTheConnectionAlive) {
  Start();
  RawClient c(port());
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(c.Send(Get("/echo/" + std::to_string(i))));
    auto res = c.Read();
    ASSERT_TRUE(res) << i;
    EXPECT_EQ(res->body, "n=" + std::to_string(i));
    EXPECT_EQ(res->Header("Connection"), "");
  }
}

TEST_F(ServerTest, AnswersPipelinedRequestsInOrder) {
  Start();
  RawClient c(port());
  std::string burst;
  for (int i = 1; i <= 5; ++i) burst += Get("/echo/" + std::to_string(i));
  burst += "POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nlast";
  ASSERT_TRUE(c.Send(burst));
  for (int i = 1; i <= 5; ++i) {
    auto res = c.Read();
    ASSERT_TRUE(res) << i;
    EXPECT_EQ(res->body, "n=" + std::to_string(i));
  }
  auto last = c.Read();
  ASSERT_TRUE(last);
  EXPECT_EQ(last->body, "last");
}

TEST_F(ServerTest, HeadSendsNoBody) {
  Start();
  RawClient c(port());
  c.Send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  auto res = c.Read(/*head_request=*/true);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->Header("Content-Length"), "5");
  c.Send(Get("/echo/9"));
  auto next = c.Read();
  ASSERT_TRUE(next) << "a body after HEAD would have corrupted this response";
  EXPECT_EQ(next->body, "n=9");
}

TEST_F(ServerTest, MalformedRequestIs400AndCloses) {
  Start();
  RawClient c(port());
  c.Send("THIS IS NOT HTTP\r\n\r\n");
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->Header("Connection"), "close");
  EXPECT_EQ(res->Header("X-Frame-Options"), "DENY") << "error pages get security headers too";
  EXPECT_TRUE(c.WaitForClose(2s));

  RawClient traversal(port());
  traversal.Send(Get("/a/%2e%2e/etc/passwd"));
  auto bad_path = traversal.Read();
  ASSERT_TRUE(bad_path);
  EXPECT_EQ(bad_path->status, 400);
}

TEST_F(ServerTest, OversizedHeaderIs431) {
  Start();
  RawClient c(port());
  c.Send(Get("/hello", "X-Filler: " + std::string(9000, 'a') + "\r\n"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 431);
  EXPECT_TRUE(c.WaitForClose(2s));
}

TEST_F(ServerTest, OversizedBodyIs413UnlessTheRouteAllowsIt) {
  Start();
  RawClient c(port());
  c.Send("POST /body HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n");
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_TRUE(c.WaitForClose(3s));

  RawClient chunked(port());
  std::string chunk(512 * 1024, 'x');
  std::string body;
  for (int i = 0; i < 3; ++i) body += "80000\r\n" + chunk + "\r\n";
  chunked.Send("POST /body HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
  auto chunked_res = chunked.Read();
  ASSERT_TRUE(chunked_res);
  EXPECT_EQ(chunked_res->status, 413);

  RawClient upload(port());
  std::string big(2'000'000, 'u');
  upload.Send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n" + big);
  auto ok = upload.Read();
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, "2000000");
}

TEST_F(ServerTest, ExpectContinue) {
  Start();
  RawClient c(port());
  c.Send("POST /body HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
  auto interim = c.Read();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.Send("ok");
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "ok");
}

TEST_F(ServerTest, RouterGives404And405) {
  Start();
  RawClient c(port());
  c.Send(Get("/nowhere"));
  auto missing = c.Read();
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  c.Send("DELETE /hello HTTP/1.1\r\nHost: t\r\n\r\n");
  auto wrong = c.Read();
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->Header("Allow"), "GET, HEAD");
}

TEST_F(ServerTest, HandlerExceptionIs500WithALoggedIncident) {
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  InitJsonLogging(LogLevel::kInfo, std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  Start();
  RawClient c(port());
  c.Send(Get("/boom"));
  auto res = c.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  EXPECT_EQ(res->body.find("kaboom"), std::string::npos) << "details stay in the log";
  c.Send(Get("/hello"));
  auto after = c.Read();
  ASSERT_TRUE(after) << "the connection survives a handler failure";
  EXPECT_EQ(after->status, 200);
  server_->Stop();
  thread_.join();
  server_.reset();
  spdlog::set_default_logger(previous);

  std::string text = log.str();
  std::size_t at = text.find("\"incident_id\":\"");
  ASSERT_NE(at, std::string::npos) << text;
  std::string incident = text.substr(at + 15, 16);
  EXPECT_NE(res->body.find(incident), std::string::npos) << "the page shows the logged id";
  EXPECT_NE(text.find("kaboom detail"), std::string::npos);
  EXPECT_NE(text.find("\"route\":\"/boom\""), std::string::npos);
}

TEST_F(ServerTest, RequestLogCarriesRouteAndActorButNoQuery) {
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  InitJsonLogging(LogLevel::kInfo, std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  Start();
  RawClient c(port());
  c.Send(Get("/whoami?name=Secret+Person"));
  ASSERT_TRUE(c.Read());
  server_->Stop();
  thread_.join();
  server_.reset();
  spdlog::set_default_logger(previous);
  std::string text = log.str();
  EXPECT_NE(text.find("\"event\":\"http_request\""), std::string::npos) << text;
  EXPECT_NE(text.find("\"route\":\"/whoami\""), std::string::npos);
  EXPECT_NE(text.find("\"actor_id\":\"actor-7\""), std::string::npos);
  EXPECT_EQ(text.find("Secret"), std::string::npos);
}

TEST_F(ServerTest, FullWorkerQueueIs503) {
  Start(ServerOptions{.worker_threads = 1, .worker_queue_capacity = 1});
  RawClient running(port());
  running.Send(Get("/block"));
  ASSERT_TRUE(gate_.WaitForWaiting(1));
  RawClient queued(port());
  queued.Send(Get("/block"));
  // The second request is queued once the pool's depth says so.
  for (int i = 0; i < 500 && server_->metrics().RenderPrometheus().find(
                                 "waymark_worker_queue_depth 1\n") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(5ms);
  }
  RawClient refused(port());
  refused.Send(Get("/hello"));
  auto busy = refused.Read();
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(busy->Header("Retry-After"), "5");
  gate_.Open();
  auto first = running.Read();
  auto second = queued.Read();
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->body, "unblocked");
  EXPECT_EQ(second->body, "unblocked");
}

TEST_F(ServerTest, IdleConnectionsAreClosed) {
  Start(ServerOptions{.idle_timeout = 200ms});
  RawClient silent(port());
  EXPECT_TRUE(silent.WaitForClose(3s));
  RawClient used(port());
  used.Send(Get("/hello"));
  ASSERT_TRUE(used.Read());
  auto before = std::chrono::steady_clock::now();
  EXPECT_TRUE(used.WaitForClose(3s));
  EXPECT_GE(std::chrono::steady_clock::now() - before, 150ms);
}

TEST_F(ServerTest, SlowRequestsHitTheReadTimeout) {
  Start(ServerOptions{.read_timeout = 300ms});
  RawClient slow(port());
  slow.Send("GET /hello HTTP/1.1\r\nHost: t\r\n");
  EXPECT_TRUE(slow.WaitForClose(3s));
}

TEST_F(ServerTest, GracefulStopLetsInFlightRequestsFinish) {
  Start();
  RawClient idle(port());
  RawClient busy(port());
  busy.Send(Get("/block"));
  ASSERT_TRUE(gate_.WaitForWaiting(1));
  server_->Stop();
  EXPECT_TRUE(idle.WaitForClose(2s)) << "idle connections close at once";
  std::this_thread::sleep_for(100ms);
  EXPECT_TRUE(ConnectionRefused(port())) << "no longer accepting";
  gate_.Open();
  auto res = busy.Read();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "unblocked");
  EXPECT_EQ(res->Header("Connection"), "close");
  thread_.join();
  server_.reset();
}

TEST_F(ServerTest, StopGivesUpAfterTheGracePeriod) {
  Start(ServerOptions{.shutdown_grace = 200ms});
  RawClient busy(port());
  busy.Send(Get("/block"));
  ASSERT_TRUE(gate_.WaitForWaiting(1));
  auto before = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_TRUE(busy.WaitForClose(3s));
  EXPECT_LT(std::chrono::steady_clock::now() - before, 2s);
  gate_.Open();  // Run() joins the worker, which is still in the handler
  thread_.join();
  server_.reset();
}

TEST_F(ServerTest, MetricsUseRoutePatterns) {
  Start();
  RawClient c(port());
  c.Send(Get("/echo/41"));
  ASSERT_TRUE(c.Read());
  c.Send(Get("/echo/42"));
  ASSERT_TRUE(c.Read());
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text = server_->metrics().RenderPrometheus();
    if (text.find("status=\"200\"} 2") != std::string::npos) break;
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_NE(text.find("waymark_http_requests_total{route=\"/echo/{n:int}\",method=\"GET\","
                      "status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("/echo/41"), std::string::npos);
  EXPECT_NE(text.find("waymark_worker_queue_depth 0"), std::string::npos);
  EXPECT_NE(text.find("waymark_http_open_connections 1"), std::string::npos);
}

TEST(Server, RefusesAnAddressInUse) {
  Server first(ServerOptions{}, [](Request&) { return Response::Text("x"); });
  EXPECT_THROW(Server(ServerOptions{.port = first.port()}, [](Request&) { return Response(); }),
               std::runtime_error);
  EXPECT_THROW(Server(ServerOptions{}, AppFn{}), std::invalid_argument);
}

TEST(Server, StopBeforeRunReturns) {
  Server server(ServerOptions{}, [](Request&) { return Response::Text("x"); });
  server.Stop();
  std::thread t([&] { server.Run(); });
  t.join();
  SUCCEED();
}

}  // namespace
}  // namespace waymark::http
