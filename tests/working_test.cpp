// Tests of exercises/judge/working and the checker's reading of a derivation: definitions, chains
// of steps, keys in other spellings, errors carried forward, and that none of it credits a wrong
// answer.
#include <catch2/catch.hpp>

#include <cmath>
#include <iomanip>
#include <map>
#include <memory>
#include <sstream>

#include "exercises/judge/checker.h"
#include "symbolic/tokenizer.h"

using namespace deltacheck;

namespace {

Checker& checker_for(const std::string& id) {
  static std::map<std::string, std::unique_ptr<Checker>> checkers;
  auto& c = checkers[id];
  if (!c) c = std::make_unique<Checker>(load_exercise(id));
  return *c;
}

CheckResult check(const std::string& id, const std::string& text) {
  return checker_for(id).check(parse_answer_file(text, "a.txt"), false);
}

const PartResult& part(const CheckResult& r, const std::string& key) {
  for (const PartResult& p : r.parts)
    if (p.key == key) return p;
  FAIL("no part " << key);
  return r.parts.front();
}

const StepResult& step(const CheckResult& r, const std::string& key) {
  for (const StepResult& s : r.steps)
    if (s.key == key) return s;
  FAIL("no step " << key);
  return r.steps.front();
}

std::size_t part_index(const Checker& c, const std::string& key) {
  for (std::size_t i = 0; i < c.exercise().parts.size(); ++i)
    if (c.exercise().parts[i].answer_key == key) return i;
  FAIL("no part " << key);
  return 0;
}

// `v` to 4 decimals, as a student writes it.
std::string four(double v) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(4) << v;
  return out.str();
}

const char* const kOutputDelta = "(a3_1 - y)*a3_1*(1 - a3_1)";

}  // namespace

TEST_CASE("definitions are order-free and a network quantity defined is judged as a step",
          "[working]") {
  const CheckResult r = check("assign-q1-squared", std::string("dL/dw3_11 = delta3_1*a2_1\n") +
                                                       "delta3_1 = " + kOutputDelta + "\n");
  const PartResult& w = part(r, "dL/dw3_11");
  INFO(w.feedback);
  CHECK(w.verdict == Verdict::correct);
  CHECK(w.score == 1);
  const StepResult& d = step(r, "delta3_1");
  CHECK(d.verdict == Verdict::correct);
  CHECK(d.line == 2);
  CHECK(d.used_by == static_cast<int>(part_index(checker_for("assign-q1-squared"), "dL/dw3_11")));
  CHECK(r.problems.empty());
}

TEST_CASE("a wrong definition of a network quantity is judged with its mistake named",
          "[working]") {
  const CheckResult r = check("assign-q1-squared", "delta3_1 = (a3_1 - y)*a3_1\n");
  const StepResult& d = step(r, "delta3_1");
  CHECK(d.verdict == Verdict::incorrect);
  CHECK(!d.mistake.empty());
  CHECK(d.used_by == -1);
  // A network key the exercise does not ask is a step, not a note.
  CHECK(r.notes.empty());
}

TEST_CASE("a name of one's own is a step read as written, substituted where it is used",
          "[working]") {
  const CheckResult r = check("assign-q1-squared", "e = a3_1 - y\ndL/db3_1 = e*a3_1*(1 - a3_1)\n");
  CHECK(part(r, "dL/db3_1").verdict == Verdict::correct);
  const StepResult& e = step(r, "e");
  CHECK(e.verdict == Verdict::correct);
  CHECK(e.read_as == "a3_1 - y");
  CHECK(e.feedback.empty());  // its row shows the reading, read_as
}

TEST_CASE("a cycle of definitions is refused on both lines, naming both", "[working]") {
  const CheckResult r =
      check("assign-q1-squared", "e = 2*f\nf = e - 1\ndL/db3_1 = e*a3_1*(1 - a3_1)\n");
  for (const char* name : {"e", "f"}) {
    const StepResult& s = step(r, name);
    CHECK(s.verdict == Verdict::invalid);
    CHECK_THAT(s.feedback, Catch::Contains("the definitions on line 1 (e) and line 2 (f) use "
                                           "each other"));
  }
  CHECK(step(r, "e").feedback.find("a.txt:1:7:") == 0);
  const PartResult& b = part(r, "dL/db3_1");
  CHECK(b.verdict == Verdict::invalid);
  CHECK_THAT(b.feedback, Catch::StartsWith("a.txt:3:12: 'e' (line 1) has no value to use"));
}

