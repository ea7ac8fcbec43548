// Writing a file whole or not at all, so a crash or kill never leaves half a gradebook.
#pragma once

#include <string>

namespace deltacheck {

/// Writes `content` to PATH.tmp-PID, flushes it to disk, then renames it over `path`.
/// Throws UserError naming the path when any step fails (the temporary file is removed).
void write_file_atomically(const std::string& path, const std::string& content);

/// Creates directory `path` (and its parents) when missing; throws UserError when it cannot.
void make_directories(const std::string& path);

}  // namespace deltacheck
