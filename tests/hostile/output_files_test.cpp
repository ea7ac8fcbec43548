// Output files: the atomic write replaces regular files only, refuses read-only ones and keeps the
// mode.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "../run_command.h"
#include "reports/atomic_file.h"

using namespace deltacheck;

namespace {
mode_t mode_of(const std::string& path) {
  struct stat st;
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st.st_mode;
}
}  // namespace

TEST_CASE("output files: a link, a pipe, a device or a folder is refused and left as it was",
          "[hostile][atomic_file]") {
  const std::string target = testing::write_file("target.txt", "keep");
  const std::string link = testing::scratch("link.csv");
  REQUIRE(symlink(target.c_str(), link.c_str()) == 0);
  CHECK_THROWS_WITH(write_file_atomically(link, "new"),
                    link +
                        ": cannot write the file: it is a symbolic link, which is never followed; "
                        "give the path of a regular file or of a new one");
  CHECK(S_ISLNK(mode_of(link)));
  CHECK(testing::slurp(target) == "keep");
  const std::string fifo = testing::scratch("out.fifo");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(write_file_atomically(fifo, "new"), Catch::Contains("it is a named pipe"));
  CHECK(S_ISFIFO(mode_of(fifo)));
  CHECK_THROWS_WITH(write_file_atomically("/dev/null", "new"),
                    Catch::Contains("/dev/null: cannot write the file: it is a device"));
  CHECK(S_ISCHR(mode_of("/dev/null")));
  CHECK_THROWS_WITH(write_file_atomically(testing::scratch_dir().string(), "new"),
                    Catch::Contains("it is a folder"));
  CHECK(access((link + ".tmp-" + std::to_string(getpid())).c_str(), F_OK) !=
        0);  // no temporary file left behind
}

TEST_CASE("output files: a read-only file is refused, a replaced file keeps its mode",
          "[hostile][atomic_file]") {
  const std::string locked = testing::write_file("locked.csv", "old");
  REQUIRE(chmod(locked.c_str(), 0444) == 0);
  CHECK_THROWS_WITH(
      write_file_atomically(locked, "new"),
      locked +
          ": cannot write the file: it is read-only; make it writable (chmod u+w) or give another path");
  CHECK(testing::slurp(locked) == "old");
  CHECK((mode_of(locked) & 0777) == 0444);
  const std::string shared = testing::write_file("shared.csv", "old");
  REQUIRE(chmod(shared.c_str(), 0600) == 0);
  write_file_atomically(shared, "new");
  CHECK(testing::slurp(shared) == "new");
  CHECK((mode_of(shared) & 0777) == 0600);
  const std::string fresh = testing::scratch("fresh.csv");
  write_file_atomically(fresh, "made");
  CHECK(testing::slurp(fresh) == "made");
  CHECK(S_ISREG(mode_of(fresh)));
}

TEST_CASE("output files: grade --csv to a link is refused before anything is replaced",
          "[hostile][atomic_file]") {
  const std::string target = testing::write_file("gradebook-target.csv", "keep");
  const std::string link = testing::scratch("gradebook.csv");
  REQUIRE(symlink(target.c_str(), link.c_str()) == 0);
  const std::string answers = testing::write_file("alice.txt", "a1_1 = 1\n");
  testing::check_user_error("grade assign-q1-squared " + answers + " --csv " + link,
                            link + ": cannot write the file: it is a symbolic link");
  CHECK(S_ISLNK(mode_of(link)));
  CHECK(testing::slurp(target) == "keep");
}
