// Benchmarks of the symbolic engine and the numeric backprop, printed as a table against the issues' targets.
#include <cstdio>
#include <fstream>

#include <sys/stat.h>
#include <sstream>
#include <string>

#include "bench/harness.h"
#include "exercises/checker.h"
#include "exercises/verify.h"
#include "reports/derivation_writer.h"
#include "solver/backprop.h"
#include "solver/trainer.h"
#include "solver/sample_points.h"
#include "solver/scalar.h"

using namespace deltacheck;
using namespace deltacheck::bench;

namespace {

void row(const std::string& figure, const std::string& value, const std::string& target) {
  std::printf("| %-62s | %-12s | %-10s |\n", figure.c_str(), value.c_str(), target.c_str());
}

double derive_seconds(const Network& net, Form form, bool print) {
  return median_seconds([&] {
    const Derivation d(net);
    if (print) {
      std::ostringstream out;
      write_derivation(out, d, form, DerivationFormat::text);
    } else {
      (void)d.gradients(form);
    }
  });
}

template <class T>
double gradient_seconds(const Network& net) {
  const Point p = sample_points(net, 1, 1)[0];
  const ParameterLayout layout(net);
  const NumericPoint<T> n = to_numeric<T>(p, net);
  NetworkState<T> s;
  std::vector<T> grad(layout.size);
  return median_seconds([&] {
    forward(net, layout, n.params.data(), n.x.data(), n.y.data(), s, false);
    backward(net, layout, n.params.data(), n.y.data(), s, grad.data());
  });
}

std::string deep_spec() {
  std::string spec = "32";
  for (int l = 0; l < 9; ++l) spec += " sigmoid:32";
  return spec + " sigmoid:1";
}

// The worked solution of an exercise as an answer file; with `wrong`, every answer times (1 + x1),
// a mistake no mutant matches (the most work for the diagnosis).
std::string solution_text(const Exercise& ex, bool wrong) {
  std::ostringstream out;
  write_solution(out, ex, ex.form, DerivationFormat::text);
  if (!wrong) return out.str();
  std::istringstream in(out.str());
  std::string text;
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find(" = ");
    text += line.empty() || line[0] == '#' || eq == std::string::npos ? line + "\n" : line.substr(0, eq) + " = (" + line.substr(eq + 3) + ")*(1 + x1)\n";
  }
  return text;
}

