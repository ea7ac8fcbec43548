// Megabytes of junk lines: check reports the first 100 and counts the rest, in bounded memory and
// time.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>

#include <nlohmann/json.hpp>

#include "../run_command.h"

using namespace deltacheck;

namespace {

struct Measured {
  int status = -1;
  std::string out;
  long peak_kib = 0;  // the child's peak resident set
};

// Runs deltacheck with `args` (no shell), stdout to a file, and measures the child's peak memory.
Measured run_measured(const std::vector<std::string>& args) {
  const std::string out_path = testing::scratch("cap_stdout.txt");
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600),
              null = open("/dev/null", O_RDWR);
    dup2(out, 1);
    dup2(null, 0);
    dup2(null, 2);
    std::vector<char*> argv{const_cast<char*>(DELTACHECK_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DELTACHECK_BINARY, argv.data());
    _exit(127);
  }
  int raw = 0;
  struct rusage usage {};
  REQUIRE(wait4(pid, &raw, 0, &usage) == pid);
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, testing::slurp(out_path), usage.ru_maxrss};
}

// 4 million lines "q": just under the 8 MiB an answer file may have.
std::string junk_file() {
  static const std::string path = testing::write_file("junk.txt", [] {
    std::string s;
    for (int i = 0; i < 4000000; ++i) s += "q\n";
    return s;
  }());
  return path;
}

constexpr long kMaxPeakKib = 300 * 1024 * testing::kSanitizerMemoryFactor;

}  // namespace

TEST_CASE("check of 4 million junk lines shows 100 and counts the rest, under 300 MB",
          "[hostile][diagnostic_cap]") {
  const auto start = std::chrono::steady_clock::now();
  const Measured m = run_measured({"check", "assign-q1-squared", junk_file()});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(m.status == 1);
  CHECK(m.peak_kib < kMaxPeakKib);
  CHECK(seconds < 30);
  // Each problem is its located message and its quoted line with a caret.
  CHECK(std::count(m.out.begin(), m.out.end(), '\n') < 600);
  std::size_t expected = 0;
  for (std::size_t at = 0; (at = m.out.find("expected KEY = EXPRESSION", at)) != std::string::npos;
       ++at)
    ++expected;
  CHECK(expected == 100);
  CHECK_THAT(m.out, Catch::Contains("junk.txt:100:1: expected KEY = EXPRESSION") &&
                        !Catch::Contains("junk.txt:101:1:"));
  CHECK_THAT(m.out, Catch::Contains("and 3999900 more lines that are not answers"));
}

TEST_CASE("check --json of 4 million junk lines: 100 problems and one 'and N more' entry",
          "[hostile][diagnostic_cap]") {
  const Measured m = run_measured({"check", "assign-q1-squared", junk_file(), "--json"});
  CHECK(m.status == 1);
  CHECK(m.peak_kib < kMaxPeakKib);
  const nlohmann::json doc = nlohmann::json::parse(m.out);
  REQUIRE(doc["problems"].size() == 101);
  CHECK(doc["problems"][99].get<std::string>().find(junk_file() +
                                                    ":100:1: expected KEY = EXPRESSION") == 0);
  CHECK(doc["problems"][100] == "and 3999900 more lines that are not answers");
}

TEST_CASE("unknown keys and lines without '=' share one cap, in line order",
          "[hostile][diagnostic_cap]") {
  std::string text;
  for (int i = 0; i < 150; ++i) text += i % 2 ? "q\n" : "dL/dnokey_" + std::to_string(i) + " = 1\n";
  const std::string path = testing::write_file("mixed.txt", text);
  const Measured m = run_measured({"check", "assign-q1-squared", path, "--json"});
  const nlohmann::json doc = nlohmann::json::parse(m.out);
  REQUIRE(doc["problems"].size() == 101);
  CHECK(doc["problems"][0].get<std::string>().find(path + ":1:1: unknown key 'dL/dnokey_0'") == 0);
  CHECK(doc["problems"][1].get<std::string>().find(path + ":2:1: expected KEY = EXPRESSION") == 0);
  CHECK(doc["problems"][99].get<std::string>().find(path + ":100:1: expected KEY") == 0);
  CHECK(doc["problems"][100] == "and 50 more lines that are not answers");
}
