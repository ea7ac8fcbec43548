// Loading and preparing the exercises a server offers.
#include "server/exercise_catalog.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "core/error.h"
#include "reports/exercise_writer.h"
#include "server/exercise_json.h"
#include "server/network_svg.h"

namespace deltacheck::server {

namespace fs = std::filesystem;

ExerciseCatalog::ExerciseCatalog(std::vector<Exercise> exercises) {
  std::ostringstream list;
  write_exercise_list(list, exercises, true);
  list_json_ = list.str();
  for (Exercise& ex : exercises) {
    if (entries_.count(ex.id))
      throw UserError(SourceLocation{ex.source, 0, 0, ""},
                      "two exercises have the id '" + ex.id + "': give each its own");
    if (ex.kind() != ExerciseKind::symbolic) check_symbolic_size(ex.net());
    CatalogEntry entry;
    entry.json = exercise_json_text(ex, "");
    if (ex.kind() != ExerciseKind::symbolic) entry.svg = network_svg(ex.net());
    const std::string id = ex.id;
    entry.checker = std::make_unique<Checker>(std::move(ex));
    entries_.emplace(id, std::move(entry));
  }
}

ExerciseCatalog ExerciseCatalog::library() {
  std::vector<Exercise> exercises;
  for (const std::string& id : builtin_exercise_ids()) exercises.push_back(load_exercise(id));
  return ExerciseCatalog(std::move(exercises));
}

ExerciseCatalog ExerciseCatalog::folder(const std::string& folder) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    const std::string ext = it->path().extension().string();
    if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file()) files.push_back(it->path());
    if (files.size() > kMaxCatalogExercises)
      throw UserError(SourceLocation{folder, 0, 0, ""},
                      "more than " + std::to_string(kMaxCatalogExercises) +
                          " exercise files: serve a folder with fewer");
  }
  if (error)
    throw UserError(SourceLocation{folder, 0, 0, ""},
                    "cannot read the folder: " + error.message());
  if (files.empty())
    throw UserError(SourceLocation{folder, 0, 0, ""},
                    "no exercise files (*.yaml) here: give a folder of exercises");
  std::sort(files.begin(), files.end());
  std::vector<Exercise> exercises;
  for (const fs::path& f : files) exercises.push_back(load_exercise(f.string()));
  return ExerciseCatalog(std::move(exercises));
}

const CatalogEntry* ExerciseCatalog::find(const std::string& id) const {
  const auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> ExerciseCatalog::ids() const {
  std::vector<std::string> out;
  for (const auto& [id, entry] : entries_) out.push_back(id);
  return out;
}

}  // namespace deltacheck::server