TEST_CASE("a long cycle of definitions names its first lines: its messages grow linearly",
          "[working]") {
  std::string text;
  const int n = 400;
  for (int i = 0; i < n; ++i)
    text += "v" + std::to_string(i) + " = v" + std::to_string((i + 1) % n) + "\n";
  const CheckResult r = check("assign-q1-squared", text);
  REQUIRE(r.steps.size() == static_cast<std::size_t>(n));
  std::size_t bytes = 0;
  for (const StepResult& s : r.steps) {
    CHECK(s.verdict == Verdict::invalid);
    bytes += s.feedback.size();
  }
  CHECK_THAT(step(r, "v7").feedback,
             Catch::Contains("the definitions on line 1 (v0), line 2 (v1), line 3 (v2) and " +
                             std::to_string(n - 3) + " more lines use each other"));
  CHECK(bytes < 400u * static_cast<std::size_t>(n));
}

TEST_CASE("a chain of steps: each checked against the one before, the last graded", "[working]") {
  SECTION("the first step that does not follow is named with its mistake") {
    const CheckResult r =
        check("assign-q1-squared", std::string("dL/db3_1 = ") + kOutputDelta +
                                       " = (a3_1 - y)*(a3_1 - a3_1^2) = (a3_1 - y)*a3_1\n");
    const PartResult& b = part(r, "dL/db3_1");
    CHECK(b.verdict == Verdict::incorrect);
    REQUIRE(b.steps.size() == 2);
    CHECK(b.steps[0].verdict == Verdict::correct);
    CHECK(b.steps[1].verdict == Verdict::incorrect);
    CHECK_THAT(b.steps[1].feedback, Catch::StartsWith("step 2 -> 3: "));
    CHECK(b.steps[1].mistake == b.mistake);
    CHECK(!b.mistake.empty());
  }
  SECTION("continuation lines beginning with '=' are steps of the same chain") {
    const CheckResult r = check("assign-q1-squared", std::string("dL/db3_1 = (a3_1 - y)*a3_1\n") +
                                                         "  = " + kOutputDelta + "\n");
    const PartResult& b = part(r, "dL/db3_1");
    CHECK(b.verdict == Verdict::correct);
    REQUIRE(b.steps.size() == 1);
    CHECK(b.steps[0].verdict == Verdict::incorrect);
    CHECK(b.steps[0].line == 2);
    CHECK_THAT(b.steps[0].feedback, Catch::Contains("differs from step 1 at sample point"));
  }
}

TEST_CASE("a key given twice: agreeing lines are working, disagreeing ones grade the last",
          "[working]") {
  const std::string right = std::string("dL/db3_1 = ") + kOutputDelta + "\n";
  const std::string wrong = "dL/db3_1 = (a3_1 - y)*a3_1\n";
  const CheckResult agree =
      check("assign-q1-squared", right + "dL/db3_1 = (a3_1 - y)*(a3_1 - a3_1^2)\n");
  CHECK(part(agree, "dL/db3_1").verdict == Verdict::correct);
  CHECK(agree.notes.empty());
  const CheckResult last_wrong = check("assign-q1-squared", right + wrong);
  CHECK(part(last_wrong, "dL/db3_1").verdict == Verdict::incorrect);
  REQUIRE(last_wrong.notes.size() == 1);
  CHECK(last_wrong.notes[0] ==
        "a.txt:2: dL/db3_1 is given on lines 1 and 2, and they disagree: line 2 is graded");
  CHECK(part(check("assign-q1-squared", wrong + right), "dL/db3_1").verdict == Verdict::correct);
}

