// The fork server: each request runs in a child of its own with the limits, from many threads at
// once, and the children start from the state the program had when the server was made.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <sys/mman.h>
#include <unistd.h>

#include "core/fork_server.h"

using namespace deltacheck;

namespace {

// A memfd holding `text`.
int memfd_with(const std::string& text) {
  const int fd = memfd_create("fork-server-test", MFD_CLOEXEC);
  REQUIRE(fd >= 0);
  REQUIRE(pwrite(fd, text.data(), text.size(), 0) == static_cast<ssize_t>(text.size()));
  return fd;
}

std::string content_of(int fd) {
  char buffer[256];
  const ssize_t n = pread(fd, buffer, sizeof buffer, 0);
  return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "";
}

// The body of the tests' children: "exit N" exits with N, "loop" never ends, anything else is
// answered with the prepared word and the request.
int body(const std::string& prepared, int fd) {
  const std::string request = content_of(fd);
  if (request.rfind("exit ", 0) == 0) return std::stoi(request.substr(5));
  if (request == "loop")
    for (volatile unsigned i = 0;; i = i + 1) {  // unsigned: wrapping is defined
    }
  const std::string reply = prepared + ":" + request;
  return pwrite(fd, reply.data(), reply.size(), 0) == static_cast<ssize_t>(reply.size()) ? 0 : 1;
}

}  // namespace

TEST_CASE("fork server: a child per request, from the state prepared before the server", "[fork]") {
  std::string prepared = "ready";
  ChildOptions options;
  options.seconds = 5;
  ForkServer forks([&](int fd) { return body(prepared, fd); }, options);
  prepared = "changed later";  // the server holds its own copy, made at construction
  const int fd = memfd_with("hello");
  const ChildResult r = forks.run(fd);
  CHECK(r.ok());
  CHECK(content_of(fd) == "ready:hello");
  close(fd);
  const int failing = memfd_with("exit 3");
  const ChildResult f = forks.run(failing);
  close(failing);
  CHECK(f.end == ChildResult::End::exited);
  CHECK(f.exit_code == 3);
}

TEST_CASE(
    "fork server: requests from many threads each get their own answer; a child past its "
    "time is stopped without delaying the others",
    "[fork]") {
  ChildOptions options;
  options.seconds = 1;
  ForkServer forks([](int fd) { return body("p", fd); }, options);
  const auto start = std::chrono::steady_clock::now();
  ChildResult hostile;
  std::thread slow([&] {
    const int fd = memfd_with("loop");
    hostile = forks.run(fd);
    close(fd);
  });
  std::atomic<int> right{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const std::string request = std::to_string(t) + "-" + std::to_string(i);
        const int fd = memfd_with(request);
        if (forks.run(fd).ok() && content_of(fd) == "p:" + request) ++right;
        close(fd);
      }
    });
  for (std::thread& t : threads) t.join();
  const double quick =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  slow.join();
  const double all =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(right == 40);
  CHECK(quick < 0.9);
  CHECK(hostile.end == ChildResult::End::timed_out);
  CHECK(all >= 1.0);
  CHECK(all < 2.5);
}

TEST_CASE("fork server: a child over its memory limit is reported out of memory", "[fork]") {
  if (!memory_limits_apply()) {
    WARN(
        "built with AddressSanitizer: memory limits are not applied, so this test has nothing to check");
    return;
  }
  ChildOptions options;
  options.seconds = 5;
  options.memory_bytes = std::size_t{64} << 20;
  ForkServer forks(
      [](int) {
        std::vector<char> big(std::size_t{256} << 20, 'x');
        return big[12345] == 'x' ? 0 : 1;
      },
      options);
  const int fd = memfd_with("");
  const ChildResult r = forks.run(fd);
  close(fd);
  CHECK(r.out_of_memory);
}
