// The server's connection queue: every task runs, and no more than the bound ever wait.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "server/bounded_task_queue.h"

using namespace deltacheck::server;

TEST_CASE("bounded task queue: runs every task, never holding more than its bound waiting",
          "[serve]") {
  std::atomic<int> ran{0};
  std::atomic<bool> open{false};
  std::size_t most_waiting = 0;
  {
    BoundedTaskQueue queue(2, 3);
    std::thread gate([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      open = true;
    });
    for (int i = 0; i < 20; ++i) {
      queue.enqueue([&] {
        while (!open) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ++ran;
      });
      most_waiting = std::max(most_waiting, queue.queued());
    }
    gate.join();
    queue.shutdown();
  }
  CHECK(ran == 20);
  CHECK(most_waiting <= 3);
  CHECK(most_waiting >= 1);
}
