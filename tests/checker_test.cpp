// Tests of exercises/checker: the corpus of answers (every verdict and mistake), full marks for
// derived solutions, determinism.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "exercises/judge/checker.h"
#include "reports/check_writer.h"
#include "reports/derivation_writer.h"

using namespace deltacheck;

namespace {

struct CorpusEntry {
  std::string exercise, answer, verdict, mistake;
  int line = 0;
};

// tests/data/check_corpus.txt: [exercise] sections, "KEY = EXPRESSION => VERDICT [MISTAKE]".
std::vector<CorpusEntry> read_corpus() {
  std::ifstream in(DELTACHECK_SOURCE_DIR "/tests/data/check_corpus.txt");
  REQUIRE(in);
  std::vector<CorpusEntry> out;
  std::string exercise, pending, line;
  int number = 0, first = 0;
  while (std::getline(in, line)) {
    ++number;
    if (pending.empty() && (line.empty() || line[0] == '#')) continue;
    if (pending.empty() && line[0] == '[') {
      exercise = line.substr(1, line.find(']') - 1);
      continue;
    }
    if (pending.empty()) first = number;
    const auto arrow = line.find("=>");
    if (arrow == std::string::npos) {
      pending += line + "\n";
      continue;
    }
    CorpusEntry e;
    e.exercise = exercise;
    e.line = first;
    e.answer = pending + line.substr(0, arrow) + "\n";
    std::istringstream expect(line.substr(arrow + 2));
    expect >> e.verdict >> e.mistake;
    out.push_back(e);
    pending.clear();
  }
  return out;
}

Checker& checker_for(const std::string& id) {
  static std::map<std::string, std::unique_ptr<Checker>> checkers;
  auto& c = checkers[id];
  if (!c) c = std::make_unique<Checker>(load_exercise(id));
  return *c;
}

}  // namespace

TEST_CASE("every answer of the corpus gets its verdict and names its mistake", "[checker]") {
  const std::vector<CorpusEntry> corpus = read_corpus();
  REQUIRE(corpus.size() >= 150);
  std::map<std::string, int> verdicts;
  for (const CorpusEntry& e : corpus) {
    INFO("tests/data/check_corpus.txt:" << e.line << ": " << e.answer);
    Checker& checker = checker_for(e.exercise);
    const AnswerFile file = parse_answer_file(e.answer, "corpus.txt");
    REQUIRE(file.answers.size() == 1);
    const CheckResult result = checker.check(file);
    REQUIRE(result.problems.empty());
    const PartResult* part = nullptr;
    for (const PartResult& p : result.parts)
      if (p.line == 1) part = &p;
    REQUIRE(part != nullptr);
    INFO("feedback: " << part->feedback);
    CHECK(verdict_name(part->verdict) == e.verdict);
    ++verdicts[e.verdict];
    if (e.verdict == "incorrect") {
      CHECK(part->mistake == (e.mistake == "-" ? "" : e.mistake));
      if (e.mistake == "-") {
        // No known mistake: the feedback gives a sample point and both values.
        CHECK(part->feedback.find("at sample point") != std::string::npos);
        CHECK(part->feedback.find("the right value is") != std::string::npos);
      }
    }
    if (e.verdict == "invalid") CHECK(part->feedback.find("corpus.txt:1:") == 0);
    CHECK(part->score == (e.verdict == "correct" ? part->max_score : 0));
  }
  // The corpus covers every verdict an answer can get.
  CHECK(verdicts["correct"] >= 60);
  CHECK(verdicts["incorrect"] >= 60);
  CHECK(verdicts["invalid"] >= 10);
}

TEST_CASE("every mistake kind the issue names is recognised somewhere in the corpus", "[checker]") {
  std::set<std::string> named;
  for (const CorpusEntry& e : read_corpus())
    if (e.verdict == "incorrect") named.insert(e.mistake);
  for (const char* kind :
       {mistake_kind::kDroppedDerivative, mistake_kind::kWrongDerivative, mistake_kind::kZForA,
        mistake_kind::kWrongUnit, mistake_kind::kTransposedWeight, mistake_kind::kWrongWeight,
        mistake_kind::kMissingPath, mistake_kind::kWrongSign, mistake_kind::kConstantFactor,
        mistake_kind::kLossDeltaMixup, mistake_kind::kMissingBias})
    CHECK(named.count(kind) == 1);
}

TEST_CASE("the derived solution of each assignment exercise gets full marks, proved", "[checker]") {
  for (const std::string id :
       {"assign-q1-squared", "assign-q1-crossentropy", "assign-q2-crossentropy"}) {
    INFO(id);
    const Exercise ex = load_exercise(id);
    std::ostringstream solution;
    write_solution(solution, ex, solve_exercise(ex, "", SheetContents::answers), ex.form,
                   DerivationFormat::text);
    Checker checker(ex);
    const CheckResult r = checker.check(parse_answer_file(solution.str(), "solution.txt"));
    CHECK(r.all_correct());
    CHECK(r.score == r.max_score);
    CHECK(r.max_score == ex.parts.size());
    CHECK(r.notes.empty());
    for (const PartResult& p : r.parts) {
      INFO(p.key << ": " << p.feedback);
      CHECK(p.proved);
    }
  }
}

TEST_CASE("Q1 has 27 parts: 10 forward nodes and 17 gradients", "[checker]") {
  const Exercise ex = load_exercise("assign-q1-squared");
  CHECK(ex.parts.size() == 27);
  int gradients = 0;
  for (const Part& p : ex.parts) gradients += p.equation.gradient;
  CHECK(gradients == 17);
  CHECK(load_exercise("assign-q2-crossentropy").parts.size() == 13);
}

