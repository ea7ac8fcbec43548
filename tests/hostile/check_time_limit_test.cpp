// Hostile input 5: check runs within --time-limit and --memory-limit, and over either says so in
// one line with status 2.
#include <catch2/catch.hpp>

#include <chrono>

#include "grade_hostile.h"

using namespace deltacheck;

namespace {

// Seconds `deltacheck ARGS` took, its run in `r`.
double timed_run(const std::string& args, testing::Run& r) {
  const auto start = std::chrono::steady_clock::now();
  r = testing::run(args);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("hostile 5: check over --time-limit stops at the limit with one line and status 2",
          "[hostile]") {
  const std::string answers = testing::write_file("time_limit.txt", testing::right_answers());
  // Checking 27 right answers (read, evaluated, proved) takes far longer than a millisecond.
  testing::Run r;
  const double seconds = timed_run(
      std::string("check ") + testing::kHostileExercise + " " + answers + " --time-limit 0.001", r);
  CHECK(seconds < 5);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(
      r.err ==
      "deltacheck: " + answers +
          ": not checked: checking took longer than the limit of 0.001 s (--time-limit); shorten the answers or allow more time\n");
}

TEST_CASE("hostile 5: check within its limits prints what it printed without them", "[hostile]") {
  const std::string answers = testing::write_file("time_limit_ok.txt", testing::right_answers());
  const std::string check = std::string("check ") + testing::kHostileExercise + " " + answers;
  const testing::Run plain = testing::run(check), json = testing::run(check + " --json");
  CHECK(plain.status == 0);
  CHECK_THAT(plain.out, Catch::Contains("27/27"));
  const testing::Run limited = testing::run(check + " --time-limit 60 --memory-limit 2G");
  CHECK(limited.status == plain.status);
  CHECK(limited.out == plain.out);
  CHECK(testing::run(check + " --json --time-limit 60").out == json.out);
  // A user error met while checking is printed as before, located.
  const std::string unknown = testing::write_file("time_limit_unknown.txt", "a9_9 = 1\n");
  const testing::Run u =
      testing::run(std::string("check ") + testing::kHostileExercise + " " + unknown);
  CHECK(u.status == 1);
  CHECK_THAT(u.out, Catch::Contains("unknown key 'a9_9'"));
}

TEST_CASE("hostile 5: check refuses limits as grade does", "[hostile]") {
  const std::string answers = testing::write_file("limits_bad.txt", testing::right_answers());
  const std::string check = std::string("check ") + testing::kHostileExercise + " " + answers;
  for (const char* bad : {"0", "-1", "3601", "nan"})
    testing::check_user_error(check + " --time-limit " + bad,
                              "--time-limit must be more than 0 and at most 3600 seconds");
  for (const char* bad : {"12x", "8M", "2000G"})
    testing::check_user_error(check + " --memory-limit " + bad,
                              "--memory-limit must be a size from 16M to 1024G");
}
