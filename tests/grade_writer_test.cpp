// Tests of reports/grade_writer: gradebook CSV, Gradescope JSON, the class summary and the grades
// table.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "reports/grade_writer.h"
#include "sample_results.h"

using namespace deltacheck;
using testing::derivation_result;
using testing::part_result;

namespace {

const char* kTiny =
    "id: tiny\ntitle: A tiny network\nnetwork: \"1 sigmoid:1\"\nloss: squared\nparts: [a1_1, {key: dL/dw1_11, points: 2}]\n";

StudentGrade grade(const std::string& student, double first, double second,
                   const std::string& fault = "") {
  StudentGrade g;
  g.student = student;
  g.result.exercise = "tiny";
  g.result.parts = {part_result("a1_1", first ? Verdict::correct : Verdict::incorrect,
                                first ? "correct" : "wrong", first, 1, "", 1),
                    part_result("dL/dw1_11", second ? Verdict::correct : Verdict::missing,
                                second ? "correct" : "no answer", second, 2)};
  g.result.score = first + second;
  g.result.max_score = 3;
  g.fault = fault;
  return g;
}

// A part of the class summary with its counts, in the order correct, incorrect, invalid,
// missing, carried, incomplete.
PartSummary part_summary(const std::string& key, std::vector<int> counts,
                         std::vector<std::pair<std::string, int>> mistakes = {}) {
  PartSummary p;
  p.key = key;
  counts.resize(6, 0);
  p.correct = counts[0], p.incorrect = counts[1], p.invalid = counts[2], p.missing = counts[3];
  p.carried = counts[4], p.incomplete = counts[5];
  p.mistakes = std::move(mistakes);
  return p;
}

}  // namespace

TEST_CASE(
    "grade_writer gradebook is sorted by student with each part's score, quoting where CSV needs it",
    "[grade_writer]") {
  const Exercise ex = parse_exercise(kTiny, "tiny.yaml");
  CHECK(gradebook_csv(ex, {grade("bob", 1, 0.5), grade("al,ice", 0, 2)}) ==
        "student,score,max_score,a1_1,dL/dw1_11,carried_parts,wrong_steps\n"
        "\"al,ice\",2,3,0,2,0,0\nbob,1.5,3,1,0.5,0,0\n");
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
  s.parts = {part_summary("a1_1", {3, 1}, {{"sigmoid' is a(1 - a)", 1}}),
             part_summary("dL/dw1_11", {1, 0, 1, 2})};
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

TEST_CASE("grade_writer gradebook counts each student's carried parts and wrong steps",
          "[grade_writer]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  StudentGrade ada;
  ada.student = "ada";
  ada.result = derivation_result();
  CHECK(gradebook_csv(ex, {ada}) ==
        "student,score,max_score,a1_1,dL/dw1_11,dL/db1_1,carried_parts,wrong_steps\n"
        "ada,2,4,1,1,0,1,2\n");
}

TEST_CASE("grade_writer Gradescope JSON counts carried parts and wrong steps and shows the working",
          "[grade_writer]") {
  StudentGrade ada;
  ada.student = "ada";
  ada.result = derivation_result();
  const auto doc = nlohmann::json::parse(gradescope_json(ada));
  CHECK(doc["score"] == 2);
  CHECK(doc["output"] ==
        "deltacheck tiny: 2/4 (1 carried part, 1 incomplete part, 2 wrong steps)\n"
        "answers.txt:9:1: no '=' in this line: write KEY = EXPRESSION\n"
        "answers.txt:5:1: read dL/dW1_11 as dL/dw1_11\n"
        "definitions no part uses:\n"
        "line 3, e: correct\n  read as: a1_1 - y");
  REQUIRE(doc["tests"].size() == 3);
  CHECK(doc["tests"][0]["status"] == "passed");
  CHECK(doc["tests"][0]["output"] == "correct: proved\nread as: sigmoid(z1_1)");
  CHECK(doc["tests"][1]["status"] == "failed");
  CHECK(doc["tests"][1]["score"] == 1);
  CHECK(doc["tests"][1]["output"] ==
        "carried: follows correctly from your delta1_1, which is wrong: the sign is wrong\n"
        "read as: delta1_1*x1\n"
        "line 5, step 1 -> 2: correct\n  read as: delta1_1*x1\n"
        "line 6, step 2 -> 3: incorrect: the factor a1_1*(1 - a1_1) was dropped\n"
        "  read as: (a1_1 - y)*x1\n"
        "line 2, delta1_1: incorrect: the sign is wrong\n  read as: (y - a1_1)*a1_1*(1 - a1_1)");
  CHECK(doc["tests"][2]["status"] == "failed");
  CHECK_THAT(doc["tests"][2]["output"].get<std::string>(), Catch::StartsWith("incomplete: "));
}

TEST_CASE("grade_writer student JSON counts carried and incomplete parts and wrong steps",
          "[grade_writer]") {
  StudentGrade ada;
  ada.student = "ada";
  ada.result = derivation_result();
  const std::string json = student_json(ada);
  CHECK_THAT(json, Catch::EndsWith("  \"carried_parts\": 1,\n  \"incomplete_parts\": 1,\n"
                                   "  \"wrong_steps\": 2,\n  \"fault\": \"\"\n}\n"));
  CHECK(nlohmann::json::parse(json)["steps"].size() == 2);
}

TEST_CASE("grade_writer class summary names the most common wrong step and each part's wrong steps",
          "[grade_writer]") {
  ClassSummary s;
  s.exercise = "tiny";
  s.students = 3;
  s.max_score = 4;
  s.distribution = {0, 0, 0, 0, 0, 3, 0, 0, 0, 0};
  s.parts = {part_summary("a1_1", {3}), part_summary("dL/dw1_11", {0, 1, 0, 0, 2})};
  s.parts[1].step_mistakes = {{"delta1_1", "the sign is wrong", 2},
                              {"step 2 -> 3", "no known mistake", 1}};
  s.wrong_steps = {{"delta1_1", "the sign is wrong", 2},
                   {"dL/dw1_11 step 2 -> 3", "no known mistake", 1}};
  const std::string text = summary_text(s);
  CHECK_THAT(
      text, Catch::Contains("   90-100%     0  \n"
                            "\n"
                            "most common wrong step: delta1_1, 2 of 3 students: the sign is wrong\n"
                            "\n"
                            "parts:\n"
                            "  a1_1: 3 of 3 correct\n"
                            "  dL/dw1_11: 0 of 3 correct, 2 carried, 1 incorrect\n"
                            "    2 of 3 at delta1_1: the sign is wrong\n"
                            "    1 of 3 at step 2 -> 3: no known mistake\n"));
  const auto doc = nlohmann::json::parse(summary_json(s));
  CHECK(doc["parts"][1]["carried"] == 2);
  CHECK(doc["parts"][1]["incomplete"] == 0);
  CHECK(doc["parts"][1]["step_mistakes"][1]["step"] == "step 2 -> 3");
  CHECK(doc["wrong_steps"].size() == 2);
  CHECK(doc["most_common_wrong_step"] ==
        nlohmann::json({{"step", "delta1_1"}, {"mistake", "the sign is wrong"}, {"students", 2}}));
  s.wrong_steps.clear();
  CHECK(nlohmann::json::parse(summary_json(s))["most_common_wrong_step"].is_null());
  CHECK(summary_text(s).find("most common wrong step") == std::string::npos);
}
