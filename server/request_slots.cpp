// The bounded queue of checks: a counting semaphore with a cap on its waiters.
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
  if (running_ >= max_running_) {
    if (waiting_ >= max_waiting_) return std::nullopt;
    ++waiting_;
    freed_.wait(lock, [&] { return running_ < max_running_; });
    --waiting_;
  }
  ++running_;
  return std::optional<Slot>(std::in_place, this);
}

void RequestSlots::release() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    --running_;
  }
  freed_.notify_one();
}

std::size_t RequestSlots::running() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return running_;
}

std::size_t RequestSlots::waiting() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return waiting_;
}

}  // namespace deltacheck::server
