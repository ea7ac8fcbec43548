// Writing the answer template: comments that explain, keys that are ready to fill in.
#include "reports/answer_template.h"

#include <sstream>

#include "reports/exercise_writer.h"
#include "reports/inline_math.h"

namespace deltacheck {

void write_answer_template(std::ostream& out, const Exercise& ex, const std::string& student) {
  out << "# " << ex.id << ": " << plain_prose(ex.title) << "\n#\n";
  std::istringstream statement(plain_prose(ex.statement));
  for (std::string line; std::getline(statement, line);) out << "#   " << line << "\n";
  out << "#\n";
  for (const std::string& line : exercise_notes(ex, student))
    out << "#" << (line.empty() ? "" : " " + line) << "\n";
  out << "# Write one KEY = EXPRESSION per line; a line ending in \\ continues on the next; # starts a comment.\n"
      << "# Check with: deltacheck check " << ex.id << " THIS_FILE"
      << (student.empty() ? "" : " --student " + student) << "\n";
  std::string section;
  for (const Part& p : ex.parts) {
    const bool backward = p.kind == PartKind::equation &&
                          (p.equation.gradient || p.equation.quantity.kind == QuantityKind::delta);
    const std::string s = p.kind == PartKind::symbolic ? "Parts"
                          : p.kind == PartKind::update ? "After one gradient-descent step"
                          : backward                   ? "Backward pass"
                                                       : "Forward pass";
    if (s != section) out << "\n# " << (section = s) << "\n";
    out << "\n# " << plain_prose(describe_part(p, ex)) << " (" << p.points
        << (p.points == 1 ? " point" : " points") << ")\n"
        << p.answer_key << " = \n";
  }
}

}  // namespace deltacheck
