// Writing to a file descriptor without losing data to signals.
#include "core/fd.h"

#include <cerrno>
#include <cstddef>

#include <unistd.h>

namespace deltacheck {

bool write_all(int fd, std::string_view data) {
  for (std::size_t done = 0; done < data.size();) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace deltacheck
