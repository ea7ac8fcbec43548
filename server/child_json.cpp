// A request's work in a limited child of the fork server: the request, then the reply as
// "STATUS\nCONTENT-TYPE\nBODY", in one memfd.
#include "server/child_json.h"

#include <cerrno>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

#include "core/child_process.h"
#include "core/text.h"

namespace deltacheck::server {

namespace {

// Writes all of `text` to `fd` from offset 0, and cuts the file there; false on an error.
bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::pwrite(fd, text.data() + done, text.size() - done, done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return ::ftruncate(fd, static_cast<off_t>(text.size())) == 0;
}

// What `fd` holds from offset 0, at most `cap` + 1 bytes.
std::string read_all(int fd, std::size_t cap) {
  std::string text;
  char chunk[1 << 16];
  while (text.size() <= cap) {
    const ssize_t n = ::pread(fd, chunk, sizeof chunk, static_cast<off_t>(text.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(chunk, static_cast<std::size_t>(n));
  }
  return text;
}

// The reply the child wrote, or 500 when it wrote none that parses.
Reply parse_reply(const std::string& text) {
  const auto first = text.find('\n');
  const auto second = first == std::string::npos ? first : text.find('\n', first + 1);
  if (second == std::string::npos || text.size() > kMaxReplyBytes)
    return error_reply(500, "the checking process sent no reply");
  Reply r;
  r.status = std::atoi(text.substr(0, first).c_str());
  r.content_type = text.substr(first + 1, second - first - 1);
  r.body = text.substr(second + 1);
  return r;
}

// The reply for a child that did not end well.
Reply failure_reply(const ChildResult& ended, const ChildLimits& limits) {
  std::ostringstream seconds;
  seconds << limits.seconds;
  if (ended.end == ChildResult::End::timed_out)
    return error_reply(422, "not checked: checking took longer than the limit of " + seconds.str() +
                                " s; shorten the answers");
  if (ended.out_of_memory)
    return error_reply(422, "not checked: checking needed more than " +
                                bytes_text(limits.memory_bytes) +
                                " of memory; shorten the answers");
  return error_reply(500, "the checking process " + ended.describe());
}

// The child's body: the request from `fd`, the reply written over it.
int answer_request(const ChildRunner::Work& work, int fd) {
  const Reply r = work(read_all(fd, std::size_t{64} << 20));
  return write_all(fd, std::to_string(r.status) + "\n" + r.content_type + "\n" + r.body) ? 0 : 1;
}

}  // namespace

ChildRunner::ChildRunner(Work work, const ChildLimits& limits) : limits_(limits) {
  ChildOptions options;
  options.seconds = limits.seconds;
  options.memory_bytes = limits.memory_bytes;
  forks_ = std::make_unique<ForkServer>(
      [work = std::move(work)](int fd) { return answer_request(work, fd); }, options);
}

Reply ChildRunner::run(const std::string& request) const {
  const int fd = memfd_create("deltacheck-request", MFD_CLOEXEC);
  if (fd < 0) return error_reply(500, std::string("memfd_create: ") + std::strerror(errno));
  if (!write_all(fd, request)) {
    ::close(fd);
    return error_reply(500, std::string("writing the request: ") + std::strerror(errno));
  }
  const ChildResult ended = forks_->run(fd);
  const std::string text = ended.ok() ? read_all(fd, kMaxReplyBytes) : "";
  ::close(fd);
  return ended.ok() ? parse_reply(text) : failure_reply(ended, limits_);
}

}  // namespace deltacheck::server
