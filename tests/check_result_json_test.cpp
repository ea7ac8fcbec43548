// Tests of exercises/grade/check_result_json: the JSON of a check result reads back as the same
// result, field for field (the check child of serve sends its result this way).
#include <catch2/catch.hpp>

#include "exercises/grade/check_result_json.h"
#include "sample_results.h"

using namespace deltacheck;
using testing::derivation_result;

namespace {

void check_same_step(const StepResult& a, const StepResult& b) {
  CHECK(a.key == b.key);
  CHECK(a.verdict == b.verdict);
  CHECK(a.feedback == b.feedback);
  CHECK(a.mistake == b.mistake);
  CHECK(a.read_as == b.read_as);
  CHECK(a.line == b.line);
  CHECK(a.used_by == b.used_by);
}

void check_same_part(const PartResult& a, const PartResult& b) {
  CHECK(a.key == b.key);
  CHECK(a.verdict == b.verdict);
  CHECK(a.feedback == b.feedback);
  CHECK(a.mistake == b.mistake);
  CHECK(a.read_as == b.read_as);
  CHECK(a.proved == b.proved);
  CHECK(a.line == b.line);
  CHECK(a.score == b.score);  // exact: the JSON keeps every bit of a double
  CHECK(a.max_score == b.max_score);
  CHECK(a.carried_from == b.carried_from);
  REQUIRE(a.steps.size() == b.steps.size());
  for (std::size_t i = 0; i < a.steps.size(); ++i) check_same_step(a.steps[i], b.steps[i]);
}

// `r` written and read back.
CheckResult round_trip(const CheckResult& r) {
  const std::string text = check_result_json(r).dump(-1);
  return check_result_from_json(nlohmann::json::parse(text));
}

}  // namespace

TEST_CASE("check_result_json reads back every field of a derivation's result exactly",
          "[check_result_json]") {
  CheckResult r = derivation_result();
  r.parts[1].score = 0.1 + 0.2;  // not a short decimal: must survive bit for bit
  r.parts[1].max_score = 2.0 / 3;
  r.score = 1.0 / 3;
  r.parts[0].feedback = "δ and σ, a tab\there,\nand a quote \" and a backslash \\";
  const CheckResult back = round_trip(r);
  CHECK(back.exercise == r.exercise);
  CHECK(back.answers.empty());  // the path is not kept
  CHECK(back.score == r.score);
  CHECK(back.max_score == r.max_score);
  CHECK(back.problems == r.problems);
  CHECK(back.notes == r.notes);
  REQUIRE(back.parts.size() == r.parts.size());
  for (std::size_t i = 0; i < r.parts.size(); ++i) check_same_part(back.parts[i], r.parts[i]);
  REQUIRE(back.steps.size() == r.steps.size());
  for (std::size_t i = 0; i < r.steps.size(); ++i) check_same_step(back.steps[i], r.steps[i]);
  CHECK(check_result_json(back) == check_result_json(r));
}

TEST_CASE("check_result_json reads back every verdict", "[check_result_json]") {
  CheckResult r;
  r.exercise = "tiny";
  for (Verdict v : {Verdict::correct, Verdict::incorrect, Verdict::invalid, Verdict::missing,
                    Verdict::carried, Verdict::incomplete}) {
    PartResult p;
    p.key = verdict_name(v);
    p.verdict = v;
    r.parts.push_back(p);
    r.steps.push_back(testing::step_result(p.key, v, "", "", "", 1, 0));
  }
  const CheckResult back = round_trip(r);
  REQUIRE(back.parts.size() == 6);
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(back.parts[i].verdict == r.parts[i].verdict);
    CHECK(back.steps[i].verdict == r.steps[i].verdict);
  }
}

TEST_CASE("check_result_json refuses a document of another shape", "[check_result_json]") {
  const std::string text = check_result_json(derivation_result()).dump();
  nlohmann::json doc = nlohmann::json::parse(text);
  doc["parts"][0]["verdict"] = "half right";
  CHECK_THROWS_WITH(check_result_from_json(doc), Catch::Contains("unknown verdict 'half right'"));
  doc = nlohmann::json::parse(text);
  doc["steps"][0].erase("used_by");
  CHECK_THROWS_AS(check_result_from_json(doc), nlohmann::json::exception);
}
