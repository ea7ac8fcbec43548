// A truth far from 1 in magnitude: 0 is never "correct" for it, and a constant factor is named only
// when it is finite and not 0.
#include <catch2/catch.hpp>

#include "../run_command.h"
#include "exercises/judge/checker.h"

using namespace deltacheck;

namespace {

// A symbolic exercise whose one part `d` has `truth`, written to a file and loaded from it.
Exercise tiny_exercise(const std::string& truth) {
  const std::string path = testing::write_file("tiny.yaml",
                                               "id: tiny\n"
                                               "title: A tiny truth\n"
                                               "symbols: {z: [1, 2]}\n"
                                               "parts:\n"
                                               "  - {key: d, ask: the value, truth: \"" +
                                                   truth + "\"}\n");
  return load_exercise(path);
}

PartResult verdict_on(const std::string& truth, const std::string& answer) {
  Checker checker(tiny_exercise(truth));
  const CheckResult r = checker.check(parse_answer_file("d = " + answer + "\n", "a.txt"), false);
  REQUIRE(r.parts.size() == 1);
  INFO("truth " << truth << ", answer " << answer << ": " << r.parts[0].feedback);
  return r.parts[0];
}

}  // namespace

TEST_CASE("0 is wrong for a truth of z*10^(-100), however small the truth",
          "[hostile][false_verdict]") {
  const PartResult p = verdict_on("z*10^(-100)", "0");
  CHECK(p.verdict == Verdict::incorrect);
  CHECK(p.score == 0);
  CHECK(p.mistake.empty());
  CHECK_THAT(p.feedback, Catch::StartsWith("no known mistake matches; at sample point 1 (z = ") &&
                             Catch::Contains("the answer is 0 but"));
}

TEST_CASE("the truth z*10^(-100) itself is correct, and twice it is off by 2",
          "[hostile][false_verdict]") {
  CHECK(verdict_on("z*10^(-100)", "z*10^(-100)").verdict == Verdict::correct);
  CHECK(verdict_on("z*10^(-100)", "z/10^100").feedback == "agrees at 8 points");
  const PartResult twice = verdict_on("z*10^(-100)", "2*z*10^(-100)");
  CHECK(twice.verdict == Verdict::incorrect);
  CHECK(twice.feedback == "off by a constant factor of 2 (this answer divided by the right one)");
}

TEST_CASE("a factor of 10^100 is named as a finite number, never inf", "[hostile][false_verdict]") {
  const PartResult p = verdict_on("z*10^(-100)", "2*z");
  CHECK(p.verdict == Verdict::incorrect);
  CHECK(p.feedback ==
        "off by a constant factor of about 2e+100 (this answer divided by the right one)");
  CHECK(p.feedback.find("inf") == std::string::npos);
}

TEST_CASE("0 against z*10^-10 is no constant factor of -0", "[hostile][false_verdict]") {
  for (const char* truth : {"z*10^-10", "-z*10^-10"}) {
    const PartResult p = verdict_on(truth, "0");
    CHECK(p.verdict == Verdict::incorrect);
    CHECK(p.mistake.empty());
    CHECK(p.feedback.find("constant factor") == std::string::npos);
    CHECK_THAT(p.feedback, Catch::StartsWith("no known mistake matches; at sample point 1"));
  }
}

TEST_CASE("a truth that is 0 everywhere still accepts 0", "[hostile][false_verdict]") {
  CHECK(verdict_on("z - z", "0").verdict == Verdict::correct);
}
