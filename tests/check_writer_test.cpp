// Tests of reports/check_writer: the verdict table for students and the JSON for autograders.
#include <catch2/catch.hpp>

#include <sstream>

#include "reports/check_writer.h"

using namespace deltacheck;

namespace {

// Two parts of three answered: one correct, one wrong with a two-line feedback, one missing.
CheckResult small_result() {
  CheckResult r;
  r.exercise = "tiny";
  r.answers = "answers.txt";
  r.parts = {{"a1_1", Verdict::correct, "correct (proved)", "", "sigmoid(z1_1)", true, 3, 1, 1},
             {"dL/dw1_11", Verdict::incorrect, "the sign is wrong\nsee the delta rule", "sign",
              "-(a1_1 - y)*x1", false, 4, 0, 2},
             {"dL/db1_1", Verdict::missing, "no answer", "", "", false, 0, 0, 1}};
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
