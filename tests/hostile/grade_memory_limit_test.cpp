// Hostile input 7: a submission that needs more memory than --memory-limit gets 0 with the reason,
// and only it.
#include <catch2/catch.hpp>

#include "core/child_process.h"
#include "grade_hostile.h"

using namespace deltacheck;

namespace {

// The right answers with a1_1 replaced by a sum of 300 000 distinct terms (about 5 MB of text,
// some 370 MB of memory when read into GiNaC).
std::string enormous_answer() {
  std::string expression;
  for (int i = 0; i < 300000; ++i)
    expression += (i ? "+" : "") + std::string("w1_11^") + std::to_string(i % 97 + 1) + "*x1^" +
                  std::to_string(i / 97 + 1);
  std::istringstream in(testing::right_answers());
  std::string out;
  for (std::string line; std::getline(in, line);)
    out += (line.rfind("a1_1 =", 0) == 0 ? "a1_1 = " + expression : line) + "\n";
  return out;
}

}  // namespace

TEST_CASE(
    "hostile 7: a submission that needs more than --memory-limit gets 0 with the reason, the others are graded",
    "[hostile]") {
  if (!memory_limits_apply()) {
    WARN(
        "built with AddressSanitizer: memory limits are not applied, so this test has nothing to check");
    return;
  }
  const std::string dir = testing::fresh_folder("memory_class");
  testing::write_file("memory_class/alice.txt", testing::right_answers());
  testing::write_file("memory_class/mallory.txt", enormous_answer());
  const std::string grade =
      std::string("grade ") + testing::kHostileExercise + " --dir " + dir + " --jobs 2";
  const testing::Run small = testing::run(grade + " --memory-limit 64M");
  CHECK(small.status == 0);
  CHECK(small.err.empty());
  CHECK_THAT(
      small.out,
      Catch::Contains(testing::table_row("alice", "27/27\n")) &&
          Catch::Contains(testing::table_row(
              "mallory", "0/27  (not graded: the submission needed more than 64 MiB of memory)")));
  // One worker for the class: mallory's worker has graded alice first, so mallory is graded
  // once more by a new worker before the 0; zed, after mallory, is graded as usual.
  testing::write_file("memory_class/zed.txt", testing::right_answers());
  const testing::Run one = testing::run(std::string("grade ") + testing::kHostileExercise +
                                        " --dir " + dir + " --jobs 1 --memory-limit 64M");
  CHECK(one.status == 0);
  CHECK_THAT(
      one.out,
      Catch::Contains(testing::table_row("alice", "27/27\n")) &&
          Catch::Contains(testing::table_row(
              "mallory", "0/27  (not graded: the submission needed more than 64 MiB of memory)")) &&
          Catch::Contains(testing::table_row("zed", "27/27\n")));
  // Under the default of 1 GiB the same submission is graded.
  const testing::Run large = testing::run(grade);
  CHECK_THAT(large.out, Catch::Contains(testing::table_row("mallory", "26/27\n")));
}

TEST_CASE(
    "hostile 7: --memory-limit takes MiB or a unit, and refuses what is not a size from 16M to 1024G",
    "[hostile]") {
  const std::string answers = testing::write_file("limit.txt", testing::right_answers());
  const std::string grade = std::string("grade ") + testing::kHostileExercise + " " + answers;
  CHECK(testing::run(grade + " --memory-limit 512").status == 0);
  CHECK(testing::run(grade + " --memory-limit 2GiB").status == 0);
  CHECK(testing::run(grade + " --memory-limit 100mb").status == 0);
  for (const char* bad : {"12x", "0", "8M", "2000G", "1.5G", "G", "99999999999999999999"})
    testing::check_user_error(grade + " --memory-limit " + bad,
                              "--memory-limit must be a size from 16M to 1024G");
}
