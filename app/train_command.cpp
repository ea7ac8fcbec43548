// deltacheck train: train a network on a data set with the methods of the notes, and plot what
// happens.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include "app/command_line.h"
#include "app/progress_bar.h"
#include "core/error.h"
#include "core/text.h"
#include "reports/atomic_file.h"
#include "reports/training_writer.h"
#include "core/targets.h"
#include "solver/weights_file.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

template <class T>
T value_in(const po::variables_map& vm, const std::string& name, T low, T high) {
  const T v = vm[name].as<T>();
  if (!(v >= low && v <= high)) {
    throw UserError("--" + name + " must be " + number_text(low) + " to " + number_text(high));
  }
  return v;
}

Usage train_usage() {
  return {
      "train",
      "deltacheck train (--net SPEC --loss LOSS | --exercise ID) --data NAME|FILE.csv [options] [--plot DIR]",
      "Trains the network in double precision on the backprop of deltacheck: batch, stochastic or\n"
      "mini-batch gradient descent with momentum, an initialisation, L1/L2 penalties, dropout and early\n"
      "stopping. Data: the TensorFlow Playground sets xor, circle, gauss, spiral (classification) and\n"
      "line, plane (regression), or a CSV file (feature columns, then target columns). Prints one CSV row\n"
      "per epoch (or writes it with --csv) and, with --plot DIR, gnuplot figures of the loss, the\n"
      "decision boundary and each layer's gradient norm. Exit status 1 when training diverged.",
      "deltacheck train --net \"2 tanh:16 tanh:16 sigmoid:1\" --loss crossentropy --data spiral --lr 0.03 --momentum 0.9 --epochs 500 --plot plots"};
}

po::options_description train_options() {
  po::options_description options("options");
  add_network_options(options);
  add_exercise_option(options);
  options.add_options()("data", po::value<std::string>()->value_name("NAME|FILE.csv"),
                        "xor, circle, gauss, spiral, line, plane, or a CSV file")(
      "points", po::value<int>()->default_value(1000)->value_name("N"),
      "points of a Playground set")("noise",
                                    po::value<double>()->default_value(0.0)->value_name("SD"),
                                    "noise of a Playground set (0 to 5)")(
      "validation", po::value<double>()->default_value(0.2, "0.2")->value_name("F"),
      "fraction of the data held out for validation")(
      "optimizer", po::value<std::string>()->default_value("minibatch")->value_name("KIND"),
      "batch, sgd or minibatch")("batch-size", po::value<int>()->default_value(32)->value_name("N"),
                                 "examples per mini-batch")(
      "lr", po::value<double>()->default_value(0.1, "0.1")->value_name("ETA"), "learning rate")(
      "momentum", po::value<double>()->default_value(0.0)->value_name("ALPHA"),
      "momentum, 0 to 0.999")("epochs", po::value<int>()->default_value(100)->value_name("N"),
                              "passes over the training data")(
      "init", po::value<std::string>()->default_value("xavier")->value_name("KIND"),
      "normal, scaled, xavier, he or zero")(
      "l1", po::value<double>()->default_value(0.0)->value_name("LAMBDA"),
      "L1 penalty lambda*sum|w|")("l2",
                                  po::value<double>()->default_value(0.0)->value_name("LAMBDA"),
                                  "L2 penalty lambda/2*sum w^2")(
      "dropout", po::value<double>()->default_value(0.0)->value_name("P"),
      "probability of dropping a hidden unit while training")(
      "early-stopping", po::value<int>()->default_value(0)->value_name("PATIENCE"),
      "stop after PATIENCE epochs without a better validation loss")(
      "seed", po::value<unsigned long long>()->default_value(1)->value_name("S"),
      "seed of the data, initialisation, shuffling and dropout")(
      "csv", po::value<std::string>()->value_name("FILE"),
      "write the per-epoch table here instead of printing it")(
      "plot", po::value<std::string>()->value_name("DIR"),
      "write gnuplot figures (PNG, PDF, scripts and data) into DIR")(
      "save", po::value<std::string>()->value_name("FILE"), "save the trained weights (JSON)")(
      "load", po::value<std::string>()->value_name("FILE"),
      "start from saved weights instead of an initialisation");
  return options;
}

// The network of --exercise or of --net and --loss.
Network network_to_train(const po::variables_map& vm) {
  const std::optional<Exercise> exercise = exercise_from(vm);
  if (exercise && exercise->kind() == ExerciseKind::symbolic)
    throw UserError("'" + exercise->id + "' is a symbolic exercise without a network to train");
  return exercise ? exercise->net() : network_from(vm);
}