std::string write_temporary(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/deltacheck_bench_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string binary = argc > 1 ? argv[1] : "build/app/deltacheck";
  std::printf("deltacheck benchmarks; %s\n\n", machine_and_date().c_str());
  std::printf("| %-62s | %-12s | %-10s |\n|%s|%s|%s|\n", "figure", "ours", "target", std::string(64, '-').c_str(),
              std::string(14, '-').c_str(), std::string(12, '-').c_str());

  const Network q1 = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  const Network deep = parse_network(deep_spec(), "squared");
  row("derive Q1, all 17 gradients, local form", human(derive_seconds(q1, Form::local, false)), "< 10 ms");
  row("derive Q1, all 17 gradients, delta form", human(derive_seconds(q1, Form::delta, false)), "");
  row("derive Q1, all 17 gradients, expanded form", human(derive_seconds(q1, Form::expanded, false)), "");
  row("derive Q1 and print every equation, local form", human(derive_seconds(q1, Form::local, true)), "");
  row("derive 10 layers x 32 units (" + std::to_string(deep.parameter_count()) + " gradients), delta form", human(derive_seconds(deep, Form::delta, false)), "< 1 s");
  row("derive and print 10 layers x 32 units, delta form", human(derive_seconds(deep, Form::delta, true)), "");

  const ProcessCost q1_process = best_process({binary, "derive", "--net", q1.spec(), "--loss", "squared"});
  row("process: deltacheck derive Q1 (wall)", human(q1_process.seconds), "");
  row("process: deltacheck derive Q1 (peak memory)", std::to_string(static_cast<int>(q1_process.peak_mib)) + " MiB", "");
  const ProcessCost deep_process = best_process({binary, "derive", "--net", deep.spec(), "--loss", "squared", "--form", "delta"}, 3);
  row("process: deltacheck derive 10x32 --form delta (wall)", human(deep_process.seconds), "< 1 s");
  row("process: deltacheck derive 10x32 --form delta (peak memory)", std::to_string(static_cast<int>(deep_process.peak_mib)) + " MiB", "");

  const Network mid = parse_network("6 relu:12 relu:8 sigmoid:1", "crossentropy");
  row("gradient of 6-12-8-1 (197 parameters), 50 digits", human(gradient_seconds<Real50>(mid)), "< 1 ms");
  row("gradient of 6-12-8-1 (197 parameters), double", human(gradient_seconds<double>(mid)), "< 5 us");
  {
    const PrecisionScope precision(1000);
    row("gradient of 6-12-8-1 (197 parameters), 1000 digits (MPFR)", human(gradient_seconds<RealN>(mid)), "");
  }
  row("verify Q1, 16 points, 50 digits (in process)", human(median_seconds([&] { (void)verify_network(q1, 16, 50); }, 2)), "");
  const ProcessCost verify_process = best_process({binary, "verify", "--net", q1.spec(), "--loss", "squared", "--points", "16"});
  row("process: deltacheck verify Q1 --points 16 (wall)", human(verify_process.seconds), "< 1 s");
  row("process: deltacheck verify Q1 --points 16 (peak memory)", std::to_string(static_cast<int>(verify_process.peak_mib)) + " MiB", "");
  const ProcessCost verify_1000 = best_process({binary, "verify", "--net", q1.spec(), "--loss", "squared", "--points", "16", "--digits", "1000"}, 3);
  row("process: deltacheck verify Q1 --points 16 --digits 1000 (wall)", human(verify_1000.seconds), "");

  // Checking (issue 4): a complete Q1 answer file, 27 parts.
  const Exercise q1_exercise = load_exercise("assign-q1-squared");
  const std::string right = solution_text(q1_exercise, false), wrong = solution_text(q1_exercise, true);
  const AnswerFile right_file = parse_answer_file(right, "right.txt"), wrong_file = parse_answer_file(wrong, "wrong.txt");
  const double parts = static_cast<double>(q1_exercise.parts.size());
  row("check: prepare Q1 (derive, 8 points, truth vs backprop)", human(median_seconds([&] { Checker c(q1_exercise); }, 1)), "");
  Checker checker(q1_exercise);
  const double right_seconds = median_seconds([&] { (void)checker.check(right_file); }, 2);
  row("check: Q1 all 27 parts right (proofs in a child process)", human(right_seconds), "");
  row("check: Q1 per part, right", human(right_seconds / parts), "");
  const double wrong_seconds = median_seconds([&] { (void)checker.check(wrong_file); }, 2);
  row("check: Q1 all 27 parts wrong (mutants kept from the 1st file)", human(wrong_seconds), "");
  row("check: Q1 per part, wrong", human(wrong_seconds / parts), "");
  const std::string right_path = write_temporary("right.txt", right), wrong_path = write_temporary("wrong.txt", wrong);
  const ProcessCost check_right = best_process({binary, "check", "assign-q1-squared", right_path});
  row("process: deltacheck check Q1, 27 parts right (wall)", human(check_right.seconds), "< 100 ms");
  row("process: deltacheck check Q1, 27 parts right (peak memory)", std::to_string(static_cast<int>(check_right.peak_mib)) + " MiB", "");
  const ProcessCost check_wrong = best_process({binary, "check", "assign-q1-squared", wrong_path});
  row("process: deltacheck check Q1, 27 parts wrong (wall)", human(check_wrong.seconds), "< 100 ms");
  std::remove(right_path.c_str());
  std::remove(wrong_path.c_str());

  // Grading (issue 6): 1000 complete Q1 submissions, a third right, a third with one part
  // wrong, a third with every part wrong, graded by 2 worker processes.
  const std::string class_dir = "/tmp/deltacheck_bench_class_" + std::to_string(getpid());
  mkdir(class_dir.c_str(), 0755);
  for (int i = 0; i < 1000; ++i) {
    std::string text = i % 3 == 2 ? wrong : right;
    if (i % 3 == 1) text.replace(text.find("dL/dw1_11 = "), 12, "dL/dw1_11 = 2*");
    char name[64];
    std::snprintf(name, sizeof name, "/student%04d.txt", i);
    std::ofstream(class_dir + name) << text;
  }
  for (const char* jobs : {"1", "2"}) {
    const ProcessCost grade = best_process({binary, "grade", "assign-q1-squared", "--dir", class_dir, "--jobs", jobs}, 2);
    row(std::string("process: deltacheck grade 1000 Q1 submissions, --jobs ") + jobs + " (wall)", human(grade.seconds), jobs[0] == '2' ? "< 20 s" : "");
    row(std::string("process: grade 1000, --jobs ") + jobs + ", largest process (peak RSS)", std::to_string(static_cast<int>(grade.peak_mib)) + " MiB",
        jobs[0] == '2' ? "< 300 MB" : "");
  }
  std::system(("rm -rf " + class_dir).c_str());

  // Training (issue 7) side by side with PyTorch: "2 tanh:16 tanh:16 sigmoid:1" on the spiral,
  // 1000 training points, mini-batches of 32, SGD with momentum 0.9, 500 epochs, double, one thread.
  const Network spiral_net = parse_network("2 tanh:16 tanh:16 sigmoid:1", "crossentropy");
  Dataset all = playground("spiral", 1250, 0, 1), train_set, validation_set;
  split_dataset(all, 0.2, 1, train_set, validation_set);
  const auto csv_of = [](const Dataset& d) {
    std::ostringstream out;
    out.precision(17);
    for (std::size_t i = 0; i < d.size(); ++i) out << d.x[i][0] << "," << d.x[i][1] << "," << d.y[i][0] << "\n";
    return out.str();
  };
  const std::string train_csv = write_temporary("train.csv", csv_of(train_set)), validation_csv = write_temporary("validation.csv", csv_of(validation_set));
  TrainOptions options;
  options.lr = 0.03;
  options.momentum = 0.9;
  options.epochs = 500;
  const double steps = 500.0 * ((train_set.size() + 31) / 32);
  TrainResult trained;
  const double ours = median_seconds([&] { trained = train(spiral_net, train_set, validation_set, options, initial_parameters(spiral_net, Init::xavier, 1)); }, 3);
  row("train spiral 2-16-16-1, 500 epochs x 1000 points, batch 32, ours", human(ours), "");
  row("  per step (32 examples), ours", human(ours / steps), "");
  row("  final training accuracy, ours", std::to_string(static_cast<int>(100 * trained.epochs.back().train_accuracy)) + "%", ">= 95%");
  // Debian's python3, which sees the python3-torch package (a python3 earlier on PATH may not).
  const std::string python = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
  const std::string torch = python + " " + std::string(DELTACHECK_SOURCE_DIR) + "/bench/torch_train.py " + train_csv + " " + validation_csv + " 500 0.03 0.9 1 2>/dev/null";
  if (FILE* pipe = popen(torch.c_str(), "r")) {
    double seconds = 0, torch_steps = 0, accuracy = 0;
    const int read = std::fscanf(pipe, "%lf %lf %lf", &seconds, &torch_steps, &accuracy);
    const int status = pclose(pipe);
    if (read == 3 && status == 0) {
      row("the same in PyTorch (CPU, float64, 1 thread)", human(seconds), "");
      row("  per step (32 examples), PyTorch", human(seconds / torch_steps), "");
      row("  final training accuracy, PyTorch", std::to_string(static_cast<int>(100 * accuracy)) + "%", "");
      char ratio[32];
      std::snprintf(ratio, sizeof ratio, "%.1fx", seconds / ours);
      row("  PyTorch time / our time", ratio, ">= 10x");
    } else {
      row("the same in PyTorch", "not run", "apt-get install python3-torch");
    }
  }
  std::remove(train_csv.c_str());
  std::remove(validation_csv.c_str());

  // Reports (issue 8): the worked solution of Q1 as .tex only, and as PDF through latexmk.
  const std::string tex_path = "/tmp/deltacheck_bench_" + std::to_string(getpid()) + "_q1.tex";
  const ProcessCost tex = best_process({binary, "report", "assign-q1-squared", "--format", "latex", "-o", tex_path});
  row("process: deltacheck report Q1 --format latex (wall)", human(tex.seconds), "< 1 s");
  const std::string pdf_path = tex_path.substr(0, tex_path.size() - 4) + ".pdf";
  const ProcessCost pdf = best_process({binary, "report", "assign-q1-squared", "-o", pdf_path}, 2);
  row("process: deltacheck report Q1, PDF through latexmk (wall)", pdf.status == 0 ? human(pdf.seconds) : "no LaTeX", "");
  for (const char* ext : {".tex", ".pdf", ".log"}) std::remove((tex_path.substr(0, tex_path.size() - 4) + ext).c_str());
  return 0;
}
