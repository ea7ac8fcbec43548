// deltacheck list and show: the exercise library, and one exercise as a student reads it.
#include <iostream>
#include <sstream>

#include "app/command_line.h"
#include "reports/exercise_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

int run_list(const std::vector<std::string>& args) {
  const Usage usage{"list", "deltacheck list [--json]", "Lists the built-in exercises: id, kind, parts, points and title.", "deltacheck list --json"};
  po::options_description options("options");
  options.add_options()("json", "print a JSON array");
  const auto vm = parse(usage, options, args);
  if (!vm) return 0;
  std::vector<Exercise> exercises;
  for (const std::string& id : builtin_exercise_ids()) exercises.push_back(load_exercise(id));
  std::ostringstream out;
  write_exercise_list(out, exercises, vm->count("json") != 0);
  std::cout << out.str();
  return 0;
}

int run_show(const std::vector<std::string>& args) {
  const Usage usage{"show", "deltacheck show EXERCISE [--student ID]",
                    "Shows an exercise as a student reads it: the statement, the network drawn in text with its\n"
                    "notation, the numbers of a numeric exercise (per student with --student), and the parts.",
                    "deltacheck show numeric-q2-step --student alice"};
  po::options_description options("options");
  options.add_options()("exercise", po::value<std::string>()->value_name("EXERCISE"), "built-in id (deltacheck list) or YAML file");
  add_student_option(options);
  po::positional_options_description positional;
  positional.add("exercise", 1);
  const auto vm = parse(usage, options, args, &positional);
  if (!vm) return 0;
  const Exercise exercise = load_exercise(required(*vm, "exercise", usage));
  std::ostringstream out;
  write_exercise(out, exercise, student_from(*vm));
  std::cout << out.str();
  return 0;
}

}  // namespace deltacheck::app
