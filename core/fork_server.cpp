// The fork server: requests arrive as file descriptors over a socket pair; each is run in a child
// forked from the one-threaded server, and how it ended goes back through a pipe of the request.
#include "core/fork_server.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace deltacheck {

namespace {

using Clock = std::chrono::steady_clock;

// How a child ended, as the fork server sends it back: a fixed size, written at once.
struct Outcome {
  int end = static_cast<int>(ChildResult::End::not_started);
  int exit_code = -1, signal = 0, out_of_memory = 0, start_errno = 0;
  char error[200] = {};
};

// One request's child in the fork server.
struct Running {
  Child child;
  int answer = -1;  // the write end of the request's pipe for its Outcome
  int pidfd = -1;   // readable once the child has ended (-1 where the kernel has no pidfd)
  Clock::time_point deadline;
};

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Sends how the child ended on `answer` and closes it.
void send_outcome(int& answer, const ChildResult& r) {
  Outcome o;
  o.end = static_cast<int>(r.end);
  o.exit_code = r.exit_code;
  o.signal = r.signal;
  o.out_of_memory = r.out_of_memory;
  o.start_errno = r.start_errno;
  std::strncpy(o.error, r.error.c_str(), sizeof o.error - 1);
  ssize_t n;
  while ((n = ::write(answer, &o, sizeof o)) < 0 && errno == EINTR) {
  }
  close_fd(answer);
}

// Receives one request: its memfd and the write end of its answer pipe. False when the socket
// has ended (the program closed its end); a malformed message is dropped (fds closed, -1 given).
bool receive(int socket, int& fd, int& answer) {
  fd = answer = -1;
  char byte = 0;
  iovec io{&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(2 * sizeof(int))];
  msghdr msg{};
  msg.msg_iov = &io;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  const ssize_t n = ::recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
  if (n < 0) return errno == EINTR || errno == EAGAIN;
  if (n == 0) return false;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) continue;
    const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
    int fds[2] = {-1, -1};
    std::memcpy(fds, CMSG_DATA(c), std::min<std::size_t>(count, 2) * sizeof(int));
    if (count == 2) {
      fd = fds[0], answer = fds[1];
    } else {
      close_fd(fds[0]), close_fd(fds[1]);
    }
  }
  return true;
}

// True once the child has ended (it stays a zombie until waited for).
bool has_ended(const Running& r) {
  siginfo_t info{};
  return waitid(P_PID, static_cast<id_t>(r.child.pid()), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
         info.si_pid == r.child.pid();
}

// Starts the child of the request in `fd` (closed here: the child has it).
void start(std::vector<Running>& running, int socket, int fd, int answer,
           const ForkServer::Body& body, const ChildOptions& options) {
  Running r;
  r.answer = answer;
  r.deadline = options.seconds > 0
                   ? Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(options.seconds))
                   : Clock::time_point::max();
  try {
    r.child = spawn_function(
        [&] {
          ::close(socket), ::close(answer);  // the child holds only its own request
          for (const Running& other : running) ::close(other.answer), ::close(other.pidfd);
          return body(fd);
        },
        options);
  } catch (const std::exception& e) {
    ChildResult failed;
    failed.error = e.what();
    send_outcome(r.answer, failed);
    ::close(fd);
    return;
  }
  ::close(fd);
  r.pidfd = static_cast<int>(::syscall(SYS_pidfd_open, r.child.pid(), 0));
  if (r.pidfd >= 0) ::fcntl(r.pidfd, F_SETFD, FD_CLOEXEC);
  running.push_back(std::move(r));
}

// How long to sleep in poll: until the nearest deadline, at most 5 ms where a child has no pidfd.
int poll_timeout(const std::vector<Running>& running) {
  Clock::time_point nearest = Clock::time_point::max();
  bool blind = false;
  for (const Running& r : running) nearest = std::min(nearest, r.deadline), blind |= r.pidfd < 0;
  long long ms = -1;
  if (nearest != Clock::time_point::max())
    ms = std::max<long long>(
        0,
        std::chrono::duration_cast<std::chrono::milliseconds>(nearest - Clock::now()).count() + 1);
  if (blind) ms = ms < 0 ? 5 : std::min<long long>(ms, 5);
  return static_cast<int>(std::min<long long>(ms, 1000));
}

