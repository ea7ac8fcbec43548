// Child processes made one way: fork, a fixed set-up in the child (group, death signal, limits,
// stdin), then a function or execvp.
#include "core/child_process.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define DELTACHECK_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DELTACHECK_ADDRESS_SANITIZER 1
#endif
#endif

namespace deltacheck {

bool memory_limits_apply() {
#ifdef DELTACHECK_ADDRESS_SANITIZER
  return false;
#else
  return true;
#endif
}

namespace {

using Clock = std::chrono::steady_clock;

// The children started here and not yet reaped, for KillChildrenOnSignal's handler (which may
// only read plain integers). A full table leaves a child to PR_SET_PDEATHSIG alone. Written only
// by the one thread that starts and reaps children (see child_process.h), so it has no lock.
constexpr int kTableSize = 1024;
volatile std::sig_atomic_t g_children[kTableSize];

void remember(pid_t pid) {
  for (auto& slot : g_children)
    if (slot == 0) {
      slot = pid;
      return;
    }
}

void forget(pid_t pid) {
  for (auto& slot : g_children)
    if (slot == pid) slot = 0;
}

extern "C" void kill_children_and_exit(int signal) {
  for (const auto& slot : g_children) {
    const pid_t pid = slot;
    if (pid > 0) ::kill(-pid, SIGKILL), ::kill(pid, SIGKILL);
  }
  _exit(128 + signal);
}

Clock::time_point deadline_after(double seconds) {
  if (seconds <= 0) return Clock::time_point::max();
  return Clock::now() +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// Writes `code` and `step` to the exec-error pipe (the parent reads why the child did not start)
// and exits.
[[noreturn]] void fail_start(int error_fd, int code) {
  if (error_fd >= 0) {
    const ssize_t ignored = ::write(error_fd, &code, sizeof code);
    (void)ignored;
  }
  _exit(127);
}

// The fixed set-up of every child, run right after fork; on failure reports errno on `error_fd`.
void set_up_child(const ChildOptions& o, pid_t parent, int out_fd, int err_fd, int error_fd) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);     // the parent died before the death signal was armed
  for (auto& slot : g_children) slot = 0;  // the parent's children are not this child's
  for (int s : {SIGINT, SIGTERM, SIGPIPE, SIGCHLD}) std::signal(s, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  const int null = ::open("/dev/null", O_RDONLY);
  if (null < 0 || dup2(null, STDIN_FILENO) < 0) fail_start(error_fd, errno);
  if (null != STDIN_FILENO) ::close(null);
  if (out_fd >= 0 && dup2(out_fd, STDOUT_FILENO) < 0) fail_start(error_fd, errno);
  if (err_fd >= 0 && dup2(err_fd, STDERR_FILENO) < 0) fail_start(error_fd, errno);
  for (int fd :
       {out_fd, err_fd})  // only as 1 and 2, so that the parent sees the end when the child ends
    if (fd > STDERR_FILENO) ::close(fd);
  if (o.memory_bytes > 0 && memory_limits_apply()) {
    const rlimit limit{static_cast<rlim_t>(o.memory_bytes), static_cast<rlim_t>(o.memory_bytes)};
    if (setrlimit(RLIMIT_AS, &limit) != 0) fail_start(error_fd, errno);
  }
  if (!o.directory.empty() && chdir(o.directory.c_str()) != 0) fail_start(error_fd, errno);
  for (const auto& [name, value] : o.environment)
    if (setenv(name.c_str(), value.c_str(), 1) != 0) fail_start(error_fd, errno);
}

[[noreturn]] void run_body(const std::function<int()>& body) {
  int code = kChildExceptionExit;
  try {
    code = body();
  } catch (const std::bad_alloc&) {
    code = kChildOutOfMemoryExit;
  } catch (...) {
    code = kChildExceptionExit;
  }
  _exit(code);
}

[[noreturn]] void run_program_image(const std::vector<std::string>& argv, int error_fd) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  fail_start(error_fd, errno);
}

// Reads the errno a child sent before exec, or 0 when exec closed the pipe (it started).
int read_start_errno(int fd) {
  int code = 0;
  for (;;) {
    const ssize_t n = ::read(fd, &code, sizeof code);
    if (n < 0 && errno == EINTR) continue;
    return n == static_cast<ssize_t>(sizeof code) ? code : 0;
  }
}

}  // namespace

