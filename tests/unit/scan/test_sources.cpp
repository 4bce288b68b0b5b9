#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "scan/decoder.hpp"
#include "scan/frame_source.hpp"
#include "scan/image_file.hpp"
#include "scan/scanner.hpp"
#include "scan/synthetic_scene.hpp"
#include "../support/temp_dir.hpp"

using namespace rapport;
using namespace std::chrono_literals;
using rapport::test::TempDir;

namespace {
const std::string kCode = "RPT1:MZXW6YTBOI3DEMZUGU3DOOBZGA";

// Waits (generously: this is about behaviour, not speed) for the scanner to report.
std::optional<ScanEvent> wait_for_scan(Scanner& s, std::chrono::seconds limit = 30s) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (auto e = s.poll()) return e;
    std::this_thread::sleep_for(5ms);
  }
  return std::nullopt;
}
}  // namespace

TEST(Synthetic, SameSeedSameFramesAndTheBadgeDecodes) {
  SceneOptions o;
  auto a = render_scene(kCode, 5, o), b = render_scene(kCode, 5, o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->width, 1280);
  EXPECT_EQ(a->height, 720);
  EXPECT_EQ(a->rgb.size(), 1280u * 720 * 3);
  EXPECT_EQ(a->gray, b->gray);
  o.seed = 2;
  auto c = render_scene(kCode, 5, o);
  EXPECT_NE(a->gray, c->gray);
  auto r = decode_frame(*a);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.text, kCode);
  auto empty = render_scene("", 5, o);
  EXPECT_FALSE(decode_frame(*empty).found);
}

TEST(Synthetic, HeldUpForSecondsTheHandMovesAndEveryFrameStillDecodes) {
  int found = 0;
  for (uint64_t n = 0; n < 60; n += 6) {
    auto f = render_scene(kCode, n, SceneOptions{});
    ASSERT_TRUE(f.ok());
    found += decode_frame(*f).found;
  }
  EXPECT_EQ(found, 10);
}

TEST(Scanner, OneBadgeHeldUpIsReportedOnceThenANewOne) {
  SourceOptions o;
  o.fps = 0;  // as fast as the decoder takes them
  auto cam = make_synthetic_camera(o);
  SyntheticCamera* camera = cam.get();
  int wakes = 0;
  auto scanner = Scanner::start(std::move(cam), ScannerOptions{3000ms});
  scanner->set_wake([&] { ++wakes; });
  camera->present(kCode);
  auto first = wait_for_scan(*scanner);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->text, kCode);
  EXPECT_LE(first->frame_captured, first->decoded);
  // Still held up: many more frames decode the same code, none is reported again.
  Frame f;
  uint64_t seq = 0;
  for (int i = 0; i < 40; ++i) {
    std::this_thread::sleep_for(20ms);
    if (scanner->latest_frame(f, seq)) seq = f.sequence;
  }
  EXPECT_GT(seq, 0u);
  EXPECT_EQ(f.width, 1280);
  EXPECT_FALSE(scanner->poll());
  // Another badge is reported right away.
  camera->present("RPT1:KRSXG5DJNZTSAYTBMRTWK4ZAEE");
  auto second = wait_for_scan(*scanner);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->text, "RPT1:KRSXG5DJNZTSAYTBMRTWK4ZAEE");
  EXPECT_GT(wakes, 0);
  EXPECT_EQ(scanner->source_state(), SourceState::running);
  EXPECT_EQ(scanner->status_text(), "synthetic camera 1280x720");
}

TEST(Scanner, TheSameCodeAfterTheDebounceWindowIsANewScan) {
  SourceOptions o;
  o.fps = 0;
  auto cam = make_synthetic_camera(o);
  SyntheticCamera* camera = cam.get();
  auto scanner = Scanner::start(std::move(cam), ScannerOptions{200ms});
  camera->present(kCode);
  ASSERT_TRUE(wait_for_scan(*scanner));
  camera->clear();
  std::this_thread::sleep_for(600ms);  // out of sight for longer than the window
  camera->present(kCode);
  auto again = wait_for_scan(*scanner);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->text, kCode);
}