TEST_CASE("keys in other spellings: yhat, dC/, upper case, a misspelling with a note",
          "[working]") {
  const CheckResult r = check("assign-q1-squared",
                              "yhat = sigmoid(z3_1)\n"
                              "dC/db3_1 = (a3_1 - y)*a3_1*(1 - a3_1)\n"
                              "DL/DW3_11 = (a3_1 - y)*a3_1*(1 - a3_1)*a2_1\n"
                              "dL/dw3_l2 = (a3_1 - y)*a3_1*(1 - a3_1)*a2_2\n");
  CHECK(part(r, "a3_1").verdict == Verdict::correct);
  CHECK(part(r, "dL/db3_1").verdict == Verdict::correct);
  CHECK(part(r, "dL/dw3_11").verdict == Verdict::correct);
  CHECK(part(r, "dL/dw3_12").verdict == Verdict::correct);
  CHECK(r.problems.empty());
  REQUIRE(r.notes.size() == 2);
  CHECK(r.notes[0] == "a.txt:3: read DL/DW3_11 as dL/dw3_11");
  CHECK(r.notes[1] == "a.txt:4: read dL/dw3_l2 as dL/dw3_12");
}

TEST_CASE("a wrong delta is carried into every gradient that uses it, for the set credit",
          "[working]") {
  const CheckResult r = check("delta-rules",
                              "delta3_1 = (a3_1 - y)*a3_1\n"
                              "dL/dw3_11 = delta3_1*a2_1\n"
                              "dL/db3_1 = delta3_1\n"
                              "delta2_1 = delta3_1*w3_11*a2_1*(1 - a2_1)\n");
  CHECK(part(r, "delta3_1").verdict == Verdict::incorrect);
  for (const char* key : {"dL/dw3_11", "dL/db3_1", "delta2_1"}) {
    const PartResult& p = part(r, key);
    INFO(key << ": " << p.feedback);
    CHECK(p.verdict == Verdict::carried);
    CHECK(p.carried_from == "delta3_1");
    CHECK(p.score == Approx(0.5 * p.max_score).margin(1e-12));
    CHECK_THAT(p.feedback, Catch::StartsWith("follows correctly from your delta3_1, which is "
                                             "wrong: "));
  }
  // A chain through the wrong delta to an expression without it is carried the same way.
  const CheckResult chained =
      check("delta-rules", "delta3_1 = (a3_1 - y)*a3_1\ndL/db3_1 = delta3_1 = (a3_1 - y)*a3_1\n");
  CHECK(part(chained, "dL/db3_1").verdict == Verdict::carried);
  // The same in an exercise without deltas: the student's own delta is a judged step.
  const CheckResult q1 =
      check("assign-q1-squared", "delta3_1 = (a3_1 - y)*a3_1\ndL/dw3_11 = delta3_1*a2_1\n");
  CHECK(step(q1, "delta3_1").verdict == Verdict::incorrect);
  CHECK(part(q1, "dL/dw3_11").verdict == Verdict::carried);
  CHECK(part(q1, "dL/dw3_11").score == Approx(0.5));
}

TEST_CASE("a constant or empty definition carries no credit", "[working]") {
  const CheckResult zero = check("delta-rules", "delta3_1 = 0\ndL/db3_1 = delta3_1\n");
  CHECK(part(zero, "dL/db3_1").verdict == Verdict::incorrect);
  CHECK(part(zero, "dL/db3_1").score == 0);
  CHECK_THAT(part(zero, "dL/db3_1").feedback, Catch::Contains("a constant"));
  const CheckResult empty = check("assign-q1-squared", "delta3_1 =\ndL/dw3_11 = delta3_1*a2_1\n");
  CHECK(part(empty, "dL/dw3_11").verdict == Verdict::invalid);
  CHECK(part(empty, "dL/dw3_11").score == 0);
  CHECK(step(empty, "delta3_1").verdict == Verdict::missing);
}

TEST_CASE("made-up deltas carry no credit: the definition must hold a mistake that can be named",
          "[working]") {
  // Non-constant names of the network in place of the deltas: every gradient follows from them,
  // none earns anything.
  const CheckResult r = check("assign-q1-squared",
                              "delta3_1 = y\ndelta2_1 = x1\ndL/dw3_11 = delta3_1*a2_1\n"
                              "dL/db3_1 = delta3_1\ndL/dw2_11 = delta2_1*a1_1\n");
  for (const char* key : {"dL/dw3_11", "dL/db3_1", "dL/dw2_11"}) {
    INFO(key << ": " << part(r, key).feedback);
    CHECK(part(r, key).verdict == Verdict::incorrect);
    CHECK(part(r, key).score == 0);
  }
  CHECK(r.score == 0);
  // The same gradients from a delta with a real mistake (the sign of y - a) are carried.
  const CheckResult real = check("assign-q1-squared",
                                 "delta3_1 = (y - a3_1)*a3_1*(1 - a3_1)\n"
                                 "dL/dw3_11 = delta3_1*a2_1\ndL/db3_1 = delta3_1\n");
  CHECK(part(real, "dL/dw3_11").verdict == Verdict::carried);
  CHECK(part(real, "dL/db3_1").score == Approx(0.5));
}

