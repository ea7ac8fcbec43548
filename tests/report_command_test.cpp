// Tests of deltacheck report: every built-in exercise compiles to PDF without errors or wide
// overfull boxes, with its text inside.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "run_command.h"

using namespace deltacheck;
using testing::run;
using testing::slurp;

namespace {

// The widest "Overfull \hbox (Xpt too wide)" in a LaTeX log, in points.
double widest_overfull(const std::string& log) {
  const std::string opening = "Overfull \\hbox (";
  double widest = 0;
  for (std::size_t at = log.find(opening); at != std::string::npos; at = log.find(opening, at + 1))
    widest = std::max(widest, std::strtod(log.c_str() + at + opening.size(), nullptr));
  return widest;
}

std::string pdf_text(const std::string& pdf) {
  const std::string text = pdf + ".txt";
  REQUIRE(testing::run_argv({"pdftotext", "-layout", pdf, text}).status == 0);
  return slurp(text);
}

// Builds the PDF report of every exercise in `ids` into `dir` (ID.pdf, with ID.tex and ID.log
// kept, and deltacheck's stderr in ID.pdf.err), two at a time: each LaTeX run takes seconds.
void build_reports(const std::vector<std::string>& ids, const std::string& dir) {
  const auto build = [&](const std::string& id) {
    const std::string pdf = dir + "/" + id + ".pdf";
    const testing::Run r = run("report " + id + " --keep-tex -o " + pdf);
    std::ofstream(pdf + ".err") << r.err;
    return r.status;
  };
  for (std::size_t i = 0; i < ids.size(); i += 2) {
    std::vector<Child> pair;
    for (std::size_t k = i; k < std::min(ids.size(), i + 2); ++k)
      pair.push_back(spawn_function([&, k] { return build(ids[k]); }, {}));
    for (Child& c : pair) REQUIRE(c.wait(600).ok());
  }
}

}  // namespace

TEST_CASE(
    "the PDF report of every built-in exercise compiles cleanly and holds its headings and equations",
    "[report_command]") {
  // The measure itself, on lines as LaTeX writes them.
  REQUIRE(
      widest_overfull(
          "Overfull \\hbox (3.0pt too wide) in paragraph\nOverfull \\hbox (16.5pt too wide) detected") ==
      Approx(16.5));
  const std::string dir = testing::scratch("reports");
  mkdir(dir.c_str(), 0755);
  const auto list = nlohmann::json::parse(run("list --json").out);
  std::vector<std::string> ids;
  for (const auto& e : list) ids.push_back(e["id"]);
  build_reports(ids, dir);
  for (const auto& e : list) {
    const std::string id = e["id"], kind = e["kind"];
    CAPTURE(id);
    const std::string pdf = dir + "/" + id + ".pdf";
    CHECK(slurp(pdf + ".err").empty());
    REQUIRE(slurp(pdf).substr(0, 5) == "%PDF-");
    const std::string log = slurp(dir + "/" + id + ".log");
    CHECK(log.find("\n! ") == std::string::npos);
    CHECK(widest_overfull(log) <= 1);
    const std::string text = pdf_text(pdf);
    CHECK_THAT(text, Catch::Contains("Statement"));
    // Every formula is typeset: none of the answer syntax's ASCII mathematics is left in the text.
    for (const char* ascii : {"^(", "_jk", "yhat", "sigma'", "*"}) {
      CAPTURE(ascii);
      CHECK_THAT(text, !Catch::Contains(ascii));
    }
    if (kind == "symbolic") {
      CHECK_THAT(text, Catch::Contains("Solution"));
    } else {
      CHECK_THAT(text, Catch::Contains("The network") && Catch::Contains("Forward pass") &&
                           Catch::Contains("Backward pass") && Catch::Contains("Verification") &&
                           Catch::Contains("Gradient of"));
      CHECK_THAT(text, Catch::Contains("symbolic vs backprop"));
    }
    if (kind == "numeric")
      CHECK_THAT(text, Catch::Contains("The example numbers") && Catch::Contains("new_w2_11"));
  }
  // A sample of the equations of Q1: the delta rule of the hidden layer names step and the sigmoid
  // simplification.
  const std::string q1 = pdf_text(dir + "/assign-q1-squared.pdf");
  CHECK_THAT(q1, Catch::Contains("for a sigmoid") && Catch::Contains("(z) = a(1") &&
                     Catch::Contains("step") && Catch::Contains("Gradient of w"));
  // deltacheck's own sentences are typeset: no ASCII mathematics of the answer syntax in them.
  for (const char* ascii : {"sigma'", "w^(l)", "delta^(l)", "dL/dz", "Gradient of w1_11", "eta ="})
    CHECK_THAT(q1, !Catch::Contains(ascii));
}