// A source that counts the frames asked of it and how many it is producing right now.
class CountingSource : public FrameSource {
 public:
  std::atomic<int> served{0}, inside{0};
  std::optional<Frame> next() override {
    ++inside;
    std::this_thread::sleep_for(2ms);  // a frame takes a while to capture
    Frame f;
    f.width = f.height = 8;
    f.gray.assign(64, 255);
    ++served;
    --inside;
    return f;
  }
  SourceState state() const override { return SourceState::running; }
  std::string status_text() const override { return "counting"; }
};

TEST(Scanner, HoldParksTheWorkerBetweenFramesUntilReleased) {
  auto src = std::make_unique<CountingSource>();
  CountingSource* counting = src.get();
  auto scanner = Scanner::start(std::move(src));
  while (counting->served < 3) std::this_thread::sleep_for(1ms);
  scanner->hold(true);
  EXPECT_EQ(counting->inside, 0) << "held while a frame was being captured";
  int at_hold = counting->served;
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(counting->served, at_hold) << "the worker went on while held";
  scanner->hold(false);
  auto until = std::chrono::steady_clock::now() + 30s;
  while (counting->served < at_hold + 3 && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(1ms);
  EXPECT_GE(counting->served, at_hold + 3) << "the worker did not resume";
  scanner->hold(true);  // held when destroyed: the destructor still stops it
}

TEST(FrameSources, ImagesFolderPlaysEachFileThenEnds) {
  TempDir dir;
  for (int i = 0; i < 3; ++i) {
    auto f = render_scene(i == 1 ? kCode : "", i, SceneOptions{640, 480});
    ASSERT_TRUE(save_gray_png(*f, dir.file("frame" + std::to_string(i) + ".png")).ok());
  }
  dir.write("notes.txt", "not an image");
  dir.write("broken.png", "not a png either");
  SourceOptions o;
  o.fps = 0;
  auto src = open_frame_source("images:" + dir.path().string(), o);
  ASSERT_TRUE(src.ok()) << src.error().to_string();
  int frames = 0;
  while (auto f = (*src)->next()) {
    ++frames;
    EXPECT_EQ(f->width, 640);
  }
  EXPECT_EQ(frames, 3);  // the broken file is skipped, the text file ignored
  EXPECT_EQ((*src)->state(), SourceState::ended);

  auto again = open_frame_source("images:" + dir.path().string(), o);
  auto scanner = Scanner::start(std::move(again.value()));
  auto e = wait_for_scan(*scanner);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->text, kCode);
}

TEST(FrameSources, BadSpecsSayWhatIsWrong) {
  TempDir dir;
  auto unknown = open_frame_source("webcam");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown camera 'webcam'"), std::string::npos);
  EXPECT_FALSE(open_frame_source("images:" + dir.file("missing")).ok());
  auto empty = open_frame_source("images:" + dir.path().string());
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("no .png or .jpg"), std::string::npos);
  EXPECT_FALSE(open_frame_source("v4l2:").ok());
  EXPECT_FALSE(open_frame_source("synthetic", SourceOptions{10, 10}).ok());
  // A camera that is not there is waited for, not an error: the kiosk keeps working.
  auto none = open_frame_source("v4l2:" + dir.file("video9"));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE((*none)->next());
  EXPECT_EQ((*none)->state(), SourceState::waiting_for_device);
  EXPECT_NE((*none)->status_text().find("no camera at"), std::string::npos);
}

TEST(ImageFile, UnreadableFilesAreErrorsNotCrashes) {
  TempDir dir;
  EXPECT_FALSE(load_image_frame(dir.file("nope.png")).ok());
  EXPECT_FALSE(load_image_frame(dir.write("zero.png", "")).ok());
  EXPECT_FALSE(load_image_frame(dir.write("trunc.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10))).ok());
  EXPECT_FALSE(load_image_frame(dir.path().string()).ok());
}
