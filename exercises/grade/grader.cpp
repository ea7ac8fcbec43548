// Grading: submissions found and read defensively, then checked by a pool of worker processes with
// a time and memory limit each.
#include "exercises/grade/grader.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <dirent.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/child_process.h"
#include "core/fd.h"
#include "core/text.h"
#include "core/utf8.h"
#include "exercises/grade/grade_wire.h"

namespace deltacheck {

namespace {

namespace fs = std::filesystem;

bool is_directory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The entries of a directory, sorted, "." and ".." left out; throws UserError when it cannot be
// read.
std::vector<std::string> entries(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d)
    throw UserError(SourceLocation{dir, 0, 0, ""},
                    std::string("cannot list the directory: ") + std::strerror(errno));
  std::vector<std::string> names;
  while (const dirent* e = readdir(d))
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
      names.push_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

// What an entry of a class folder is, judged from metadata only (nothing is opened).
enum class EntryKind { file, folder, link_out, special, missing };

// The kind of `path`; a link counts as what it leads to when that lies inside `root` (canonical).
EntryKind entry_kind(const std::string& path, const fs::path& root) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return EntryKind::missing;
  if (S_ISLNK(st.st_mode)) {
    std::error_code error;
    const fs::path target = fs::canonical(path, error);
    const auto inside =
        std::mismatch(root.begin(), root.end(), target.begin(), target.end()).first == root.end();
    if (error || !inside || stat(target.c_str(), &st) != 0) return EntryKind::link_out;
  }
  if (S_ISREG(st.st_mode)) return EntryKind::file;
  if (S_ISDIR(st.st_mode)) return EntryKind::folder;
  return EntryKind::special;
}

// Why a file of kind `k` cannot be a submission ("" when it can).
std::string kind_fault(EntryKind k) {
  if (k == EntryKind::link_out) return "a link out of the class folder";
  if (k == EntryKind::special)
    return "the submission is not a regular file (a named pipe, device or socket): it was not opened";
  if (k == EntryKind::missing) return "the submission vanished while the class folder was read";
  return "";
}

bool ends_with_txt(const std::string& name, bool any_case) {
  if (name.size() <= 4) return false;
  std::string end = name.substr(name.size() - 4);
  if (any_case)
    std::transform(end.begin(), end.end(), end.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return end == ".txt";
}

std::string stem(const std::string& path) {
  const std::string name =
      path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  const auto dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// Every part 0 with the reason: the result of a submission that could not be graded.
CheckResult ungraded(const Exercise& ex, const std::string& reason) {
  CheckResult r;
  r.exercise = ex.id;
  for (const Part& p : ex.parts) {
    PartResult part;
    part.key = p.answer_key;
    part.verdict = Verdict::invalid;
    part.feedback = "not graded: " + reason;
    part.max_score = p.points;
    r.parts.push_back(part);
    r.max_score += p.points;
  }
  r.problems.push_back(reason);
  return r;
}

// Why `content` is not an answer file; nothing when it is one.
std::optional<std::string> text_fault(const std::string& content) {
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) return "the submission is empty";
  if (content.find('\0') != std::string::npos)
    return "the submission is a binary file, not a text file of KEY = EXPRESSION lines";
  int line = 1;
  for (std::size_t i = 0; i < content.size();) {
    const std::size_t n = utf8_sequence_length(content, i);
    if (n == 0) return "the submission is not UTF-8 text (line " + std::to_string(line) + ")";
    line += content[i] == '\n';
    i += n;
  }
  return std::nullopt;
}

using Clock = std::chrono::steady_clock;

// A student's folder: the one file in it (hidden ones aside), or the fault.
Submission folder_submission(const std::string& student, const std::string& path,
                             const fs::path& root) {
  Submission s{student, "", "", path};
  std::vector<std::pair<std::string, EntryKind>> files;
  try {
    for (const std::string& f : entries(path)) {
      const EntryKind k = entry_kind(path + "/" + f, root);
      if (f[0] != '.' && k != EntryKind::folder) files.emplace_back(path + "/" + f, k);
    }
  } catch (const UserError& e) {
    s.fault = e.message();
  }
  if (!s.fault.empty()) return s;
  if (files.size() == 1) {
    s.fault = kind_fault(files[0].second);
    if (s.fault.empty()) s.path = files[0].first;
  } else {
    s.fault = files.empty() ? "the folder holds no answer file"
                            : "the folder holds " + std::to_string(files.size()) +
                                  " files; put the answers in one";
  }
  return s;
}

// One entry of a class folder: a submission added to `out`, or the reason it is skipped.
std::optional<std::string> take_entry(const std::string& dir, const std::string& name,
                                      const fs::path& root, std::vector<Submission>& out) {
  if (name[0] == '.') return "a hidden file";
  const std::string path = dir + "/" + name;
  const EntryKind k = entry_kind(path, root);
  if (k == EntryKind::folder) {
    out.push_back(folder_submission(name, path, root));
  } else if (ends_with_txt(name, false) && k != EntryKind::missing) {
    out.push_back(
        {name.substr(0, name.size() - 4), k == EntryKind::file ? path : "", kind_fault(k), path});
  } else if (k == EntryKind::link_out && is_directory(path)) {
    out.push_back({name, "", kind_fault(k), path});  // a student's folder that is a link out
  } else if (ends_with_txt(name, true)) {
    return "not a .txt file (the extension must be lower case: rename it '" +
           name.substr(0, name.size() - 4) + ".txt')";
  } else {
    return "not a .txt file or a folder";
  }
  return std::nullopt;
}

// Throws UserError naming both entries when two submissions are of the same student; `sorted` by
// student.
void refuse_same_student(const std::vector<Submission>& sorted) {
  for (std::size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i].student == sorted[i - 1].student)
      throw UserError("two submissions of student '" + sorted[i].student +
                      "': " + sorted[i - 1].source + " and " + sorted[i].source + "; keep one");
}

void sort_by_student(std::vector<Submission>& submissions) {
  std::stable_sort(submissions.begin(), submissions.end(),
                   [](const Submission& a, const Submission& b) { return a.student < b.student; });
}

}  // namespace

