// A thread pool for cpp-httplib whose queue of waiting connections is bounded.
#include "server/bounded_task_queue.h"

#include <algorithm>

namespace deltacheck::server {

BoundedTaskQueue::BoundedTaskQueue(std::size_t threads, std::size_t waiting)
    : max_waiting_(std::max<std::size_t>(waiting, 1)) {
  for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
    threads_.emplace_back([this] { work(); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

void BoundedTaskQueue::enqueue(std::function<void()> fn) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return tasks_.size() < max_waiting_ || stopping_; });
    tasks_.push_back(std::move(fn));
  }
  task_ready_.notify_one();
}

void BoundedTaskQueue::shutdown() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  task_ready_.notify_all();
  room_.notify_all();
  for (std::thread& t : threads_)
    if (t.joinable()) t.join();
}

std::size_t BoundedTaskQueue::queued() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return tasks_.size();
}

void BoundedTaskQueue::work() {
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      task_ready_.wait(lock, [&] { return !tasks_.empty() || stopping_; });
      if (tasks_.empty()) return;  // stopping, and nothing left to run
      fn = std::move(tasks_.front());
      tasks_.pop_front();
    }
    room_.notify_one();
    fn();
  }
}

}  // namespace deltacheck::server
