// deltacheck check: the verdict on every part of a student's answer file.
#include <iostream>
#include <sstream>

#include "app/command_line.h"
#include "exercises/judge/checker.h"
#include "reports/check_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

int run_check(const std::vector<std::string>& args) {
  const Usage usage{"check", "deltacheck check EXERCISE ANSWERS [--student ID] [--json] [--echo]",
                    "Checks every part of an answer file (KEY = EXPRESSION lines; deltacheck template EXERCISE\n"
                    "writes one) against the exercise: correct, incorrect (with the mistake named), invalid\n"
                    "(cannot be read: file, line, column and what to write) or missing; then the score.\n"
                    "Exit status: 0 when every part is correct, 1 when not, 2 when the files cannot be read.",
                    "deltacheck check assign-q1-squared answers.txt --echo"};
  po::options_description options("options");
  options.add_options()
      ("answers", po::value<std::string>()->value_name("ANSWERS"), "the answer file")
      ("json", "print the JSON of docs/DESIGN.md §6 instead of a table")
      ("echo", "show how each answer was read, e.g. 1/2*a as (1/2)*a");
  const auto command = parse_exercise_command(usage, options, args, {"answers"});
  if (!command) return 0;
  const po::variables_map* vm = &command->vm;
  const AnswerFile answers = read_answer_file(required(*vm, "answers", usage));
  Checker checker(command->exercise, command->student);
  const CheckResult result = checker.check(answers);
  std::ostringstream out;
  if (vm->count("json")) write_check_json(out, result);
  else write_check_text(out, result, vm->count("echo") != 0);
  std::cout << out.str();
  return result.all_correct() ? 0 : 1;
}

}  // namespace deltacheck::app
