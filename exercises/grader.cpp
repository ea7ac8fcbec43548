// Grading: submissions found and read defensively, then checked by a pool of forked workers with a time limit each.
#include "exercises/grader.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>
#include <memory>
#include <sstream>

#include <dirent.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/utf8.h"
#include "exercises/check_result_json.h"

namespace deltacheck {

namespace {

bool is_directory(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_regular(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The entries of a directory, sorted, without hidden ones; throws UserError when it cannot be read.
std::vector<std::string> entries(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (!d) throw UserError(SourceLocation{dir, 0, 0, ""}, std::string("cannot list the directory: ") + std::strerror(errno));
  std::vector<std::string> names;
  while (const dirent* e = readdir(d))
    if (e->d_name[0] != '.') names.push_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

std::string stem(const std::string& path) {
  const std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
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

// Why `content` is not an answer file, or "".
std::string text_fault(const std::string& content) {
  if (content.find_first_not_of(" \t\r\n") == std::string::npos) return "the submission is empty";
  if (content.find('\0') != std::string::npos) return "the submission is a binary file, not a text file of KEY = EXPRESSION lines";
  int line = 1;
  for (std::size_t i = 0; i < content.size();) {
    const std::size_t n = utf8_sequence_length(content, i);
    if (n == 0) return "the submission is not UTF-8 text (line " + std::to_string(line) + ")";
    line += content[i] == '\n';
    i += n;
  }
  return "";
}

// Writes all of `data`; false when the other end is gone.
bool write_all(int fd, const std::string& data) {
  for (std::size_t done = 0; done < data.size();) {
    const ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

using Clock = std::chrono::steady_clock;

// One worker process: reads task numbers (one per line), answers one JSON line per task.
struct Worker {
  pid_t pid = -1;
  int to = -1, from = -1;
  std::string buffer;
  long task = -1;
  Clock::time_point started;
};

[[noreturn]] void work(const Exercise& ex, const std::vector<Submission>& submissions, int in, int out) {
  std::unique_ptr<Checker> shared;
  std::string pending;
  char chunk[256];
  for (;;) {
    const std::size_t newline = pending.find('\n');
    if (newline == std::string::npos) {
      const ssize_t n = read(in, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) _exit(0);
      pending.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    const std::size_t task = std::stoul(pending.substr(0, newline));
    pending.erase(0, newline + 1);
    if (!shared && ex.kind() != ExerciseKind::numeric) shared = std::make_unique<Checker>(ex);
    StudentGrade g;
    try {
      g = grade_submission(ex, submissions[task], shared.get());
    } catch (const std::exception& e) {  // e.g. a numeric exercise whose values cannot be drawn
      g.fault = std::string("grading failed: ") + e.what();
      g.result = ungraded(ex, g.fault);
    }
    nlohmann::json line = check_result_json(g.result);
    line["fault"] = g.fault;
    if (!write_all(out, line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n")) _exit(0);
  }
}

class Pool {
 public:
  Pool(const Exercise& ex, const std::vector<Submission>& submissions) : ex_(ex), submissions_(submissions) {}
  ~Pool() {
    for (Worker& w : workers_) stop(w, false);
  }

  Worker spawn() {
    int to[2], from[2];
    if (pipe(to) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    if (pipe(from) != 0) {
      close(to[0]), close(to[1]);
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    }
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid == 0) {
      for (const Worker& other : workers_) close(other.to), close(other.from);
      close(to[1]);
      close(from[0]);
      work(ex_, submissions_, to[0], from[1]);
    }
    close(to[0]);
    close(from[1]);
    Worker w;
    w.pid = pid;
    w.to = to[1];
    w.from = from[0];
    return w;
  }

  void stop(Worker& w, bool kill_it) {
    if (w.pid < 0) return;
    close(w.to);
    close(w.from);
    if (kill_it) kill(w.pid, SIGKILL);
    waitpid(w.pid, nullptr, 0);
    w.pid = -1;
  }

  std::vector<Worker> workers_;

 private:
  const Exercise& ex_;
  const std::vector<Submission>& submissions_;
};

}  // namespace

// A student's folder: the one regular file in it, or the fault.
Submission folder_submission(const std::string& student, const std::string& path) {
  Submission s{student, "", ""};
  std::vector<std::string> files;
  try {
    for (const std::string& f : entries(path))
      if (is_regular(path + "/" + f)) files.push_back(path + "/" + f);
  } catch (const UserError& e) {
    s.fault = e.message();
  }
  if (s.fault.empty() && files.size() == 1) s.path = files[0];
  else if (s.fault.empty()) s.fault = files.empty() ? "the folder holds no answer file" : "the folder holds " + std::to_string(files.size()) + " files; put the answers in one";
  return s;
}

std::vector<Submission> submissions_in(const std::string& dir) {
  std::vector<Submission> out;
  for (const std::string& name : entries(dir)) {
    const std::string path = dir + "/" + name;
    if (is_directory(path)) {
      out.push_back(folder_submission(name, path));
    } else if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) {
      out.push_back({name.substr(0, name.size() - 4), path, ""});
    }
  }
  std::sort(out.begin(), out.end(), [](const Submission& a, const Submission& b) { return a.student < b.student; });
  return out;
}

std::vector<Submission> submissions_from(const std::vector<std::string>& paths) {
  std::vector<Submission> out;
  for (std::string p : paths) {
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    out.push_back(is_directory(p) ? folder_submission(stem(p), p) : Submission{stem(p), p, ""});
  }
  std::sort(out.begin(), out.end(), [](const Submission& a, const Submission& b) { return a.student < b.student; });
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i].student == out[i - 1].student)
      throw UserError("two submissions of student '" + out[i].student + "': " + out[i - 1].path + " and " + out[i].path);
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
      g.fault = text_fault(content);
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

std::vector<StudentGrade> grade_all(const Exercise& ex, const std::vector<Submission>& submissions, const GradeOptions& options) {
  std::vector<StudentGrade> results(submissions.size());
  std::vector<bool> done(submissions.size(), false);
  std::size_t finished = 0, next = 0;
  const auto finish = [&](std::size_t task, StudentGrade g) {
    results[task] = std::move(g);
    done[task] = true;
    ++finished;
    if (options.progress) options.progress(finished, submissions.size());
  };
  const auto fault = [&](std::size_t task, const std::string& reason) {
    StudentGrade g;
    g.student = submissions[task].student;
    g.fault = reason;
    g.result = ungraded(ex, reason);
    finish(task, std::move(g));
  };
  // A worker writing to a pipe whose reader was killed must not kill the grader.
  struct sigaction ignore {}, saved {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &saved);
  Pool pool(ex, submissions);
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(submissions.size())));
  for (int i = 0; i < jobs; ++i) pool.workers_.push_back(pool.spawn());
  const auto limit = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds_each));
  const auto assign = [&](Worker& w) {
    if (next >= submissions.size()) return;
    w.task = static_cast<long>(next++);
    w.started = Clock::now();
    if (!write_all(w.to, std::to_string(w.task) + "\n")) w.started = Clock::time_point::min();  // dead: handled below
  };
  for (Worker& w : pool.workers_) assign(w);
  while (finished < submissions.size()) {
    std::vector<pollfd> fds;
    Clock::time_point deadline = Clock::time_point::max();
    for (const Worker& w : pool.workers_) {
      fds.push_back({w.from, POLLIN, 0});
      if (w.task >= 0) deadline = std::min(deadline, w.started + limit);
    }
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait + 1, 0, 1000)));
    for (std::size_t i = 0; i < pool.workers_.size(); ++i) {
      Worker& w = pool.workers_[i];
      bool dead = false;
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char chunk[1 << 16];
        const ssize_t n = read(w.from, chunk, sizeof chunk);
        if (n > 0) w.buffer.append(chunk, static_cast<std::size_t>(n));
        else if (!(n < 0 && errno == EINTR)) dead = true;
      }
      const std::size_t newline = w.buffer.find('\n');
      if (newline != std::string::npos && w.task >= 0) {
        const nlohmann::json doc = nlohmann::json::parse(w.buffer.substr(0, newline));
        w.buffer.erase(0, newline + 1);
        StudentGrade g;
        g.student = submissions[w.task].student;
        g.result = check_result_from_json(doc);
        g.fault = doc.at("fault").get<std::string>();
        finish(static_cast<std::size_t>(w.task), std::move(g));
        w.task = -1;
        assign(w);
        continue;
      }
      const bool late = w.task >= 0 && Clock::now() - w.started > limit;
      if (!dead && !late) continue;
      // Abandon this worker: its submission gets 0 with the reason, a new worker goes on.
      if (w.task >= 0) {
        std::ostringstream seconds;
        seconds << options.seconds_each;
        fault(static_cast<std::size_t>(w.task), late ? "grading took longer than the limit of " + seconds.str() + " s"
                                                      : "grading this submission failed: the grader stopped");
      }
      pool.stop(w, true);
      w = pool.spawn();
      assign(w);
    }
  }
  sigaction(SIGPIPE, &saved, nullptr);
  return results;
}

}  // namespace deltacheck
