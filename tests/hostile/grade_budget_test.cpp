// Hostile input 6: the slowest submission within the budgets of exercises/judge/answer_budget.h
// grades in a tenth of the time limit.
#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>

#include "exercises/judge/answer_budget.h"
#include "grade_hostile.h"

using namespace deltacheck;

namespace {

// The keys of the right answers, in order (every part of the exercise).
std::vector<std::string> answer_keys() {
  std::vector<std::string> keys;
  std::istringstream in(testing::right_answers());
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#' && line.find(" = ") != std::string::npos)
      keys.push_back(line.substr(0, line.find(" = ")));
  return keys;
}

// A sum of `terms` distinct powers x1^(k/(k+3+97*part)) of non-integer exponent: three nodes
// each (power, name, number), each evaluated with a 50-digit pow at every point, the most
// expensive node there is; none is a known mistake, so every mistake is tried. Each part's
// powers are its own: values computed for one part are remembered for the next, so the same sum
// in every part would cost one part's time.
std::string costly_answer(std::size_t terms, std::size_t part = 0) {
  std::string out;
  for (std::size_t k = 1; k <= terms; ++k)
    out += (k > 1 ? " + " : "") + std::string("x1^(") + std::to_string(k) + "/" +
           std::to_string(k + 3 + 97 * part) + ")";
  return out;
}

// A sum of `terms` distinct monomials x1^a*x2^b*x3^c (a, b, c from 2 to 9): ten nodes and
// three digits each, so that the nodes run out long before the digits.
std::string monomials(std::size_t terms) {
  std::string out;
  for (std::size_t k = 0; k < terms; ++k)
    out += (k ? " + " : "") + std::string("x1^") + std::to_string(2 + k % 8) + "*x2^" +
           std::to_string(2 + k / 8 % 8) + "*x3^" + std::to_string(2 + k / 64 % 8);
  return out;
}

// Seconds `deltacheck ARGS` took, its run in `r`.
double timed_run(const std::string& args, testing::Run& r) {
  const auto start = std::chrono::steady_clock::now();
  r = testing::run(args);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE(
    "hostile 6: the slowest submission within the budgets grades in under a tenth of the time limit",
    "[hostile]") {
  const std::vector<std::string> keys = answer_keys();
  REQUIRE(keys.size() == 27);
  // Every part as costly as the file's node budget allows: kMaxFileNodes shared by 27 parts
  // (three nodes a term, one for the sum).
  const std::size_t terms = (kMaxFileNodes / keys.size() - 1) / 3;
  std::string file;
  for (std::size_t p = 0; p < keys.size(); ++p)
    file += keys[p] + " = " + costly_answer(terms, p) + "\n";
  const std::string path = testing::write_file("budget.txt", file);
  testing::Run r;
  const double seconds =
      timed_run(std::string("grade ") + testing::kHostileExercise + " " + path + " --jobs 1", r);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains(testing::table_row(
                        "budget", "0/27\n")));  // graded: wrong, none over a budget
  CHECK_THAT(r.out, !Catch::Contains("invalid"));
  CHECK(seconds < 1.0 * testing::kSanitizerTimeFactor);
}

TEST_CASE(
    "hostile 6: an answer over a budget is invalid with a located reason, the others are judged",
    "[hostile]") {
  const std::vector<std::string> keys = answer_keys();
  std::string file;
  file += keys[0] + " = " + costly_answer(kMaxAnswerNodes / 3 + 1) + "\n";  // too many nodes
  std::string digits = "1";
  for (std::size_t i = 0; i < kMaxAnswerDigits / 90 + 1; ++i) digits += "*" + std::string(90, '7');
  file += keys[1] + " = x2 + " + digits + "\n";  // too many digits in all
  const std::string path = testing::write_file("over.txt", file);
  const testing::Run r =
      testing::run(std::string("check ") + testing::kHostileExercise + " " + path);
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Catch::Contains(path + ":1:" + std::to_string(keys[0].size() + 4) +
                                    ": this answer is too long to check: more than " +
                                    std::to_string(kMaxAnswerNodes) +
                                    " numbers, names, operations and functions"));
  CHECK_THAT(r.out, Catch::Contains(path + ":2:" + std::to_string(keys[1].size() + 4) +
                                    ": the numbers of this answer have more than " +
                                    std::to_string(kMaxAnswerDigits) + " digits in all"));
  // The file's budget: parts in order until kMaxFileNodes is used, the rest refused.
  std::string many;
  for (const std::string& key : keys)
    many += key + " = " + monomials((kMaxAnswerNodes - 1) / 10) + "\n";  // each within its budget
  const std::string many_path = testing::write_file("many.txt", many);
  const testing::Run m =
      testing::run(std::string("check ") + testing::kHostileExercise + " " + many_path);
  CHECK(m.status == 1);
  CHECK_THAT(m.out, Catch::Contains("the answers before this one use most of the " +
                                    std::to_string(kMaxFileNodes)));
  CHECK_THAT(m.out, !Catch::Contains("too long to check") && !Catch::Contains("digits in all"));
  CHECK_THAT(m.out, Catch::Contains("z1_1       incorrect"));  // the first parts are judged
}

TEST_CASE("hostile 6: the budgets never refuse a right answer, however expanded", "[hostile]") {
  for (const char* id :
       {"assign-q1-squared", "assign-q2-crossentropy", "mlp-sigmoid-squared", "softmax-jacobian"}) {
    const std::string path = testing::write_file(
        std::string("expanded-") + id + ".txt",
        testing::run(std::string("derive --exercise ") + id + " --form expanded").out);
    const testing::Run r = testing::run(std::string("check ") + id + " " + path);
    CHECK(r.err.empty());
    CHECK_THAT(r.out, !Catch::Contains("too long to check") && !Catch::Contains("digits in all") &&
                          !Catch::Contains("use most of the"));
    CHECK_THAT(r.out, !Catch::Contains("invalid"));
  }
}
