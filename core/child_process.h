// Child processes: a function or a program (by argv, never a shell) run with a time limit, a memory
// limit, its own process group, and killed with its parent.
//
// Threads: children are started, waited for and killed from one thread of a process only. A
// fork from a threaded process copies the calling thread alone, and a lock another thread held
// (malloc's, a sanitizer's) stays held in the child; so the threaded server never forks, it
// hands its requests to a one-threaded fork server (core/fork_server.h). The table of children
// that KillChildrenOnSignal reads is therefore written by one thread and needs no lock.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <signal.h>
#include <sys/types.h>

namespace deltacheck {

/// The exit status of a function child that ran out of memory (std::bad_alloc escaped it).
constexpr int kChildOutOfMemoryExit = 86;
/// The exit status of a function child from which another exception escaped.
constexpr int kChildExceptionExit = 70;

/// False in a build with AddressSanitizer, whose shadow memory takes terabytes of address
/// space: there ChildOptions::memory_bytes is ignored (no limit). True otherwise.
bool memory_limits_apply();

/// How a child is made. Every child gets stdin from /dev/null, its own process group, and
/// SIGKILL when its parent dies (PR_SET_PDEATHSIG, then a check that the parent still lives);
/// SIGINT, SIGTERM and SIGPIPE are reset to their default actions in it.
struct ChildOptions {
  double seconds = 0;  // wall-clock limit for run_*; 0: none
  std::size_t memory_bytes =
      0;                 // address-space limit (RLIMIT_AS); 0: inherited (see memory_limits_apply)
  bool capture = false;  // run_*: stdout and stderr into ChildResult (else inherited)
  std::size_t capture_bytes =
      1 << 20;            // kept of each captured stream; the rest is read and dropped
  std::string directory;  // the working directory of the child; "": the parent's
  std::vector<std::pair<std::string, std::string>>
      environment;  // variables set (replaced) in the child
};

/// How a child ended.
struct ChildResult {
  enum class End { exited, signalled, timed_out, not_started };
  End end = End::not_started;
  int exit_code = -1;          // End::exited: the exit status
  int signal = 0;              // End::signalled: the signal
  bool out_of_memory = false;  // the memory limit was hit, as far as can be told (see Child::wait)
  std::string out, err;  // captured output (ChildOptions::capture), each at most capture_bytes
  std::string error;  // End::not_started: why (exec failed, or the end could not be learned), with
                      // errno's text
  int start_errno = 0;  // End::not_started: the errno (ENOENT: no such program)
  /// True when the child exited with status 0.
  bool ok() const { return end == End::exited && exit_code == 0; }
  /// One line for a message: "exited with status 3", "killed by signal 9", "took longer than ...".
  std::string describe() const;
};

class Child;
namespace detail {
/// Forks a child that runs `body` (argv == nullptr) or executes *argv, its stdout and stderr on
/// `out_fd` and `err_fd` when these are >= 0. See spawn_function and spawn_program.
Child start_child(const std::function<int()>& body, const std::vector<std::string>* argv,
                  const ChildOptions& options, int out_fd, int err_fd);
}  // namespace detail

/// A started child. Owns it: the destructor kills its process group and reaps it. Move-only.
class Child {
 public:
  Child() = default;
  Child(Child&& other) noexcept;
  Child& operator=(Child&& other) noexcept;
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child();

  /// The child's pid (also its process group id), or -1 once reaped or when not started.
  pid_t pid() const { return pid_; }
  /// Waits for the child to end, at most `seconds` (< 0: without limit), and reaps it; when
  /// the time is up its whole process group is killed (End::timed_out). Whatever the child
  /// left running in its group is killed too. EINTR-safe. Under a memory limit, a function
  /// child's std::bad_alloc, or death by SIGABRT, SIGSEGV or SIGBUS (how GMP and the stack
  /// fail), is reported as out_of_memory.
  ChildResult wait(double seconds = -1);
  /// Kills the child's process group (SIGKILL) and reaps it; End::signalled unless it had
  /// already ended. Does nothing for a reaped child.
  ChildResult kill();

 private:
  friend Child detail::start_child(const std::function<int()>& body,
                                   const std::vector<std::string>* argv,
                                   const ChildOptions& options, int out_fd, int err_fd);
  ChildResult finish(int status);
  ChildResult reap();
  pid_t pid_ = -1;
  std::size_t memory_bytes_ = 0;
  bool function_ = false;  // a function child (its exit codes mean what kChild...Exit say)
  int start_errno_ = 0;    // why it did not start (a program that could not be executed)
  std::string start_error_;
};

/// Forks a child that runs `body` and exits with what it returns (kChildOutOfMemoryExit for
/// std::bad_alloc, kChildExceptionExit for another exception; never returns into the
/// caller's code, never runs atexit handlers). `options.seconds` and `capture` are not used
/// (the caller waits). Cost: one fork. Throws std::runtime_error when fork fails.
Child spawn_function(const std::function<int()>& body, const ChildOptions& options);

/// Starts the program argv[0] (found on PATH as execvp does) with the arguments exactly as
/// given: no shell, so quotes, spaces and $(...) are literal. A program that cannot be
/// started gives End::not_started from wait(), with the errno. `options.seconds` and
/// `capture` are not used. Throws std::invalid_argument for an empty argv.
Child spawn_program(const std::vector<std::string>& argv, const ChildOptions& options);

/// Runs `body` in a child (see spawn_function) and waits for it within `options.seconds`,
/// capturing its output when asked. Blocks for at most the time limit (plus the reaping).
ChildResult run_function(const std::function<int()>& body, const ChildOptions& options);

/// Runs a program by argv (see spawn_program) and waits for it within `options.seconds`,
/// capturing its output when asked. Blocks for at most the time limit (plus the reaping).
ChildResult run_program(const std::vector<std::string>& argv, const ChildOptions& options);

/// The path of an executable `program` on PATH ("/usr/bin:/bin" when PATH is unset), or ""
/// when there is none. Cost: one access() per PATH entry.
std::string find_program(const std::string& program);

/// While an object of this type lives, SIGINT or SIGTERM sent to this process kills the
/// process group of every child started here that has not been reaped (SIGKILL), then ends
/// the process with status 128 + the signal (130, 143). Restores the previous handlers when
/// destroyed. One at a time; not for multithreaded processes.
class KillChildrenOnSignal {
 public:
  KillChildrenOnSignal();
  ~KillChildrenOnSignal();
  KillChildrenOnSignal(const KillChildrenOnSignal&) = delete;
  KillChildrenOnSignal& operator=(const KillChildrenOnSignal&) = delete;

 private:
  struct sigaction saved_int_ {
  }, saved_term_{};
};

}  // namespace deltacheck
