// A TCP listener on 127.0.0.1 (port 0) that forwards each connection to a unix socket, and can
// be cut off at once: lets a test make a real PostgreSQL server "disappear" for one client
// without stopping the server other tests share. Thread safety: construct, port() and Stop()
// from one thread; forwarding runs on an internal thread.
#pragma once

#include <cstdint>
#include <string>
#include <thread>

namespace waymark::db::testing {

class TcpProxy {
 public:
  explicit TcpProxy(std::string unix_socket_path);
  ~TcpProxy();
  TcpProxy(const TcpProxy&) = delete;
  TcpProxy& operator=(const TcpProxy&) = delete;

  std::uint16_t port() const { return port_; }
  // Closes the listener and every forwarded connection; new connections are refused.
  void Stop();

 private:
  void Run();

  std::string target_;
  int listener_ = -1;
  int wake_[2] = {-1, -1};
  std::uint16_t port_ = 0;
  std::thread thread_;
};

}  // namespace waymark::db::testing
