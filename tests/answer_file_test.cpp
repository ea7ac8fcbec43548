// Tests of exercises/answer_file: keys, comments, continuation lines and positions that point into
// the file.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>

#include "exercises/read/answer_file.h"
#include "tests/run_command.h"

using namespace deltacheck;

TEST_CASE("KEY = EXPRESSION lines, with comments and blank lines ignored", "[answer_file]") {
  const AnswerFile f = parse_answer_file(
      "# header\n\nz1_1 = w1_11*x1 + b1_1   # my answer\n  dL/dw1_11 =  x1 \n", "a.txt");
  REQUIRE(f.answers.size() == 2);
  CHECK(f.problems.empty());
  CHECK(f.answers[0].key() == "z1_1");
  CHECK(f.answers[0].expression() == "w1_11*x1 + b1_1");
  CHECK(f.answers[0].line == 3);
  CHECK(f.answers[1].key() == "dL/dw1_11");
  CHECK(f.answers[1].expression() == "x1");
}

TEST_CASE("a line ending in a backslash continues, and positions point into the right line",
          "[answer_file]") {
  const AnswerFile f =
      parse_answer_file("dL/db1_1 = x1 + \\\n    x2*x3 \\   # comment\n  + 7\nz1_1 = 1\n", "a.txt");
  REQUIRE(f.answers.size() == 2);
  const Answer& a = f.answers[0];
  CHECK(a.line == 1);
  CHECK(a.expression() == "x1 +      x2*x3    + 7");
  const std::size_t x3 = a.text.find("x3");
  const SourceLocation where = f.locate(a, x3);
  CHECK(where.line == 2);
  CHECK(where.column == 8);
  CHECK(where.source_line == "    x2*x3 \\   # comment");
  const SourceLocation seven = f.locate(a, a.text.find('7'));
  CHECK(seven.line == 3);
  CHECK(seven.column == 5);
  CHECK(f.answers[1].line == 4);
}

TEST_CASE("CRLF line ends and a byte order mark are ignored; columns count characters",
          "[answer_file]") {
  const AnswerFile f =
      parse_answer_file("\xEF\xBB\xBFz1_1 = \xcf\x83 + x1\r\na1_1 = 2\r\n", "a.txt");
  REQUIRE(f.answers.size() == 2);
  CHECK(f.answers[0].key() == "z1_1");
  CHECK(f.answers[1].expression() == "2");
  const Answer& a = f.answers[0];
  CHECK(f.locate(a, a.text.find("x1")).column == 12);
}

TEST_CASE("lines that are not answers are problems, and the other lines are still read",
          "[answer_file]") {
  const AnswerFile f = parse_answer_file("z1_1 = 1\njust words\n = x1\na1_1 = 2\n", "a.txt");
  CHECK(f.answers.size() == 2);
  REQUIRE(f.problems.size() == 2);
  CHECK(f.problems[0].formatted().find("a.txt:2:1: expected KEY = EXPRESSION") == 0);
  CHECK(f.problems[1].formatted().find(
            "a.txt:3:2: a line beginning with '=' continues the answer before it, and there is "
            "none") == 0);
}

TEST_CASE("a line KEY = A = B = C is a chain of steps, the last one the answer", "[answer_file]") {
  const AnswerFile f = parse_answer_file("dL/db3_1 = x1*x2 =x1 * x2  =  y\n", "a.txt");
  REQUIRE(f.answers.size() == 1);
  const Answer& a = f.answers[0];
  REQUIRE(a.steps.size() == 3);
  CHECK(a.step(0) == "x1*x2");
  CHECK(a.step(1) == "x1 * x2");
  CHECK(a.step(2) == "y");
  CHECK(a.expression() == "y");
  CHECK(f.locate(a, a.steps[1].first).column == 19);
}

TEST_CASE("a line beginning with '=' continues the chain of the answer before it, across comments",
          "[answer_file]") {
  const AnswerFile f = parse_answer_file(
      "z1_1 = x1 + x2\n% working\n\n   = x2 + x1 # same\n= 2*x1\nz1_2 = 1\n", "a.txt");
  REQUIRE(f.answers.size() == 2);
  CHECK(f.problems.empty());
  const Answer& a = f.answers[0];
  REQUIRE(a.steps.size() == 3);
  CHECK(a.step(1) == "x2 + x1");
  CHECK(a.expression() == "2*x1");
  const SourceLocation second = f.locate(a, a.steps[1].first);
  CHECK(second.line == 4);
  CHECK(second.column == 6);
  CHECK(f.locate(a, a.steps[2].first).line == 5);
  CHECK(f.answers[1].key() == "z1_2");
}

