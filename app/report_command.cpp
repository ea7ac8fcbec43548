// deltacheck report: the worked solution of an exercise as a PDF (through LaTeX), LaTeX or
// Markdown.
#include <iostream>

#include "app/command_line.h"
#include "core/error.h"
#include "exercises/solve/solution_sheet.h"
#include "reports/atomic_file.h"
#include "reports/report_writer.h"
#include "reports/training_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

// Trains the exercise's network on --data and writes the figures into STEM_plots; the folder's name
// relative to the report.
std::string training_plots(const po::variables_map& vm, const Exercise& exercise,
                           const std::string& stem) {
  if (exercise.kind() == ExerciseKind::symbolic)
    throw UserError("'" + exercise.id + "' is a symbolic exercise without a network to train");
  const Network& net = exercise.net();
  std::string data = vm.count("data") ? vm["data"].as<std::string>() : "";
  if (data.empty() && net.inputs == 2 && net.outputs() == 1) data = "xor";
  if (data.empty())
    throw UserError("--train needs --data for a network with " + std::to_string(net.inputs) +
                    " inputs (a CSV file of its inputs and targets)");
  Dataset all = data.size() > 4 && data.compare(data.size() - 4, 4, ".csv") == 0
                    ? read_csv_dataset(data, net.inputs, net.outputs())
                    : playground(data, 500, 0, 1);
  if (static_cast<int>(all.x[0].size()) != net.inputs ||
      static_cast<int>(all.y[0].size()) != net.outputs())
    throw UserError("the data set '" + data + "' does not fit the network \"" + net.spec() + "\"");
  Dataset training, validation;
  split_dataset(all, 0.2, 1, training, validation);
  TrainOptions o;
  o.epochs = vm["epochs"].as<int>();
  o.lr = 0.03;
  o.momentum = 0.9;
  const TrainResult r =
      train(net, training, validation, o, initial_parameters(net, Init::xavier, 1));
  const std::string plots = stem + "_plots";
  for (const std::string& m : write_training_plots(plots, net, r, training, validation))
    std::cerr << "deltacheck: " << m << "\n";
  return plots.substr(plots.rfind('/') == std::string::npos ? 0 : plots.rfind('/') + 1);
}

}  // namespace

int run_report(const std::vector<std::string>& args) {
  const Usage usage{
      "report",
      "deltacheck report EXERCISE [--format pdf|latex|markdown] [-o FILE] [--keep-tex] [--student ID] [--train --data NAME]",
      "Writes the worked solution of an exercise: the statement, the network drawn, the forward pass,\n"
      "the delta rules and every gradient (chain rule, delta form, simplified form), a numeric\n"
      "exercise's numbers, a verification table and, with --train, the training plots. PDF needs\n"
      "LaTeX (latexmk), which works in a temporary folder: only the PDF is written (with --keep-tex,\n"
      "also FILE.tex and LaTeX's FILE.log beside it). Without latexmk, FILE.tex is written unless a\n"
      "file of that name exists, and the message says how to install LaTeX.",
      "deltacheck report assign-q1-squared -o q1.pdf"};
  po::options_description options("options");
  options.add_options()(
      "format", po::value<std::string>()->default_value("pdf")->value_name("FORMAT"),
      "pdf, latex or markdown")("output,o", po::value<std::string>()->value_name("FILE"),
                                "the report file (default: EXERCISE.pdf, .tex or .md)")(
      "keep-tex",
      "with --format pdf: also write the LaTeX source and log beside the PDF (FILE.tex, FILE.log), replacing earlier ones")(
      "train", "train the exercise's network and include the plots")(
      "data", po::value<std::string>()->value_name("NAME|FILE.csv"),
      "with --train: the data (default xor for networks with 2 inputs)")(
      "epochs", po::value<int>()->default_value(300)->value_name("N"), "with --train: epochs");
  const auto command = parse_exercise_command(usage, options, args);
  if (!command) return 0;
  const po::variables_map& vm = command->vm;
  const Exercise& exercise = command->exercise;
  const std::string format = vm["format"].as<std::string>();
  if (format != "pdf" && format != "latex" && format != "markdown")
    throw UserError("unknown format '" + format + "': use pdf, latex or markdown");
  if (vm.count("keep-tex") && format != "pdf")
    throw UserError("--keep-tex is for --format pdf (--format " + format +
                    " writes only its own file)");
  const std::string extension = format == "pdf" ? ".pdf" : format == "latex" ? ".tex" : ".md";
  const std::string output =
      vm.count("output") ? vm["output"].as<std::string>() : exercise.id + extension;
  const std::string stem =
      output.size() > extension.size() &&
              output.compare(output.size() - extension.size(), extension.size(), extension) == 0
          ? output.substr(0, output.size() - extension.size())
          : output;
  ReportOptions report;
  report.student = command->student;
  if (vm.count("train")) report.plots = training_plots(vm, exercise, stem);
  const SolutionSheet sheet =
      solve_exercise(exercise, report.student, SheetContents::worked_solution);
  if (format == "markdown") {
    write_file_atomically(output, report_markdown(exercise, sheet, report));
    return 0;
  }
  if (format == "latex") {
    write_file_atomically(output, report_latex(exercise, sheet, report));
    return 0;
  }
  const std::string problem = compile_pdf(report_latex(exercise, sheet, report), output,
                                          stem + ".tex", vm.count("keep-tex") != 0);
  if (problem.empty()) return 0;
  std::cerr << "deltacheck: " << problem << "\n";
  return 1;
}

}  // namespace deltacheck::app