TEST_CASE("numeric exercises: a number computed correctly from one's own wrong number is carried",
          "[working]") {
  Checker& c = checker_for("numeric-mlp-step");
  const double delta = static_cast<double>(c.truth(part_index(c, "delta2_1"), 0));
  const double a1 = static_cast<double>(c.truth(part_index(c, "a1_1"), 0));
  const double wrong = -std::stod(four(delta));  // the sign of y - a: a mistake named
  const CheckResult r =
      check("numeric-mlp-step", "delta2_1 = " + four(wrong) + "\ndL/db2_1 = " + four(wrong) +
                                    "\ndL/dw2_11 = " + four(wrong * a1) + "\n");
  CHECK(part(r, "delta2_1").verdict == Verdict::incorrect);
  for (const char* key : {"dL/db2_1", "dL/dw2_11"}) {
    INFO(key << ": " << part(r, key).feedback);
    CHECK(part(r, key).verdict == Verdict::carried);
    CHECK(part(r, key).carried_from == "delta2_1");
    CHECK(part(r, key).score == Approx(0.5));
  }
  // A wrong number in which no mistake can be named carries nothing (delta2_1 = 1 is no attempt).
  const double arbitrary = std::stod(four(delta)) + 0.1;
  const CheckResult made_up =
      check("numeric-mlp-step",
            "delta2_1 = " + four(arbitrary) + "\ndL/db2_1 = " + four(arbitrary) + "\n");
  CHECK(part(made_up, "dL/db2_1").verdict == Verdict::incorrect);
  CHECK(part(made_up, "dL/db2_1").score == 0);
  CHECK_THAT(part(made_up, "dL/db2_1").feedback, Catch::Contains("no known mistake can be named"));
  const CheckResult zero = check("numeric-mlp-step", "delta2_1 = 0\ndL/db2_1 = 0\n");
  CHECK(part(zero, "dL/db2_1").verdict == Verdict::incorrect);
  CHECK(part(zero, "dL/db2_1").score == 0);
}

TEST_CASE("soundness: definitions never make a wrong answer right", "[working]") {
  // A forward part may not reach its own key, or a later layer, through a definition.
  const CheckResult own = check("assign-q1-squared", "t = z2_1\nz2_1 = t\n");
  CHECK(part(own, "z2_1").verdict == Verdict::invalid);
  CHECK_THAT(part(own, "z2_1").feedback,
             Catch::Contains("stands for 'z2_1': an answer may not use its own key z2_1"));
  const CheckResult later = check("assign-q1-squared", "t = a2_1 - a2_1 + z2_1\nz2_1 = t\n");
  CHECK(part(later, "z2_1").verdict == Verdict::invalid);
  const CheckResult ahead = check("assign-q1-squared", "t = w2_11*a1_1 + a2_2\nz2_1 = t\n");
  CHECK(part(ahead, "z2_1").verdict == Verdict::invalid);
  CHECK_THAT(part(ahead, "z2_1").feedback,
             Catch::StartsWith("a.txt:2:8: 't' (defined on line 1) stands for 'a2_2'"));
  // A key defined from itself is refused.
  CHECK(part(check("delta-rules", "delta3_1 = delta3_1\n"), "delta3_1").verdict ==
        Verdict::invalid);
  // A wrong answer whose definitions are right stays wrong (nothing to carry).
  const CheckResult right_def = check(
      "delta-rules", std::string("delta3_1 = ") + kOutputDelta + "\ndL/dw3_11 = delta3_1*a2_2\n");
  CHECK(part(right_def, "dL/dw3_11").verdict == Verdict::incorrect);
  CHECK(part(right_def, "dL/dw3_11").score == 0);
  // Undefined deltas stay refused where the exercise does not give them.
  CHECK(part(check("assign-q1-squared", "dL/dw3_11 = delta3_1*a2_1\n"), "dL/dw3_11").verdict ==
        Verdict::invalid);
}

