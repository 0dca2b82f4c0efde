#include "tests/platform/db/tcp_proxy.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace waymark::db::testing {

TcpProxy::TcpProxy(std::string unix_socket_path) : target_(std::move(unix_socket_path)) {
  listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof addr;
  if (listener_ < 0 || bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      listen(listener_, 16) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &length) != 0 ||
      pipe2(wake_, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::string("TcpProxy: ") + std::strerror(errno));
  }
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Run(); });
}

TcpProxy::~TcpProxy() {
  Stop();
  close(wake_[0]);
  close(wake_[1]);
}

void TcpProxy::Stop() {
  if (!thread_.joinable()) return;
  char byte = 0;
  if (write(wake_[1], &byte, 1) != 1) throw std::runtime_error("TcpProxy: cannot wake");
  thread_.join();
}

void TcpProxy::Run() {
  std::vector<std::pair<int, int>> pairs;  // client, server
  for (;;) {
    std::vector<pollfd> fds = {{wake_[0], POLLIN, 0}, {listener_, POLLIN, 0}};
    for (auto [client, server] : pairs) {
      fds.push_back({client, POLLIN, 0});
      fds.push_back({server, POLLIN, 0});
    }
    if (poll(fds.data(), fds.size(), -1) < 0) continue;
    if (fds[0].revents) break;
    std::vector<std::pair<int, int>> alive;  // polled pairs still open, then new ones
    if (fds[1].revents & POLLIN) {
      int client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      int server = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
      sockaddr_un addr{};
      addr.sun_family = AF_UNIX;
      std::strncpy(addr.sun_path, target_.c_str(), sizeof addr.sun_path - 1);
      if (client >= 0 && server >= 0 &&
          connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        alive.emplace_back(client, server);
      } else {
        if (client >= 0) close(client);
        if (server >= 0) close(server);
      }
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      auto [client, server] = pairs[i];
      bool open = true;
      for (int side = 0; side < 2 && open; ++side) {
        const pollfd& p = fds[2 + 2 * i + side];
        if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char buf[16384];
        ssize_t n = read(p.fd, buf, sizeof buf);
        int to = side == 0 ? server : client;
        if (n <= 0 || send(to, buf, static_cast<std::size_t>(n), MSG_NOSIGNAL) != n) open = false;
      }
      if (open) {
        alive.emplace_back(client, server);
      } else {
        close(client);
        close(server);
      }
    }
    pairs = std::move(alive);
  }
  for (auto [client, server] : pairs) {
    close(client);
    close(server);
  }
  close(listener_);
  listener_ = -1;
}

}  // namespace waymark::db::testing