// Answers every child that has ended or is over its time; keeps the others.
void finish_ended(std::vector<Running>& running) {
  const Clock::time_point now = Clock::now();
  for (auto r = running.begin(); r != running.end();) {
    ChildResult ended;
    if (has_ended(*r)) {
      ended = r->child.wait();
    } else if (now >= r->deadline) {
      ended = r->child.kill();
      ended.end = ChildResult::End::timed_out;
    } else {
      ++r;
      continue;
    }
    send_outcome(r->answer, ended);
    close_fd(r->pidfd);
    r = running.erase(r);
  }
}

// The fork server's loop: until the program closes its end of `socket`. The children still
// running then are killed as `running` is destroyed.
int serve_requests(int socket, const ForkServer::Body& body, const ChildOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);  // an answer pipe whose reader is gone is that request's end
  std::vector<Running> running;
  std::vector<pollfd> fds;
  for (;;) {
    fds.assign(1, pollfd{socket, POLLIN, 0});
    for (const Running& r : running)
      if (r.pidfd >= 0) fds.push_back({r.pidfd, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), poll_timeout(running)) < 0 && errno != EINTR) return 1;
    finish_ended(running);
    if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
    int fd = -1, answer = -1;
    if (!receive(socket, fd, answer)) return 0;
    if (fd >= 0) start(running, socket, fd, answer, body, options);
  }
}

}  // namespace

ForkServer::ForkServer(Body body, const ChildOptions& options) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0)
    throw std::runtime_error(std::string("socketpair: ") + std::strerror(errno));
  try {
    server_ = spawn_function(
        [&] {
          ::close(pair[0]);
          return serve_requests(pair[1], body, options);
        },
        ChildOptions{});
  } catch (...) {
    ::close(pair[0]), ::close(pair[1]);
    throw;
  }
  ::close(pair[1]);
  socket_ = pair[0];
}

ForkServer::~ForkServer() {
  close_fd(socket_);  // the server sees the end, kills its children and exits
  server_.wait(2.0);  // or is killed
}

ChildResult ForkServer::run(int fd) {
  ChildResult result;
  int answer[2];
  if (::pipe2(answer, O_CLOEXEC) != 0) {
    result.error = std::string("pipe: ") + std::strerror(errno);
    return result;
  }
  char byte = 'r';
  iovec io{&byte, 1};
  alignas(cmsghdr) char control[CMSG_SPACE(2 * sizeof(int))] = {};
  msghdr msg{};
  msg.msg_iov = &io;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  cmsghdr* c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(2 * sizeof(int));
  const int fds[2] = {fd, answer[1]};
  std::memcpy(CMSG_DATA(c), fds, sizeof fds);
  ssize_t sent;
  {
    const std::lock_guard<std::mutex> lock(sending_);
    while ((sent = ::sendmsg(socket_, &msg, MSG_NOSIGNAL)) < 0 && errno == EINTR) {
    }
  }
  ::close(answer[1]);
  Outcome o;
  ssize_t got = -1;
  if (sent == 1)
    while ((got = ::read(answer[0], &o, sizeof o)) < 0 && errno == EINTR) {
    }
  ::close(answer[0]);
  if (got != static_cast<ssize_t>(sizeof o)) {
    result.error = "the fork server is gone";
    return result;
  }
  result.end = static_cast<ChildResult::End>(o.end);
  result.exit_code = o.exit_code;
  result.signal = o.signal;
  result.out_of_memory = o.out_of_memory != 0;
  result.start_errno = o.start_errno;
  result.error = o.error;
  return result;
}

}  // namespace deltacheck
