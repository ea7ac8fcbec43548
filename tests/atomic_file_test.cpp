// Tests of reports/atomic_file: whole-file replacement, refused output paths, folders made.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "reports/atomic_file.h"

using namespace deltacheck;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the temporary directory, removed at the end of the test.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("deltacheck-atomic-" + std::to_string(getpid()));
  Scratch() { fs::remove_all(dir), fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
};

std::string contents(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE(
    "atomic_file writes a new file and replaces an old one, keeping its mode and leaving no temporary file",
    "[atomic_file]") {
  const Scratch s;
  const fs::path file = s.dir / "grades.csv";
  write_file_atomically(file.string(), "student,score\n");
  CHECK(contents(file) == "student,score\n");
  REQUIRE(chmod(file.c_str(), 0640) == 0);
  write_file_atomically(file.string(), "student,score\nalice,3\n");
  CHECK(contents(file) == "student,score\nalice,3\n");
  struct stat st;
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK(std::distance(fs::directory_iterator(s.dir), fs::directory_iterator()) == 1);
}

TEST_CASE("atomic_file refuses a folder, a symbolic link and a read-only file, naming the path",
          "[atomic_file]") {
  const Scratch s;
  const fs::path folder = s.dir / "out", link = s.dir / "link", readonly = s.dir / "readonly.txt";
  fs::create_directory(folder);
  fs::create_symlink(s.dir / "elsewhere", link);
  write_file_atomically(readonly.string(), "keep\n");
  REQUIRE(chmod(readonly.c_str(), 0444) == 0);
  CHECK_THROWS_WITH(check_output_path(folder.string()),
                    Catch::Contains(folder.string()) && Catch::Contains("it is a folder"));
  CHECK_THROWS_WITH(write_file_atomically(link.string(), "x"),
                    Catch::Contains("a symbolic link, which is never followed"));
  CHECK_THROWS_AS(write_file_atomically(readonly.string(), "x"), UserError);
  CHECK(contents(readonly) == "keep\n");
  CHECK(!fs::exists(s.dir / "elsewhere"));
  CHECK_NOTHROW(check_output_path((s.dir / "new.txt").string()));
}

TEST_CASE("atomic_file make_directories creates nested folders and refuses a path through a file",
          "[atomic_file]") {
  const Scratch s;
  make_directories((s.dir / "a/b/c").string());
  CHECK(fs::is_directory(s.dir / "a/b/c"));
  write_file_atomically((s.dir / "file").string(), "x");
  CHECK_THROWS_AS(make_directories((s.dir / "file/sub").string()), UserError);
}