ClassFolder submissions_in(const std::string& dir) {
  ClassFolder folder;
  const std::vector<std::string> names = entries(dir);
  std::error_code error;
  const fs::path root = fs::canonical(dir, error);
  if (error)
    throw UserError(SourceLocation{dir, 0, 0, ""}, "cannot list the directory: " + error.message());
  for (const std::string& name : names) {
    if (const auto reason = take_entry(dir, name, root, folder.submissions))
      folder.skipped.push_back({name, *reason});
  }
  sort_by_student(folder.submissions);
  refuse_same_student(folder.submissions);
  return folder;
}

std::vector<Submission> submissions_from(const std::vector<std::string>& paths) {
  std::vector<Submission> out;
  for (std::string p : paths) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    out.push_back(is_directory(p) ? folder_submission(stem(p), p, fs::weakly_canonical(p))
                                  : Submission{stem(p), p, "", p});
  }
  sort_by_student(out);
  refuse_same_student(out);
  return out;
}

StudentGrade grade_submission(const Exercise& ex, const Submission& s, Checker* shared) {
  StudentGrade g;
  g.student = s.student;
  g.fault = s.fault;
  std::string content;
  if (g.fault.empty()) {
    try {
      content = read_answer_text(s.path);
      g.fault = text_fault(content).value_or("");
    } catch (const UserError& e) {
      g.fault = e.message();
    }
  }
  if (!g.fault.empty()) {
    g.result = ungraded(ex, g.fault);
    return g;
  }
  const AnswerFile file = parse_answer_file(content, s.path);
  if (shared) {
    g.result = shared->check(file, false);
  } else {
    Checker own(ex, s.student);
    g.result = own.check(file, false);
  }
  return g;
}