TEST_CASE("'%' starts a comment as '#' does, and <= >= are not step signs", "[answer_file]") {
  const AnswerFile f =
      parse_answer_file("z1_1 = x1 % a LaTeX remark = 2\na1_1 = (x1 >= 0)\n", "a.txt");
  REQUIRE(f.answers.size() == 2);
  CHECK(f.answers[0].expression() == "x1");
  CHECK(f.answers[0].steps.size() == 1);
  CHECK(f.answers[1].expression() == "(x1 >= 0)");
}

TEST_CASE("an empty expression is kept (the part is then missing)", "[answer_file]") {
  const AnswerFile f = parse_answer_file("z1_1 =\nz1_2 =   # later\n", "a.txt");
  REQUIRE(f.answers.size() == 2);
  CHECK(f.answers[0].expression().empty());
  CHECK(f.answers[1].expression().empty());
}

TEST_CASE("files that cannot be read are refused with their path", "[answer_file]") {
  CHECK_THROWS_WITH(read_answer_file("/nonexistent/answers.txt"),
                    Catch::Contains("cannot read the answer file"));
  CHECK_THROWS_WITH(read_answer_file("/"), Catch::Contains("cannot read the answer file"));
  const std::string big = testing::scratch("big_answers.txt");
  {
    std::ofstream out(big);
    out << std::string(kMaxAnswerFileBytes + 10, 'x');
  }
  CHECK_THROWS_WITH(read_answer_file(big), Catch::Contains("larger than 8 MiB"));
}

TEST_CASE("only the first 100 lines that are not answers are kept; the rest are counted",
          "[answer_file]") {
  std::string text = "z1_1 = 1\r\n";
  for (int i = 0; i < 250; ++i) text += "junk\n";
  text += "z1_2 = 2";
  const AnswerFile f = parse_answer_file(text, "a.txt");
  REQUIRE(f.problems.size() == kMaxProblemLines);
  CHECK(f.problems_left_out == 150);
  CHECK(f.problems.back().formatted().find("a.txt:101:1: expected KEY = EXPRESSION") == 0);
  REQUIRE(f.answers.size() == 2);
  CHECK(f.answers[1].line == 252);
  CHECK(f.line(0) == "z1_1 = 1");
  CHECK(f.line(251) == "z1_2 = 2");
}

TEST_CASE("one line may hold several answers: a ';' between them, or a definition after 'where'",
          "[answer_file]") {
  const AnswerFile f = parse_answer_file(
      "e = a3_1 - y; dL/db3_1 = e*a3_1*(1 - a3_1)\n"
      "dL/dw3_11 = delta3_1*a2_1, where delta3_1 = e*a3_1*(1 - a3_1)\n",
      "a.txt");
  REQUIRE(f.answers.size() == 4);
  CHECK(f.problems.empty());
  CHECK(f.answers[0].key() == "e");
  CHECK(f.answers[0].expression() == "a3_1 - y");
  CHECK(f.answers[1].key() == "dL/db3_1");
  CHECK(f.answers[2].key() == "dL/dw3_11");
  CHECK(f.answers[2].expression() == "delta3_1*a2_1");
  CHECK(f.answers[3].key() == "delta3_1");
  CHECK(f.answers[3].line == 2);
  // Positions still point into the line as written: the 'e' of the fourth answer's expression.
  const SourceLocation at = f.locate(f.answers[3], f.answers[3].expression_begin);
  CHECK(at.line == 2);
  CHECK(at.column == 52);
}

TEST_CASE("a line of a write-up may end its sentence with a full stop or a comma",
          "[answer_file]") {
  const AnswerFile f = parse_answer_file(
      "$\\frac{\\partial L}{\\partial b^{(3)}_1} = \\delta^{(3)}_1.$\na1_1 = 0.3612.\nz1_1 = x1,\n",
      "a.txt");
  REQUIRE(f.answers.size() == 3);
  CHECK(f.answers[0].key() == "dL/db3_1");
  CHECK(f.answers[0].expression() == "delta3_1");
  CHECK(f.answers[1].expression() == "0.3612");
  CHECK(f.answers[2].expression() == "x1");
}
