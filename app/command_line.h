// Shared parsing for the subcommands: Boost.Program_options with one-line errors and --help with an
// example.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "core/network.h"
#include "exercises/model/exercise.h"

namespace deltacheck::app {

/// What a subcommand says about itself in --help.
struct Usage {
  std::string name;      // "derive"
  std::string synopsis;  // "deltacheck derive --net SPEC --loss LOSS [--form ...]"
  std::string summary;   // one paragraph
  std::string example;   // a command that works
};

/// Parses args (after the subcommand name) against `options` (plus --help). Returns nothing
/// when --help was asked for (usage printed to stdout). Throws UserError for an unknown
/// option, a missing value or a bad number, naming the option.
/// With `positional`, bare arguments fill the named options in order (e.g. EXERCISE ANSWERS).
std::optional<boost::program_options::variables_map> parse(
    const Usage& usage, boost::program_options::options_description options,
    const std::vector<std::string>& args,
    const boost::program_options::positional_options_description* positional = nullptr);

/// Adds --net and --loss.
void add_network_options(boost::program_options::options_description& options);
/// The network from --net and --loss; throws UserError when either is missing or bad.
Network network_from(const boost::program_options::variables_map& vm);

/// Adds --exercise ID|FILE (the alternative to --net and --loss).
void add_exercise_option(boost::program_options::options_description& options);
/// The exercise of --exercise, or nothing when it is not given; throws UserError when both
/// --exercise and --net/--loss are given, or the exercise cannot be loaded.
std::optional<Exercise> exercise_from(const boost::program_options::variables_map& vm);

/// Adds --student ID.
void add_student_option(boost::program_options::options_description& options);
/// The value of --student, or "" when it is not given; throws UserError for an empty or
/// unprintable id.
std::string student_from(const boost::program_options::variables_map& vm);

/// A command on one exercise: its options, the exercise loaded, and the student (or "").
struct ExerciseCommand {
  boost::program_options::variables_map vm;
  Exercise exercise;
  std::string student;
};

/// Parses `EXERCISE [NAME...] [--student ID] [options]`: the positional EXERCISE, then the
/// positional `more` (each an option of one value), then loads the exercise. Nothing when
/// --help was asked for; throws UserError for a missing EXERCISE or a bad exercise.
std::optional<ExerciseCommand> parse_exercise_command(
    const Usage& usage, boost::program_options::options_description options,
    const std::vector<std::string>& args, const std::vector<std::string>& more = {});

/// The value of a required positional argument; throws UserError naming it when missing.
std::string required(const boost::program_options::variables_map& vm, const std::string& name,
                     const Usage& usage);

/// The value of --digits, checked to be in [min, max].
unsigned digits_from(const boost::program_options::variables_map& vm, unsigned min, unsigned max);

/// Adds --time-limit S (default 10) and --memory-limit SIZE (default 1G), with `time_help`
/// and `memory_help` as their help lines.
void add_limit_options(boost::program_options::options_description& options, const char* time_help,
                       const char* memory_help);

/// The seconds of --time-limit; throws UserError unless more than 0 and at most 3600.
double time_limit_from(const boost::program_options::variables_map& vm);

/// The bytes of --memory-limit: MiB as a plain number, or with a unit K, M, G (also KiB, MB,
/// ...; all powers of 1024). Throws UserError unless a size from 16M to 1024G.
std::size_t memory_limit_from(const boost::program_options::variables_map& vm);

/// The subcommands, each returning the exit status (docs/DESIGN.md §6: 0, 1, or 2 via UserError).
int run_derive(const std::vector<std::string>& args);
int run_gradient(const std::vector<std::string>& args);
int run_verify(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_template(const std::vector<std::string>& args);
int run_list(const std::vector<std::string>& args);
int run_show(const std::vector<std::string>& args);
int run_grade(const std::vector<std::string>& args);
int run_train(const std::vector<std::string>& args);
int run_report(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);

}  // namespace deltacheck::app
