// Hostile input 12: report -o thesis.pdf writes the PDF and nothing else; the LaTeX source and log
// only with --keep-tex.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "../run_command.h"
#include "core/child_process.h"

using namespace deltacheck;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE(
    "hostile 12: report -o thesis.pdf keeps the user's thesis.tex and thesis.log, leaves nothing in the temporary folder",
    "[hostile]") {
  const std::string dir = testing::scratch("thesis"), tmp = testing::scratch("thesis_tmp");
  fs::create_directories(dir);
  fs::create_directories(tmp);
  testing::write_file("thesis/thesis.tex", "my own thesis");
  testing::write_file("thesis/thesis.log", "my own log");
  const std::vector<std::string> argv = {DELTACHECK_BINARY, "report", "bce-derivative", "-o",
                                         dir + "/thesis.pdf"};
  if (find_program("latexmk").empty()) {
    const testing::Run r = testing::run_argv(argv);
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("thesis.tex exists, so nothing was written"));
  } else {
    const testing::Run r = testing::run_argv(argv, {{"TMPDIR", tmp}}, 300);
    CHECK(r.status == 0);
    CHECK(testing::slurp(dir + "/thesis.pdf").substr(0, 5) == "%PDF-");
    CHECK(names_in(tmp).empty());
  }
  CHECK(testing::slurp(dir + "/thesis.tex") == "my own thesis");
  CHECK(testing::slurp(dir + "/thesis.log") == "my own log");
  CHECK(names_in(dir).size() == (find_program("latexmk").empty() ? 2u : 3u));
  // Without LaTeX and without a .tex there, the .tex is written so that the work is not lost.
  const testing::Run bare =
      testing::run_argv({DELTACHECK_BINARY, "report", "bce-derivative", "-o", dir + "/other.pdf"},
                        {{"PATH", "/nonexistent"}});
  CHECK(bare.status == 1);
  CHECK_THAT(bare.err, Catch::Contains("latexmk is not installed, so only " + dir +
                                       "/other.tex was written"));
  CHECK_THAT(testing::slurp(dir + "/other.tex"), Catch::Contains("\\documentclass"));
  const testing::Run again = testing::run_argv(
      {DELTACHECK_BINARY, "report", "assign-q1-squared", "-o", dir + "/other.pdf"},
      {{"PATH", "/nonexistent"}});
  CHECK_THAT(again.err, Catch::Contains("other.tex exists, so nothing was written"));
  CHECK_THAT(testing::slurp(dir + "/other.tex"), Catch::Contains("bce-derivative"));
  testing::check_user_error("report bce-derivative --format latex --keep-tex",
                            "--keep-tex is for --format pdf");
}

TEST_CASE("hostile 12: report --keep-tex writes the LaTeX source and log beside the PDF",
          "[hostile]") {
  if (find_program("latexmk").empty()) {
    WARN("latexmk is not installed: the PDF is not built, so this test has nothing to check");
    return;
  }
  const std::string dir = testing::scratch("kept");
  fs::create_directories(dir);
  const testing::Run r = testing::run_argv(
      {DELTACHECK_BINARY, "report", "bce-derivative", "--keep-tex", "-o", dir + "/r.pdf"}, {}, 300);
  CHECK(r.status == 0);
  CHECK(names_in(dir) == std::vector<std::string>{"r.log", "r.pdf", "r.tex"});
  CHECK_THAT(testing::slurp(dir + "/r.tex"), Catch::Contains("\\documentclass"));
  CHECK_THAT(testing::slurp(dir + "/r.log"), Catch::Contains("Output written on report.pdf"));
}
