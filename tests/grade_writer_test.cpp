// Tests of reports/grade_writer: gradebook CSV, Gradescope JSON, the class summary and the grades
// table.
#include <catch2/catch.hpp>

#include "reports/grade_writer.h"

using namespace deltacheck;

namespace {

const char* kTiny =
    "id: tiny\ntitle: A tiny network\nnetwork: \"1 sigmoid:1\"\nloss: squared\nparts: [a1_1, {key: dL/dw1_11, points: 2}]\n";

StudentGrade grade(const std::string& student, double first, double second,
                   const std::string& fault = "") {
  StudentGrade g;
  g.student = student;
  g.result.exercise = "tiny";
  g.result.parts = {{"a1_1", first ? Verdict::correct : Verdict::incorrect,
                     first ? "correct" : "wrong", "", "", false, 1, first, 1},
                    {"dL/dw1_11", second ? Verdict::correct : Verdict::missing,
                     second ? "correct" : "no answer", "", "", false, 0, second, 2}};
  g.result.score = first + second;
  g.result.max_score = 3;
  g.fault = fault;
  return g;
}

}  // namespace

TEST_CASE(
    "grade_writer gradebook is sorted by student with each part's score, quoting where CSV needs it",
    "[grade_writer]") {
  const Exercise ex = parse_exercise(kTiny, "tiny.yaml");
  CHECK(gradebook_csv(ex, {grade("bob", 1, 0.5), grade("al,ice", 0, 2)}) ==
        "student,score,max_score,a1_1,dL/dw1_11\n\"al,ice\",2,3,0,2\nbob,1.5,3,1,0.5\n");
}

TEST_CASE("grade_writer grades table gives each score and the fault of an ungraded submission",
          "[grade_writer]") {
  CHECK(grades_table({grade("alice", 1, 2), grade("bob", 0, 0, "the file is empty")}) ==
        "student  score\nalice    3/3\nbob      0/3  (not graded: the file is empty)\n");
}

TEST_CASE("grade_writer Gradescope JSON has the score line, the fault and one test per part",
          "[grade_writer]") {
  const std::string json = gradescope_json(grade("bob", 1, 0, "the file is empty"));
  CHECK_THAT(
      json,
      Catch::StartsWith(
          "{\n  \"score\": 1.0,\n  \"output\": \"deltacheck tiny: 1/3\\nThe submission could not be graded: the file is empty\",\n"
          "  \"output_format\": \"text\",\n  \"visibility\": \"visible\",\n  \"stdout_visibility\": \"hidden\",\n"));
  CHECK_THAT(
      json,
      Catch::Contains(
          "\"name\": \"dL/dw1_11\",\n      \"number\": \"2\",\n      \"score\": 0.0,\n      \"max_score\": 2.0,\n"
          "      \"status\": \"failed\",\n      \"output\": \"missing: no answer\","));
}

TEST_CASE("grade_writer student JSON puts the student first and the fault last", "[grade_writer]") {
  const std::string json = student_json(grade("alice", 1, 2));
  CHECK_THAT(json, Catch::StartsWith("{\n  \"student\": \"alice\",\n  \"exercise\": \"tiny\",\n"));
  CHECK_THAT(json, Catch::EndsWith(",\n  \"fault\": \"\"\n}\n"));
}

TEST_CASE("grade_writer class summary draws the distribution and lists each part's mistakes",
          "[grade_writer]") {
  ClassSummary s;
  s.exercise = "tiny";
  s.students = 4;
  s.faults = 1;
  s.max_score = 3;
  s.mean = 1.75, s.median = 2, s.lowest = 0, s.highest = 3;
  s.distribution = {1, 0, 0, 0, 0, 0, 2, 0, 0, 1};
  s.parts = {{"a1_1", 3, 1, 0, 0, {{"sigmoid' is a(1 - a)", 1}}}, {"dL/dw1_11", 1, 0, 1, 2, {}}};
  CHECK(summary_text(s) ==
        "class summary: tiny, 4 students (1 could not be graded)\n"
        "scores out of 3: mean 1.75, median 2.00, lowest 0.00, highest 3.00\n"
        "     0-10%     1  ####################\n"
        "    10-20%     0  \n"
        "    20-30%     0  \n"
        "    30-40%     0  \n"
        "    40-50%     0  \n"
        "    50-60%     0  \n"
        "    60-70%     2  ########################################\n"
        "    70-80%     0  \n"
        "    80-90%     0  \n"
        "   90-100%     1  ####################\n"
        "\n"
        "parts:\n"
        "  a1_1: 3 of 4 correct, 1 incorrect\n"
        "    1 of 4: sigmoid' is a(1 - a)\n"
        "  dL/dw1_11: 1 of 4 correct, 1 invalid, 2 missing\n");
  const std::string json = summary_json(s);
  CHECK_THAT(json, Catch::Contains("\"not_graded\": 1,"));
  CHECK_THAT(
      json,
      Catch::Contains(
          "{\n      \"from_percent\": 60,\n      \"to_percent\": 70,\n      \"students\": 2\n    }"));
  CHECK_THAT(
      json,
      Catch::Contains(
          "\"mistakes\": [\n        {\n          \"mistake\": \"sigmoid' is a(1 - a)\",\n          \"students\": 1\n        }\n      ]"));
}
