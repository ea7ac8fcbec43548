// Hostile input 14: two entries of one student, or a student whose report the class summary would
// overwrite, refuse the class.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "grade_hostile.h"

using namespace deltacheck;

TEST_CASE("hostile 14: alice.txt beside a folder alice/ refuses the class, naming both",
          "[hostile]") {
  const std::string dir = testing::fresh_folder("twice_class");
  testing::write_file("twice_class/alice.txt", testing::right_answers());
  mkdir((dir + "/alice").c_str(), 0755);
  testing::write_file("twice_class/alice/answers.txt", testing::right_answers());
  testing::check_user_error(
      std::string("grade ") + testing::kHostileExercise + " --dir " + dir,
      "two submissions of student 'alice': " + dir + "/alice and " + dir + "/alice.txt; keep one");
}

TEST_CASE(
    "hostile 14: a student named summary is refused when --out would write the class summary over it",
    "[hostile]") {
  const std::string dir = testing::fresh_folder("summary_class"),
                    out = testing::scratch("summary_out");
  testing::write_file("summary_class/summary.txt", testing::right_answers());
  const std::string grade = std::string("grade ") + testing::kHostileExercise + " --dir " + dir;
  testing::check_user_error(grade + " --out " + out,
                            "the student 'summary' (" + dir +
                                "/summary.txt) would be overwritten by the class summary " + out +
                                "/summary.json");
  CHECK(!std::filesystem::exists(out));
  CHECK(testing::run(grade).status == 0);  // without --out nothing collides
}
