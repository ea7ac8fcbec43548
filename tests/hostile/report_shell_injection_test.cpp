// Hostile input 1: a report's output path is never pasted into a shell; quotes and $(...) in it are
// plain characters.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../run_command.h"
#include "core/child_process.h"

using namespace deltacheck;
namespace fs = std::filesystem;

TEST_CASE(
    "hostile 1: report -o into a folder named with quotes and a command substitution runs no command and builds",
    "[hostile]") {
  if (find_program("latexmk").empty()) {
    WARN("latexmk is not installed: the PDF is not built, so this test has nothing to check");
    return;
  }
  const std::string marker = testing::scratch("pwned");
  // Through a shell, $DELTACHECK_MARKER would expand to the marker's absolute path and touch it.
  const std::string folder = testing::scratch("q'$(touch $DELTACHECK_MARKER)'q");
  fs::create_directories(folder);
  const testing::Run r =
      testing::run_argv({DELTACHECK_BINARY, "report", "bce-derivative", "-o", folder + "/r.pdf"},
                        {{"DELTACHECK_MARKER", marker}}, 300);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(testing::slurp(folder + "/r.pdf").substr(0, 5) == "%PDF-");
  CHECK(!fs::exists(marker));
  CHECK(!fs::exists(folder + "/r.tex"));
}

TEST_CASE("hostile 1: report -o into a folder with an apostrophe and a space builds the PDF",
          "[hostile]") {
  if (find_program("latexmk").empty()) {
    WARN("latexmk is not installed: the PDF is not built, so this test has nothing to check");
    return;
  }
  const std::string folder = testing::scratch("it's here");
  fs::create_directories(folder);
  const testing::Run r = testing::run_argv(
      {DELTACHECK_BINARY, "report", "assign-q1-squared", "-o", folder + "/r.pdf"}, {}, 300);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(testing::slurp(folder + "/r.pdf").substr(0, 5) == "%PDF-");
}
