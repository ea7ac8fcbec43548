// Benchmarks of the symbolic engine and the numeric backprop, printed as a table against the
// issues' targets.
#include <cstdio>
#include <fstream>
#include <tuple>

#include <sys/stat.h>
#include <sstream>
#include <string>

#include "bench/harness.h"
#include "exercises/judge/checker.h"
#include "exercises/verify/verify.h"
#include "reports/derivation_writer.h"
#include "solver/backprop.h"
#include "solver/sample_points.h"
#include "solver/scalar.h"
#include "solver/trainer.h"

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
  write_solution(out, ex, solve_exercise(ex, "", SheetContents::answers), ex.form,
                 DerivationFormat::text);
  if (!wrong) return out.str();
  std::istringstream in(out.str());
  std::string text;
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find(" = ");
    text += line.empty() || line[0] == '#' || eq == std::string::npos
                ? line + "\n"
                : line.substr(0, eq) + " = (" + line.substr(eq + 3) + ")*(1 + x1)\n";
  }
  return text;
}

// The first line a peer script prints, or "" when it could not run (not installed).
std::string peer(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r")) {
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pclose(pipe) != 0) return "";
  }
  return out.substr(0, out.find('\n'));
}

std::string ratio_text(double ratio, bool at_least = false) {
  char b[48];
  std::snprintf(b, sizeof b, ratio < 10 ? "%s%.1fx" : "%s%.0fx", at_least ? ">= " : "", ratio);
  return b;
}

void peer_row(const std::string& figure, const std::string& ours, const std::string& who,
              const std::string& theirs, const std::string& ratio) {
  std::printf("| %-46s | %-12s | %-8s | %-34s | %-9s |\n", figure.c_str(), ours.c_str(),
              who.c_str(), theirs.c_str(), ratio.c_str());
}

std::string write_temporary(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/deltacheck_bench_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

// How derivation, 50-digit gradients and training grow with width and depth: a table, and
// bench/scaling.{dat,gp,png} (the figure is drawn when gnuplot is installed).
void scaling(const std::string& binary) {
  struct Size {
    std::string axis;
    int value;
    std::string spec;
  };
  std::vector<Size> sizes;
  for (int w : {2, 4, 8, 16, 32})
    sizes.push_back(
        {"width", w,
         "4 sigmoid:" + std::to_string(w) + " sigmoid:" + std::to_string(w) + " sigmoid:1"});
  for (int d : {1, 2, 3, 4, 6}) {
    std::string spec = "4";
    for (int l = 0; l < d; ++l) spec += " sigmoid:8";
    sizes.push_back({"depth", d, spec + " sigmoid:1"});
  }
  std::printf(
      "\nScaling (derivation in the delta form, the 50-digit gradient of every parameter, 20 epochs of training on 200 points):\n\n"
      "| %-6s | %-5s | %-10s | %-12s | %-14s | %-12s | %-12s |\n|--------|-------|------------|--------------|----------------|--------------|--------------|\n",
      "axis", "size", "parameters", "derive", "derive memory", "gradient 50d", "train 20 ep");
  std::string dat =
      "# axis size parameters derive_seconds derive_peak_mib gradient50_seconds train_seconds\n";
  for (const Size& s : sizes) {
    const Network net = parse_network(s.spec, "squared");
    const double derive = derive_seconds(net, Form::delta, false);
    const ProcessCost process = best_process(
        {binary, "derive", "--net", s.spec, "--loss", "squared", "--form", "delta"}, 2);
    const double gradient = gradient_seconds<Real50>(net);
    Dataset data;
    for (int i = 0; i < 200; ++i) {
      data.x.push_back(std::vector<double>(4, 0.01 * (i % 17) - 0.08));
      data.y.push_back({static_cast<double>(i % 2)});
    }
    TrainOptions o;
    o.epochs = 20;
    const double train_time = median_seconds(
        [&] { (void)train(net, data, Dataset(), o, initial_parameters(net, Init::xavier, 1)); },
        0.5);
    std::printf("| %-6s | %-5d | %-10d | %-12s | %-14s | %-12s | %-12s |\n", s.axis.c_str(),
                s.value, net.parameter_count(), human(derive).c_str(),
                (std::to_string(static_cast<int>(process.peak_mib)) + " MiB").c_str(),
                human(gradient).c_str(), human(train_time).c_str());
    std::ostringstream line;
    line << s.axis << " " << s.value << " " << net.parameter_count() << " " << derive << " "
         << process.peak_mib << " " << gradient << " " << train_time << "\n";
    dat += line.str();
  }
  const std::string dir = std::string(DELTACHECK_SOURCE_DIR) + "/bench";
  std::ofstream(dir + "/scaling.dat") << dat;
  std::ofstream(dir + "/scaling.gp")
      << "# deltacheck bench: time against the number of parameters (gnuplot scaling.gp)\n"
         "set terminal pngcairo size 900,600 font 'sans,11'\nset output 'scaling.png'\n"
         "set logscale xy\nset xlabel 'parameters'\nset ylabel 'seconds'\nset key top left\n"
         "set title 'growth with width (4-w-w-1) and depth (4-8-...-8-1)'\n"
         "plot 'scaling.dat' using (strcol(1) eq 'width' ? $3 : 1/0):4 with linespoints title 'derive, width', "
         "'' using (strcol(1) eq 'depth' ? $3 : 1/0):4 with linespoints title 'derive, depth', "
         "'' using (strcol(1) eq 'width' ? $3 : 1/0):6 with linespoints title 'gradient 50 digits, width', "
         "'' using (strcol(1) eq 'depth' ? $3 : 1/0):6 with linespoints title 'gradient 50 digits, depth', "
         "'' using (strcol(1) eq 'width' ? $3 : 1/0):7 with linespoints title 'train 20 epochs, width', "
         "'' using (strcol(1) eq 'depth' ? $3 : 1/0):7 with linespoints title 'train 20 epochs, depth'\n";
  if (std::system(("cd '" + dir + "' && gnuplot scaling.gp 2>/dev/null").c_str()) == 0)
    std::printf("\n(figure: bench/scaling.png)\n");
}

}  // namespace

