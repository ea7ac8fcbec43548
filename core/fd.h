// Writing to a file descriptor (a pipe or a file) without losing data to signals.
#pragma once

#include <string_view>

namespace deltacheck {

/// Writes all of `data` to `fd`, retrying after EINTR and after short writes. False when a
/// write fails (errno says why; EPIPE when the other end of a pipe is gone). Blocks like write(2).
bool write_all(int fd, std::string_view data);

}  // namespace deltacheck
