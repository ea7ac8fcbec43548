// The bounded queue of checks: running slots, waiting slots, refusal when both are full.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "server/request_slots.h"

using deltacheck::server::RequestSlots;

TEST_CASE("request slots: a free slot is given at once and returned when its holder ends",
          "[serve]") {
  RequestSlots slots(2, 0);
  {
    auto a = slots.acquire();
    auto b = slots.acquire();
    REQUIRE(a);
    REQUIRE(b);
    CHECK(slots.running() == 2);
    CHECK_FALSE(slots.acquire());  // no queue: refused at once
  }
  CHECK(slots.running() == 0);
  CHECK(slots.acquire());
}

TEST_CASE("request slots: a request waits in the queue until a slot is free, the next is refused",
          "[serve]") {
  RequestSlots slots(1, 1);
  auto first = std::make_unique<std::optional<RequestSlots::Slot>>(slots.acquire());
  REQUIRE(*first);
  std::atomic<bool> got{false};
  std::thread waiter([&] {
    const auto slot = slots.acquire();
    got = slot.has_value();
  });
  while (slots.waiting() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK_FALSE(slots.acquire());  // one running, one waiting: full
  CHECK_FALSE(got);
  first.reset();  // the running one ends: the waiter runs
  waiter.join();
  CHECK(got);
  CHECK(slots.running() == 0);
  CHECK(slots.waiting() == 0);
}
