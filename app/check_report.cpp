// check --report: the student's feedback sheet written as Markdown, LaTeX or PDF.
#include "app/check_report.h"

#include <cstring>
#include <iostream>
#include <optional>

#include "core/error.h"
#include "exercises/solve/solution_sheet.h"
#include "reports/atomic_file.h"
#include "reports/feedback_sheet.h"
#include "reports/report_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

void add_report_options(po::options_description& options) {
  options.add_options()("report", po::value<std::string>()->value_name("FILE"),
                        "also write a feedback sheet: the answers typeset with their verdicts "
                        "(FILE.pdf through LaTeX, FILE.tex or FILE.md)")(
      "solutions", "with --report: add the worked solution of every part not correct");
}

std::string report_path(const po::variables_map& vm) {
  const std::string path = vm["report"].as<std::string>();
  for (const char* e : {".pdf", ".tex", ".md"})
    if (path.size() > std::strlen(e) && path.compare(path.size() - std::strlen(e), std::strlen(e), e) == 0)
      return path;
  throw UserError("--report " + path + ": name a .pdf, .tex or .md file");
}

bool write_feedback_report(const po::variables_map& vm, const Exercise& ex,
                           const CheckResult& result, const std::string& student) {
  const std::string path = report_path(vm);
  const auto ends = [&](const std::string& e) {
    return path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  std::optional<SolutionSheet> sheet;
  if (vm.count("solutions")) sheet = solve_exercise(ex, student, SheetContents::answers);
  const SolutionSheet* solutions = sheet ? &*sheet : nullptr;
  if (ends(".md")) {
    write_file_atomically(path, feedback_sheet(ex, result, solutions, student, FeedbackFormat::markdown));
    return true;
  }
  const std::string latex = feedback_sheet(ex, result, solutions, student, FeedbackFormat::latex);
  if (ends(".tex")) return write_file_atomically(path, latex), true;
  const std::string problem = compile_pdf(latex, path, path.substr(0, path.size() - 4) + ".tex", false);
  if (!problem.empty()) std::cerr << "deltacheck: " << problem << "\n";
  return problem.empty();
}

}  // namespace deltacheck::app
