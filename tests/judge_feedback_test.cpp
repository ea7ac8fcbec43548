// Tests of the judges' feedback in the part's own terms: the output unit of the part, the sign
// culprit of the part, and mistakes a symbolic part inherits from an earlier part it builds on.
#include <catch2/catch.hpp>

#include "exercises/judge/checker.h"

using namespace deltacheck;

namespace {

// The verdict on the one part `key` of `answers` in exercise `id`.
PartResult judged(const std::string& id, const std::string& answers, const std::string& key) {
  Checker checker(load_exercise(id));
  const CheckResult result = checker.check(parse_answer_file(answers, "answers.txt"), false);
  for (const PartResult& r : result.parts)
    if (r.key == key) return r;
  FAIL("no part " << key);
  return {};
}

}  // namespace

TEST_CASE("the squared-loss factor at the second output unit names that unit", "[judge]") {
  for (const std::string key : {"dL/db2_2", "dL/dw2_21"}) {
    const std::string input = key == "dL/db2_2" ? "" : "*a1_1";
    const PartResult r = judged("assign-q2-crossentropy",
                                key + " = (a2_2 - y2)*a2_2*(1 - a2_2)" + input + "\n", key);
    INFO(r.feedback);
    CHECK(r.verdict == Verdict::incorrect);
    CHECK(r.mistake == mistake_kind::kLossDeltaMixup);
    CHECK(r.feedback.find("dL/dz2_2 = a2_2 - y2") != std::string::npos);
    CHECK(r.feedback.find("a2_2*(1 - a2_2)") != std::string::npos);
    CHECK(r.feedback.find("a2_1") == std::string::npos);
    CHECK(r.feedback.find("y1") == std::string::npos);
  }
}

TEST_CASE("a hidden part behind two output units speaks of each unit k", "[judge]") {
  const PartResult r = judged("assign-q2-crossentropy",
                              "dL/db1_1 = ((a2_1 - y1)*a2_1*(1 - a2_1)*w2_11 + "
                              "(a2_2 - y2)*a2_2*(1 - a2_2)*w2_21)*(1 - a1_1^2)\n",
                              "dL/db1_1");
  INFO(r.feedback);
  CHECK(r.mistake == mistake_kind::kLossDeltaMixup);
  CHECK(r.feedback.find("a2_k - yk") != std::string::npos);
  CHECK(r.feedback.find("for each unit k of layer 2") != std::string::npos);
}

TEST_CASE("a wrong sign is explained in the part's own quantities", "[judge]") {
  const PartResult output = judged("assign-q2-crossentropy", "dL/db2_2 = y2 - a2_2\n", "dL/db2_2");
  CHECK(output.mistake == mistake_kind::kWrongSign);
  CHECK(output.feedback ==
        "the sign is wrong: this is the negative of the right answer (compare a2_2 - y2 with "
        "y2 - a2_2)");
  const PartResult one = judged("assign-q1-crossentropy", "dL/db3_1 = y - a3_1\n", "dL/db3_1");
  CHECK(one.feedback.find("(compare a3_1 - y with y - a3_1)") != std::string::npos);
  const PartResult symbolic = judged("softmax-jacobian", "ds1/dz2 = s1*s2\n", "ds1/dz2");
  CHECK(symbolic.mistake == mistake_kind::kWrongSign);
  CHECK(symbolic.feedback == "the sign is wrong: this is the negative of the right answer");
  const PartResult forward =
      judged("assign-q1-squared", "z1_1 = -(w1_11*x1 + w1_12*x2 + w1_13*x3 + b1_1)\n", "z1_1");
  CHECK(forward.feedback == "the sign is wrong: this is the negative of the right answer");
}

TEST_CASE("a symbolic part built on an earlier part inherits its named mistakes", "[judge]") {
  const PartResult dw = judged("momentum-update", "dw = -eta*g + alpha*(w_prev - w)\n", "dw");
  const PartResult next =
      judged("momentum-update", "w_next = w - eta*g + alpha*(w_prev - w)\n", "w_next");
  CHECK(dw.mistake == mistake_kind::kKnownMistake);
  CHECK(next.mistake == mistake_kind::kKnownMistake);
  CHECK(next.feedback == dw.feedback + " (as in dw)");
  // A wrong answer that is no earlier part's mistake still gets no named feedback.
  const PartResult other = judged("momentum-update", "w_next = w - eta*g*alpha\n", "w_next");
  CHECK(other.verdict == Verdict::incorrect);
  CHECK(other.mistake.empty());
}
