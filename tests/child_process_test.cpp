// Tests of core/child_process: exit codes, time and memory limits, process groups, death with the
// parent, argv taken literally.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include "core/child_process.h"
#include "run_command.h"

using namespace deltacheck;
using End = ChildResult::End;

namespace {

// True while `pid` is a live process (a zombie waiting for its reaper counts as gone).
bool alive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

// Waits up to `seconds` for `pid` to be gone; true when it is.
bool gone_within(pid_t pid, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (alive(pid)) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

pid_t read_pid(int fd) {
  pid_t pid = -1;
  REQUIRE(read(fd, &pid, sizeof pid) == static_cast<ssize_t>(sizeof pid));
  return pid;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("a child's exit status, and a program that cannot be started", "[child_process]") {
  const ChildResult three = run_function([] { return 3; }, {});
  CHECK(three.end == End::exited);
  CHECK(three.exit_code == 3);
  CHECK(!three.ok());
  CHECK(run_program({"true"}, {}).ok());
  const ChildResult no = run_program({"deltacheck-no-such-program"}, {});
  CHECK(no.end == End::not_started);
  CHECK(no.start_errno == ENOENT);
  CHECK_THAT(no.describe(), Catch::Contains("could not be started"));
  const ChildResult thrown = run_function([]() -> int { throw std::runtime_error("x"); }, {});
  CHECK(thrown.exit_code == kChildExceptionExit);
  CHECK(!thrown.out_of_memory);
}

TEST_CASE("argv is passed literally: spaces, quotes and $() reach the program as written",
          "[child_process]") {
  ChildOptions o;
  o.capture = true;
  o.directory = testing::scratch_dir().string();
  const ChildResult r = run_program(
      {"printf", "%s|", "a b", "it's", "$(touch pwned)", "\"q\"", "`touch pwned2`;"}, o);
  CHECK(r.ok());
  CHECK(r.out == "a b|it's|$(touch pwned)|\"q\"|`touch pwned2`;|");
  CHECK(!std::filesystem::exists(testing::scratch("pwned")));
  CHECK(!std::filesystem::exists(testing::scratch("pwned2")));
}

TEST_CASE("the working directory, the extra environment, stdin from /dev/null, and the capture cap",
          "[child_process]") {
  ChildOptions o;
  o.capture = true;
  o.directory = "/";
  o.environment = {{"DELTACHECK_TEST_VARIABLE", "a b'c"}};
  CHECK(run_program({"pwd"}, o).out == "/\n");
  CHECK_THAT(run_program({"env"}, o).out, Catch::Contains("\nDELTACHECK_TEST_VARIABLE=a b'c\n"));
  const auto start = std::chrono::steady_clock::now();
  const ChildResult cat = run_program({"cat"}, o);  // would wait for ever on a terminal
  CHECK(cat.ok());
  CHECK(cat.out.empty());
  CHECK(seconds_since(start) < 5);
  o.capture_bytes = 1000;
  const ChildResult big = run_program({"head", "-c", "3000000", "/dev/zero"}, o);
  CHECK(big.ok());  // the rest was read and dropped: no broken pipe
  CHECK(big.out.size() == 1000);
  const ChildResult err = run_function([] { return std::fputs("to stderr", stderr) < 0; }, o);
  CHECK(err.err == "to stderr");
}

TEST_CASE("a child past its time limit is killed with its grandchildren", "[child_process]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  ChildOptions o;
  o.seconds = 0.3;
  o.capture = true;
  const auto start = std::chrono::steady_clock::now();
  const ChildResult r = run_function(
      [&] {
        const pid_t grandchild = fork();
        if (grandchild == 0) {
          sleep(30);
          _exit(0);
        }
        if (write(fds[1], &grandchild, sizeof grandchild) < 0) return 1;
        sleep(30);
        return 0;
      },
      o);
  CHECK(r.end == End::timed_out);
  CHECK(seconds_since(start) < 5);
  const pid_t grandchild = read_pid(fds[0]);
  close(fds[0]), close(fds[1]);
  CHECK(gone_within(grandchild, 1));
}

TEST_CASE("a memory limit makes a child that allocates 2 GiB fail, reported as out of memory",
          "[child_process]") {
  if (!memory_limits_apply()) {
    WARN(
        "built with AddressSanitizer: memory limits are not applied, so this test has nothing to check");
    return;
  }
  ChildOptions o;
  o.memory_bytes = std::size_t{256} << 20;
  const ChildResult r = run_function(
      [] {
        std::vector<char> block(std::size_t{2} << 30, 1);
        return block[12345] == 1 ? 0 : 1;
      },
      o);
  CHECK(r.end == End::exited);
  CHECK(r.exit_code == kChildOutOfMemoryExit);
  CHECK(r.out_of_memory);
}

TEST_CASE("a child does not outlive its parent, even one killed with SIGKILL", "[child_process]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t intermediate = fork();
  REQUIRE(intermediate >= 0);
  if (intermediate == 0) {
    Child child = spawn_program({"sleep", "30"}, {});
    const pid_t pid = child.pid();
    if (write(fds[1], &pid, sizeof pid) < 0) _exit(1);
    pause();
    _exit(0);
  }
  const pid_t child = read_pid(fds[0]);
  close(fds[0]), close(fds[1]);
  CHECK(alive(child));
  kill(intermediate, SIGKILL);
  waitpid(intermediate, nullptr, 0);
  CHECK(gone_within(child, 1));
}

TEST_CASE("SIGTERM to a parent that kills its children on signals: they die and it exits with 143",
          "[child_process]") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const pid_t parent = fork();
  REQUIRE(parent >= 0);
  if (parent == 0) {
    KillChildrenOnSignal guard;
    Child child = spawn_function(
        [] {
          if (fork() == 0) sleep(30);  // a grandchild in the child's group
          sleep(30);
          return 0;
        },
        {});
    const pid_t pid = child.pid();
    if (write(fds[1], &pid, sizeof pid) < 0) _exit(1);
    pause();
    _exit(0);
  }
  const pid_t child = read_pid(fds[0]);
  close(fds[0]), close(fds[1]);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  kill(parent, SIGTERM);
  int status = 0;
  waitpid(parent, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 143);
  CHECK(gone_within(child, 1));
}

TEST_CASE("wait without a time limit, and kill of a running child", "[child_process]") {
  Child quick = spawn_function([] { return 7; }, {});
  const ChildResult q = quick.wait();
  CHECK(q.exit_code == 7);
  CHECK(quick.pid() == -1);
  Child slow = spawn_program({"sleep", "30"}, {});
  const pid_t pid = slow.pid();
  const ChildResult k = slow.kill();
  CHECK(k.end == End::signalled);
  CHECK(k.signal == SIGKILL);
  CHECK(!alive(pid));
  CHECK(find_program("sh") != "");
  CHECK(find_program("deltacheck-no-such-program") == "");
}
