// Option parsing shared by every subcommand.
#include "app/command_line.h"

#include <algorithm>
#include <cctype>
#include <iostream>

#include "core/error.h"

namespace po = boost::program_options;

namespace deltacheck::app {

std::optional<po::variables_map> parse(const Usage& usage, po::options_description options,
                                       const std::vector<std::string>& args,
                                       const po::positional_options_description* positional) {
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  try {
    po::command_line_parser parser(args);
    parser.options(options);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    if (vm.count("help")) {
      std::cout << "usage: " << usage.synopsis << "\n\n"
                << usage.summary << "\n\n"
                << options << "\nexample:\n  " << usage.example << "\n";
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UserError(usage.name + ": " + e.what() + " (see deltacheck " + usage.name + " --help)");
  }
  return vm;
}

void add_network_options(po::options_description& options) {
  options.add_options()(
      "net", po::value<std::string>()->value_name("SPEC"),
      "the network: inputs, then activation:units per layer, e.g. \"3 relu:2 sigmoid:2 sigmoid:1\"")(
      "loss", po::value<std::string>()->value_name("LOSS"), "squared or crossentropy");
}

Network network_from(const po::variables_map& vm) {
  if (!vm.count("net"))
    throw UserError("missing --net SPEC, e.g. --net \"3 relu:2 sigmoid:2 sigmoid:1\"");
  if (!vm.count("loss")) throw UserError("missing --loss: squared or crossentropy");
  return parse_network(vm["net"].as<std::string>(), vm["loss"].as<std::string>());
}

void add_exercise_option(po::options_description& options) {
  options.add_options()(
      "exercise", po::value<std::string>()->value_name("ID|FILE"),
      "a built-in exercise (deltacheck list) or an exercise YAML file, instead of --net and --loss");
}

std::optional<Exercise> exercise_from(const po::variables_map& vm) {
  if (!vm.count("exercise")) return std::nullopt;
  if (vm.count("net") || vm.count("loss"))
    throw UserError("give either --exercise or --net and --loss, not both");
  return load_exercise(vm["exercise"].as<std::string>());
}

void add_student_option(po::options_description& options) {
  options.add_options()(
      "student", po::value<std::string>()->value_name("ID"),
      "the student whose numbers a numeric exercise uses (the same id always gives the same numbers)");
}

std::string student_from(const po::variables_map& vm) {
  if (!vm.count("student")) return "";
  const std::string id = vm["student"].as<std::string>();
  const bool printable =
      !id.empty() && id.size() <= 200 && std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return c > 0x20 && c != 0x7F && c != '/';
      });
  if (!printable)
    throw UserError(
        "--student must be a non-empty id without spaces, '/' or control characters, at most 200 bytes");
  return id;
}

std::optional<ExerciseCommand> parse_exercise_command(const Usage& usage,
                                                      po::options_description options,
                                                      const std::vector<std::string>& args,
                                                      const std::vector<std::string>& more) {
  options.add_options()("exercise", po::value<std::string>()->value_name("EXERCISE"),
                        "built-in id (deltacheck list) or YAML file");
  add_student_option(options);
  po::positional_options_description positional;
  positional.add("exercise", 1);
  for (const std::string& name : more) positional.add(name.c_str(), 1);
  auto vm = parse(usage, options, args, &positional);
  if (!vm) return std::nullopt;
  Exercise exercise = load_exercise(required(*vm, "exercise", usage));
  const std::string student = student_from(*vm);
  return ExerciseCommand{std::move(*vm), std::move(exercise), student};
}

std::string required(const po::variables_map& vm, const std::string& name, const Usage& usage) {
  if (!vm.count(name))
    throw UserError(usage.name + ": missing " + name + " (usage: " + usage.synopsis + ")");
  return vm[name].as<std::string>();
}

unsigned digits_from(const po::variables_map& vm, unsigned min, unsigned max) {
  const int digits = vm["digits"].as<int>();
  if (digits < static_cast<int>(min) || digits > static_cast<int>(max))
    throw UserError("--digits must be " + std::to_string(min) + " to " + std::to_string(max) +
                    ", not " + std::to_string(digits));
  return static_cast<unsigned>(digits);
}

void add_limit_options(po::options_description& options, const char* time_help,
                       const char* memory_help) {
  options.add_options()("time-limit", po::value<double>()->default_value(10)->value_name("S"),
                        time_help)(
      "memory-limit", po::value<std::string>()->default_value("1G")->value_name("SIZE"),
      memory_help);
}

double time_limit_from(const po::variables_map& vm) {
  const double seconds = vm["time-limit"].as<double>();
  if (!(seconds > 0 && seconds <= 3600))
    throw UserError("--time-limit must be more than 0 and at most 3600 seconds");
  return seconds;
}

std::size_t memory_limit_from(const po::variables_map& vm) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  const std::string text = vm["memory-limit"].as<std::string>();
  const std::string fix =
      "--memory-limit must be a size from 16M to 1024G, such as 1G, 512M or 2048 (MiB), not '" +
      text + "'";
  std::size_t digits = 0;
  while (digits < text.size() && digits < 10 &&
         std::isdigit(static_cast<unsigned char>(text[digits])))
    ++digits;
  if (digits == 0 ||
      (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))))
    throw UserError(fix);
  std::string unit = text.substr(digits);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.size() > 1 && (unit.substr(1) == "IB" || unit.substr(1) == "B"))
    unit = unit.substr(0, 1);
  const std::size_t scale = unit.empty() || unit == "M" ? kMiB
                            : unit == "G"               ? kMiB << 10
                            : unit == "K"               ? std::size_t{1} << 10
                                                        : 0;
  const std::size_t bytes = std::stoull(text.substr(0, digits)) * scale;
  if (scale == 0 || bytes < 16 * kMiB || bytes > (kMiB << 20)) throw UserError(fix);
  return bytes;
}

}  // namespace deltacheck::app
