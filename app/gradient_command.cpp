// deltacheck gradient: loss and gradient at a point, by backprop at N digits.
#include <iostream>

#include "app/command_line.h"
#include "core/point.h"
#include "core/scalar_text.h"
#include "core/text.h"
#include "reports/gradient_writer.h"
#include "solver/backprop.h"
#include "solver/scalar.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

/// The fewest significant digits printed. Boost.Multiprecision writes every digit it holds
/// (guard digits included, the last ones wrong) when asked for one, so one digit is refused.
constexpr unsigned kMinDigits = 2;

template <class T>
GradientText gradient_text(const Network& net, const Point& p, unsigned digits) {
  const Gradient<T> g = gradient_at<T>(net, p);
  GradientText t{scientific_text(g.loss, static_cast<int>(digits)), {}};
  for (const T& v : g.d_params) t.gradient.push_back(scientific_text(v, static_cast<int>(digits)));
  return t;
}
}  // namespace

int run_gradient(const std::vector<std::string>& args) {
  const Usage usage{
      "gradient",
      "deltacheck gradient --net SPEC --loss LOSS --at POINT.json [--digits N] [--json]",
      "The loss and dL/d of every weight and bias at one point, by backprop at N significant digits.\n"
      "POINT.json maps every input, weight, bias and target to a decimal string, read exactly\n"
      "(\"0.1\" is one tenth): {\"x1\": \"0.5\", \"w1_1_1\": \"-0.3\", ..., \"y\": \"1\"}.",
      "deltacheck gradient --net \"2 tanh:1 sigmoid:2\" --loss crossentropy --at point.json --digits 100 --json"};
  po::options_description options("options");
  add_network_options(options);
  options.add_options()("at", po::value<std::string>()->value_name("POINT.json"),
                        "the point: every input, parameter and target")(
      "digits", po::value<int>()->default_value(50)->value_name("N"),
      "significant digits, 2 to 10000")("json", "print JSON (docs/DESIGN.md §6) instead of text");
  const auto vm = parse(usage, options, args);
  if (!vm) return 0;
  const Network net = network_from(*vm);
  if (!vm->count("at")) throw UserError("missing --at POINT.json (see deltacheck gradient --help)");
  const unsigned digits = digits_from(*vm, kMinDigits, 10000);
  const Point p = read_point_json((*vm)["at"].as<std::string>(), net);
  const GradientText t =
      with_digits(digits, [&](auto tag) { return gradient_text<decltype(tag)>(net, p, digits); });
  write_gradient(std::cout, net, digits, t, vm->count("json") != 0);
  return 0;
}

}  // namespace deltacheck::app