TrainOptions train_options_from(const po::variables_map& vm) {
  TrainOptions o;
  o.optimizer = parse_optimizer(vm["optimizer"].as<std::string>());
  o.batch_size = value_in<int>(vm, "batch-size", 1, 1000000);
  o.lr = value_in<double>(vm, "lr", 0, 1e6);
  o.momentum = value_in<double>(vm, "momentum", 0, 0.999);
  o.epochs = value_in<int>(vm, "epochs", 1, 1000000);
  o.init = parse_init(vm["init"].as<std::string>());
  o.l1 = value_in<double>(vm, "l1", 0, 1e6);
  o.l2 = value_in<double>(vm, "l2", 0, 1e6);
  o.dropout = value_in<double>(vm, "dropout", 0, 0.95);
  o.patience = value_in<int>(vm, "early-stopping", 0, 1000000);
  o.seed = vm["seed"].as<unsigned long long>();
  return o;
}

// Throws UserError when `path` (given as --option) cannot be written: it is a folder, or its
// folder is missing, not a folder or not writable. With `folder`, path is a folder that is
// created when missing: its nearest existing ancestor must be a writable folder.
void check_output(const std::string& option, const std::string& path, bool folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path p(path);
  const bool exists = fs::exists(p, error);
  if (!folder && exists && fs::is_directory(p, error))
    throw UserError(SourceLocation{path, 0, 0, ""},
                    "cannot write --" + option + " here: this is a folder; give a file name");
  if (folder && exists && !fs::is_directory(p, error))
    throw UserError(SourceLocation{path, 0, 0, ""},
                    "cannot write --" + option + " here: this is a file, not a folder");
  fs::path parent = folder && exists ? p : p.parent_path();
  while (folder && !parent.empty() && !fs::exists(parent, error)) parent = parent.parent_path();
  if (parent.empty()) parent = ".";
  std::string problem;
  if (!fs::exists(parent, error))
    problem = "the folder '" + parent.string() + "' does not exist";
  else if (!fs::is_directory(parent, error))
    problem = "'" + parent.string() + "' is not a folder";
  else if (access(parent.c_str(), W_OK | X_OK) != 0)
    problem = "the folder '" + parent.string() + "' is not writable";
  if (!problem.empty())
    throw UserError(SourceLocation{path, 0, 0, ""},
                    "cannot write --" + option + " here: " + problem);
}

// Every output of the run, checked before the training spends its time.
void check_outputs(const po::variables_map& vm) {
  for (const char* option : {"csv", "save"})
    if (vm.count(option)) check_output(option, vm[option].as<std::string>(), false);
  if (vm.count("plot")) check_output("plot", vm["plot"].as<std::string>(), true);
}

// Where row `row` (0-based, as read_csv_dataset returns them) of the CSV file is, with the
// column of field `field` (0-based). read_csv_dataset skips blank lines and a header line,
// which is there exactly when the file has one non-blank line more than `rows`.
SourceLocation csv_row_location(const std::string& path, std::size_t rows, std::size_t row,
                                std::size_t field) {
  std::ifstream in(path);
  std::vector<std::pair<int, std::string>> lines;  // non-blank lines up to the one wanted
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) lines.emplace_back(number, line);
  }
  const std::size_t index = row + (lines.size() > rows ? 1 : 0);
  if (index >= lines.size()) return SourceLocation{path, 0, 0, ""};
  const std::string& text = lines[index].second;
  std::size_t start = 0;  // where the field starts, after the comma before it
  for (std::size_t f = 0; f < field; ++f) {
    const std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return SourceLocation{path, lines[index].first, static_cast<int>(start) + 1, text};
}

