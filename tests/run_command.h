// Running the deltacheck binary from tests (by argv, never a shell): exit status, stdout and
// stderr, files private to this process, the user-error contract.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <unistd.h>

#include "core/child_process.h"

namespace deltacheck::testing {

/// How much slower and larger the binary runs when the suite is built with AddressSanitizer
/// (scripts/sanitize.sh): time and memory bounds measured in tests are multiplied by these,
/// so the bounds stay tight in Release and honest under the sanitizer's overhead.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kSanitizerTimeFactor = 5;
constexpr long kSanitizerMemoryFactor = 3;
#else
constexpr double kSanitizerTimeFactor = 1;
constexpr long kSanitizerMemoryFactor = 1;
#endif

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
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("deltacheck_test_" + std::to_string(getpid()));
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

/// `text` split into words as a POSIX shell splits them, without any expansion: blanks
/// separate words, '...' quotes literally, "..." quotes with \\ \" \$ \` escapes, and a
/// backslash outside quotes escapes the next character.
inline std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(word), word.clear(), in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\'' || c == '"') {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (c == '"' && text[i] == '\\' && i + 1 < text.size() &&
            std::strchr("\\\"$`", text[i + 1]))
          ++i;
        word += text[i];
      }
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

/// Runs a program by argv (the first word found on PATH) with `environment` added, no standard
/// input, no shell, stopped after `seconds` when that is > 0; its exit status (-1 when it did
/// not exit) and output.
inline Run run_argv(const std::vector<std::string>& argv,
                    const std::vector<std::pair<std::string, std::string>>& environment = {},
                    double seconds = 0) {
  ChildOptions o;
  o.capture = true;
  o.capture_bytes = std::size_t{1} << 30;
  o.environment = environment;
  o.seconds = seconds;
  const ChildResult r = run_program(argv, o);
  return Run{r.end == ChildResult::End::exited ? r.exit_code : -1, r.out, r.err};
}

/// Runs deltacheck with `args` (words quoted as in a shell, see split_words), no standard input.
inline Run run(const std::string& args) {
  std::vector<std::string> argv = split_words(args);
  argv.insert(argv.begin(), DELTACHECK_BINARY);
  return run_argv(argv);
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
  CHECK_THAT(r.err, Catch::StartsWith("deltacheck: ") &&
                        !Catch::StartsWith("deltacheck: deltacheck") && Catch::Contains(expected));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

}  // namespace deltacheck::testing
