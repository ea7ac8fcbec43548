// Atomic file replacement with rename(2), and directory creation.
#include "reports/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"

namespace deltacheck {

void write_file_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp-" + std::to_string(getpid());
  const auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    throw UserError(SourceLocation{path, 0, 0, ""}, "cannot " + what + ": " + reason);
  };
  const int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("create the file");
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      fail("write the file");
    }
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) {
    close(fd);
    fail("write the file");
  }
  if (close(fd) != 0) fail("write the file");
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail("replace the file");
}

void make_directories(const std::string& path) {
  for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string prefix = slash == std::string::npos ? path : path.substr(0, slash);
    if (!prefix.empty() && mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST)
      throw UserError(SourceLocation{prefix, 0, 0, ""}, std::string("cannot create the directory: ") + std::strerror(errno));
    if (slash == std::string::npos) break;
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) throw UserError(SourceLocation{path, 0, 0, ""}, "not a directory");
}

}  // namespace deltacheck
