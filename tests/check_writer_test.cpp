// Tests of reports/check_writer: the verdict table for students and the JSON for autograders.
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/check_writer.h"
#include "sample_results.h"

using namespace deltacheck;
using testing::derivation_result;
using testing::part_result;
using testing::step_result;

namespace {

// Two parts of three answered: one correct, one wrong with a two-line feedback, one missing.
CheckResult small_result() {
  CheckResult r;
  r.exercise = "tiny";
  r.answers = "answers.txt";
  r.parts = {part_result("a1_1", Verdict::correct, "correct (proved)", 1, 1, "sigmoid(z1_1)", 3),
             part_result("dL/dw1_11", Verdict::incorrect, "the sign is wrong\nsee the delta rule",
                         0, 2, "-(a1_1 - y)*x1", 4),
             part_result("dL/db1_1", Verdict::missing, "no answer", 0, 1)};
  r.parts[0].proved = true;
  r.parts[1].mistake = "sign";
  r.problems = {"answers.txt:7:1: unknown key 'q'"};
  r.notes = {"z1_1 is not asked"};
  r.score = 1;
  r.max_score = 4;
  return r;
}

}  // namespace

TEST_CASE("check_writer text has a row per part, the problems, the notes and the score",
          "[check_writer]") {
  std::ostringstream out;
  write_check_text(out, small_result(), true);
  CHECK(out.str() ==
        "tiny: answers.txt\n"
        "\n"
        "part       verdict    score    feedback\n"
        "a1_1       correct    1/1      correct (proved)\n"
        "                               read as: sigmoid(z1_1)\n"
        "dL/dw1_11  incorrect  0/2      the sign is wrong\n"
        "                               see the delta rule\n"
        "                               read as: -(a1_1 - y)*x1\n"
        "dL/db1_1   missing    0/1      no answer\n"
        "\n"
        "lines that are not answers:\n"
        "  answers.txt:7:1: unknown key 'q'\n"
        "\n"
        "notes:\n"
        "  z1_1 is not asked\n"
        "\n"
        "score: 1/4 (1 of 3 parts correct)\n");
}

TEST_CASE("check_writer text without echo leaves out how answers were read", "[check_writer]") {
  std::ostringstream out;
  write_check_text(out, small_result(), false);
  CHECK(out.str().find("read as") == std::string::npos);
  CHECK_THAT(out.str(),
             Catch::Contains("a1_1       correct    1/1      correct (proved)\ndL/dw1_11"));
}

TEST_CASE("check_writer JSON gives each part's fields and whole scores without a fraction",
          "[check_writer]") {
  std::ostringstream out;
  write_check_json(out, small_result());
  const std::string json = out.str();
  CHECK_THAT(
      json,
      Catch::StartsWith(
          "{\n  \"exercise\": \"tiny\",\n  \"score\": 1,\n  \"max_score\": 4,\n  \"parts\": [\n"));
  CHECK_THAT(
      json,
      Catch::Contains(
          "\"key\": \"dL/dw1_11\",\n      \"verdict\": \"incorrect\",\n      \"feedback\": \"the sign is wrong\\nsee the delta rule\","));
  CHECK_THAT(json,
             Catch::Contains("\"problems\": [\n    \"answers.txt:7:1: unknown key 'q'\"\n  ],"));
  CHECK_THAT(json, Catch::EndsWith("}\n"));
}

TEST_CASE("check_writer text shows steps and definitions under their part, unused ones after",
          "[check_writer]") {
  std::ostringstream out;
  write_check_text(out, derivation_result(), false);
  CHECK(
      out.str() ==
      "tiny: answers.txt\n"
      "\n"
      "part           verdict     score    feedback\n"
      "a1_1           correct     1/1      proved\n"
      "dL/dw1_11      carried     1/2      follows correctly from your delta1_1, which is wrong: the sign is wrong\n"
      "                                    read as: delta1_1*x1\n"
      "  step 1 -> 2  correct              read as: delta1_1*x1\n"
      "  step 2 -> 3  incorrect            the factor a1_1*(1 - a1_1) was dropped\n"
      "                                    read as: (a1_1 - y)*x1\n"
      "  delta1_1     incorrect            the sign is wrong\n"
      "                                    read as: (y - a1_1)*a1_1*(1 - a1_1)\n"
      "dL/db1_1       incomplete  0/1      right chain rule; now evaluate the factors\n"
      "                                    read as: dL/da1_1*da1_1/dz1_1\n"
      "\n"
      "definitions no part uses:\n"
      "  e            correct              read as: a1_1 - y\n"
      "\n"
      "lines that are not answers:\n"
      "  answers.txt:9:1: no '=' in this line: write KEY = EXPRESSION\n"
      "\n"
      "notes:\n"
      "  answers.txt:5:1: read dL/dW1_11 as dL/dw1_11\n"
      "\n"
      "score: 2/4 (1 of 3 parts correct, 1 carried, 1 incomplete)\n");
}

TEST_CASE("check_writer text of a step with neither feedback nor reading ends without spaces",
          "[check_writer]") {
  CheckResult r = small_result();
  r.steps = {step_result("q", Verdict::invalid, "", "", "", 9, -1)};
  std::ostringstream out;
  write_check_text(out, r, false);
  CHECK_THAT(out.str(), Catch::Contains("\ndefinitions no part uses:\n  q        invalid\n\n"));
}

TEST_CASE("check_writer JSON gives step rows, the carried verdict and where it comes from",
          "[check_writer]") {
  std::ostringstream out;
  write_check_json(out, derivation_result());
  const std::string json = out.str();
  CHECK_THAT(json, Catch::Contains("\"verdict\": \"carried\","));
  CHECK_THAT(json, Catch::Contains("\"verdict\": \"incomplete\","));
  CHECK_THAT(json,
             Catch::Contains("\"line\": 5,\n      \"carried_from\": \"delta1_1\",\n"
                             "      \"steps\": [\n        {\n          \"key\": \"step 1 -> 2\","));
  CHECK_THAT(json,
             Catch::Contains("\"read_as\": \"(a1_1 - y)*x1\",\n          \"line\": 6\n        }"));
  CHECK_THAT(json, Catch::Contains(
                       "\"notes\": [\n    \"answers.txt:5:1: read dL/dW1_11 as dL/dw1_11\"\n  ],\n"
                       "  \"steps\": [\n    {\n      \"key\": \"delta1_1\","));
  CHECK_THAT(json, Catch::Contains("\"line\": 2,\n      \"used_by\": 1\n    },"));
  CHECK_THAT(json, Catch::EndsWith("\"used_by\": -1\n    }\n  ]\n}\n"));
}