namespace {

// Grades the tasks (submission numbers, one per line) read from `in`, one grade frame
// (grade_wire.h) per task on `out`, until `in` ends. Runs in a worker process; std::bad_alloc is
// left to end it.
int work(const Exercise& ex, const std::vector<Submission>& submissions, int in, int out) {
  std::unique_ptr<Checker> shared;
  std::string pending;
  char chunk[256];
  for (;;) {
    const std::size_t newline = pending.find('\n');
    if (newline == std::string::npos) {
      const ssize_t n = read(in, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return 0;
      pending.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    const std::size_t task = std::stoul(pending.substr(0, newline));
    pending.erase(0, newline + 1);
    if (!shared && ex.kind() != ExerciseKind::numeric) shared = std::make_unique<Checker>(ex);
    StudentGrade g;
    try {
      g = grade_submission(ex, submissions[task], shared.get());
    } catch (const std::bad_alloc&) {
      throw;                             // the worker ends as out of memory; the grader says so
    } catch (const std::exception& e) {  // e.g. a numeric exercise whose values cannot be drawn
      g.fault = std::string("grading failed: ") + e.what();
      g.result = ungraded(ex, g.fault);
    }
    if (!write_all(out, grade_frame(g))) return 0;
  }
}

// Submissions handed to one worker before it returns the first of them: the next one waits in
// its pipe, so the worker never idles while the grader reads a result.
constexpr std::size_t kTasksInFlight = 2;

// One worker process and its pipes: task numbers go `to` it, results come `from` it.
struct Worker {
  Child child;
  int to = -1, from = -1;
  std::string buffer;
  std::deque<std::size_t> tasks;  // handed to it, in order; the first is being graded
  Clock::time_point started;      // when the first of them started
  std::size_t graded = 0;         // submissions it has returned
};

// The worker processes of one grading and the results they return, in the order of the submissions.
class Pool {
 public:
  Pool(const Exercise& ex, const std::vector<Submission>& submissions, const GradeOptions& options)
      : ex_(ex),
        submissions_(submissions),
        options_(options),
        results_(submissions.size()),
        limit_(std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(options.seconds_each))),
        retried_(submissions.size(), false) {}
  ~Pool() {
    for (Worker& w : workers_) retire(w, false);
  }
  std::vector<StudentGrade> run();

 private:
  Worker spawn();
  bool next_task(std::size_t& task);
  void assign(Worker& w);
  ChildResult retire(Worker& w, bool late);
  void finish(std::size_t task, StudentGrade g);
  bool take_result(Worker& w);
  void serve(Worker& w, short events);
  void replace(Worker& w, bool late);
  int poll_workers(std::vector<pollfd>& fds) const;

  const Exercise& ex_;
  const std::vector<Submission>& submissions_;
  const GradeOptions& options_;
  std::vector<StudentGrade> results_;
  Clock::duration limit_;
  std::vector<Worker> workers_;
  std::size_t finished_ = 0, next_ = 0;
  std::deque<std::size_t> again_;  // handed to a worker that was replaced before grading them
  std::vector<bool> retried_;      // per submission: graded again after its worker stopped
};

Worker Pool::spawn() {
  int to[2], from[2];
  if (pipe(to) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  if (pipe(from) != 0) {
    close(to[0]), close(to[1]);
    throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ChildOptions limits;
  limits.memory_bytes = options_.memory_bytes;
  Worker w;
  try {
    w.child = spawn_function(
        [&] {
          for (const Worker& other : workers_) close(other.to), close(other.from);
          close(to[1]), close(from[0]);
          return work(ex_, submissions_, to[0], from[1]);
        },
        limits);
  } catch (...) {
    close(to[0]), close(to[1]), close(from[0]), close(from[1]);
    throw;
  }
  close(to[0]), close(from[1]);
  w.to = to[1];
  w.from = from[0];
  return w;
}

// The next submission to hand out: one a replaced worker left, else the next new one.
bool Pool::next_task(std::size_t& task) {
  if (!again_.empty()) {
    task = again_.front();
    again_.pop_front();
    return true;
  }
  if (next_ >= submissions_.size()) return false;
  task = next_++;
  return true;
}

// Hands `w` submissions until it has kTasksInFlight.
void Pool::assign(Worker& w) {
  std::size_t task;
  while (w.tasks.size() < kTasksInFlight && next_task(task)) {
    if (w.tasks.empty()) w.started = Clock::now();
    w.tasks.push_back(task);
    write_all(w.to, std::to_string(task) + "\n");  // a worker that is gone shows as the end of
                                                   // its results
  }
}

// Closes the worker's pipes and ends it: killed when `late`, else given a second to end.
ChildResult Pool::retire(Worker& w, bool late) {
  if (w.to >= 0) close(w.to);
  if (w.from >= 0) close(w.from);
  w.to = w.from = -1;
  return late ? w.child.kill() : w.child.wait(1.0);
}

void Pool::finish(std::size_t task, StudentGrade g) {
  results_[task] = std::move(g);
  ++finished_;
  if (options_.progress) options_.progress(finished_, submissions_.size());
}

// Takes a complete grade frame of `w`, if there is one, and gives it its next task. Throws
// BadGradeFrame for a frame not of grade_frame's shape.
bool Pool::take_result(Worker& w) {
  if (w.tasks.empty()) return false;
  std::optional<StudentGrade> g = take_grade_frame(w.buffer);
  if (!g) return false;
  const std::size_t task = w.tasks.front();
  w.tasks.pop_front();
  w.started = Clock::now();
  g->student = submissions_[task].student;
  finish(task, std::move(*g));
  ++w.graded;
  assign(w);
  return true;
}

// Abandons `w` and starts a new worker in its place. The submission it was grading gets 0 with
// the reason, unless the worker had graded others before it: what a worker keeps from earlier
// files (read_memo.h, expression_memo.h) counts against its limits, so such a submission is
// graded once more, first, by the new worker, and its grade never depends on the files before
// it. The other submissions it held go to the next worker free.
void Pool::replace(Worker& w, bool late) {
  const ChildResult ended = retire(w, late);
  const bool again = !w.tasks.empty() && w.graded > 0 && !retried_[w.tasks.front()];
  if (!w.tasks.empty()) {
    const std::size_t task = w.tasks.front();
    again_.insert(again_.begin(), w.tasks.begin() + 1, w.tasks.end());
    if (again) {
      retried_[task] = true;
      again_.push_front(task);
    } else {
      const std::string reason =
          late
              ? "grading took longer than the limit of " + number_text(options_.seconds_each) + " s"
          : ended.out_of_memory ? "the submission needed more than " +
                                      bytes_text(options_.memory_bytes) + " of memory"
                                : "grading this submission failed: the grader stopped";
      StudentGrade g;
      g.student = submissions_[task].student;
      g.fault = reason;
      g.result = ungraded(ex_, reason);
      finish(task, std::move(g));
    }
  }
  w = spawn();
  assign(w);
}

// Reads what `w` sent; takes its results, and replaces the worker when it died or is late.
void Pool::serve(Worker& w, short events) {
  bool dead = false;
  if (events & (POLLIN | POLLHUP | POLLERR)) {
    char chunk[1 << 16];
    const ssize_t n = read(w.from, chunk, sizeof chunk);
    if (n > 0)
      w.buffer.append(chunk, static_cast<std::size_t>(n));
    else if (!(n < 0 && errno == EINTR))
      dead = true;
  }
  try {
    while (take_result(w)) {
    }
  } catch (const BadGradeFrame&) {
    dead = true;  // not what a worker writes: it is treated as one that stopped
  }
  const bool late = !w.tasks.empty() && Clock::now() - w.started > limit_;
  if (dead || late) replace(w, late);
}

// Waits until a worker has something to say or the earliest time limit passes (at most 1 s).
int Pool::poll_workers(std::vector<pollfd>& fds) const {
  fds.clear();
  Clock::time_point deadline = Clock::time_point::max();
  for (const Worker& w : workers_) {
    fds.push_back({w.from, POLLIN, 0});
    if (!w.tasks.empty()) deadline = std::min(deadline, w.started + limit_);
  }
  const auto wait =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait + 1, 0, 1000)));
}

std::vector<StudentGrade> Pool::run() {
  const int jobs = std::max(1, std::min<int>(options_.jobs, static_cast<int>(submissions_.size())));
  for (int i = 0; i < jobs; ++i) workers_.push_back(spawn());
  for (Worker& w : workers_) assign(w);
  std::vector<pollfd> fds;
  while (finished_ < submissions_.size()) {
    if (poll_workers(fds) < 0 && errno != EINTR)
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    for (std::size_t i = 0; i < workers_.size(); ++i) serve(workers_[i], fds[i].revents);
  }
  return std::move(results_);
}

}  // namespace

std::vector<StudentGrade> grade_all(const Exercise& ex, const std::vector<Submission>& submissions,
                                    const GradeOptions& options) {
  if (submissions.empty()) return {};
  // A worker writing to a pipe whose reader was killed must not kill the grader; an
  // interrupted grader takes its workers with it.
  struct sigaction ignore {
  }, saved{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &saved);
  std::vector<StudentGrade> results;
  {
    const KillChildrenOnSignal interrupted;
    Pool pool(ex, submissions, options);
    results = pool.run();
  }
  sigaction(SIGPIPE, &saved, nullptr);
  return results;
}

}  // namespace deltacheck
