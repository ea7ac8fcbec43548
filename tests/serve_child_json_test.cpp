// Work in a limited child of the fork server: its reply comes back, a child over its time limit is
// stopped at that limit and delays no other request running beside it.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/child_process.h"
#include "server/child_json.h"

using namespace deltacheck::server;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("child json: the child's reply, status, type and body, reaches the caller", "[serve]") {
  const ChildRunner children(
      [](const std::string& request) {
        return Reply{201, "{\"a\": \"" + request + "\"}\n", "text/x-test"};
      },
      {});
  const Reply r = children.run("<b>");
  CHECK(r.status == 201);
  CHECK(r.content_type == "text/x-test");
  CHECK(r.body == "{\"a\": \"<b>\"}\n");
}

TEST_CASE(
    "child json: a child that never ends is stopped at its limit, answered 422, and a check "
    "beside it is not delayed",
    "[serve]") {
  ChildLimits limits;
  limits.seconds = 1.0;
  const ChildRunner children(
      [](const std::string& request) {
        if (request == "loop")
          for (volatile unsigned i = 0;; i = i + 1) {  // unsigned: wrapping is defined
          }
        return Reply{200, "ok"};
      },
      limits);
  Reply hostile;
  double hostile_seconds = 0;
  const Clock::time_point start = Clock::now();
  std::thread t([&] {
    hostile = children.run("loop");
    hostile_seconds = seconds_since(start);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the hostile child is running
  for (int i = 0; i < 5; ++i) {  // forked while it runs, each inherits what it holds
    const Clock::time_point asked = Clock::now();
    const Reply quick = children.run("quick");
    CHECK(quick.body == "ok");
    CHECK(seconds_since(asked) < 0.5);
  }
  t.join();
  CHECK(hostile.status == 422);
  CHECK_THAT(hostile.body, Catch::Contains("took longer than the limit of 1 s"));
  CHECK(hostile_seconds >= 1.0);
  CHECK(hostile_seconds < 2.5);
}

TEST_CASE("child json: a child over its memory limit is answered 422", "[serve]") {
  if (!deltacheck::memory_limits_apply()) {
    WARN(
        "built with AddressSanitizer: memory limits are not applied, so this test has nothing to check");
    return;
  }
  ChildLimits limits;
  limits.memory_bytes = std::size_t{64} << 20;
  const ChildRunner children(
      [](const std::string&) { return Reply{200, std::string(std::size_t{256} << 20, 'x')}; },
      limits);
  const Reply r = children.run("");
  CHECK(r.status == 422);
  CHECK_THAT(r.body, Catch::Contains("needed more than 64 MiB of memory"));
}