TEST_CASE(
    "a whole file: missing, twice, unknown keys, yhat1 for a2_1 and bad lines are all reported",
    "[checker]") {
  Checker checker(load_exercise("assign-q2-crossentropy"));
  const std::string text =
      "# my answers\n"
      "z1_1 = w1_11*x1 + w1_12*x2 + b1_1\n"
      "a1_1 = tanh(z1_1)\n"
      "a1_1 = sinh(z1_1)/cosh(z1_1)\n"
      "dL/dw9_11 = 1\n"
      "yhat1 = a2_1\n"
      "this line has no equals sign\n"
      "dL/dw2_11 =\n";
  const CheckResult r = checker.check(parse_answer_file(text, "a.txt"));
  const auto part = [&](const std::string& key) -> const PartResult& {
    for (const PartResult& p : r.parts)
      if (p.key == key) return p;
    FAIL("no part " << key);
    return r.parts.front();
  };
  CHECK(part("z1_1").verdict == Verdict::correct);
  // Given twice, and both agree: working, then the answer.
  CHECK(part("a1_1").verdict == Verdict::correct);
  REQUIRE(part("a1_1").steps.size() == 1);
  CHECK(part("a1_1").steps[0].verdict == Verdict::correct);
  // yhat1 is the output activation a2_1, which may not use itself.
  CHECK_THAT(part("a2_1").feedback,
             Catch::StartsWith("a.txt:6:9: 'a2_1': an answer may not use its own key a2_1"));
  CHECK(part("dL/dw2_11").verdict == Verdict::missing);
  CHECK(part("dL/db1_1").verdict == Verdict::missing);
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].find("a.txt:5:1: unknown key 'dL/dw9_11'") == 0);
  CHECK(r.problems[1].find("a.txt:7:1: expected KEY = EXPRESSION") == 0);
  CHECK(r.notes.empty());
  CHECK(r.score == 2);
  CHECK(!r.all_correct());
}

TEST_CASE("the same answer file gets the same bytes every time", "[checker]") {
  const std::string text =
      "dL/dw3_11 = (a3_1 - y)*a2_1\ndL/dw1_11 = 2a1_1\nz1_1 = w1_11*x1\ndL/db3_1 = (a3_1-y)^2\n";
  std::string first;
  for (int run = 0; run < 3; ++run) {
    Checker checker(load_exercise("assign-q1-squared"));
    std::ostringstream out;
    write_check_json(out, checker.check(parse_answer_file(text, "a.txt")));
    write_check_text(out, checker.check(parse_answer_file(text, "a.txt")), true);
    if (run == 0) first = out.str();
    CHECK(out.str() == first);
  }
}

TEST_CASE(
    "truth is confirmed by the backprop at every sample point, with ReLU units seen both ways",
    "[checker]") {
  Checker checker(load_exercise("assign-q1-squared"));
  REQUIRE(checker.points().size() >= 8);
  // Construction confirmed every part against the backprop (it throws otherwise); here the
  // coverage of the ReLU units of layer 1 is checked at the points answers are judged at.
  for (int unit = 1; unit <= 2; ++unit) {
    bool active = false, inactive = false;
    for (const Point& p : checker.points()) {
      Evaluator<double> ev;
      Derivation d(checker.exercise().net());
      bind_derivation(ev, d, p);
      const double z = ev.evaluate(d.symbols()({QuantityKind::preactivation, 1, unit, 0}));
      (z > 0 ? active : inactive) = true;
      CHECK(std::abs(z) >= 1e-3);
    }
    CHECK(active);
    CHECK(inactive);
  }
}

TEST_CASE("errors in an answer file name the line and column of the spot", "[checker]") {
  Checker checker(load_exercise("assign-q1-squared"));
  const std::string text =
      "# Q1\n"
      "z2_1 = w2_11*a1_1 + w2_12*a2_2 + b2_1\n"
      "a1_1 = relu(z1_1)\n"
      "dL/dw3_11 = (a3_1 - y)*a3_1*(1 - a3_1)*a2_1*delta3_1\n"
      "dL/dw3_12 = (a3_1 - y)*a3_1*(1 - a3_1) \\\n"
      "            *w3_31\n"
      "dL/db3_1 = (a3_1 - y)*sigma''(z3_1)\n";
  const CheckResult r = checker.check(parse_answer_file(text, "a.txt"));
  std::map<std::string, std::string> feedback;
  for (const PartResult& p : r.parts) feedback[p.key] = p.feedback;
  CHECK_THAT(feedback["z2_1"],
             Catch::StartsWith(
                 "a.txt:2:27: 'a2_2': z2_1 may use quantities of the layers before layer 2 only"));
  CHECK_THAT(
      feedback["dL/dw3_11"],
      Catch::StartsWith(
          "a.txt:4:45: 'delta3_1': this exercise does not give the deltas: define delta3_1 = ..."));
  CHECK_THAT(
      feedback["dL/dw3_12"],
      Catch::StartsWith(
          "a.txt:6:14: unknown name 'w3_31': layer 3 joins 2 units to 1 units (w3_11 .. w3_12)"));
  CHECK_THAT(feedback["dL/db3_1"],
             Catch::StartsWith("a.txt:7:29: a second derivative is not read"));
  CHECK_THAT(feedback["dL/dw3_12"], Catch::EndsWith("            *w3_31\n                 ^"));
}
