// Shared pieces of the hostile grading tests: a right answer file, a class folder, processes by
// parent.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <dirent.h>
#include <sys/types.h>

#include "../run_command.h"

namespace deltacheck::testing {

/// The exercise the hostile grading tests use (27 parts).
inline const char* const kHostileExercise = "assign-q1-squared";

/// A right answer file for kHostileExercise (derived once per process).
inline const std::string& right_answers() {
  static const std::string text = run(std::string("derive --exercise ") + kHostileExercise).out;
  return text;
}

/// The start of a student's row in grade's table: the id padded as the table pads it (student
/// ids up to 7 characters), then `score`.
inline std::string table_row(const std::string& student, const std::string& score) {
  return student + std::string(student.size() < 9 ? 9 - student.size() : 2, ' ') + score;
}

/// A fresh, empty folder `name` in the scratch folder.
inline std::string fresh_folder(const std::string& name) {
  const std::string path = scratch(name);
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return path;
}

/// The processes whose parent is `parent`, read from /proc.
inline std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> out;
  DIR* proc = opendir("/proc");
  if (!proc) return out;
  while (const dirent* e = readdir(proc)) {
    const pid_t pid = std::atoi(e->d_name);
    if (pid <= 0) continue;
    std::ifstream stat(std::string("/proc/") + e->d_name + "/stat");
    std::string line;
    if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) continue;
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    char state = 0;
    pid_t ppid = 0;
    rest >> state >> ppid;
    if (ppid == parent && state != 'Z') out.push_back(pid);
  }
  closedir(proc);
  return out;
}

/// True while `pid` is a live process (a zombie counts as gone).
inline bool is_alive(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line) || line.rfind(')') == std::string::npos) return false;
  return line.size() > line.rfind(')') + 2 && line[line.rfind(')') + 2] != 'Z';
}

}  // namespace deltacheck::testing