TEST_CASE("LaTeX and Markdown reports are the same bytes every time, numbers per student",
          "[report_command]") {
  const std::string a = testing::scratch("a.tex"), b = testing::scratch("b.tex"),
                    m = testing::scratch("r.md");
  REQUIRE(run("report numeric-q2-step --format latex --student alice -o " + a).status == 0);
  REQUIRE(run("report numeric-q2-step --format latex --student alice -o " + b).status == 0);
  CHECK(slurp(a) == slurp(b));
  CHECK_THAT(slurp(a), Catch::Contains("\\begin{tikzpicture}") &&
                           Catch::Contains("The numbers of student alice"));
  // The report's numbers are the student's: the same as show gives.
  const std::string shown = run("show numeric-q2-step --student alice").out;
  const std::size_t x1 = shown.find("x1 = ") + 5;
  CHECK_THAT(slurp(a),
             Catch::Contains("$x_{1} = " + shown.substr(x1, shown.find(',', x1) - x1) + "$"));
  REQUIRE(run("report assign-q2-crossentropy --format markdown -o " + m).status == 0);
  const std::string md = slurp(m);
  CHECK_THAT(
      md, Catch::Contains("## Forward pass") && Catch::Contains("$$") && Catch::Contains("a1_1"));
  CHECK(run("report assign-q2-crossentropy --format markdown -o " + m).status == 0);
  CHECK(slurp(m) == md);
}

TEST_CASE("long equations are broken across lines", "[report_command]") {
  const std::string tex = testing::scratch("long.tex");
  REQUIRE(run("report assign-q1-squared --format latex -o " + tex).status == 0);
  // The gradient of a first-layer weight is long: its local form continues on a second line.
  const std::string t = slurp(tex);
  const auto at = t.find("\\frac{\\partial L}{\\partial w^{(1)}_{11}}");
  REQUIRE(at != std::string::npos);
  const std::string block = t.substr(at, t.find("\\end{align*}", at) - at);
  CHECK(std::count(block.begin(), block.end(), '\n') >= 3);
  CHECK_THAT(block, Catch::Contains("&\\quad"));
}

TEST_CASE("without LaTeX, report writes the .tex and says how to install LaTeX",
          "[report_command]") {
  const std::string pdf = testing::scratch("nolatex.pdf");
  const testing::Run r = testing::run_argv(
      {DELTACHECK_BINARY, "report", "bce-derivative", "-o", pdf}, {{"PATH", "/nonexistent"}});
  CHECK(r.status == 1);
  CHECK_THAT(r.err,
             Catch::Contains("latexmk is not installed") && Catch::Contains("apt-get install"));
  const std::string tex = pdf.substr(0, pdf.size() - 4) + ".tex";
  CHECK_THAT(slurp(tex), Catch::Contains("\\documentclass"));
}

TEST_CASE("with training, the report includes the loss, boundary and gradient figures",
          "[report_command]") {
  const std::string dir = testing::scratch("trained");
  mkdir(dir.c_str(), 0755);
  const testing::Run r =
      run("report numeric-mlp-step --train --epochs 20 --keep-tex -o " + dir + "/mlp.pdf");
  REQUIRE(r.status == 0);
  CHECK(slurp(dir + "/mlp_plots/loss.png").substr(0, 4) == "\x89PNG");
  CHECK_THAT(slurp(dir + "/mlp.tex"),
             Catch::Contains("\\includegraphics[width=0.7\\textwidth]{mlp_plots/boundary.pdf}"));
  CHECK_THAT(pdf_text(dir + "/mlp.pdf"), Catch::Contains("Training"));
  testing::check_user_error("report bce-derivative --train",
                            "symbolic exercise without a network to train");
}
