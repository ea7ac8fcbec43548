// Tests of exercises/grade/grade_wire: a grade sent by a worker arrives as the same grade, field
// for field, frames are taken whole and in order, and bytes of another shape are refused.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>

#include "exercises/grade/check_result_json.h"
#include "exercises/grade/grade_wire.h"
#include "sample_results.h"

using namespace deltacheck;

namespace {

// A grade with every verdict, chain steps, definitions, problems, notes, scores that are no
// short decimals and text that is not ASCII.
StudentGrade sample_grade() {
  StudentGrade g;
  g.student = "alice";
  g.result = testing::derivation_result();
  g.result.answers = "/class/alice.txt";
  g.result.parts[1].score = 0.1 + 0.2;
  g.result.parts[1].max_score = 2.0 / 3;
  g.result.score = 1.0 / 3;
  g.result.parts[0].feedback = "δ and σ, a tab\there,\nand a NUL \0 too";
  g.result.parts[0].feedback += std::string(1, '\0');
  for (Verdict v : {Verdict::correct, Verdict::incorrect, Verdict::invalid, Verdict::missing,
                    Verdict::carried, Verdict::incomplete})
    g.result.steps.push_back(testing::step_result(verdict_name(v), v, "", "", "", 7, -1));
  g.fault = "";
  return g;
}

}  // namespace

TEST_CASE("grade_wire: a grade arrives field for field, without the student and path",
          "[grade_wire]") {
  const StudentGrade g = sample_grade();
  std::string buffer = grade_frame(g);
  const std::optional<StudentGrade> back = take_grade_frame(buffer);
  REQUIRE(back);
  CHECK(buffer.empty());
  CHECK(back->student.empty());
  CHECK(back->result.answers.empty());
  CHECK(back->fault == g.fault);
  // Every other field, doubles bit for bit: the JSON of both is the same.
  CHECK(check_result_json(back->result) == check_result_json(g.result));
  CHECK(back->result.parts[1].score == 0.1 + 0.2);
  CHECK(back->result.parts[0].feedback == g.result.parts[0].feedback);
  StudentGrade faulty;
  faulty.fault = "the submission is empty";
  buffer = grade_frame(faulty);
  CHECK(take_grade_frame(buffer)->fault == "the submission is empty");
}

TEST_CASE("grade_wire: frames are taken whole, in order, however the pipe cut them",
          "[grade_wire]") {
  StudentGrade first = sample_grade(), second = sample_grade();
  second.result.parts[0].feedback = "the second";
  const std::string bytes = grade_frame(first) + grade_frame(second);
  // Arriving a few bytes at a time: nothing until a frame is whole.
  std::string buffer;
  std::vector<StudentGrade> got;
  for (std::size_t at = 0; at < bytes.size(); at += 7) {
    buffer += bytes.substr(at, 7);
    while (const auto g = take_grade_frame(buffer)) got.push_back(*g);
  }
  REQUIRE(got.size() == 2);
  CHECK(got[0].result.parts[0].feedback == first.result.parts[0].feedback);
  CHECK(got[1].result.parts[0].feedback == "the second");
  CHECK(buffer.empty());
}

TEST_CASE("grade_wire: bytes of another shape are refused, never read past", "[grade_wire]") {
  const std::string good = grade_frame(sample_grade());
  const auto with_length = [](std::string frame, std::uint32_t length) {
    std::memcpy(&frame[0], &length, sizeof length);
    return frame;
  };
  // A length past the limit: refused before waiting for its bytes.
  std::string buffer = with_length("abcd", static_cast<std::uint32_t>(kMaxGradeFrame + 1));
  CHECK_THROWS_AS(take_grade_frame(buffer), BadGradeFrame);
  // Fields cut short inside a frame that says it is whole.
  buffer =
      with_length(good.substr(0, good.size() / 2), static_cast<std::uint32_t>(good.size() / 2 - 4));
  CHECK_THROWS_AS(take_grade_frame(buffer), BadGradeFrame);
  // Bytes left over after the last field.
  buffer = with_length(good + "xy", static_cast<std::uint32_t>(good.size() - 4 + 2));
  CHECK_THROWS_AS(take_grade_frame(buffer), BadGradeFrame);
  // A verdict that does not exist (the first part's, after the exercise id and the part count).
  std::string bad = good;
  const std::size_t verdict_at = 4 + 4 + sample_grade().result.exercise.size() + 4 + 4 +
                                 sample_grade().result.parts[0].key.size();
  bad[verdict_at] = 9;
  buffer = bad;
  CHECK_THROWS_WITH(take_grade_frame(buffer), "unknown verdict");
  // A list count larger than the bytes left.
  buffer = with_length(std::string(4, '\0') + std::string(4, '\0') + "\xff\xff\xff\x7f", 8);
  CHECK_THROWS_AS(take_grade_frame(buffer), BadGradeFrame);
}
