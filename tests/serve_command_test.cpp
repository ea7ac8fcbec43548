// deltacheck serve's command line and its catalog: options refused with one line, a folder of
// exercises served instead of the library.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/error.h"
#include "run_command.h"
#include "server/exercise_catalog.h"

using namespace deltacheck;

namespace {

// A fresh folder `name` in the scratch folder, holding `files` copied from the library.
std::string folder_of(const std::string& name, const std::vector<std::string>& files) {
  const std::filesystem::path dir = testing::scratch(name);
  std::filesystem::create_directories(dir);
  for (const std::string& f : files)
    std::filesystem::copy_file(std::string(DELTACHECK_SOURCE_DIR) + "/exercises/library/" + f,
                               dir / f, std::filesystem::copy_options::overwrite_existing);
  return dir.string();
}

}  // namespace

TEST_CASE("serve command: bad options are one line each, before anything is served", "[serve]") {
  testing::check_user_error("serve --port 70000", "--port must be from 0 to 65535");
  testing::check_user_error("serve --jobs -1", "--jobs must be from 1 to 256");
  testing::check_user_error("serve --max-body 0", "--max-body must be from 1 to 8192");
  testing::check_user_error("serve --time-limit 0", "--time-limit");
  testing::check_user_error("serve --exercises " + folder_of("serve_empty", {}),
                            "no exercise files (*.yaml) here");
}

TEST_CASE("serve command: --exercises DIR serves that folder's exercises, ids unique", "[serve]") {
  const server::ExerciseCatalog catalog =
      server::ExerciseCatalog::folder(folder_of("serve_one", {"assign-q1-squared.yaml"}));
  CHECK(catalog.ids() == std::vector<std::string>{"assign-q1-squared"});
  CHECK(catalog.find("assign-q1-squared") != nullptr);
  CHECK(catalog.find("numeric-q2-step") == nullptr);  // the library is not served beside it
  const std::string twice = folder_of("serve_twice", {"assign-q1-squared.yaml"});
  std::filesystem::copy_file(twice + "/assign-q1-squared.yaml", twice + "/copy.yaml",
                             std::filesystem::copy_options::overwrite_existing);
  CHECK_THROWS_WITH(server::ExerciseCatalog::folder(twice),
                    Catch::Contains("two exercises have the id 'assign-q1-squared'"));
}
