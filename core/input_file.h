// Reading an input file whole: regular files only, never blocking, never more than a stated size.
#pragma once

#include <cstddef>
#include <string>

namespace deltacheck {

/// A kind of input file: its name in messages and its size limit.
struct InputFileRule {
  /// What the file is, as in "cannot read the point file" ("point file").
  const char* what;
  /// A larger file is refused before any byte of it is read.
  std::size_t max_bytes;
  /// Why the limit is enough, after "larger than N MiB: " (e.g. "a point names each quantity
  /// once").
  const char* holds;
  /// Also read a pipe that a program writes to, such as <(deltacheck derive ...); a named
  /// pipe that no program has open for writing is still refused.
  bool pipe_allowed = false;
};

/// POINT.json (`gradient --at`): 1 MiB, a few lines per weight of the largest network that
/// the symbolic commands accept.
constexpr InputFileRule kPointFile{"point file", std::size_t{1} << 20,
                                   "a point holds one decimal per input, weight, bias and target"};
/// Trained weights (`train --load`): 64 MiB, room for about two million parameters.
constexpr InputFileRule kWeightsFile{"weights file", std::size_t{64} << 20,
                                     "a weights file holds one number per weight and bias"};
/// A training CSV (`train --data`): 64 MiB, about a million rows of a few columns.
constexpr InputFileRule kDataFile{"data file", std::size_t{64} << 20, "use a sample of the rows"};
/// An exercise YAML: 1 MiB, a hundred times the largest built-in exercise.
constexpr InputFileRule kExerciseFile{"exercise file", std::size_t{1} << 20,
                                      "an exercise is a statement, a network and its parts"};

/// The whole content of the file at `path`. The file is opened without blocking and without
/// following it into a device: a folder, a device (/dev/zero), a socket or a named pipe (unless
/// `rule.pipe_allowed` and a program writes to it) is refused, and so is a file larger than
/// `rule.max_bytes`, before it is read; the read itself stops at the limit if the file grows.
/// Throws UserError naming `path` and saying what to give instead.
std::string read_input_file(const std::string& path, const InputFileRule& rule);

}  // namespace deltacheck
