// Hostile input 8: grade's workers die with it (SIGINT, SIGTERM, SIGKILL), and a named pipe or
// device submission is never opened.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "grade_hostile.h"

using namespace deltacheck;

namespace {

// Starts `grade` on a class slow enough to be interrupted (60 links to one submission of
// ~3 MB, 2 workers), output to /dev/null; returns its pid once its workers run.
pid_t start_slow_grading() {
  const std::string dir = testing::scratch("slow_class");
  if (!std::filesystem::exists(dir + "/s59.txt")) {
    testing::fresh_folder("slow_class");
    std::string expression = "a1_1 = ";
    for (int i = 0; i < 200000; ++i)
      expression += (i ? "+" : "") + std::string("w1_12^") + std::to_string(i % 89 + 1) + "*x2^" +
                    std::to_string(i / 89 + 1);
    testing::write_file("slow_class/s0.txt", testing::right_answers() + expression + "\n");
    for (int i = 1; i < 60; ++i)
      std::filesystem::create_hard_link(dir + "/s0.txt", dir + "/s" + std::to_string(i) + ".txt");
  }
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0), dup2(null, 1), dup2(null, 2);
    execl(DELTACHECK_BINARY, DELTACHECK_BINARY, "grade", testing::kHostileExercise, "--dir",
          dir.c_str(), "--jobs", "2", static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 500 && testing::children_of(pid).size() < 2; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return pid;
}

bool all_gone_within(const std::vector<pid_t>& pids, double seconds) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  for (pid_t p : pids)
    while (testing::is_alive(p))
      if (std::chrono::steady_clock::now() > end)
        return false;
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return true;
}

}  // namespace

TEST_CASE("hostile 8: SIGINT, SIGTERM or SIGKILL to grade's main process ends its workers too",
          "[hostile]") {
  for (const int signal : {SIGINT, SIGTERM, SIGKILL}) {
    CAPTURE(signal);
    const pid_t grade = start_slow_grading();
    const std::vector<pid_t> workers = testing::children_of(grade);
    REQUIRE(workers.size() == 2);
    kill(grade, signal);
    int status = 0;
    waitpid(grade, &status, 0);
    if (signal == SIGKILL) {
      CHECK(WIFSIGNALED(status));
    } else {
      CHECK(WIFEXITED(status));
      CHECK(WEXITSTATUS(status) == 128 + signal);
    }
    CHECK(all_gone_within(workers, 1));
  }
}

TEST_CASE("hostile 8: a named pipe or a device as a submission gets 0 without being opened",
          "[hostile]") {
  const std::string dir = testing::fresh_folder("fifo_class");
  testing::write_file("fifo_class/alice.txt", testing::right_answers());
  REQUIRE(mkfifo((dir + "/eve.txt").c_str(), 0644) == 0);
  const auto start = std::chrono::steady_clock::now();
  const testing::Run r = testing::run_argv(
      {DELTACHECK_BINARY, "grade", testing::kHostileExercise, "--dir", dir}, {}, 60);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains(testing::table_row("alice", "27/27\n")) &&
                        Catch::Contains(testing::table_row(
                            "eve", "0/27  (not graded: the submission is not a regular file")));
  const testing::Run named =
      testing::run_argv({DELTACHECK_BINARY, "grade", testing::kHostileExercise, dir + "/alice.txt",
                         dir + "/eve.txt", "/dev/zero"},
                        {}, 60);
  CHECK(named.status == 0);
  CHECK_THAT(
      named.out,
      Catch::Contains(testing::table_row(
          "eve",
          "0/27  (not graded: cannot read the answer file: it is a named pipe, which may never end; give the path of a regular file)")) &&
          Catch::Contains(testing::table_row(
              "zero",
              "0/27  (not graded: cannot read the answer file: it is a device, which may never end; give the path of a regular file)")));
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 20);
}
