// Running the deltacheck binary from tests: exit status, stdout and stderr, files private to this process, the user-error contract.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

namespace deltacheck::testing {

/// What a run of the command did.
struct Run {
  int status;
  std::string out, err;
};

/// The whole content of a file ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A folder private to this test process (ctest runs test cases in parallel processes),
/// created on first use and removed with everything in it when the process exits, whether
/// its tests passed or failed; a forked child leaves it alone.
inline const std::filesystem::path& scratch_dir() {
  struct Dir {
    pid_t owner = getpid();
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("deltacheck_test_" + std::to_string(getpid()));
    Dir() { std::filesystem::create_directories(path); }
    ~Dir() {
      std::error_code ignored;
      if (getpid() == owner) std::filesystem::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  return dir.path;
}

/// A path in this process's scratch folder (see scratch_dir).
inline std::string scratch(const std::string& name) { return (scratch_dir() / name).string(); }

/// Runs deltacheck with `args` (shell words), no standard input.
inline Run run(const std::string& args) {
  const std::string out = scratch("stdout.txt"), err = scratch("stderr.txt");
  const std::string command = std::string(DELTACHECK_BINARY) + " " + args + " </dev/null >" + out + " 2>" + err;
  const int raw = std::system(command.c_str());
  Run r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
  std::remove(out.c_str());
  std::remove(err.c_str());
  return r;
}

/// Writes `content` to a private file and returns its path.
inline std::string write_file(const std::string& name, const std::string& content) {
  const std::string path = scratch(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

/// Checks the contract for an error the user caused: `deltacheck ARGS` exits with status 2,
/// prints nothing on stdout and exactly one line on stderr, "deltacheck: " once and then a
/// message that contains `expected`.
inline void check_user_error(const std::string& args, const std::string& expected) {
  CAPTURE(args);
  const Run r = run(args);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("deltacheck: ") && !Catch::StartsWith("deltacheck: deltacheck") && Catch::Contains(expected));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

}  // namespace deltacheck::testing
