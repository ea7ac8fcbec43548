// The exercises a server offers: the built-in library or one folder's YAML files, each loaded,
// prepared for checking and described once, before any request.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "exercises/judge/checker.h"
#include "exercises/model/exercise.h"

namespace deltacheck::server {

/// Most exercises one folder may hold.
constexpr std::size_t kMaxCatalogExercises = 500;

/// One exercise offered: its checker, prepared at startup (derivation, sample points, truth)
/// so that each request's child starts from it, and its JSON for the default student.
struct CatalogEntry {
  std::unique_ptr<Checker> checker;
  std::string json;  // exercise_json_text(exercise, "")
  std::string svg;   // network_svg, or "" for a symbolic exercise
  const Exercise& exercise() const { return checker->exercise(); }
};

/// The exercises by id. Built in one thread before serving (it uses GiNaC); afterwards only
/// read, and the GiNaC objects it holds are touched only in child processes.
class ExerciseCatalog {
 public:
  /// Prepares every exercise; throws UserError for two with the same id, or what Checker throws.
  /// Cost: one Checker per exercise (about 10 ms for Q1).
  explicit ExerciseCatalog(std::vector<Exercise> exercises);

  /// The built-in library.
  static ExerciseCatalog library();
  /// Every *.yaml and *.yml file of `folder` (not its subfolders), in name order. Throws
  /// UserError for a folder that cannot be read, holds none or more than
  /// kMaxCatalogExercises, or a file that is not an exercise (file, line, column).
  static ExerciseCatalog folder(const std::string& folder);

  /// The exercise with this id, or nullptr: ids are looked up, never read as paths.
  const CatalogEntry* find(const std::string& id) const;
  /// The list, exactly as `deltacheck list --json` prints it for these exercises.
  const std::string& list_json() const { return list_json_; }
  /// The ids, sorted.
  std::vector<std::string> ids() const;

 private:
  std::map<std::string, CatalogEntry> entries_;
  std::string list_json_;
};

}  // namespace deltacheck::server
