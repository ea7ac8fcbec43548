// Tests of exercises/grade/class_summary: verdicts, carried parts and wrong steps counted over a
// class, and the most common wrong step.
#include <catch2/catch.hpp>

#include "exercises/grade/class_summary.h"
#include "sample_results.h"

using namespace deltacheck;
using testing::derivation_result;
using testing::step_result;

namespace {

StudentGrade graded(const std::string& student, const CheckResult& r) {
  StudentGrade g;
  g.student = student;
  g.result = r;
  return g;
}

// Three students: ada as derivation_result; bob the same but his wrong delta1_1 first used by
// dL/db1_1; cat with delta1_1 wrong twice the same way (counted once), no chain, dL/dw1_11
// wrong with no known mistake, dL/db1_1 missing, and an unused step wrong with no known mistake.
std::vector<StudentGrade> three_students() {
  CheckResult bob = derivation_result();
  bob.steps[0].used_by = 2;
  CheckResult cat = derivation_result();
  cat.parts[1].verdict = Verdict::incorrect;
  cat.parts[1].feedback = "at x1 = 0.5 your answer is 1, the right one 2";
  cat.parts[1].steps.clear();
  cat.parts[2].verdict = Verdict::missing;
  cat.steps.push_back(
      step_result("delta1_1", Verdict::incorrect, "the sign is wrong", "sign", "y - a1_1", 8, 1));
  cat.steps.push_back(step_result("z1_1", Verdict::incorrect, "at x1 = 0.5 ...", "", "w1_11", 9));
  return {graded("ada", derivation_result()), graded("bob", bob), graded("cat", cat)};
}

}  // namespace

TEST_CASE("class_summary counts carried and incomplete parts beside the other verdicts",
          "[class_summary]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  const ClassSummary s = summarize(ex, three_students());
  REQUIRE(s.parts.size() == 3);
  CHECK(s.parts[0].correct == 3);
  CHECK(s.parts[1].carried == 2);
  CHECK(s.parts[1].incorrect == 1);
  REQUIRE(s.parts[1].mistakes.size() == 1);
  CHECK(s.parts[1].mistakes[0] == std::pair<std::string, int>{"no known mistake", 1});
  CHECK(s.parts[2].incomplete == 2);
  CHECK(s.parts[2].missing == 1);
}

TEST_CASE(
    "class_summary lists each part's wrong steps, a student counted once per step and mistake",
    "[class_summary]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  const ClassSummary s = summarize(ex, three_students());
  const auto& first = s.parts[1].step_mistakes;
  REQUIRE(first.size() == 2);  // a tie: alphabetical by step
  CHECK(first[0].step == "delta1_1");
  CHECK(first[0].mistake == "the sign is wrong");
  CHECK(first[0].students == 2);  // ada and cat (twice, once counted)
  CHECK(first[1].step == "step 2 -> 3");
  CHECK(first[1].mistake == "the factor a1_1*(1 - a1_1) was dropped");
  CHECK(first[1].students == 2);  // ada and bob
  REQUIRE(s.parts[2].step_mistakes.size() == 1);
  CHECK(s.parts[2].step_mistakes[0].step == "delta1_1");
  CHECK(s.parts[2].step_mistakes[0].students == 1);  // bob
  CHECK(s.parts[0].step_mistakes.empty());
}

TEST_CASE("class_summary names the most common wrong step of the class", "[class_summary]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  const ClassSummary s = summarize(ex, three_students());
  REQUIRE(s.wrong_steps.size() == 3);
  CHECK(s.wrong_steps[0].step == "delta1_1");
  CHECK(s.wrong_steps[0].mistake == "the sign is wrong");
  CHECK(s.wrong_steps[0].students == 3);
  CHECK(s.wrong_steps[1].step == "dL/dw1_11 step 2 -> 3");
  CHECK(s.wrong_steps[1].students == 2);
  CHECK(s.wrong_steps[2].step == "z1_1");
  CHECK(s.wrong_steps[2].mistake == "no known mistake");
  CHECK(s.wrong_steps[2].students == 1);
  CHECK(summarize(ex, {}).wrong_steps.empty());
}

TEST_CASE("class_summary working_counts counts carried, incomplete and wrong steps",
          "[class_summary]") {
  const WorkingCounts c = working_counts(derivation_result());
  CHECK(c.carried == 1);
  CHECK(c.incomplete == 1);
  CHECK(c.wrong_steps == 2);
  const WorkingCounts none = working_counts(CheckResult{});
  CHECK(none.carried + none.incomplete + none.wrong_steps == 0);
}
