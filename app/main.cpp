// The deltacheck command: picks the subcommand, and is the one place that prints errors.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/command_line.h"
#include "core/error.h"
#include "core/text_escape.h"

namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>&);
};

const Subcommand kSubcommands[] = {
    {"derive", "the forward equations and every gradient of a network, derived with GiNaC",
     deltacheck::app::run_derive},
    {"gradient", "loss and gradient at a point, by backprop at N digits",
     deltacheck::app::run_gradient},
    {"verify", "symbolic, backprop and finite differences agree to the last digits",
     deltacheck::app::run_verify},
    {"check", "the verdict on every part of a student's answer file, with the mistake named",
     deltacheck::app::run_check},
    {"template", "an answer file to fill in for an exercise", deltacheck::app::run_template},
    {"grade", "a whole class: scores, gradebook, Gradescope results, what the class got wrong",
     deltacheck::app::run_grade},
    {"train",
     "train a network (the optimizers and regularisers of the notes) and plot what happens",
     deltacheck::app::run_train},
    {"report", "the worked solution of an exercise as PDF, LaTeX or Markdown",
     deltacheck::app::run_report},
    {"list", "the built-in exercises", deltacheck::app::run_list},
    {"show", "one exercise as a student reads it (statement, network, numbers, parts)",
     deltacheck::app::run_show},
    {"serve", "the exercises in a web page, each line previewed as typed, checked on request",
     deltacheck::app::run_serve},
};

void print_help(std::ostream& out) {
  out << "usage: deltacheck COMMAND [options]   (deltacheck COMMAND --help for each)\n\n"
         "deltacheck teaches backpropagation: it derives a network's equations, checks students' derivations\n"
         "exactly, grades classes, trains networks and writes worked solutions.\n\ncommands:\n";
  for (const Subcommand& s : kSubcommands)
    out << "  " << s.name << std::string(10 - std::string(s.name).size(), ' ') << s.summary << "\n";
  out << "\nexample:\n  deltacheck derive --net \"3 relu:2 sigmoid:2 sigmoid:1\" --loss squared\n";
}

// The error as printed: the message on one line whatever user text it quotes (a key, a file
// name with a newline or an escape sequence in it), then the quoted line and its caret, which
// UserError::formatted already shows safely.
std::string shown(const deltacheck::UserError& e) {
  const std::string message = e.what();
  return deltacheck::printable(message) + e.formatted().substr(message.size());
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "deltacheck 0.1.0\n";
    return 0;
  }
  for (const Subcommand& s : kSubcommands) {
    if (args[0] != s.name) continue;
    try {
      return s.run(std::vector<std::string>(args.begin() + 1, args.end()));
    } catch (const deltacheck::UserError& e) {
      std::cerr << "deltacheck: " << shown(e) << "\n";
      return 2;
    } catch (const std::bad_alloc&) {
      std::cerr << "deltacheck: out of memory\n";
      return 2;
    } catch (const std::exception& e) {
      std::cerr << "deltacheck: internal error: " << deltacheck::printable(e.what()) << "\n";
      return 2;
    }
  }
  std::cerr << "deltacheck: unknown command '" << deltacheck::printable(args[0])
            << "' (deltacheck --help lists the commands)\n";
  return 2;
}
