// The built-in exercise library, compiled into the binary from exercises/library/*.yaml (see
// CMakeLists.txt).
#pragma once

#include <cstddef>

namespace deltacheck {

/// One YAML file of the library: its file name and its text.
struct LibraryFile {
  const char* name;
  const char* text;
};

/// The library's files, sorted by name (generated at configure time).
extern const LibraryFile kLibraryFiles[];
/// How many there are.
extern const std::size_t kLibraryFileCount;

}  // namespace deltacheck
