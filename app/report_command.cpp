// deltacheck report: the worked solution of an exercise as a PDF (through LaTeX), LaTeX or Markdown.
#include <iostream>

#include "app/command_line.h"
#include "core/error.h"
#include "reports/atomic_file.h"
#include "reports/report_writer.h"
#include "reports/training_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

int run_report(const std::vector<std::string>& args) {
  const Usage usage{"report", "deltacheck report EXERCISE [--format pdf|latex|markdown] [-o FILE] [--student ID] [--train --data NAME]",
                    "Writes the worked solution of an exercise: the statement, the network drawn, the forward pass,\n"
                    "the delta rules and every gradient (chain rule, delta form, simplified form), a numeric\n"
                    "exercise's numbers, a verification table and, with --train, the training plots. PDF needs\n"
                    "LaTeX (latexmk); without it the .tex is written and the message says how to install it.",
                    "deltacheck report assign-q1-squared -o q1.pdf"};
  po::options_description options("options");
  options.add_options()
      ("format", po::value<std::string>()->default_value("pdf")->value_name("FORMAT"), "pdf, latex or markdown")
      ("output,o", po::value<std::string>()->value_name("FILE"), "the report file (default: EXERCISE.pdf, .tex or .md)")
      ("train", "train the exercise's network and include the plots")
      ("data", po::value<std::string>()->value_name("NAME|FILE.csv"), "with --train: the data (default xor for networks with 2 inputs)")
      ("epochs", po::value<int>()->default_value(300)->value_name("N"), "with --train: epochs");
  const auto command = parse_exercise_command(usage, options, args);
  if (!command) return 0;
  const po::variables_map* vm = &command->vm;
  const Exercise& exercise = command->exercise;
  const std::string format = (*vm)["format"].as<std::string>();
  if (format != "pdf" && format != "latex" && format != "markdown") throw UserError("unknown format '" + format + "': use pdf, latex or markdown");
  const std::string extension = format == "pdf" ? ".pdf" : format == "latex" ? ".tex" : ".md";
  const std::string output = vm->count("output") ? (*vm)["output"].as<std::string>() : exercise.id + extension;
  const std::string stem = output.size() > extension.size() && output.compare(output.size() - extension.size(), extension.size(), extension) == 0
                               ? output.substr(0, output.size() - extension.size())
                               : output;
  ReportOptions report;
  report.student = command->student;
  if (vm->count("train")) {
    if (exercise.kind() == ExerciseKind::symbolic) throw UserError("'" + exercise.id + "' is a symbolic exercise without a network to train");
    const Network& net = exercise.net();
    std::string data = vm->count("data") ? (*vm)["data"].as<std::string>() : "";
    if (data.empty() && net.inputs == 2 && net.outputs() == 1) data = "xor";
    if (data.empty()) throw UserError("--train needs --data for a network with " + std::to_string(net.inputs) + " inputs (a CSV file of its inputs and targets)");
    Dataset all = data.size() > 4 && data.compare(data.size() - 4, 4, ".csv") == 0 ? read_csv_dataset(data, net.inputs, net.outputs()) : playground(data, 500, 0, 1);
    if (static_cast<int>(all.x[0].size()) != net.inputs || static_cast<int>(all.y[0].size()) != net.outputs())
      throw UserError("the data set '" + data + "' does not fit the network \"" + net.spec() + "\"");
    Dataset training, validation;
    split_dataset(all, 0.2, 1, training, validation);
    TrainOptions o;
    o.epochs = (*vm)["epochs"].as<int>();
    o.lr = 0.03;
    o.momentum = 0.9;
    const TrainResult r = train(net, training, validation, o, initial_parameters(net, Init::xavier, 1));
    const std::string plots = stem + "_plots";
    for (const std::string& m : write_training_plots(plots, net, r, training, validation)) std::cerr << "deltacheck: " << m << "\n";
    report.plots = plots.substr(plots.rfind('/') == std::string::npos ? 0 : plots.rfind('/') + 1);
  }
  if (format == "markdown") {
    write_file_atomically(output, report_markdown(exercise, report));
    return 0;
  }
  const std::string tex = format == "latex" ? output : stem + ".tex";
  write_file_atomically(tex, report_latex(exercise, report));
  if (format == "latex") return 0;
  const std::string problem = compile_pdf(tex, output);
  if (problem.empty()) return 0;
  std::cerr << "deltacheck: " << problem << "\n";
  return 1;
}

}  // namespace deltacheck::app
