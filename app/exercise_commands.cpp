// deltacheck list, show and template: the exercise library, one exercise as a student reads it, and
// its answer file.
#include <iostream>
#include <sstream>

#include "app/command_line.h"
#include "reports/answer_template.h"
#include "reports/exercise_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

int run_list(const std::vector<std::string>& args) {
  const Usage usage{"list", "deltacheck list [--json]",
                    "Lists the built-in exercises: id, kind, parts, points and title.",
                    "deltacheck list --json"};
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

namespace {

// show and template: EXERCISE [--student ID], then `write` prints the exercise.
int print_exercise(const Usage& usage, const std::vector<std::string>& args,
                   void (*write)(std::ostream&, const Exercise&, const std::string&)) {
  const auto command = parse_exercise_command(usage, po::options_description("options"), args);
  if (!command) return 0;
  if (command->exercise.kind() != ExerciseKind::symbolic)
    check_symbolic_size(command->exercise.net());
  std::ostringstream out;  // nothing is printed unless all of it can be
  write(out, command->exercise, command->student);
  std::cout << out.str();
  return 0;
}

}  // namespace

int run_show(const std::vector<std::string>& args) {
  return print_exercise(
      {"show", "deltacheck show EXERCISE [--student ID]",
       "Shows an exercise as a student reads it: the statement, the network drawn in text with its\n"
       "notation, the numbers of a numeric exercise (per student with --student), and the parts.",
       "deltacheck show numeric-q2-step --student alice"},
      args, write_exercise);
}

int run_template(const std::vector<std::string>& args) {
  return print_exercise(
      {"template", "deltacheck template EXERCISE [--student ID]",
       "Prints an answer file for the exercise: every key to fill in, each under a comment saying\n"
       "what it asks, with the notation, the functions that may be used and, for a numeric exercise,\n"
       "the numbers of the student.",
       "deltacheck template assign-q2-crossentropy > answers.txt"},
      args, write_answer_template);
}

}  // namespace deltacheck::app
