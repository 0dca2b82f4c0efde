// A blocking HTTP client over a plain socket, so tests can send malformed, oversized and
// pipelined requests byte for byte.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace waymark::http::testing {

struct RawResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The first header called `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const;
};

class RawClient {
 public:
  // Connects to 127.0.0.1:port; throws std::runtime_error on failure.
  explicit RawClient(std::uint16_t port);
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  // False when the peer has gone (reset or closed).
  bool Send(std::string_view bytes);
  // One response: head, then a Content-Length body unless `head_request`. nullopt on timeout,
  // close or garbage.
  std::optional<RawResponse> Read(bool head_request = false,
                                  std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // True when the server closes the connection within `timeout`.
  bool WaitForClose(std::chrono::milliseconds timeout);

 private:
  // Appends what arrives within the deadline; false on close, error or timeout.
  bool Fill(std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string buffer_;
};

// Connecting fails (refused) within a second.
bool ConnectionRefused(std::uint16_t port);

}  // namespace waymark::http::testing
