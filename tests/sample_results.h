// Hand-built check results for the tests of the writers: parts with every verdict, chain steps,
// definitions used and unused, problems and notes.
#pragma once

#include <string>

#include "exercises/grade/grader.h"

namespace deltacheck::testing {

/// A part result with the given fields (the rest as PartResult sets them).
inline PartResult part_result(const std::string& key, Verdict verdict, const std::string& feedback,
                              double score, double max_score, const std::string& read_as = "",
                              int line = 0) {
  PartResult p;
  p.key = key;
  p.verdict = verdict;
  p.feedback = feedback;
  p.score = score;
  p.max_score = max_score;
  p.read_as = read_as;
  p.line = line;
  return p;
}

/// A step row with the given fields.
inline StepResult step_result(const std::string& key, Verdict verdict, const std::string& feedback,
                              const std::string& mistake, const std::string& read_as, int line,
                              int used_by = -1) {
  StepResult s;
  s.key = key;
  s.verdict = verdict;
  s.feedback = feedback;
  s.mistake = mistake;
  s.read_as = read_as;
  s.line = line;
  s.used_by = used_by;
  return s;
}

/// The exercise the sample results answer: three parts, the second worth 2.
inline const char* const kTinyExercise =
    "id: tiny\ntitle: A tiny network\nnetwork: \"1 sigmoid:1\"\nloss: squared\n"
    "parts: [a1_1, {key: dL/dw1_11, points: 2}, dL/db1_1]\n";

/// A derivation of "tiny": a1_1 proved; dL/dw1_11 carried from a wrong delta1_1 (defined on
/// line 2) in a chain whose second step drops a factor; dL/db1_1 incomplete; a name `e` of
/// the student's own that no part uses; a line that is no answer; a note on a key read as
/// another.
inline CheckResult derivation_result() {
  CheckResult r;
  r.exercise = "tiny";
  r.answers = "answers.txt";
  r.parts.push_back(part_result("a1_1", Verdict::correct, "proved", 1, 1, "sigmoid(z1_1)", 4));
  r.parts.back().proved = true;
  PartResult carried =
      part_result("dL/dw1_11", Verdict::carried,
                  "follows correctly from your delta1_1, which is wrong: the sign is wrong", 1, 2,
                  "delta1_1*x1", 5);
  carried.carried_from = "delta1_1";
  carried.steps = {
      step_result("step 1 -> 2", Verdict::correct, "", "", "delta1_1*x1", 5),
      step_result("step 2 -> 3", Verdict::incorrect, "the factor a1_1*(1 - a1_1) was dropped",
                  "activation-derivative-dropped", "(a1_1 - y)*x1", 6)};
  r.parts.push_back(carried);
  r.parts.push_back(part_result("dL/db1_1", Verdict::incomplete,
                                "right chain rule; now evaluate the factors", 0, 1,
                                "dL/da1_1*da1_1/dz1_1", 7));
  r.steps = {step_result("delta1_1", Verdict::incorrect, "the sign is wrong", "sign",
                         "(y - a1_1)*a1_1*(1 - a1_1)", 2, 1),
             step_result("e", Verdict::correct, "", "", "a1_1 - y", 3, -1)};
  r.problems = {"answers.txt:9:1: no '=' in this line: write KEY = EXPRESSION"};
  r.notes = {"answers.txt:5:1: read dL/dW1_11 as dL/dw1_11"};
  r.score = 2;
  r.max_score = 4;
  return r;
}

}  // namespace deltacheck::testing
