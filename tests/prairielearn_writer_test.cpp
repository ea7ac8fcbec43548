// Tests of reports/prairielearn_writer: PrairieLearn's results.json for a gradable submission and
// for one nothing of which could be read.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "reports/prairielearn_writer.h"
#include "sample_results.h"

using namespace deltacheck;
using testing::derivation_result;
using testing::part_result;

namespace {

StudentGrade graded(const CheckResult& r, const std::string& fault = "") {
  StudentGrade g;
  g.student = "ada";
  g.result = r;
  g.fault = fault;
  return g;
}

// Nothing read as an answer: dL/dw1_11 cannot be read, the rest missing, one line no answer.
CheckResult unreadable() {
  CheckResult r;
  r.exercise = "tiny";
  r.parts = {part_result("a1_1", Verdict::missing, "no answer", 0, 1),
             part_result("dL/dw1_11", Verdict::invalid,
                         "answers.txt:2:13: missing '*' between '2' and 'a1_1': write 2*a1_1", 0, 2,
                         "", 2),
             part_result("dL/db1_1", Verdict::missing, "no answer", 0, 1)};
  r.problems = {"answers.txt:1:1: no '=' in this line: write KEY = EXPRESSION"};
  r.max_score = 4;
  return r;
}

}  // namespace

TEST_CASE("prairielearn_writer gives a gradable submission a score in 0..1 and a test per part",
          "[prairielearn_writer]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  const std::string json = prairielearn_json(ex, graded(derivation_result()));
  CHECK_THAT(json,
             Catch::StartsWith("{\n  \"gradable\": true,\n  \"score\": 0.5,\n  \"message\": "
                               "\"deltacheck tiny: 2/4 (1 carried part, 1 incomplete part, "
                               "2 wrong steps)\",\n  \"output\": \"lines that are not answers:"));
  const auto doc = nlohmann::json::parse(json);
  CHECK(
      doc["output"] ==
      "lines that are not answers:\nanswers.txt:9:1: no '=' in this line: write KEY = EXPRESSION\n\n"
      "notes:\nanswers.txt:5:1: read dL/dW1_11 as dL/dw1_11\n\n"
      "definitions no part uses:\nline 3, e: correct\n  read as: a1_1 - y");
  REQUIRE(doc["tests"].size() == 3);
  const auto& carried = doc["tests"][1];
  CHECK(carried["name"] == "dL/dw1_11");
  CHECK(carried["description"] ==
        "the gradient of the loss for the weight from input x1 to unit 1 of layer 1");
  CHECK(carried["points"] == 1);
  CHECK(carried["max_points"] == 2);
  CHECK(carried["message"] ==
        "carried: follows correctly from your delta1_1, which is wrong: the sign is wrong");
  CHECK_THAT(carried["output"].get<std::string>(),
             Catch::StartsWith("read as: delta1_1*x1\nline 5, step 1 -> 2: correct") &&
                 Catch::EndsWith("line 2, delta1_1: incorrect: the sign is wrong\n"
                                 "  read as: (y - a1_1)*a1_1*(1 - a1_1)"));
  CHECK(doc["tests"][2]["message"] == "incomplete: right chain rule; now evaluate the factors");
  CHECK_FALSE(doc.contains("format_errors"));
}

TEST_CASE(
    "prairielearn_writer marks a file nothing of which was read not gradable, with its errors",
    "[prairielearn_writer]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  const auto doc = nlohmann::json::parse(prairielearn_json(ex, graded(unreadable())));
  CHECK(doc["gradable"] == false);
  CHECK_FALSE(doc.contains("score"));
  CHECK_FALSE(doc.contains("tests"));
  CHECK_THAT(doc["message"].get<std::string>(), Catch::Contains("nothing was graded"));
  CHECK(doc["format_errors"] ==
        nlohmann::json::array({"answers.txt:2:13: missing '*' between '2' and 'a1_1': write 2*a1_1",
                               "answers.txt:1:1: no '=' in this line: write KEY = EXPRESSION"}));
}

TEST_CASE("prairielearn_writer: no part answered says what to write; a fault is the one error",
          "[prairielearn_writer]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  CheckResult blank = unreadable();
  blank.parts[1] = part_result("dL/dw1_11", Verdict::missing, "no answer", 0, 2);
  blank.problems.clear();
  const auto doc = nlohmann::json::parse(prairielearn_json(ex, graded(blank)));
  CHECK(doc["gradable"] == false);
  CHECK(doc["format_errors"] ==
        nlohmann::json::array({"no part is answered: write each answer on a line KEY = "
                               "EXPRESSION, the keys being a1_1, dL/dw1_11, dL/db1_1"}));
  const auto faulty = nlohmann::json::parse(
      prairielearn_json(ex, graded(derivation_result(), "the submission is empty")));
  CHECK(faulty["gradable"] == false);
  CHECK(faulty["format_errors"] == nlohmann::json::array({"the submission is empty"}));
  CHECK_THAT(faulty["message"].get<std::string>(), Catch::Contains("could not be graded"));
}

TEST_CASE("prairielearn_writer keeps the results under PrairieLearn's 1 MB, cutting long texts",
          "[prairielearn_writer]") {
  const Exercise ex = parse_exercise(testing::kTinyExercise, "tiny.yaml");
  CheckResult r = derivation_result();
  const std::string long_text = std::string(3 << 20, 'x') + "σ";
  r.parts[1].feedback = long_text;
  r.parts[1].read_as = long_text;
  r.problems.assign(101, long_text);
  const std::string json = prairielearn_json(ex, graded(r));
  CHECK(json.size() < 1000000);
  const auto doc = nlohmann::json::parse(json);  // valid UTF-8 after the cut
  CHECK_THAT(doc["tests"][1]["message"].get<std::string>(),
             Catch::StartsWith("carried: xxx") && Catch::EndsWith("bytes, cut)"));
  CHECK(doc["tests"][0]["message"] == "correct: proved");
  // 102 format errors of control bytes, six times longer once JSON escapes them: 2.4 MB at
  // 4000 bytes each, 1.2 MB at 2000, so each is cut to 1000.
  CheckResult unread = unreadable();
  unread.problems.assign(101, std::string(3 << 20, '\x01'));
  const std::string escaped = prairielearn_json(ex, graded(unread));
  CHECK(escaped.size() < 1000000);
  CHECK(escaped.size() > 500000);
  const auto errors = nlohmann::json::parse(escaped)["format_errors"];
  REQUIRE(errors.size() == 102);
  CHECK_THAT(errors[101].get<std::string>(), Catch::EndsWith("(3145728 bytes, cut)"));
}
