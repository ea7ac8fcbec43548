// Text and JSON renderings of a gradient.
#include "reports/gradient_writer.h"

#include <nlohmann/json.hpp>

#include "core/names.h"

namespace deltacheck {

void write_gradient(std::ostream& out, const Network& net, unsigned digits, const GradientText& g,
                    bool json) {
  const std::vector<Quantity> params = parameters(net);
  if (json) {
    nlohmann::ordered_json doc;
    doc["net"] = net.spec();
    doc["loss"] = loss_name(net.loss);
    doc["digits"] = digits;
    doc["loss_value"] = g.loss;
    nlohmann::ordered_json grad = nlohmann::ordered_json::object();
    for (size_t i = 0; i < params.size(); ++i)
      grad[quantity_name(params[i], net, NameStyle::separated)] = g.gradient[i];
    doc["gradient"] = grad;
    out << doc.dump(2) << "\n";
    return;
  }
  out << "L = " << g.loss << "\n";
  for (size_t i = 0; i < params.size(); ++i)
    out << "dL/d" << quantity_name(params[i], net) << " = " << g.gradient[i] << "\n";
}

}  // namespace deltacheck
