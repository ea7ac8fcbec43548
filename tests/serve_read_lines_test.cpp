// The preview's reading of each line (server/read_lines): explicit products in its LaTeX, a
// chain's steps each with its own reading, errors at their line and column.
#include <catch2/catch.hpp>

#include "exercises/judge/checker.h"
#include "server/read_lines.h"

using namespace deltacheck;

namespace {

// read_lines_json of `text` as an answer file of assign-q1-squared.
nlohmann::ordered_json read_q1(const std::string& text) {
  Checker checker(load_exercise("assign-q1-squared"));
  return server::read_lines_json(checker,
                                 parse_answer_file(text, server::kAnswerFileName))["lines"];
}

}  // namespace

TEST_CASE("read_lines: an implicit product is read with its '*' and typeset with its \\cdot",
          "[serve][read_lines]") {
  const auto lines = read_q1("z1_2 = 1/2*w1_21 x1\n");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["read_as"] == "(1/2)*w1_21*x1");
  CHECK(lines[0]["latex"] == "\\frac{1}{2} \\cdot w^{(1)}_{21} \\cdot x_{1}");
}

TEST_CASE("read_lines: a chain gives its first step's reading on the part, then each step's",
          "[serve][read_lines]") {
  const auto lines = read_q1("z1_1 = 2 b1_1/2 + w1_11 x1 = b1_1 + w1_11*x1\n  = x1 w1_11 + b1_1\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["key"] == "z1_1");
  CHECK(lines[0]["read_as"] == "2*b1_1/2 + w1_11*x1");  // step 1 as written, not the last step
  CHECK(lines[1]["key"] == "step 1 -> 2");
  CHECK(lines[1]["line"] == 1);
  CHECK(lines[1]["read_as"] == "b1_1 + w1_11*x1");
  CHECK(lines[2]["key"] == "step 2 -> 3");
  CHECK(lines[2]["line"] == 2);  // a continuation line: its step on its own line
  CHECK(lines[2]["read_as"] == "x1*w1_11 + b1_1");
}

TEST_CASE("read_lines: a line that is no answer has its error at its column, with no key",
          "[serve][read_lines]") {
  const auto lines = read_q1("z1_1 = x1\nnot an answer\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[1]["key"] == "");
  CHECK(lines[1]["error"]["line"] == 2);
  CHECK(lines[1]["error"]["column"] == 1);
  CHECK(lines[1]["latex"] == "");
}
