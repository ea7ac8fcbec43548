// Hostile input 13: grade --dir says on stderr which entries it skipped and why; the exit status
// stays 0.
#include <catch2/catch.hpp>

#include "grade_hostile.h"

using namespace deltacheck;

TEST_CASE("hostile 13: grade --dir lists each skipped entry with the reason, one line each",
          "[hostile]") {
  const std::string dir = testing::fresh_folder("skipping_class");
  for (const char* name :
       {"erin.txt", "alice.TXT", "bob.md", "carol.txt~", ".dave.txt", "frank.answers"})
    testing::write_file(std::string("skipping_class/") + name, testing::right_answers());
  const testing::Run r =
      testing::run(std::string("grade ") + testing::kHostileExercise + " --dir " + dir);
  CHECK(r.status == 0);
  CHECK(
      r.err ==
      "deltacheck grade: skipped '.dave.txt': a hidden file\n"
      "deltacheck grade: skipped 'alice.TXT': not a .txt file (the extension must be lower case: rename it 'alice.txt')\n"
      "deltacheck grade: skipped 'bob.md': not a .txt file or a folder\n"
      "deltacheck grade: skipped 'carol.txt~': not a .txt file or a folder\n"
      "deltacheck grade: skipped 'frank.answers': not a .txt file or a folder\n");
  CHECK_THAT(r.out, Catch::StartsWith("student  score\n" + testing::table_row("erin", "27/27\n")));
}
