// The bounded queue of checks: a counting semaphore with a cap on its waiters, served in order.
#include "server/request_slots.h"

#include <algorithm>

namespace deltacheck::server {

RequestSlots::Slot::~Slot() {
  if (owner_) owner_->release();
}

RequestSlots::RequestSlots(std::size_t running, std::size_t waiting)
    : max_running_(std::max<std::size_t>(running, 1)), max_waiting_(waiting) {}

std::optional<RequestSlots::Slot> RequestSlots::acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (running_ < max_running_ && granted_ == next_ticket_) {
    ++running_;
    return std::optional<Slot>(std::in_place, this);
  }
  if (next_ticket_ - granted_ >= max_waiting_) return std::nullopt;
  const unsigned long long ticket = next_ticket_++;
  freed_.wait(lock, [&] { return granted_ > ticket; });  // release() handed its slot on
  return std::optional<Slot>(std::in_place, this);
}

void RequestSlots::release() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (granted_ == next_ticket_) {
      --running_;
      return;
    }
    ++granted_;  // the slot passes to the oldest waiter: running_ stays
  }
  freed_.notify_all();
}

std::size_t RequestSlots::running() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return running_;
}

std::size_t RequestSlots::waiting() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<std::size_t>(next_ticket_ - granted_);
}

}  // namespace deltacheck::server
