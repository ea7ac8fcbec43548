// The parameter layout shared by every instantiation of the backprop.
#include "solver/backprop.h"

namespace deltacheck {

ParameterLayout::ParameterLayout(const Network& net) {
  for (int l = 1; l <= net.depth(); ++l) {
    weight_offset.push_back(size);
    size += net.units(l) * net.units(l - 1);
    bias_offset.push_back(size);
    size += net.units(l);
  }
}

}  // namespace deltacheck