TEST_CASE("a chain-rule factor in an answer: right, with the note; incomplete where required",
          "[working]") {
  // Keys may be factors today; inside expressions, factors are read as one name once the
  // reader tokenizes `dA/dB` whole.
  const CheckResult keys =
      check("assign-q1-squared", "dL/da3_1 = a3_1 - y\nda3_1/dz3_1 = a3_1*(1 - a3_1)\n");
  CHECK(step(keys, "dL/da3_1").verdict == Verdict::correct);
  CHECK(step(keys, "da3_1/dz3_1").verdict == Verdict::correct);
  if (tokenize("dL/da3_1").size() != 2) return;
  const std::string chain = "dL/dw3_11 = dL/da3_1*da3_1/dz3_1*dz3_1/dw3_11\n";
  const PartResult& w = part(check("assign-q1-squared", chain), "dL/dw3_11");
  CHECK(w.verdict == Verdict::correct);
  CHECK_THAT(w.feedback, Catch::EndsWith("right chain rule; now evaluate the factors"));
  Exercise strict = load_exercise("assign-q1-squared");
  strict.require_evaluated = true;
  Checker c(strict);
  const CheckResult r = c.check(parse_answer_file(chain, "a.txt"), false);
  CHECK(part(r, "dL/dw3_11").verdict == Verdict::incomplete);
  CHECK(part(r, "dL/dw3_11").score == 0);
  // A factor cannot smuggle the key's own truth, directly or through a definition.
  CHECK(part(check("assign-q1-squared", "dL/dw3_11 = dL/dw3_11\n"), "dL/dw3_11").verdict ==
        Verdict::invalid);
  CHECK(part(check("assign-q1-squared", "g = dL/dw3_11\ndL/dw3_11 = g\n"), "dL/dw3_11").verdict ==
        Verdict::invalid);
}

TEST_CASE("numeric exercises: an update follows from the gradient the student gave", "[working]") {
  Checker& c = checker_for("numeric-mlp-step");
  const double gradient = static_cast<double>(c.truth(part_index(c, "dL/dw1_21"), 0));
  const double updated = static_cast<double>(c.truth(part_index(c, "new_w1_21"), 0));
  const double eta = 0.1, w = updated + eta * gradient;   // the exercise's learning rate
  REQUIRE(std::abs(w - std::round(w * 10) / 10) < 1e-9);  // w1_21 is one of the example numbers
  // The gradient with the wrong sign, and the step taken correctly from it: carried.
  const std::string step = four(w + eta * std::stod(four(gradient)));
  const CheckResult carried =
      check("numeric-mlp-step", "dL/dw1_21 = " + four(-gradient) + "\nnew_w1_21 = " + step + "\n");
  CHECK(part(carried, "dL/dw1_21").verdict == Verdict::incorrect);
  INFO(part(carried, "new_w1_21").feedback);
  CHECK(part(carried, "new_w1_21").verdict == Verdict::carried);
  CHECK(part(carried, "new_w1_21").carried_from == "dL/dw1_21");
  // The same wrong step from a right gradient follows from nothing of the student's.
  const CheckResult wrong =
      check("numeric-mlp-step", "dL/dw1_21 = " + four(gradient) + "\nnew_w1_21 = " + step + "\n");
  CHECK(part(wrong, "dL/dw1_21").verdict == Verdict::correct);
  CHECK(part(wrong, "new_w1_21").verdict == Verdict::incorrect);
}

TEST_CASE("a symbolic part's key is a name the other lines may use", "[working]") {
  const CheckResult right =
      check("momentum-update", "dw = -eta*g + alpha*(w - w_prev)\nw_next = w + dw\n");
  CHECK(part(right, "w_next").verdict == Verdict::correct);
  CHECK(part(right, "w_next").read_as == "w + dw");
  // What dw stands for is its answer: a wrong dw makes w_next wrong with dw's mistake.
  const CheckResult wrong = check("momentum-update", "dw = -eta*g\nw_next = w + dw\n");
  CHECK(part(wrong, "w_next").verdict == Verdict::incorrect);
  CHECK(part(wrong, "w_next").mistake == mistake_kind::kKnownMistake);
}
