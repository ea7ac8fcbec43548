// Writing a file whole or not at all, so a crash or kill never leaves half a gradebook.
#pragma once

#include <string>

namespace deltacheck {

/// Writes `content` to PATH.tmp-PID, flushes it to disk, then renames it over `path`; a file
/// replaced keeps its permissions. Only a regular file is replaced (see check_output_path).
/// Throws UserError naming the path when any step fails (the temporary file is removed).
void write_file_atomically(const std::string& path, const std::string& content);

/// Throws UserError naming `path` unless a file may be written there: `path` is missing, or
/// is a regular file that its owner may write (mode has a write bit) and this process may
/// write. A symbolic link, named pipe, device, socket or folder is refused (never followed or
/// replaced), and so is a read-only file. Cheap: callers may check before long work.
void check_output_path(const std::string& path);

/// Creates directory `path` (and its parents) when missing; throws UserError when it cannot.
void make_directories(const std::string& path);

}  // namespace deltacheck
