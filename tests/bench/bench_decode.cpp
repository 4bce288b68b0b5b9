// Decode speed per 1280x720 frame and decode rate on the degraded badge set, Rapport's
// decoder against ZXing with its default settings.
//   build-release/bin/bench_decode --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <random>

#include "../support/degraded_set.hpp"
#include "scan/decoder.hpp"
#include "scan/image_file.hpp"
#include "scan/qr_codec.hpp"
#include "scan/synthetic_scene.hpp"

using namespace rapport;

namespace {

const std::string kCode = "RPT1:MZXW6YTBOI3DEMZUGU3DOOBZGA";

const Frame& scene(bool with_code) {
  static const Frame with = *render_scene(kCode, 7, SceneOptions{});
  static const Frame without = *render_scene("", 7, SceneOptions{});
  return with_code ? with : without;
}

GrayView view(const Frame& f) { return {f.gray.data(), f.width, f.height, f.width}; }

void BM_FastPath(benchmark::State& state) {
  const Frame& f = scene(state.range(0));
  int found = 0;
  for (auto _ : state) found += run_pass(f, DecodePass::fast).found;
  state.counters["found"] = benchmark::Counter(found, benchmark::Counter::kAvgIterations);
  state.SetLabel(state.range(0) ? "badge in view" : "empty scene");
}
BENCHMARK(BM_FastPath)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// One pass each, on the frame with a code and on the empty scene (what each costs).
void BM_Pass(benchmark::State& state) {
  auto pass = static_cast<DecodePass>(state.range(0));
  const Frame& f = scene(state.range(1));
  std::optional<Box> hint;
  if (pass == DecodePass::region) {
    auto r = run_pass(scene(true), DecodePass::fast);
    hint = Box{r.left, r.top, r.right, r.bottom};
  }
  for (auto _ : state) benchmark::DoNotOptimize(run_pass(f, pass, hint));
  state.SetLabel(std::string(pass_name(pass)) + (state.range(1) ? " / badge" : " / empty"));
}
BENCHMARK(BM_Pass)
    ->ArgsProduct({{int(DecodePass::region), int(DecodePass::harder), int(DecodePass::half), int(DecodePass::histogram),
                    int(DecodePass::stretched), int(DecodePass::sharpened), int(DecodePass::enlarged), int(DecodePass::inverted)},
                   {1, 0}})
    ->Unit(benchmark::kMillisecond);

// What the camera worker spends per frame: fast path + the rotating harder pass.
void BM_LiveDecoderPerFrame(benchmark::State& state) {
  const Frame& f = scene(state.range(0));
  LiveDecoder d;
  for (auto _ : state) benchmark::DoNotOptimize(d.decode(f));
  state.SetLabel(state.range(0) ? "badge in view" : "empty scene (worst case)");
}
BENCHMARK(BM_LiveDecoderPerFrame)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_ZxingDefaults(benchmark::State& state) {
  const Frame& f = scene(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(zxing_read_defaults(view(f)));
  state.SetLabel(state.range(0) ? "badge in view" : "empty scene");
}
BENCHMARK(BM_ZxingDefaults)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The degraded set, generated once per run into a temporary folder.
struct Degraded {
  std::vector<test::DegradedImage> images;
  std::vector<Frame> frames;
  std::string dir;
  Degraded() {
    dir = (std::filesystem::temp_directory_path() / ("rapport-bench-" + std::to_string(std::random_device{}()))).string();
    images = test::make_degraded_set(dir);
    for (const auto& i : images) frames.push_back(*load_image_frame(i.file));
  }
  ~Degraded() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};
const Degraded& degraded() {
  static const Degraded d;
  return d;
}

void BM_DecodeRate(benchmark::State& state) {
  const auto& d = degraded();
  if (d.images.empty()) {
    state.SkipWithError("ImageMagick or qrencode missing");
    return;
  }
  const bool ours = state.range(0) == 1;
  int found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t i = 0; i < d.frames.size(); ++i) {
      bool ok;
      if (ours) {
        auto r = decode_frame(d.frames[i]);
        ok = r.found && r.text == d.images[i].text;
      } else {
        auto z = zxing_read_defaults(view(d.frames[i]));
        ok = z.found && z.text == d.images[i].text;
      }
      found += ok;
    }
  }
  state.counters["found"] = found;
  state.counters["total"] = static_cast<double>(d.frames.size());
  state.counters["rate_%"] = 100.0 * found / d.frames.size();
  state.SetLabel(ours ? "Rapport decode_frame" : "ZXing defaults");
}
BENCHMARK(BM_DecodeRate)->Arg(1)->Arg(0)->Iterations(1)->Unit(benchmark::kMillisecond);

// Per category, and which pass found each image: printed as a table after the run.
void print_table() {
  const auto& d = degraded();
  if (d.images.empty()) return;
  std::map<std::string, std::array<int, 3>> by;  // ours, plain, total
  std::map<std::string, int> winners;
  for (size_t i = 0; i < d.frames.size(); ++i) {
    auto r = decode_frame(d.frames[i]);
    auto z = zxing_read_defaults(view(d.frames[i]));
    auto& row = by[d.images[i].category];
    row[0] += r.found && r.text == d.images[i].text;
    row[1] += z.found && z.text == d.images[i].text;
    row[2] += 1;
    if (r.found) ++winners[r.pass];
  }
  std::printf("\n%-12s %10s %15s\n", "category", "Rapport", "ZXing defaults");
  int a = 0, b = 0, t = 0;
  for (const auto& [cat, row] : by) {
    std::printf("%-12s %6d/%-3d %11d/%-3d\n", cat.c_str(), row[0], row[2], row[1], row[2]);
    a += row[0], b += row[1], t += row[2];
  }
  std::printf("%-12s %6d/%-3d %11d/%-3d\n", "all", a, t, b, t);
  std::printf("\nwinning pass:");
  for (const auto& [pass, n] : winners) std::printf(" %s=%d", pass.c_str(), n);
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  print_table();
  return 0;
}
