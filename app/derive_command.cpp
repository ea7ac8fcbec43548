// deltacheck derive: print a network's equations.
#include <iostream>
#include <sstream>

#include "app/command_line.h"
#include "core/error.h"
#include "exercises/solve/solution_sheet.h"
#include "reports/derivation_writer.h"
#include "symbolic/derivation.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

/// The most terms derive prints in the local or expanded form, about 4 MB of text; one
/// gradient may have at most Derivation::kDefaultMaxSize, as the derivation itself checks.
constexpr long long kMaxPrintedTerms = 100000;

// Refuses, before any derivation is built, a network whose derivation in `form` would be too
// large to build or to read, saying what to do instead.
void check_derivation_size(const Network& net, Form form) {
  check_symbolic_size(net);
  if (form == Form::delta) return;
  const NetworkSize size = network_size(net);
  if (size.largest_local <= static_cast<long long>(Derivation::kDefaultMaxSize) &&
      size.local_terms <= kMaxPrintedTerms)
    return;
  const bool one = size.largest_local > static_cast<long long>(Derivation::kDefaultMaxSize);
  throw UserError(
      "the " + std::string(form == Form::local ? "local" : "expanded") + " form of network \"" +
      net.spec() + "\" has " +
      (one ? "gradients of more than " + std::to_string(Derivation::kDefaultMaxSize) + " terms"
           : "more than " + std::to_string(kMaxPrintedTerms) + " terms in all") +
      ": use --form delta, which stays linear in the size of the network, or fewer units");
}

}  // namespace

int run_derive(const std::vector<std::string>& args) {
  const Usage usage{
      "derive",
      "deltacheck derive (--net SPEC --loss LOSS | --exercise ID|FILE [--student ID]) [--form local|delta|expanded] [--format text|latex|json]",
      "Derives the forward equation of every unit, the loss and dL/d of every weight and bias with GiNaC.\n"
      "With --exercise, only the exercise's parts, in its form unless --form is given.\n"
      "Text output is an answer file: fed to `deltacheck check` it earns full marks.",
      "deltacheck derive --net \"3 relu:2 sigmoid:2 sigmoid:1\" --loss crossentropy --form delta"};
  po::options_description options("options");
  add_network_options(options);
  add_exercise_option(options);
  add_student_option(options);
  options.add_options()(
      "form", po::value<std::string>()->value_name("FORM"),
      "local (in a, z; the default), delta (delta rules) or expanded (inputs and parameters only)")(
      "format", po::value<std::string>()->default_value("text")->value_name("FORMAT"),
      "text, latex or json");
  const auto vm = parse(usage, options, args);
  if (!vm) return 0;
  const std::optional<Exercise> exercise = exercise_from(*vm);
  const DerivationFormat format = parse_derivation_format((*vm)["format"].as<std::string>());
  std::ostringstream out;  // nothing is printed unless all of it can be
  if (exercise) {
    const Form form =
        vm->count("form") ? parse_form((*vm)["form"].as<std::string>()) : exercise->form;
    if (exercise->kind() != ExerciseKind::symbolic) check_derivation_size(exercise->net(), form);
    const std::string student = student_from(*vm);
    write_solution(out, *exercise, solve_exercise(*exercise, student, SheetContents::answers), form,
                   format, student);
  } else {
    if (vm->count("student")) throw UserError("--student goes with --exercise");
    const Form form = vm->count("form") ? parse_form((*vm)["form"].as<std::string>()) : Form::local;
    const Network net = network_from(*vm);
    check_derivation_size(net, form);
    write_derivation(out, Derivation(net), form, format);
  }
  std::cout << out.str();
  return 0;
}

}  // namespace deltacheck::app
