// The bounded queue of checks: a few run at once, a few more wait, the rest are turned away.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>

namespace deltacheck::server {

/// Admission for work that runs in child processes: at most `running` at once and at most
/// `waiting` queued behind them; beyond that a request is refused at once (HTTP 503), so the
/// backlog, and the wait of any request, stays bounded. Waiters are served first come, first
/// served (numbered tickets), so no request waits behind later ones. Thread-safe.
class RequestSlots {
 public:
  /// A place to run, held until destroyed. Move-only.
  class Slot {
   public:
    /// A slot of `owner`, already counted as running there.
    explicit Slot(RequestSlots* owner) : owner_(owner) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    /// Hands the slot to the oldest waiter, or frees it.
    ~Slot();

   private:
    RequestSlots* owner_;
  };

  /// At most `running` (>= 1) at once, `waiting` (>= 0) more in the queue.
  RequestSlots(std::size_t running, std::size_t waiting);

  /// A slot, after waiting in the queue if all are taken; nothing, at once, when the queue is
  /// full too.
  std::optional<Slot> acquire();

  /// Requests running and waiting now (for tests and logs).
  std::size_t running() const;
  std::size_t waiting() const;

 private:
  void release();
  const std::size_t max_running_, max_waiting_;
  std::size_t running_ = 0;
  unsigned long long next_ticket_ = 0;  // tickets handed to waiters so far
  unsigned long long granted_ = 0;      // of those, how many were given a slot (in order)
  mutable std::mutex mutex_;
  std::condition_variable freed_;
};

}  // namespace deltacheck::server