int main(int argc, char** argv) {
  const std::string binary = argc > 1 ? argv[1] : "build/app/deltacheck";
  std::printf("deltacheck benchmarks; %s\n\n", machine_and_date().c_str());
  std::printf("| %-62s | %-12s | %-10s |\n|%s|%s|%s|\n", "figure", "ours", "target",
              std::string(64, '-').c_str(), std::string(14, '-').c_str(),
              std::string(12, '-').c_str());

  const Network q1 = parse_network("3 relu:2 sigmoid:2 sigmoid:1", "squared");
  const Network deep = parse_network(deep_spec(), "squared");
  row("derive Q1, all 17 gradients, local form", human(derive_seconds(q1, Form::local, false)),
      "< 10 ms");
  row("derive Q1, all 17 gradients, delta form", human(derive_seconds(q1, Form::delta, false)), "");
  row("derive Q1, all 17 gradients, expanded form",
      human(derive_seconds(q1, Form::expanded, false)), "");
  row("derive Q1 and print every equation, local form",
      human(derive_seconds(q1, Form::local, true)), "");
  row("derive 10 layers x 32 units (" + std::to_string(deep.parameter_count()) +
          " gradients), delta form",
      human(derive_seconds(deep, Form::delta, false)), "< 1 s");
  row("derive and print 10 layers x 32 units, delta form",
      human(derive_seconds(deep, Form::delta, true)), "");

  const ProcessCost q1_process =
      best_process({binary, "derive", "--net", q1.spec(), "--loss", "squared"});
  row("process: deltacheck derive Q1 (wall)", human(q1_process.seconds), "");
  row("process: deltacheck derive Q1 (peak memory)",
      std::to_string(static_cast<int>(q1_process.peak_mib)) + " MiB", "");
  const ProcessCost deep_process = best_process(
      {binary, "derive", "--net", deep.spec(), "--loss", "squared", "--form", "delta"}, 3);
  row("process: deltacheck derive 10x32 --form delta (wall)", human(deep_process.seconds), "< 1 s");
  row("process: deltacheck derive 10x32 --form delta (peak memory)",
      std::to_string(static_cast<int>(deep_process.peak_mib)) + " MiB", "");

  const Network mid = parse_network("6 relu:12 relu:8 sigmoid:1", "crossentropy");
  row("gradient of 6-12-8-1 (197 parameters), 50 digits", human(gradient_seconds<Real50>(mid)),
      "< 1 ms");
  row("gradient of 6-12-8-1 (197 parameters), double", human(gradient_seconds<double>(mid)),
      "< 5 us");
  {
    const PrecisionScope precision(1000);
    row("gradient of 6-12-8-1 (197 parameters), 1000 digits (MPFR)",
        human(gradient_seconds<RealN>(mid)), "");
  }
  row("verify Q1, 16 points, 50 digits (in process)",
      human(median_seconds([&] { (void)verify_network(q1, 16, 50); }, 2)), "");
  const ProcessCost verify_process =
      best_process({binary, "verify", "--net", q1.spec(), "--loss", "squared", "--points", "16"});
  row("process: deltacheck verify Q1 --points 16 (wall)", human(verify_process.seconds), "< 1 s");
  row("process: deltacheck verify Q1 --points 16 (peak memory)",
      std::to_string(static_cast<int>(verify_process.peak_mib)) + " MiB", "");
  const ProcessCost verify_1000 = best_process({binary, "verify", "--net", q1.spec(), "--loss",
                                                "squared", "--points", "16", "--digits", "1000"},
                                               3);
  row("process: deltacheck verify Q1 --points 16 --digits 1000 (wall)", human(verify_1000.seconds),
      "");

  // Checking: a complete Q1 answer file, 27 parts.
  const Exercise q1_exercise = load_exercise("assign-q1-squared");
  const std::string right = solution_text(q1_exercise, false),
                    wrong = solution_text(q1_exercise, true);
  const AnswerFile right_file = parse_answer_file(right, "right.txt"),
                   wrong_file = parse_answer_file(wrong, "wrong.txt");
  const double parts = static_cast<double>(q1_exercise.parts.size());
  row("check: prepare Q1 (derive, 8 points, truth vs backprop)",
      human(median_seconds([&] { Checker c(q1_exercise); }, 1)), "");
  Checker checker(q1_exercise);
  const double right_seconds = median_seconds([&] { (void)checker.check(right_file); }, 2);
  row("check: Q1 all 27 parts right (proofs in a child process)", human(right_seconds), "");
  row("check: Q1 per part, right", human(right_seconds / parts), "");
  const double wrong_seconds = median_seconds([&] { (void)checker.check(wrong_file); }, 2);
  row("check: Q1 all 27 parts wrong (mutants kept from the 1st file)", human(wrong_seconds), "");
  row("check: Q1 per part, wrong", human(wrong_seconds / parts), "");
  const std::string right_path = write_temporary("right.txt", right),
                    wrong_path = write_temporary("wrong.txt", wrong);
  const ProcessCost check_right = best_process({binary, "check", "assign-q1-squared", right_path});
  row("process: deltacheck check Q1, 27 parts right (wall)", human(check_right.seconds),
      "< 100 ms");
  row("process: deltacheck check Q1, 27 parts right (peak memory)",
      std::to_string(static_cast<int>(check_right.peak_mib)) + " MiB", "");
  const ProcessCost check_wrong = best_process({binary, "check", "assign-q1-squared", wrong_path});
  row("process: deltacheck check Q1, 27 parts wrong (wall)", human(check_wrong.seconds),
      "< 100 ms");
  std::remove(right_path.c_str());
  std::remove(wrong_path.c_str());
  // Whole Q1 files as students write them: pasted from a LaTeX write-up, and in Unicode.
  const std::string corpus = std::string(DELTACHECK_SOURCE_DIR) + "/tests/data/student_corpus/";
  for (const char* style : {"latex", "unicode"}) {
    const ProcessCost styled = best_process(
        {binary, "check", "assign-q1-squared", corpus + style + "/assign-q1-squared-01.txt"});
    row(std::string("process: deltacheck check Q1 written in ") + style + ", 27 parts (wall)",
        human(styled.seconds), "< 100 ms");
  }

  // Grading: 1000 complete Q1 submissions, a third right, a third with one part
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
    const ProcessCost grade =
        best_process({binary, "grade", "assign-q1-squared", "--dir", class_dir, "--jobs", jobs}, 2);
    row(std::string("process: deltacheck grade 1000 Q1 submissions, --jobs ") + jobs + " (wall)",
        human(grade.seconds), jobs[0] == '2' ? "< 20 s" : "");
    row(std::string("process: grade 1000, --jobs ") + jobs + ", largest process (peak RSS)",
        std::to_string(static_cast<int>(grade.peak_mib)) + " MiB",
        jobs[0] == '2' ? "< 300 MB" : "");
  }
  // The same mix, 10,000 submissions: the cost of checking at class scale (per file, after each
  // worker has prepared the exercise once).
  for (int i = 1000; i < 10000; ++i) {
    std::string text = i % 3 == 2 ? wrong : right;
    if (i % 3 == 1) text.replace(text.find("dL/dw1_11 = "), 12, "dL/dw1_11 = 2*");
    char name[64];
    std::snprintf(name, sizeof name, "/student%05d.txt", i);
    std::ofstream(class_dir + name) << text;
  }
  const ProcessCost grade_10k =
      best_process({binary, "grade", "assign-q1-squared", "--dir", class_dir, "--jobs", "2"}, 1);
  row("grade 10,000 Q1 submissions, --jobs 2 (wall; was 12.4 s)", human(grade_10k.seconds),
      "< 5 s");
  row("check process Q1, 27 parts right (wall; was 33.7 ms)", human(check_right.seconds),
      "< 20 ms");
  std::system(("rm -rf " + class_dir).c_str());

  // Training side by side with PyTorch: "2 tanh:16 tanh:16 sigmoid:1" on the spiral,
  // 1000 training points, mini-batches of 32, SGD with momentum 0.9, 500 epochs, double, one
  // thread.
  const Network spiral_net = parse_network("2 tanh:16 tanh:16 sigmoid:1", "crossentropy");
  Dataset all = playground("spiral", 1250, 0, 1), train_set, validation_set;
  split_dataset(all, 0.2, 1, train_set, validation_set);
  const auto csv_of = [](const Dataset& d) {
    std::ostringstream out;
    out.precision(17);
    for (std::size_t i = 0; i < d.size(); ++i)
      out << d.x[i][0] << "," << d.x[i][1] << "," << d.y[i][0] << "\n";
    return out.str();
  };
  const std::string train_csv = write_temporary("train.csv", csv_of(train_set)),
                    validation_csv = write_temporary("validation.csv", csv_of(validation_set));
  TrainOptions options;
  options.lr = 0.03;
  options.momentum = 0.9;
  options.epochs = 500;
  const double steps = 500.0 * ((train_set.size() + 31) / 32);
  TrainResult trained;
  const double ours = median_seconds(
      [&] {
        trained = train(spiral_net, train_set, validation_set, options,
                        initial_parameters(spiral_net, Init::xavier, 1));
      },
      3);
  row("train spiral 2-16-16-1, 500 epochs x 1000 points, batch 32, ours", human(ours), "");
  row("  per step (32 examples), ours", human(ours / steps), "");
  row("  final training accuracy, ours",
      std::to_string(static_cast<int>(100 * trained.epochs.back().train_accuracy)) + "%", ">= 95%");
  // Debian's python3, which sees the python3-torch package (a python3 earlier on PATH may not).
  const std::string python = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
  const std::string torch = python + " " + std::string(DELTACHECK_SOURCE_DIR) +
                            "/bench/torch_train.py " + train_csv + " " + validation_csv +
                            " 500 0.03 0.9 1 2>/dev/null";
  if (FILE* pipe = popen(torch.c_str(), "r")) {
    double seconds = 0, torch_steps = 0, accuracy = 0;
    const int read = std::fscanf(pipe, "%lf %lf %lf", &seconds, &torch_steps, &accuracy);
    const int status = pclose(pipe);
    if (read == 3 && status == 0) {
      row("the same in PyTorch (CPU, float64, 1 thread)", human(seconds), "");
      row("  per step (32 examples), PyTorch", human(seconds / torch_steps), "");
      row("  final training accuracy, PyTorch",
          std::to_string(static_cast<int>(100 * accuracy)) + "%", "");
      char ratio[32];
      std::snprintf(ratio, sizeof ratio, "%.1fx", seconds / ours);
      row("  PyTorch time / our time", ratio, ">= 10x");
    } else {
      row("the same in PyTorch", "not run", "apt-get install python3-torch");
    }
  }
  std::remove(train_csv.c_str());
  std::remove(validation_csv.c_str());

  // Reports: the worked solution of Q1 as .tex only, and as PDF through latexmk.
  const std::string tex_path = "/tmp/deltacheck_bench_" + std::to_string(getpid()) + "_q1.tex";
  const ProcessCost tex =
      best_process({binary, "report", "assign-q1-squared", "--format", "latex", "-o", tex_path});
  row("process: deltacheck report Q1 --format latex (wall)", human(tex.seconds), "< 1 s");
  const std::string pdf_path = tex_path.substr(0, tex_path.size() - 4) + ".pdf";
  const ProcessCost pdf = best_process({binary, "report", "assign-q1-squared", "-o", pdf_path}, 2);
  row("process: deltacheck report Q1, PDF through latexmk (wall)",
      pdf.status == 0 ? human(pdf.seconds) : "no LaTeX", "");
  for (const char* ext : {".tex", ".pdf", ".log"})
    std::remove((tex_path.substr(0, tex_path.size() - 4) + ext).c_str());

  // Side by side with the peers, each run on the same task.
  const std::string peers = std::string(DELTACHECK_SOURCE_DIR) + "/bench/peers/";
  std::printf(
      "\nSide by side with peer tools:\n\n| %-46s | %-12s | %-8s | %-34s | %-9s |\n|%s|%s|%s|%s|%s|\n",
      "task", "ours", "peer", "peer's", "ratio", std::string(48, '-').c_str(),
      std::string(14, '-').c_str(), std::string(10, '-').c_str(), std::string(36, '-').c_str(),
      std::string(11, '-').c_str());
  for (const auto& [name, spec, loss] :
       {std::make_tuple("Q1", "3 relu:2 sigmoid:2 sigmoid:1", "squared"),
        std::make_tuple("Q2", "2 tanh:1 sigmoid:2", "crossentropy")}) {
    const double ours_derive = derive_seconds(parse_network(spec, loss), Form::local, false);
    const std::string sympy =
        peer(python + " " + peers + "sympy_derive.py '" + spec + "' " + loss + " 60");
    double diff_s = 0, simplify_s = 0;
    int done = 0, total = 0;
    if (std::sscanf(sympy.c_str(), "%lf %lf %d %d", &diff_s, &simplify_s, &done, &total) == 4) {
      char theirs[64];
      std::snprintf(theirs, sizeof theirs, "diff %s; simplified %d of %d in %s",
                    human(diff_s).c_str(), done, total, human(simplify_s).c_str());
      const bool all = done == total;
      peer_row(std::string("derive and simplify every gradient of ") + name, human(ours_derive),
               "SymPy", theirs, ratio_text((diff_s + simplify_s) / ours_derive, !all));
    } else {
      peer_row(std::string("derive and simplify every gradient of ") + name, human(ours_derive),
               "SymPy", "not run (apt-get install python3-sympy)", "");
    }
  }
  {
    // 27 Q1 answers written in z (sigmoid(z2_1) for a2_1): equal to the truth?
    std::string answers;
    std::istringstream in(right);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("dL/d", 0) == 0)
        for (const char* a : {"a2_1", "a2_2", "a3_1"}) {
          const std::string z = std::string("sigmoid(z") + (a + 1) + ")";
          for (std::size_t at = line.find(a, line.find('=')); at != std::string::npos;
               at = line.find(a, at + z.size()))
            line.replace(at, 4, z);
        }
      answers += line + "\n";
    }
    const std::string answers_path = write_temporary("answers.txt", answers),
                      truth_path = write_temporary("truth.txt", right);
    const std::string defs_path = write_temporary(
        "definitions.txt",
        "a1_1 = relu(z1_1)\na1_2 = relu(z1_2)\na2_1 = sigmoid(z2_1)\na2_2 = sigmoid(z2_2)\na3_1 = sigmoid(z3_1)\n");
    Checker checker(q1_exercise);
    const AnswerFile file = parse_answer_file(answers, "answers.txt");
    int proved = 0;
    for (const PartResult& p : checker.check(file).parts) proved += p.proved;
    const double ours = median_seconds([&] { (void)checker.check(file); }, 1);
    const ProcessCost ours_process =
        best_process({binary, "check", "assign-q1-squared", answers_path});
    const std::string ours_text = human(ours) + ", " + std::to_string(proved) + "/27";
    double seconds = 0;
    int ok = 0, parts = 0;
    if (std::sscanf(peer(python + " " + peers + "sympy_check.py " + answers_path + " " +
                         truth_path + " " + defs_path)
                        .c_str(),
                    "%lf %d %d", &seconds, &ok, &parts) == 3)
      peer_row("check 27 Q1 answers (in process), proved", ours_text, "SymPy",
               human(seconds) + ", " + std::to_string(ok) + "/" + std::to_string(parts) +
                   " simplify to 0",
               ratio_text(seconds / ours));
    else
      peer_row("check 27 Q1 answers (in process), proved", ours_text, "SymPy",
               "not run (apt-get install python3-sympy)", "");
    if (std::sscanf(peer(python + " " + peers + "maxima_check.py " + answers_path + " " +
                         truth_path + " " + defs_path)
                        .c_str(),
                    "%lf %d %d", &seconds, &ok, &parts) == 3)
      peer_row("check 27 Q1 answers (whole process), proved",
               human(ours_process.seconds) + ", " + std::to_string(proved) + "/27", "Maxima",
               human(seconds) + ", " + std::to_string(ok) + "/" + std::to_string(parts) +
                   " ratsimp to 0",
               ratio_text(seconds / ours_process.seconds));
    else
      peer_row("check 27 Q1 answers (whole process), proved", human(ours_process.seconds), "Maxima",
               "not run (apt-get install maxima)", "");
    for (const std::string& f : {answers_path, truth_path, defs_path}) std::remove(f.c_str());
  }
  {
    // The digits each can certify, on the same random networks.
    const char* const nets[][2] = {{"3 relu:2 sigmoid:2 sigmoid:1", "squared"},
                                   {"2 tanh:1 sigmoid:2", "crossentropy"},
                                   {"4 tanh:6 tanh:6 sigmoid:1", "crossentropy"},
                                   {"5 sigmoid:8 relu:4 linear:2", "squared"},
                                   {"3 tanh:12 sigmoid:12 tanh:12 sigmoid:3", "crossentropy"}};
    double ours_worst = 1e9, torch_worst = 1e9;
    int torch_passed = 0, torch_runs = 0;
    for (const auto& n : nets) {
      const VerifyResult v = verify_network(parse_network(n[0], n[1]), 4, 50, 1);
      ours_worst = std::min(ours_worst, v.worst);
      int passed = 0, tolerance = 0;
      double agree = 0, seconds = 0;
      if (std::sscanf(
              peer(python + " " + peers + "torch_gradcheck.py '" + n[0] + "' " + n[1] + " 1")
                  .c_str(),
              "%d %d %lf %lf", &passed, &tolerance, &agree, &seconds) == 4) {
        torch_passed += passed;
        ++torch_runs;
        torch_worst = std::min(torch_worst, agree);
      }
    }
    char ours_text[64], theirs[96];
    std::snprintf(ours_text, sizeof ours_text, "%.1f digits", ours_worst);
    if (torch_runs) {
      std::snprintf(theirs, sizeof theirs, "3 digits (rtol 1e-3; passed %d/%d; FD agree %.1f)",
                    torch_passed, torch_runs, torch_worst);
      peer_row("gradient digits certified, 5 random networks", ours_text, "gradcheck", theirs,
               ratio_text(ours_worst / 3) + " digits");
    } else {
      peer_row("gradient digits certified, 5 random networks", ours_text, "gradcheck",
               "not run (apt-get install python3-torch)", "");
    }
  }
  scaling(binary);
  return 0;
}