// The data of --data: a CSV file or a Playground set, with targets the loss accepts.
Dataset load_data(const po::variables_map& vm, const Network& net, const std::string& name,
                  std::uint64_t seed) {
  if (ends_with(name, ".csv")) {
    Dataset all = read_csv_dataset(name, net.inputs, net.outputs());
    for (std::size_t i = 0; i < all.size(); ++i)
      if (const auto problem = target_problem(net, all.y[i]))
        throw UserError(csv_row_location(name, all.size(), i,
                                         static_cast<std::size_t>(net.inputs) + problem->index),
                        problem->message);
    return all;
  }
  Dataset all = playground(name, value_in<int>(vm, "points", 2, 10000000),
                           value_in<double>(vm, "noise", 0, 5), seed);
  const int in = static_cast<int>(all.x[0].size()), out = static_cast<int>(all.y[0].size());
  if (in != net.inputs || out != net.outputs())
    throw UserError(
        "the data set '" + name + "' has " + std::to_string(in) + " input" + (in == 1 ? "" : "s") +
        " and " + std::to_string(out) + " target: the network needs " + std::to_string(in) +
        " inputs and " + std::to_string(out) + " output, e.g. --net \"" + std::to_string(in) +
        " tanh:8 " + (name == "line" || name == "plane" ? "linear" : "sigmoid") + ":1\"");
  for (std::size_t i = 0; i < all.size(); ++i)
    if (const auto problem = target_problem(net, all.y[i]))
      throw UserError("the data set '" + name + "', example " + std::to_string(i + 1) + ": " +
                      problem->message);
  return all;
}

// A progress bar on a terminal: epochs done, the loss, the speed.
std::function<void(const EpochStats&)> progress_reporter(int epochs) {
  if (!isatty(STDERR_FILENO)) return [](const EpochStats&) {};
  const auto began = std::chrono::steady_clock::now();
  return [began, epochs](const EpochStats& e) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::ostringstream text;
    text << " epochs  loss " << e.train_loss << "  "
         << static_cast<int>(e.epoch / std::max(seconds, 1e-9)) << " epochs/s   ";
    draw_progress_bar(static_cast<std::size_t>(e.epoch), static_cast<std::size_t>(epochs),
                      text.str());
  };
}

// The one-line summary: the final losses and accuracies on the training and validation data.
std::string summary(const Network& net, const std::string& data_name, const TrainResult& r,
                    const Dataset& training, const Dataset& validation) {
  std::ostringstream summary;
  double accuracy = 0;
  const double loss = evaluate(net, r.params, training, &accuracy);
  summary << "trained \"" << net.spec() << "\" on " << data_name << " (" << training.size()
          << " training, " << validation.size() << " validation examples), " << r.epochs.size()
          << " epochs: training loss " << loss;
  if (!std::isnan(accuracy)) summary << ", training accuracy " << 100 * accuracy << "%";
  if (validation.size()) {
    double validation_accuracy = 0;
    summary << ", validation loss " << evaluate(net, r.params, validation, &validation_accuracy);
    if (!std::isnan(validation_accuracy))
      summary << ", validation accuracy " << 100 * validation_accuracy << "%";
  }
  return summary.str();
}

}  // namespace

int run_train(const std::vector<std::string>& args) {
  const auto vm = parse(train_usage(), train_options(), args);
  if (!vm) return 0;
  const Network net = network_to_train(*vm);
  if (!vm->count("data"))
    throw UserError(
        "missing --data: a Playground set (xor, circle, gauss, spiral, line, plane) or a CSV file");
  const std::string data_name = (*vm)["data"].as<std::string>();
  const TrainOptions o = train_options_from(*vm);
  const double validation_fraction = value_in<double>(*vm, "validation", 0, 0.9);
  check_outputs(*vm);

  Dataset training, validation;
  split_dataset(load_data(*vm, net, data_name, o.seed), validation_fraction, o.seed, training,
                validation);
  if (training.size() == 0) throw UserError("no training data left after the validation split");
  const std::vector<double> start = vm->count("load")
                                        ? read_weights((*vm)["load"].as<std::string>(), net)
                                        : initial_parameters(net, o.init, o.seed);

  const TrainResult r = train(net, training, validation, o, start, progress_reporter(o.epochs));
  if (isatty(STDERR_FILENO) && static_cast<int>(r.epochs.size()) < o.epochs) std::cerr << "\n";

  const std::string table = epochs_csv(net, r);
  if (vm->count("csv"))
    write_file_atomically((*vm)["csv"].as<std::string>(), table);
  else
    std::cout << table;
  if (vm->count("save"))
    write_file_atomically((*vm)["save"].as<std::string>(), weights_json(net, r.params));
  std::vector<std::string> messages;
  if (vm->count("plot"))
    messages = write_training_plots((*vm)["plot"].as<std::string>(), net, r, training, validation);
  std::cerr << summary(net, data_name, r, training, validation) << "\n";
  if (!r.message.empty()) std::cerr << "deltacheck: " << r.message << "\n";
  for (const std::string& m : messages) std::cerr << "deltacheck: " << m << "\n";
  return r.diverged ? 1 : 0;
}

}  // namespace deltacheck::app
