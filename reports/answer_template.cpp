// Writing the answer template: comments that explain, keys that are ready to fill in.
#include "reports/answer_template.h"

#include <sstream>

namespace deltacheck {

void write_answer_template(std::ostream& out, const Exercise& ex) {
  const Network& net = ex.net;
  out << "# " << ex.id << ": " << ex.title << "\n#\n";
  std::istringstream statement(ex.statement);
  for (std::string line; std::getline(statement, line);) out << "#   " << line << "\n";
  out << "#\n# network: \"" << net.spec() << "\", loss: " << loss_name(net.loss) << "\n"
      << "# Names: inputs x1, targets y (y1, y2 .. with several outputs), weights w{l}_{jk} (w2_11 or w2_1_1:\n"
      << "# from unit k of layer l-1 to unit j of layer l), biases b{l}_{j}, pre-activations z{l}_{j},\n"
      << "# activations a{l}_{j} (a0_k = xk), output yhat.";
  if (ex.allow_deltas) out << " Deltas delta{l}_{j} = dL/dz{l}_{j} may be used.";
  out << "\n# Functions: sigmoid, relu, step, tanh, exp, log, sqrt, cosh, sinh, abs. Operators + - * / ^ and ( ).\n"
      << "# Write one KEY = EXPRESSION per line; a line ending in \\ continues on the next; # starts a comment.\n"
      << "# Check with: deltacheck check " << ex.id << " THIS_FILE\n";
  bool forward = false, backward = false;
  for (const Part& p : ex.parts) {
    const bool is_backward = p.key.gradient || p.key.quantity.kind == QuantityKind::delta;
    if (!is_backward && !forward) out << "\n# Forward pass\n", forward = true;
    if (is_backward && !backward) out << "\n# Backward pass\n", backward = true;
    out << "\n# " << describe_part(p.key, net) << " (" << p.points << (p.points == 1 ? " point" : " points") << ")\n"
        << ex.key_text(p.key) << " = \n";
  }
}

}  // namespace deltacheck
