// A bare HTTP/1.1 "hello" server: the ceiling that `make bench` measures Waymark against.
//
// It has the threading shape of Waymark's server (platform/http/server.cpp): one I/O thread runs
// every connection as a C++20 coroutine (keep-alive, one request at a time per connection), and
// the handler runs on a small thread pool, its response coming back to the I/O thread to be
// written. With WORKERS = 0 the handler runs inline on the I/O thread instead: the simplest async
// Beast loop, which shows what the hop to the pool costs.
//
// Usage: waymark_bench_hello PORT [WORKERS]    PORT 0 picks a free port; WORKERS defaults to 8,
// Waymark's default. Binds 127.0.0.1 only. Prints "listening on 127.0.0.1:PORT" once it accepts
// connections, and stops on SIGINT or SIGTERM.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::chrono::seconds kIdleTimeout{60};
constexpr std::size_t kHeaderLimit = 8 * 1024;  // Waymark's limit, so parsing work is comparable

using Response = http::response<http::string_body>;

Response Hello(unsigned version, bool keep_alive) {
  Response res{http::status::ok, version};
  res.set(http::field::server, "waymark-bench-hello");
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.keep_alive(keep_alive);
  res.body() = "hello\n";
  res.prepare_payload();
  return res;
}

asio::awaitable<Response> HelloOnPool(unsigned version, bool keep_alive) {
  co_return Hello(version, keep_alive);
}

// `pool` null: answer on the I/O thread.
asio::awaitable<void> Session(tcp::socket socket, asio::thread_pool* pool) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  while (true) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kHeaderLimit);
    stream.expires_after(kIdleTimeout);
    auto [read_error, read_bytes] = co_await http::async_read(stream, buffer, parser, kTuple);
    if (read_error) break;
    const auto& req = parser.get();
    Response res;
    if (pool) {
      // co_spawn's completion resumes this coroutine on its own (I/O) executor.
      res = co_await asio::co_spawn(
          pool->get_executor(), HelloOnPool(req.version(), req.keep_alive()), asio::use_awaitable);
    } else {
      res = Hello(req.version(), req.keep_alive());
    }
    auto [write_error, written] = co_await http::async_write(stream, res, kTuple);
    if (write_error || !res.keep_alive()) break;
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Listen(tcp::acceptor* acceptor, asio::thread_pool* pool) {
  while (true) {
    auto [error, socket] = co_await acceptor->async_accept(kTuple);
    if (error == asio::error::operation_aborted) co_return;
    if (error) continue;
    asio::co_spawn(acceptor->get_executor(), Session(std::move(socket), pool), asio::detached);
  }
}

bool ParseNumber(std::string_view text, unsigned& out) {
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

int main(int argc, char** argv) {
  unsigned port = 0;
  unsigned workers = 8;
  if (argc < 2 || argc > 3 || !ParseNumber(argv[1], port) || port > 65535 ||
      (argc == 3 && !ParseNumber(argv[2], workers))) {
    std::cerr << "usage: waymark_bench_hello PORT [WORKERS]\n";
    return 2;
  }
  asio::io_context ioc(1);
  tcp::acceptor acceptor(ioc);
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port));
  beast::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    std::cerr << "waymark_bench_hello: cannot listen on 127.0.0.1:" << port << ": " << ec.message()
              << "\n";
    return 1;
  }
  std::unique_ptr<asio::thread_pool> pool;
  if (workers > 0) pool = std::make_unique<asio::thread_pool>(workers);

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&ioc](const beast::error_code&, int) { ioc.stop(); });
  asio::co_spawn(ioc, Listen(&acceptor, pool.get()), asio::detached);
  std::cout << "listening on 127.0.0.1:" << acceptor.local_endpoint().port() << " (workers "
            << workers << ")" << std::endl;
  ioc.run();
  if (pool) pool->join();
  return 0;
}
