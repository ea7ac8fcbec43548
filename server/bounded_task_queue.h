// cpp-httplib's task queue with a bound on the connections waiting for a thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace deltacheck::server {

/// A fixed pool of `threads` threads serving the connections cpp-httplib accepts, with at most
/// `waiting` accepted connections queued for a thread (httplib::ThreadPool of 0.11.4 queues
/// without bound). When the queue is full, enqueue blocks the accepting thread until a thread
/// takes a connection: further connections then wait in the kernel's listen queue, and beyond
/// it are refused by the kernel, so the server's memory does not grow with a flood of
/// connections. Thread-safe.
class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  /// Starts `threads` (>= 1) threads; at most `waiting` (>= 1) tasks wait for them.
  BoundedTaskQueue(std::size_t threads, std::size_t waiting);
  ~BoundedTaskQueue() override;

  /// Queues `fn`, after waiting for room when `waiting` tasks are queued already.
  void enqueue(std::function<void()> fn) override;
  /// Runs what is queued, then stops and joins the threads. Idempotent.
  void shutdown() override;

  /// Tasks queued now, not yet taken by a thread (for tests).
  std::size_t queued() const;

 private:
  void work();
  const std::size_t max_waiting_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  mutable std::mutex mutex_;
  std::condition_variable task_ready_, room_;
  std::vector<std::thread> threads_;
};

}  // namespace deltacheck::server