std::string ChildResult::describe() const {
  std::ostringstream s;
  switch (end) {
    case End::exited:
      s << "exited with status " << exit_code;
      break;
    case End::signalled:
      s << "was killed by signal " << signal << " (" << strsignal(signal) << ")";
      break;
    case End::timed_out:
      s << "took longer than its time limit and was stopped";
      break;
    case End::not_started:
      s << "could not be started: " << error;
      break;
  }
  if (out_of_memory) s << ", out of memory";
  return s.str();
}

namespace detail {

Child start_child(const std::function<int()>& body, const std::vector<std::string>* argv,
                  const ChildOptions& options, int out_fd, int err_fd) {
  int error_pipe[2] = {-1, -1};
  if (argv && pipe2(error_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) {
    const int e = errno;
    close_fd(error_pipe[0]), close_fd(error_pipe[1]);
    throw std::runtime_error(std::string("fork: ") + std::strerror(e));
  }
  if (pid == 0) {
    close_fd(error_pipe[0]);
    set_up_child(options, parent, out_fd, err_fd, error_pipe[1]);
    if (argv) run_program_image(*argv, error_pipe[1]);
    run_body(body);
  }
  setpgid(pid, pid);  // also here, so that the group exists before the caller may kill it
  Child child;
  child.pid_ = pid;
  child.memory_bytes_ = memory_limits_apply() ? options.memory_bytes : 0;
  child.function_ = argv == nullptr;
  remember(pid);
  if (argv) {
    close_fd(error_pipe[1]);
    child.start_errno_ = read_start_errno(error_pipe[0]);
    close_fd(error_pipe[0]);
    if (child.start_errno_ != 0) {
      child.start_error_ = (*argv)[0] + ": " + std::strerror(child.start_errno_);
      child.kill();
    }
  }
  return child;
}

}  // namespace detail

Child::Child(Child&& other) noexcept { *this = std::move(other); }

Child& Child::operator=(Child&& other) noexcept {
  if (this != &other) {
    kill();
    pid_ = std::exchange(other.pid_, -1);
    memory_bytes_ = other.memory_bytes_;
    function_ = other.function_;
    start_errno_ = other.start_errno_;
    start_error_ = std::move(other.start_error_);
  }
  return *this;
}

Child::~Child() { kill(); }

ChildResult Child::finish(int status) {
  forget(pid_);
  pid_ = -1;
  ChildResult r;
  if (start_errno_ != 0) {
    r.start_errno = start_errno_;
    r.error = start_error_;
    return r;
  }
  if (WIFEXITED(status)) {
    r.end = ChildResult::End::exited;
    r.exit_code = WEXITSTATUS(status);
    r.out_of_memory = function_ && r.exit_code == kChildOutOfMemoryExit;
  } else if (WIFSIGNALED(status)) {
    r.end = ChildResult::End::signalled;
    r.signal = WTERMSIG(status);
    r.out_of_memory =
        memory_bytes_ > 0 && (r.signal == SIGABRT || r.signal == SIGSEGV || r.signal == SIGBUS);
  }
  return r;
}

ChildResult Child::kill() {
  if (pid_ < 0) {
    ChildResult r;
    r.start_errno = start_errno_;
    r.error = start_error_;
    return r;
  }
  ::kill(-pid_, SIGKILL);
  ::kill(pid_, SIGKILL);
  return reap();
}

ChildResult Child::reap() {
  int status = 0;
  pid_t reaped;
  while ((reaped = waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
  }
  if (reaped == pid_) return finish(status);
  // Reaped elsewhere (SIGCHLD ignored, or a wait of someone else's): how it ended is unknown.
  start_errno_ = errno;
  start_error_ = std::string("the child's end could not be learned: ") + std::strerror(errno);
  return finish(0);
}

ChildResult Child::wait(double seconds) {
  if (pid_ < 0) return kill();
  const Clock::time_point deadline = deadline_after(seconds < 0 ? 0 : std::max(seconds, 1e-9));
  auto pause = std::chrono::microseconds(200);
  for (;;) {
    // WNOWAIT leaves the child a zombie, so its group id cannot be reused while the rest of the
    // group is killed.
    siginfo_t info{};
    const int flags = WEXITED | WNOWAIT | (seconds < 0 ? 0 : WNOHANG);
    if (waitid(P_PID, static_cast<id_t>(pid_), &info, flags) < 0) {
      if (errno == EINTR) continue;
      return kill();  // not our child any more: nothing to wait for
    }
    if (info.si_pid == pid_) {
      ::kill(-pid_, SIGKILL);  // what it left running in its group
      return reap();
    }
    if (Clock::now() >= deadline) {
      ChildResult r = kill();
      r.end = ChildResult::End::timed_out;
      return r;
    }
    std::this_thread::sleep_for(std::min<Clock::duration>(pause, deadline - Clock::now()));
    pause = std::min(pause * 2, std::chrono::microseconds(20000));
  }
}

Child spawn_function(const std::function<int()>& body, const ChildOptions& options) {
  return detail::start_child(body, nullptr, options, -1, -1);
}

Child spawn_program(const std::vector<std::string>& argv, const ChildOptions& options) {
  if (argv.empty()) throw std::invalid_argument("spawn_program: an empty argv");
  return detail::start_child({}, &argv, options, -1, -1);
}

namespace {

// One captured stream: its pipe's read end, what was kept, and how much may be.
struct Capture {
  int fd = -1;
  std::string* into = nullptr;
  std::size_t cap = 0;
};

// Reads what `c` has ready; false at its end (or an error). Bytes past the cap are dropped.
bool read_some(Capture& c) {
  char chunk[1 << 16];
  const ssize_t n = ::read(c.fd, chunk, sizeof chunk);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  if (n <= 0) return false;
  const std::size_t room = c.cap > c.into->size() ? c.cap - c.into->size() : 0;
  c.into->append(chunk, std::min(room, static_cast<std::size_t>(n)));
  return true;
}

// Reads both streams until they end or the deadline passes (true when it passed).
bool read_until_end(Capture (&streams)[2], Clock::time_point deadline) {
  for (;;) {
    pollfd fds[2];
    nfds_t n = 0;
    for (const Capture& c : streams)
      if (c.fd >= 0) fds[n++] = {c.fd, POLLIN, 0};
    if (n == 0) return false;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return true;
    if (::poll(fds, n, static_cast<int>(std::min<long long>(left, 1000))) < 0 && errno != EINTR)
      return false;
    for (nfds_t i = 0; i < n; ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      for (Capture& c : streams)
        if (c.fd == fds[i].fd && !read_some(c)) close_fd(c.fd);
    }
  }
}

ChildResult run_child(const std::function<int()>& body, const std::vector<std::string>* argv,
                      const ChildOptions& options) {
  const Clock::time_point deadline = deadline_after(options.seconds);
  const auto seconds_left = [&] {
    return options.seconds <= 0
               ? -1.0
               : std::max(1e-9, std::chrono::duration<double>(deadline - Clock::now()).count());
  };
  if (!options.capture)
    return detail::start_child(body, argv, options, -1, -1).wait(seconds_left());
  int out[2], err[2];
  if (pipe2(out, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(err, O_CLOEXEC) != 0) {
    close_fd(out[0]), close_fd(out[1]);
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ChildResult result;
  Child child;
  try {
    child = detail::start_child(body, argv, options, out[1], err[1]);
  } catch (...) {
    for (int* fd : {&out[0], &out[1], &err[0], &err[1]}) close_fd(*fd);
    throw;
  }
  close_fd(out[1]), close_fd(err[1]);
  std::string captured_out, captured_err;
  Capture streams[2] = {{out[0], &captured_out, options.capture_bytes},
                        {err[0], &captured_err, options.capture_bytes}};
  const bool late = read_until_end(streams, deadline);
  for (Capture& c : streams) close_fd(c.fd);
  if (late) {
    result = child.kill();
    result.end = ChildResult::End::timed_out;
  } else {
    result = child.wait(seconds_left());
  }
  result.out = std::move(captured_out);
  result.err = std::move(captured_err);
  return result;
}

}  // namespace

ChildResult run_function(const std::function<int()>& body, const ChildOptions& options) {
  return run_child(body, nullptr, options);
}

ChildResult run_program(const std::vector<std::string>& argv, const ChildOptions& options) {
  if (argv.empty()) throw std::invalid_argument("run_program: an empty argv");
  return run_child({}, &argv, options);
}

std::string find_program(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

KillChildrenOnSignal::KillChildrenOnSignal() {
  struct sigaction action {};
  action.sa_handler = kill_children_and_exit;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &saved_int_);
  sigaction(SIGTERM, &action, &saved_term_);
}

KillChildrenOnSignal::~KillChildrenOnSignal() {
  sigaction(SIGINT, &saved_int_, nullptr);
  sigaction(SIGTERM, &saved_term_, nullptr);
}

}  // namespace deltacheck
