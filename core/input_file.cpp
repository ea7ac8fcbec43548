// Bounded, non-blocking reading of input files, with the reason for a refusal.
#include "core/input_file.h"

#include <optional>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.h"
#include "core/text.h"

namespace deltacheck {

namespace {

// Closes the descriptor however the read ends.
struct Descriptor {
  int fd;
  ~Descriptor() {
    if (fd >= 0) close(fd);
  }
};

[[noreturn]] void refuse(const std::string& path, const InputFileRule& rule,
                         const std::string& why) {
  throw UserError(SourceLocation{path, 0, 0, ""},
                  std::string("cannot read the ") + rule.what + ": " + why);
}

// What a file that is not a regular file is, for the message; nothing for a regular file or an
// allowed pipe.
std::optional<std::string> unreadable_kind(mode_t mode, const InputFileRule& rule) {
  if (S_ISREG(mode) || (S_ISFIFO(mode) && rule.pipe_allowed)) return std::nullopt;
  if (S_ISDIR(mode)) return "it is a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, which may never end";
  if (S_ISFIFO(mode)) return "it is a named pipe, which may never end";
  if (S_ISSOCK(mode)) return "it is a socket";
  return "it is not a regular file";
}

void check_kind(const std::string& path, const InputFileRule& rule, const struct stat& st) {
  if (const auto kind = unreadable_kind(st.st_mode, rule))
    refuse(path, rule, *kind + "; give the path of a regular file");
}

[[noreturn]] void refuse_size(const std::string& path, const InputFileRule& rule) {
  throw UserError(SourceLocation{path, 0, 0, ""},
                  std::string("the ") + rule.what + " is larger than " +
                      bytes_text(rule.max_bytes) + ": " + rule.holds);
}

// A pipe opened without blocking: a first read that finds no data and no writer means that no
// program will ever write to it. Then reads may block, as they do on <(command).
void wait_for_writer(int fd, const std::string& path, const InputFileRule& rule,
                     std::string& content) {
  char byte;
  ssize_t n;
  do n = read(fd, &byte, 1);
  while (n < 0 && errno == EINTR);
  if (n == 0) refuse(path, rule, "it is a pipe that no program writes to");
  if (n < 0 && errno != EAGAIN) refuse(path, rule, std::strerror(errno));
  if (n == 1) content += byte;
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
}

void read_bounded(int fd, const std::string& path, const InputFileRule& rule,
                  std::string& content) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) refuse(path, rule, std::strerror(errno));
    if (n == 0) return;
    content.append(buffer, static_cast<std::size_t>(n));
    if (content.size() > rule.max_bytes) refuse_size(path, rule);
  }
}

}  // namespace

std::string read_input_file(const std::string& path, const InputFileRule& rule) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) refuse(path, rule, std::strerror(errno));
  check_kind(path, rule, st);  // before open(2): opening a device may itself do something
  const Descriptor file{open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  if (file.fd < 0) refuse(path, rule, std::strerror(errno));
  if (fstat(file.fd, &st) != 0) refuse(path, rule, std::strerror(errno));
  check_kind(path, rule, st);  // it may have been replaced between stat and open
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > rule.max_bytes)
    refuse_size(path, rule);
  std::string content;
  if (S_ISFIFO(st.st_mode)) wait_for_writer(file.fd, path, rule, content);
  read_bounded(file.fd, path, rule, content);
  return content;
}

}  // namespace deltacheck
