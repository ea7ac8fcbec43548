// deltacheck train: train a network on a data set with the methods of the notes, and plot what happens.
#include <chrono>
#include <cmath>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include "app/command_line.h"
#include "app/progress_bar.h"
#include "core/error.h"
#include "reports/atomic_file.h"
#include "reports/training_writer.h"
#include "solver/weights_file.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

template <class T>
T value_in(const po::variables_map& vm, const std::string& name, T low, T high) {
  const T v = vm[name].as<T>();
  if (!(v >= low && v <= high)) {
    std::ostringstream range;
    range << low << " to " << high;
    throw UserError("--" + name + " must be " + range.str());
  }
  return v;
}

}  // namespace

int run_train(const std::vector<std::string>& args) {
  const Usage usage{"train", "deltacheck train (--net SPEC --loss LOSS | --exercise ID) --data NAME|FILE.csv [options] [--plot DIR]",
                    "Trains the network in double precision on the backprop of deltacheck: batch, stochastic or\n"
                    "mini-batch gradient descent with momentum, an initialisation, L1/L2 penalties, dropout and early\n"
                    "stopping. Data: the TensorFlow Playground sets xor, circle, gauss, spiral (classification) and\n"
                    "line, plane (regression), or a CSV file (feature columns, then target columns). Prints one CSV row\n"
                    "per epoch (or writes it with --csv) and, with --plot DIR, gnuplot figures of the loss, the\n"
                    "decision boundary and each layer's gradient norm. Exit status 1 when training diverged.",
                    "deltacheck train --net \"2 tanh:16 tanh:16 sigmoid:1\" --loss crossentropy --data spiral --lr 0.03 --momentum 0.9 --epochs 500 --plot plots"};
  po::options_description options("options");
  add_network_options(options);
  add_exercise_option(options);
  options.add_options()
      ("data", po::value<std::string>()->value_name("NAME|FILE.csv"), "xor, circle, gauss, spiral, line, plane, or a CSV file")
      ("points", po::value<int>()->default_value(1000)->value_name("N"), "points of a Playground set")
      ("noise", po::value<double>()->default_value(0.0)->value_name("SD"), "noise of a Playground set (0 to 5)")
      ("validation", po::value<double>()->default_value(0.2)->value_name("F"), "fraction of the data held out for validation")
      ("optimizer", po::value<std::string>()->default_value("minibatch")->value_name("KIND"), "batch, sgd or minibatch")
      ("batch-size", po::value<int>()->default_value(32)->value_name("N"), "examples per mini-batch")
      ("lr", po::value<double>()->default_value(0.1)->value_name("ETA"), "learning rate")
      ("momentum", po::value<double>()->default_value(0.0)->value_name("ALPHA"), "momentum, 0 to 0.999")
      ("epochs", po::value<int>()->default_value(100)->value_name("N"), "passes over the training data")
      ("init", po::value<std::string>()->default_value("xavier")->value_name("KIND"), "normal, scaled, xavier, he or zero")
      ("l1", po::value<double>()->default_value(0.0)->value_name("LAMBDA"), "L1 penalty lambda*sum|w|")
      ("l2", po::value<double>()->default_value(0.0)->value_name("LAMBDA"), "L2 penalty lambda/2*sum w^2")
      ("dropout", po::value<double>()->default_value(0.0)->value_name("P"), "probability of dropping a hidden unit while training")
      ("early-stopping", po::value<int>()->default_value(0)->value_name("PATIENCE"), "stop after PATIENCE epochs without a better validation loss")
      ("seed", po::value<unsigned long long>()->default_value(1)->value_name("S"), "seed of the data, initialisation, shuffling and dropout")
      ("csv", po::value<std::string>()->value_name("FILE"), "write the per-epoch table here instead of printing it")
      ("plot", po::value<std::string>()->value_name("DIR"), "write gnuplot figures (PNG, PDF, scripts and data) into DIR")
      ("save", po::value<std::string>()->value_name("FILE"), "save the trained weights (JSON)")
      ("load", po::value<std::string>()->value_name("FILE"), "start from saved weights instead of an initialisation");
  const auto vm = parse(usage, options, args);
  if (!vm) return 0;
  const std::optional<Exercise> exercise = exercise_from(*vm);
  if (exercise && exercise->kind() == ExerciseKind::symbolic) throw UserError("'" + exercise->id + "' is a symbolic exercise without a network to train");
  const Network net = exercise ? exercise->net() : network_from(*vm);
  if (!vm->count("data")) throw UserError("missing --data: a Playground set (xor, circle, gauss, spiral, line, plane) or a CSV file");
  const std::string data_name = (*vm)["data"].as<std::string>();
  TrainOptions o;
  o.optimizer = parse_optimizer((*vm)["optimizer"].as<std::string>());
  o.batch_size = value_in<int>(*vm, "batch-size", 1, 1000000);
  o.lr = value_in<double>(*vm, "lr", 0, 1e6);
  o.momentum = value_in<double>(*vm, "momentum", 0, 0.999);
  o.epochs = value_in<int>(*vm, "epochs", 1, 1000000);
  o.init = parse_init((*vm)["init"].as<std::string>());
  o.l1 = value_in<double>(*vm, "l1", 0, 1e6);
  o.l2 = value_in<double>(*vm, "l2", 0, 1e6);
  o.dropout = value_in<double>(*vm, "dropout", 0, 0.95);
  o.patience = value_in<int>(*vm, "early-stopping", 0, 1000000);
  o.seed = (*vm)["seed"].as<unsigned long long>();
  const double validation_fraction = value_in<double>(*vm, "validation", 0, 0.9);

  Dataset all;
  if (ends_with(data_name, ".csv")) {
    all = read_csv_dataset(data_name, net.inputs, net.outputs());
  } else {
    all = playground(data_name, value_in<int>(*vm, "points", 2, 10000000), value_in<double>(*vm, "noise", 0, 5), o.seed);
    const int in = static_cast<int>(all.x[0].size()), out = static_cast<int>(all.y[0].size());
    if (in != net.inputs || out != net.outputs())
      throw UserError("the data set '" + data_name + "' has " + std::to_string(in) + " input" + (in == 1 ? "" : "s") + " and " + std::to_string(out) +
                      " target: the network needs " + std::to_string(in) + " inputs and " + std::to_string(out) + " output, e.g. --net \"" +
                      std::to_string(in) + " tanh:8 " + (data_name == "line" || data_name == "plane" ? "linear" : "sigmoid") + ":1\"");
  }
  Dataset training, validation;
  split_dataset(all, validation_fraction, o.seed, training, validation);
  if (training.size() == 0) throw UserError("no training data left after the validation split");
  const std::vector<double> start = vm->count("load") ? read_weights((*vm)["load"].as<std::string>(), net) : initial_parameters(net, o.init, o.seed);

  const bool terminal = isatty(STDERR_FILENO);
  const auto began = std::chrono::steady_clock::now();
  const auto progress = [&](const EpochStats& e) {
    if (!terminal) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    std::ostringstream text;
    text << " epochs  loss " << e.train_loss << "  " << static_cast<int>(e.epoch / std::max(seconds, 1e-9)) << " epochs/s   ";
    draw_progress_bar(static_cast<std::size_t>(e.epoch), static_cast<std::size_t>(o.epochs), text.str());
  };
  const TrainResult r = train(net, training, validation, o, start, progress);
  if (terminal && static_cast<int>(r.epochs.size()) < o.epochs) std::cerr << "\n";

  const std::string table = epochs_csv(net, r);
  if (vm->count("csv")) write_file_atomically((*vm)["csv"].as<std::string>(), table);
  else std::cout << table;
  if (vm->count("save")) write_file_atomically((*vm)["save"].as<std::string>(), weights_json(net, r.params));
  std::vector<std::string> messages;
  if (vm->count("plot")) messages = write_training_plots((*vm)["plot"].as<std::string>(), net, r, training, validation);
  std::ostringstream summary;
  double accuracy = 0;
  const double loss = evaluate(net, r.params, training, &accuracy);
  summary << "trained \"" << net.spec() << "\" on " << data_name << " (" << training.size() << " training, " << validation.size()
          << " validation examples), " << r.epochs.size() << " epochs: training loss " << loss;
  if (!std::isnan(accuracy)) summary << ", training accuracy " << 100 * accuracy << "%";
  if (validation.size()) {
    double validation_accuracy = 0;
    summary << ", validation loss " << evaluate(net, r.params, validation, &validation_accuracy);
    if (!std::isnan(validation_accuracy)) summary << ", validation accuracy " << 100 * validation_accuracy << "%";
  }
  std::cerr << summary.str() << "\n";
  if (!r.message.empty()) std::cerr << "deltacheck: " << r.message << "\n";
  for (const std::string& m : messages) std::cerr << "deltacheck: " << m << "\n";
  return r.diverged ? 1 : 0;
}

}  // namespace deltacheck::app
