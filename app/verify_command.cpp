// deltacheck verify: symbolic, backprop and finite differences compared digit by digit.
#include <iostream>

#include "app/command_line.h"
#include "core/error.h"
#include "reports/verify_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

/// The most work verify takes on: points x parameters^2, as finite differences evaluate the
/// whole network twice per parameter at each point (8 points of about 1100 parameters, a few
/// seconds at 50 digits).
constexpr long long kMaxVerifyWork = 10000000;

void check_verify_size(const Network& net, int points) {
  check_symbolic_size(net);
  const long long p = network_size(net).parameters;
  if (points * p * p > kMaxVerifyWork)
    throw UserError("verify of network \"" + net.spec() + "\" at " + std::to_string(points) +
                    " points would evaluate it " + std::to_string(2 * points * p) + " times (" +
                    std::to_string(p) + " weights and biases); at most " +
                    std::to_string(kMaxVerifyWork) +
                    " points x parameters^2 are checked: use fewer --points or fewer units");
}

}  // namespace

int run_verify(const std::vector<std::string>& args) {
  const Usage usage{
      "verify",
      "deltacheck verify (--net SPEC --loss LOSS | --exercise ID|FILE) [--points N] [--digits N] [--json]",
      "Computes dL/d of every weight and bias three ways at N seeded random points: the symbolic\n"
      "derivation (evaluated from its own equations), the N-digit backprop, and finite differences\n"
      "at higher precision (for --exercise, its network). Exits 1 if any pair agrees to fewer than digits - 5 significant digits.",
      "deltacheck verify --net \"3 relu:2 sigmoid:2 sigmoid:1\" --loss squared --points 16"};
  po::options_description options("options");
  add_network_options(options);
  add_exercise_option(options);
  options.add_options()("points", po::value<int>()->default_value(8)->value_name("N"),
                        "number of sample points, 1 to 10000")(
      "digits", po::value<int>()->default_value(50)->value_name("N"),
      "significant digits, 16 to 10000")(
      "seed", po::value<unsigned long long>()->default_value(1)->value_name("S"),
      "seed of the sample points")("json", "print JSON instead of a table");
  const auto vm = parse(usage, options, args);
  if (!vm) return 0;
  const std::optional<Exercise> exercise = exercise_from(*vm);
  if (exercise && exercise->kind() == ExerciseKind::symbolic)
    throw UserError("verify checks a network's gradients: '" + exercise->id +
                    "' is a symbolic exercise without a network");
  const Network net = exercise ? exercise->net() : network_from(*vm);
  const unsigned digits = digits_from(*vm, 16, 10000);
  const int points = (*vm)["points"].as<int>();
  if (points < 1 || points > 10000)
    throw UserError("--points must be 1 to 10000, not " + std::to_string(points));
  check_verify_size(net, points);
  const VerifyResult r =
      verify_network(net, points, digits, (*vm)["seed"].as<unsigned long long>());
  write_verification(std::cout, r, vm->count("json") != 0);
  return r.passed() ? 0 : 1;
}

}  // namespace deltacheck::app
