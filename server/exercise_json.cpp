// One exercise as the page shows it, from the same writers as `show` and `template`.
#include "server/exercise_json.h"

#include <sstream>

#include "reports/answer_template.h"
#include "reports/exercise_writer.h"

namespace deltacheck::server {

nlohmann::ordered_json exercise_json(const Exercise& ex, const std::string& student) {
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  for (const Part& p : ex.parts)
    parts.push_back({{"key", p.answer_key}, {"points", p.points}, {"ask", describe_part(p, ex)}});
  std::ostringstream answer_template;
  write_answer_template(answer_template, ex, student);
  nlohmann::ordered_json network = nullptr;
  if (ex.kind() != ExerciseKind::symbolic)
    network = {{"spec", ex.net().spec()}, {"loss", loss_name(ex.net().loss)}};
  return {{"id", ex.id},
          {"title", ex.title},
          {"kind", kind_name(ex.kind())},
          {"statement", ex.statement},
          {"notes", exercise_notes(ex, student)},
          {"parts", parts},
          {"max_score", ex.max_score()},
          {"template", answer_template.str()},
          {"student", student},
          {"network", network}};
}

std::string exercise_json_text(const Exercise& ex, const std::string& student) {
  return exercise_json(ex, student)
             .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

}  // namespace deltacheck::server
