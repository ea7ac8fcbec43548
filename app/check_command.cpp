// deltacheck check: the verdict on every part of a student's answer file.
#include <iostream>
#include <sstream>

#include "app/check_report.h"
#include "app/command_line.h"
#include "core/child_process.h"
#include "core/error.h"
#include "core/text.h"
#include "exercises/grade/check_result_json.h"
#include "exercises/grade/grader.h"
#include "exercises/judge/checker.h"
#include "reports/check_writer.h"

namespace po = boost::program_options;

namespace deltacheck::app {

namespace {

/// The most a checking child may send back: the JSON of a result, which quotes at most every
/// line of an answer file (8 MiB) a few times over.
constexpr std::size_t kCheckResultBytes = std::size_t{64} << 20;

// The checking child's body: one JSON document on stdout, {"result": ...} or the user error
// it met as {"error": {"file", "line", "column", "source_line", "message"}}.
int check_in_child(Checker& checker, const AnswerFile& answers) {
  nlohmann::ordered_json doc;
  try {
    doc["result"] = check_result_json(checker.check(answers));
  } catch (const UserError& e) {
    const SourceLocation& at = e.where();
    doc["error"] = {{"file", at.file},
                    {"line", at.line},
                    {"column", at.column},
                    {"source_line", at.source_line},
                    {"message", e.message()}};
  }
  std::cout << doc.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
            << std::flush;
  return 0;
}

// The result the child sent, or its user error thrown again here.
CheckResult result_from_child(const std::string& text, const std::string& answers_path) {
  const nlohmann::json doc = nlohmann::json::parse(text);
  if (doc.contains("error")) {
    const nlohmann::json& e = doc["error"];
    const SourceLocation at{e.at("file").get<std::string>(), e.at("line").get<int>(),
                            e.at("column").get<int>(), e.at("source_line").get<std::string>()};
    throw UserError(at, e.at("message").get<std::string>());
  }
  CheckResult result = check_result_from_json(doc.at("result"));
  result.answers = answers_path;  // the JSON does not carry the path
  return result;
}

// Checks `answers` in a child process within --time-limit and --memory-limit; over either
// limit, a UserError that says which and what to do.
CheckResult check_within_limits(Checker& checker, const AnswerFile& answers,
                                const po::variables_map& vm) {
  ChildOptions limits;
  limits.seconds = time_limit_from(vm);
  limits.memory_bytes = memory_limit_from(vm);
  limits.capture = true;
  limits.capture_bytes = kCheckResultBytes;
  const KillChildrenOnSignal stop_child_too;
  const ChildResult ended = run_function([&] { return check_in_child(checker, answers); }, limits);
  std::ostringstream seconds;
  seconds << limits.seconds;
  if (ended.end == ChildResult::End::timed_out)
    throw UserError(SourceLocation{answers.path, 0, 0, ""},
                    "not checked: checking took longer than the limit of " + seconds.str() +
                        " s (--time-limit); shorten the answers or allow more time");
  if (ended.out_of_memory)
    throw UserError(SourceLocation{answers.path, 0, 0, ""},
                    "not checked: checking needed more than " + bytes_text(limits.memory_bytes) +
                        " of memory (--memory-limit); shorten the answers or allow more memory");
  if (!ended.ok() || ended.out.size() >= kCheckResultBytes)
    throw std::runtime_error("the checking process " +
                             (ended.ok() ? std::string("sent too much") : ended.describe()));
  return result_from_child(ended.out, answers.path);
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  const Usage usage{
      "check",
      "deltacheck check EXERCISE ANSWERS [--student ID] [--json] [--echo] [--time-limit S] [--memory-limit SIZE] [--report FILE.pdf|.tex|.md [--solutions]]",
      "Checks every part of an answer file (KEY = EXPRESSION lines; deltacheck template EXERCISE\n"
      "writes one) against the exercise: correct, incorrect (with the mistake named), carried\n"
      "(wrong only through a wrong definition of yours it uses; part credit), incomplete (right\n"
      "but still in chain-rule factors), invalid (cannot be read: file, line, column and what to\n"
      "write) or missing; then the score. Definitions and chain steps are shown under the part\n"
      "that uses them.\n"
      "Checking runs in a child process within --time-limit and --memory-limit; over either, nothing\n"
      "is checked and the reason is one line on stderr. Exit status: 0 when every part is correct,\n"
      "1 when not, 2 when the files cannot be read or a limit was passed.",
      "deltacheck check assign-q1-squared answers.txt --echo"};
  po::options_description options("options");
  options.add_options()("answers", po::value<std::string>()->value_name("ANSWERS"),
                        "the answer file")(
      "json", "print the JSON of docs/DESIGN.md §6 instead of a table")(
      "echo", "show how each answer was read, e.g. 1/2*a as (1/2)*a");
  add_report_options(options);
  add_limit_options(options, "seconds the checking may take",
                    "memory (address space) of the checking: 512M, 1G, or MiB as a plain number");
  const auto command = parse_exercise_command(usage, options, args, {"answers"});
  if (!command) return 0;
  const po::variables_map* vm = &command->vm;
  if (vm->count("report")) report_path(*vm);
  const AnswerFile answers = read_answer_file(required(*vm, "answers", usage));
  Checker checker(command->exercise, command->student);
  const CheckResult result = check_within_limits(checker, answers, *vm);
  std::ostringstream out;
  if (vm->count("json"))
    write_check_json(out, result);
  else
    write_check_text(out, result, vm->count("echo") != 0);
  std::cout << out.str();
  if (vm->count("report") && !write_feedback_report(*vm, command->exercise, result, command->student))
    return 2;
  return result.all_correct() ? 0 : 1;
}

}  // namespace deltacheck::app
