// A fixed set of threads with a bounded queue, for the blocking work of handlers (database
// calls, Argon2id, documents) that must never run on an I/O thread.
// Thread safety: every member is safe from any thread. Tasks must not throw.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace waymark::http {

class WorkerPool {
 public:
  // Throws std::invalid_argument when `threads` is zero.
  WorkerPool(std::size_t threads, std::size_t queue_capacity);
  ~WorkerPool();  // Shutdown()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task` unless `queue_capacity` tasks are already waiting or the pool is shut down.
  // A false return is the caller's signal to answer 503.
  bool TryPost(std::function<void()> task);

  // Tasks waiting for a thread (not those running).
  std::size_t QueueDepth() const;
  // Tasks running now.
  std::size_t Busy() const;

  // Refuses new tasks, runs those already queued, and joins the threads. Idempotent.
  void Shutdown();

 private:
  void Work();

  const std::size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::mutex join_mu_;  // serialises Shutdown() calls
  std::vector<std::thread> threads_;
};

}  // namespace waymark::http
