// Atomic file replacement with rename(2), and directory creation.
#include "reports/atomic_file.h"

#include <filesystem>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "core/fd.h"

namespace deltacheck {

namespace {

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  throw UserError(SourceLocation{path, 0, 0, ""}, "cannot write the file: " + why);
}

// What the existing non-regular file is, for the message.
std::string kind_of(mode_t mode) {
  if (S_ISLNK(mode)) return "a symbolic link, which is never followed";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "not a regular file";
}

}  // namespace

void check_output_path(const std::string& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return;
    refuse(path, std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode))
    refuse(path,
           "it is " + kind_of(st.st_mode) + "; give the path of a regular file or of a new one");
  if ((st.st_mode & 0222) == 0 || access(path.c_str(), W_OK) != 0)
    refuse(path, "it is read-only; make it writable (chmod u+w) or give another path");
}

void write_file_atomically(const std::string& path, const std::string& content) {
  check_output_path(path);
  struct stat existing;
  const bool replaces = stat(path.c_str(), &existing) == 0;
  const std::string temporary = path + ".tmp-" + std::to_string(getpid());
  const auto fail = [&](const std::string& what) {
    const std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    throw UserError(SourceLocation{path, 0, 0, ""}, "cannot " + what + ": " + reason);
  };
  std::remove(temporary.c_str());  // a leftover (or a planted link) is removed, never followed
  const int fd =
      open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) fail("create the file");
  if (replaces && fchmod(fd, existing.st_mode & 0777) != 0) {
    close(fd);
    fail("keep the permissions of the file");
  }
  if (!write_all(fd, content)) {
    close(fd);
    fail("write the file");
  }
  if (fsync(fd) != 0) {
    close(fd);
    fail("write the file");
  }
  if (close(fd) != 0) fail("write the file");
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail("replace the file");
}

void make_directories(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error)
    throw UserError(SourceLocation{path, 0, 0, ""},
                    "cannot create the directory: " + error.message());
  struct stat st;
  if (stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw UserError(SourceLocation{path, 0, 0, ""}, "not a directory");
}

}  // namespace deltacheck
