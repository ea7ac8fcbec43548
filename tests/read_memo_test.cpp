// Tests of exercises/judge/read_memo and symbolic/expression_memo: what one checker keeps from
// file to file (the steps it read, the values it computed) never changes a verdict.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "exercises/grade/check_result_json.h"
#include "exercises/judge/checker.h"
#include "exercises/judge/read_memo.h"
#include "symbolic/evaluate.h"

using namespace deltacheck;

namespace {

// The JSON of `text` checked by `checker` (grading's way: no proof).
std::string checked(Checker& checker, const std::string& text) {
  return check_result_json(checker.check(parse_answer_file(text, "a.txt"), false)).dump();
}

// Files of Q1 whose lines are the same text but whose names mean different things: a name of
// one's own defined right, defined wrong, not defined at all; a delta defined by the student or
// left to the network; a line defining the name it uses.
const std::vector<std::string> kFiles = {
    "d = a3_1 - y\ndL/db3_1 = d*a3_1*(1 - a3_1)\n",
    "dL/db3_1 = d*a3_1*(1 - a3_1)\n",
    "d = a3_1 + y\ndL/db3_1 = d*a3_1*(1 - a3_1)\n",
    "d = 2*(a3_1 - y)\ndL/db3_1 = d*a3_1*(1 - a3_1)\nd2 = d\ndL/dw3_11 = d2*a3_1*(1 - a3_1)*a2_1\n",
    "delta3_1 = (a3_1 - y)*a3_1*(1 - a3_1)\ndL/dw3_11 = delta3_1*a2_1\n",
    "delta3_1 = (a3_1 - y)*a3_1\ndL/dw3_11 = delta3_1*a2_1\n",
    "dL/dw3_11 = delta3_1*a2_1\n",
    "d = d + 1\ndL/db3_1 = d*a3_1*(1 - a3_1)\n",
    "dL/db3_1 = e*a3_1*(1 - a3_1)\ne = d\nd = a3_1 - y\n",
};

// The verdict of part `key` in the JSON of a check.
std::string verdict_of(const std::string& json, const std::string& key) {
  const nlohmann::json doc = nlohmann::json::parse(json);
  for (const auto& part : doc.at("parts"))
    if (part.at("key") == key) return part.at("verdict").get<std::string>();
  FAIL("no part " << key);
  return "";
}

}  // namespace

TEST_CASE("a checker shared by many files gives each the verdicts a checker of its own gives",
          "[read_memo]") {
  std::vector<std::string> alone;
  for (const std::string& text : kFiles) {
    Checker own(load_exercise("assign-q1-squared"));
    alone.push_back(checked(own, text));
  }
  // The same line meant differently in neighbouring files: right, invalid, wrong.
  CHECK(verdict_of(alone[0], "dL/db3_1") == "correct");
  CHECK(verdict_of(alone[1], "dL/db3_1") == "invalid");
  CHECK(verdict_of(alone[2], "dL/db3_1") == "incorrect");
  CHECK(verdict_of(alone[4], "dL/dw3_11") == "correct");
  CHECK(verdict_of(alone[5], "dL/dw3_11") == "carried");
  CHECK(verdict_of(alone[6], "dL/dw3_11") == "invalid");
  CHECK(verdict_of(alone[8], "dL/db3_1") == "correct");
  // Every order of reading: forwards, backwards, and each file twice in a row.
  std::vector<std::size_t> order(kFiles.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int pass = 0; pass < 3; ++pass) {
    Checker shared(load_exercise("assign-q1-squared"));
    if (pass == 1) std::reverse(order.begin(), order.end());
    for (std::size_t i : order)
      for (int twice = 0; twice < (pass == 2 ? 2 : 1); ++twice) {
        INFO("pass " << pass << ", file " << i << ":\n" << kFiles[i]);
        CHECK(checked(shared, kFiles[i]) == alone[i]);
      }
  }
}

TEST_CASE("a reading is kept only while every name it asked about means the same", "[read_memo]") {
  ReadMemo memo;
  CHECK(memo.find("#0", "x + 1") == nullptr);
  StepReading r;
  r.readable = true;
  r.value = GiNaC::ex(1);
  r.echo = "1";
  memo.remember("#0", "1", r);
  REQUIRE(memo.find("#0", "1") != nullptr);
  CHECK(memo.find("#0", "1")->echo == "1");
  CHECK(memo.find("#1", "1") == nullptr);  // another part's names: read again
  const std::string long_text(ReadMemo::kMaxTextBytes + 1, 'x');
  memo.remember("#0", long_text, r);  // too long to be worth keeping
  CHECK(memo.find("#0", long_text) == nullptr);
  // One symbol per name of one's own, in every file.
  CHECK(memo.own_symbol("d").is_equal(memo.own_symbol("d")));
  CHECK(!memo.own_symbol("d").is_equal(memo.own_symbol("e")));
  // Bounded: past kMaxEntries the memo starts again.
  for (std::size_t i = 0; i <= ReadMemo::kMaxEntries; ++i)
    memo.remember("#0", std::to_string(i), r);
  CHECK(memo.find("#0", "1") == nullptr);
}

TEST_CASE("values kept by structure: one entry for one expression however it was built",
          "[read_memo]") {
  const GiNaC::symbol a("a"), y("y");
  Evaluator<Real50> at;
  at.bind(a, Real50("0.25"));
  at.bind(y, Real50("0.75"));
  // Two students' trees of the same expression: equal values, and the memo shares them.
  const GiNaC::ex first = (a - y) * a * (1 - a), second = a * (1 - a) * (-y + a);
  CHECK(at.evaluate_remembered(first) == at.evaluate(first));
  CHECK(at.evaluate_remembered(second) == at.evaluate_remembered(first));
  ExpressionMemo<int> memo;
  memo.remember(first, 7);
  REQUIRE(memo.find(second) != nullptr);
  CHECK(*memo.find(second) == 7);
  CHECK(memo.find(first + 1) == nullptr);
  // Bounded: past kMaxEntries it starts again.
  for (int i = 0; i < static_cast<int>(ExpressionMemo<int>::kMaxEntries); ++i)
    memo.remember(a + i + 2, i);
  CHECK(memo.size() < ExpressionMemo<int>::kMaxEntries);
  CHECK(memo.find(first) == nullptr);
}
