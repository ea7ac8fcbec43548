// Hostile input 2: grade --dir reads only regular files inside the class folder; a link out of it
// is refused unread.
#include <catch2/catch.hpp>

#include <chrono>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "grade_hostile.h"

using namespace deltacheck;

TEST_CASE(
    "hostile 2: links out of the class folder get 0 with the reason, and nothing they lead to is read",
    "[hostile]") {
  const std::string outside = testing::fresh_folder("outside"),
                    dir = testing::fresh_folder("linked_class");
  testing::write_file("outside/secret.txt", "SECRET-LINE = 1\n");
  // A named pipe outside: opening it for reading would block, so a grade that ends shows it was
  // never opened.
  REQUIRE(mkfifo((outside + "/pipe.txt").c_str(), 0644) == 0);
  testing::write_file("linked_class/alice.txt", testing::right_answers());
  REQUIRE(symlink((outside + "/secret.txt").c_str(), (dir + "/mallory.txt").c_str()) == 0);
  REQUIRE(symlink(outside.c_str(), (dir + "/trudy").c_str()) == 0);
  REQUIRE(symlink("../outside/pipe.txt", (dir + "/walter.txt").c_str()) == 0);
  mkdir((dir + "/oscar").c_str(), 0755);
  REQUIRE(symlink((outside + "/secret.txt").c_str(), (dir + "/oscar/answers.txt").c_str()) == 0);
  REQUIRE(symlink("alice.txt", (dir + "/peggy.txt").c_str()) == 0);  // inside the folder: graded
  const std::string out = testing::scratch("linked_out");
  const auto start = std::chrono::steady_clock::now();
  const testing::Run r = testing::run_argv(
      {DELTACHECK_BINARY, "grade", testing::kHostileExercise, "--dir", dir, "--out", out}, {}, 60);
  CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 20);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  for (const char* student : {"mallory", "trudy", "walter", "oscar"}) {
    CAPTURE(student);
    CHECK_THAT(r.out, Catch::Contains(testing::table_row(
                          student, "0/27  (not graded: a link out of the class folder)")));
    const std::string report = testing::slurp(out + "/" + student + ".json");
    CHECK(nlohmann::json::parse(report)["fault"] == "a link out of the class folder");
    CHECK(report.find("SECRET") == std::string::npos);
  }
  CHECK_THAT(r.out, Catch::Contains(testing::table_row("peggy", "27/27\n")) &&
                        Catch::Contains(testing::table_row("alice", "27/27\n")));
  CHECK(r.out.find("SECRET") == std::string::npos);
}
