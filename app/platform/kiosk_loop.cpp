#include "platform/kiosk_loop.hpp"

#include <glad/gl.h>
#include <GLFW/glfw3.h>
#include <imgui/backends/imgui_impl_glfw.h>
#include <imgui/backends/imgui_impl_opengl3.h>
#include <imgui/imgui.h>
#include <nlohmann/json.hpp>

#include <dirent.h>
#include <sqlite3.h>
#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime (GCC ships no header for its allocator interface).
extern "C" size_t __sanitizer_get_current_allocated_bytes(void);
#endif

#include <atomic>
#include <cfloat>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "core/kiosk/front_desk.hpp"
#include "core/store/kiosk_lock.hpp"
#include "platform/gl_census.hpp"
#include "hub/hub_thread.hpp"
#include "platform/gl_helpers.hpp"
#include "platform/scan_input.hpp"
#include "ui/fonts.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/script_runner.hpp"

namespace rapport {

namespace {

double cpu_ms(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

const char* screen_name(ui::Screen s) {
  switch (s) {
    case ui::Screen::attract: return "attract";
    case ui::Screen::door_outcome: return "door_outcome";
    case ui::Screen::suggestions: return "suggestions";
    case ui::Screen::we_met: return "we_met";
    case ui::Screen::search: return "search";
    case ui::Screen::pin: return "pin";
    case ui::Screen::admin: return "admin";
    case ui::Screen::storage_problem: return "storage_problem";
  }
  return "?";
}

// Resident memory in KiB, from /proc/self/status (VmRSS).
int64_t rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6));
  return -1;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;  // RSS then includes ASan's quarantine of freed blocks
#else
constexpr bool kSanitized = false;
#endif

// Bytes malloc has handed out and not got back, over every arena (the desk and camera
// threads have their own; mallinfo2 sees only the main one): from malloc_info's totals,
// system memory in the arenas minus what is free in them, plus mmapped blocks.
int64_t heap_in_use_all_arenas() {
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer has its own allocator (malloc_info sees nothing): ask it.
  return static_cast<int64_t>(__sanitizer_get_current_allocated_bytes());
#else
  char* buf = nullptr;
  size_t len = 0;
  FILE* f = open_memstream(&buf, &len);
  if (!f) return -1;
  malloc_info(0, f);
  fclose(f);
  std::string xml(buf, len);
  free(buf);
  // The totals follow the last </heap>.
  size_t tail = xml.rfind("</heap>");
  if (tail == std::string::npos) tail = 0;
  auto attr = [&](const std::string& tag) -> int64_t {
    size_t at = xml.find(tag, tail);
    if (at == std::string::npos) return 0;
    size_t sz = xml.find("size=\"", at);
    return sz == std::string::npos ? 0 : std::stoll(xml.substr(sz + 6));
  };
  int64_t system = attr("<system type=\"current\"");
  int64_t free_fast = attr("<total type=\"fast\"");
  int64_t free_rest = attr("<total type=\"rest\"");
  int64_t mmapped = attr("<total type=\"mmap\"");
  return system - free_fast - free_rest + mmapped;
#endif
}

// Open file descriptors, from /proc/self/fd (minus the one reading it).
int open_fds() {
  DIR* d = opendir("/proc/self/fd");
  if (!d) return -1;
  int n = 0;
  while (dirent* e = readdir(d))
    if (e->d_name[0] != '.') ++n;
  closedir(d);
  return n - 1;
}

// What the window callbacks need; GLFW hands it back through the user pointer.
struct Loop {
  ScanInput* scan = nullptr;
  ui::KioskUi* ui = nullptr;
  bool kiosk_mode = true;
  int input_frames = 0;  // render a few frames after input so ImGui sees press and release
};

Loop* loop_of(GLFWwindow* w) { return static_cast<Loop*>(glfwGetWindowUserPointer(w)); }

void on_char(GLFWwindow* w, unsigned int cp) {
  Loop* l = loop_of(w);
  char buf[5] = {0};
  if (cp < 0x80) buf[0] = static_cast<char>(cp);
  else if (cp < 0x800) { buf[0] = static_cast<char>(0xC0 | (cp >> 6)); buf[1] = static_cast<char>(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
  } else return;
  auto now = std::chrono::system_clock::now();
  l->input_frames = 3;
  // A USB scanner types; on the search screen typing is a person's.
  if (l->ui->state().screen == ui::Screen::search) l->ui->on_typed(buf);
  else l->scan->feed_key(buf, now);
}

void on_key(GLFWwindow* w, int key, int, int action, int) {
  Loop* l = loop_of(w);
  l->input_frames = 3;
  if (action == GLFW_RELEASE) return;
  if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) l->scan->feed_key("\n", std::chrono::system_clock::now());
}

void on_close(GLFWwindow* w) {
  // In kiosk mode the window cannot be closed (Alt+F4, a stray close button): only the
  // admin screen's "Exit kiosk" ends the program.
  if (loop_of(w)->kiosk_mode) glfwSetWindowShouldClose(w, GLFW_FALSE);
}

class Host : public ui::ScriptHost {
 public:
  Host(ScanInput& scan, ui::KioskUi& ui, GLFWwindow* w, std::shared_ptr<std::atomic<int64_t>> clock_offset_ms,
       std::string probes_path, const int64_t& frames)
      : scan_(scan), ui_(ui), w_(w), offset_(std::move(clock_offset_ms)), probes_path_(std::move(probes_path)),
        frames_(frames) {}
  void present(const std::string& code) override { scan_.present(code); }
  void key_burst(const std::string& text) override {
    // As a USB scanner types: a few milliseconds between keys, then Enter.
    auto t = std::chrono::system_clock::now();
    for (size_t i = 0; i < text.size();) {
      size_t n = 1;
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
      scan_.feed_key(text.substr(i, n), t);
      t += std::chrono::milliseconds(4);
      i += n;
    }
    scan_.feed_key("\n", t);
  }
  void type_text(const std::string& text) override { ui_.on_typed(text); }
  Status screenshot(const std::string& path) override {
    int fw, fh;
    glfwGetFramebufferSize(w_, &fw, &fh);
    return save_screenshot(path, fw, fh);
  }
  void advance_clock(std::chrono::seconds by) override {
    *offset_ += std::chrono::duration_cast<std::chrono::milliseconds>(by).count();
  }
  Status probe(const std::string& name) override {
    if (probes_path_.empty()) return make_error("set RAPPORT_KIOSK_PROBES=FILE to record probes");
    GlCensus gl = gl_census();
    // Measured with the camera's worker parked between frames: a frame it happens to be
    // rendering or decoding at this instant (up to a few MB) is not memory the kiosk keeps.
    scan_.hold_camera(true);
    struct mallinfo2 heap = mallinfo2();
    probes_.push_back({{"name", name},
                       {"rss_kib", rss_kib()},
                       {"sanitized", kSanitized},
                       {"heap_in_use_bytes", heap_in_use_all_arenas()},
                       {"main_arena_in_use_bytes", heap.uordblks},
                       {"sqlite_memory_bytes", sqlite3_memory_used()},
                       {"fds", open_fds()},
                       {"frames", frames_},
                       {"event_clock_offset_s", offset_->load() / 1000},
                       {"gl_textures_live", gl.textures_live()},
                       {"gl_buffers_live", gl.buffers_live()},
                       {"gl_vertex_arrays_live", gl.vertex_arrays_live()},
                       {"gl_textures_created", gl.textures_created},
                       {"gl_buffers_created", gl.buffers_created},
                       {"gl_vertex_arrays_created", gl.vertex_arrays_created}});
    scan_.hold_camera(false);
    // Rewritten whole after each probe: a run that dies later still leaves its figures.
    std::ofstream f(probes_path_, std::ios::trunc);
    f << nlohmann::json{{"probes", probes_}}.dump(1) << "\n";
    if (!f) return make_error("cannot write the probes file", probes_path_);
    return {};
  }

 private:
  ScanInput& scan_;
  ui::KioskUi& ui_;
  GLFWwindow* w_;
  std::shared_ptr<std::atomic<int64_t>> offset_;
  std::string probes_path_;
  const int64_t& frames_;
  nlohmann::json probes_ = nlohmann::json::array();
};

GLFWwindow* open_window(const KioskRun& run) {
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  if (run.windowed) return glfwCreateWindow(run.window_width, run.window_height, "Rapport", nullptr, nullptr);
  int count = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&count);
  if (count == 0) return nullptr;
  GLFWmonitor* m = monitors[std::min(run.config.display.monitor, count - 1)];
  const GLFWvidmode* mode = glfwGetVideoMode(m);
  glfwWindowHint(GLFW_RED_BITS, mode->redBits);
  glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
  glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
  glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // stay up when focus moves
  return glfwCreateWindow(mode->width, mode->height, "Rapport", m, nullptr);
}

}  // namespace

int run_kiosk(const KioskRun& run) {
  KioskConfig config = run.config;
  std::string camera = run.camera.empty() ? config.camera.source : run.camera;

  std::optional<std::vector<ScriptStep>> script;
  if (!run.script.empty()) {
    auto s = load_kiosk_script(run.script);
    if (!s) {
      std::cerr << "rapport: " << s.error().to_string() << std::endl;
      return 2;
    }
    script = std::move(*s);
  }
  // One kiosk per file: take the sidecar lock before the database is touched at all.
  KioskLock lock;
  std::error_code ec;
  if (std::filesystem::exists(run.db_path, ec)) {
    auto l = KioskLock::acquire(run.db_path);
    if (!l) {
      std::cerr << "rapport: " << l.error().to_string() << std::endl;
      return 1;
    }
    lock = std::move(*l);
  }
  // A damaged file is said now, at start-up, not later in front of an attendee.
  OpenOptions open_options;
  open_options.verify = true;
  auto store = Store::open(run.db_path, open_options);
  if (!store) {
    std::cerr << "rapport: " << store.error().to_string() << std::endl;
    return 2;
  }
  // The event clock: the real one (or RAPPORT_FAKE_NOW) plus what the script's `advance`
  // added. It stamps rows and paces the sync target; the screens' timeouts stay real.
  auto clock_offset = std::make_shared<std::atomic<int64_t>>(0);
  store->set_clock([base = store->clock(), clock_offset] {
    return base() + std::chrono::milliseconds(clock_offset->load());
  });
  FrontDesk::Options desk_options;
  desk_options.config = config;
  auto desk = FrontDesk::open(std::move(*store), std::move(desk_options));
  if (!desk) {
    std::cerr << "rapport: " << desk.error().to_string() << std::endl;
    return 1;
  }
  // Several kiosks, one event: the hub sync thread (its own connection to the file)
  // pushes and pulls every interval; the desk's matcher learns what it pulled.
  std::unique_ptr<hub::HubSyncThread> hub_sync;
  if (!config.hub.url.empty()) {
    hub::HubSyncThread::Options ho;
    ho.url = config.hub.url;
    ho.db_path = run.db_path;
    ho.kiosk_id = config.kiosk_id;
    ho.interval = std::chrono::seconds(config.hub.interval_seconds);
    FrontDesk* d = desk->get();
    ho.on_pulled = [d](const AppliedRows& rows) { d->absorb(rows); };
    auto t = hub::HubSyncThread::start(std::move(ho));
    if (!t) {
      std::cerr << "rapport: " << t.error().to_string() << std::endl;
      return 1;
    }
    hub_sync = std::move(*t);
  }
  auto scan = open_scan_input(camera, config);
  if (!scan) {
    std::cerr << "rapport: " << scan.error().to_string() << std::endl;
    return 2;
  }

  glfwSetErrorCallback([](int code, const char* what) { std::cerr << "rapport: GLFW " << code << ": " << what << std::endl; });
  if (!glfwInit()) {
    std::cerr << "rapport: no display (set DISPLAY, or run under xvfb-run / cage)" << std::endl;
    return 1;
  }
  GLFWwindow* window = open_window(run);
  if (!window) {
    std::cerr << "rapport: could not open an OpenGL 3.3 window" << std::endl;
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (!gladLoadGL(glfwGetProcAddress)) {
    std::cerr << "rapport: could not load OpenGL 3.3" << std::endl;
    glfwDestroyWindow(window);
    glfwTerminate();
    return 1;
  }
  if (!run.windowed) glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  ImGui::StyleColorsDark();

  int fw, fh;
  glfwGetFramebufferSize(window, &fw, &fh);
  double scale = config.theme.scale > 0 ? config.theme.scale : 1.0;
  // One em is a thirtieth of the screen height: about 36 px on a 1080p screen, which
  // reads from a metre away; every size in the UI is a multiple of it.
  ui::FontRequest fonts_req;
  fonts_req.em = static_cast<float>(std::round(std::max(16.0, fh / 30.0 * scale)));
  fonts_req.texts.push_back((*desk)->event_name());
  for (const auto& p : (*desk)->roster()) {
    fonts_req.texts.push_back(p.first_name + p.last_name + p.initials);
    for (const auto& t : p.interests) fonts_req.texts.push_back(t);
  }
  ui::Fonts fonts = ui::build_fonts(fonts_req);

  ui::KioskState initial;
  initial.config = config;
  initial.mode = config.mode;
  initial.event_name = (*desk)->event_name();
  initial.roster = (*desk)->roster();
  if ((*scan)->can_present())
    for (const auto& b : (*desk)->demo_badges()) {
      initial.demo_badges.push_back(b.code);
      initial.demo_names.push_back(b.first_name);
    }
  ui::KioskUi ui(std::move(initial), fonts, i18n::Languages::load(i18n::Languages::default_dir()));
  ui.set_camera((*scan)->status_text(), (*scan)->camera_live());

  Loop loop;
  loop.scan = scan->get();
  loop.ui = &ui;
  loop.kiosk_mode = !run.windowed;
  glfwSetWindowUserPointer(window, &loop);
  // Ours first: ImGui's backend chains to the callbacks installed before it.
  glfwSetCharCallback(window, on_char);
  glfwSetKeyCallback(window, on_key);
  glfwSetWindowCloseCallback(window, on_close);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  install_gl_census();

  (*desk)->set_wake([] { glfwPostEmptyEvent(); });
  (*scan)->set_wake([] { glfwPostEmptyEvent(); });

  std::optional<ui::ScriptRunner> runner;
  if (script) runner.emplace(std::move(*script), run.script);
  int64_t frames_drawn = 0;
  Host host(**scan, ui, window, clock_offset, run.probes_path, frames_drawn);
  std::vector<unsigned> glyphs_asked;
  // A reply may carry a name with characters the atlas was not built with (someone added
  // to the file while the kiosk runs): grow the glyph set before the frame that shows it.
  auto ensure_glyphs = [&](const DeskReply& r) {
    if (!ui::needs_glyphs(fonts, ui::reply_texts(r), fonts_req, glyphs_asked)) return;
    fonts = ui::build_fonts(fonts_req);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    ui.set_fonts(fonts);
  };
  CameraTexture camera_tex;
  Frame frame;
  uint64_t have_seq = 0;

  nlohmann::json stats = {{"frames", nlohmann::json::array()}, {"scan_to_screen_ms", nlohmann::json::array()}};
  bool hide_pointer = false;
  bool prev_down = false;
  ImVec2 released_at(-1, -1);
  int exit_code = 0;
  bool running = true;
  int skipped_for_desk = 0;
  auto flush = [&](ui::UiOutput& out) {
    for (auto& r : out.requests) (*desk)->submit(std::move(r));
    out.requests.clear();
    if (out.clear_camera) (*scan)->clear();
    for (const auto& code : out.present) (*scan)->present(code);
    out.present.clear();
  };
  while (running) {
    bool busy = (runner && !runner->done()) || loop.input_frames > 0 || (*desk)->busy() ||
                io.MouseDown[0];
    // A script that just moved on goes straight to its next frame (tests, the soak),
    // unless the desk works (its reply wakes the loop); otherwise the kiosk waits for events.
    if (runner && runner->progressed() && !runner->done() && !(*desk)->busy()) glfwPollEvents();
    else if (busy) glfwWaitEventsTimeout(1.0 / 60);
    else if ((*scan)->camera_live()) glfwWaitEventsTimeout(0.1);  // woken by each new frame
    else glfwWaitEventsTimeout(0.5);                              // idle: two frames a second
    if (loop.input_frames > 0) --loop.input_frames;
    if (glfwWindowShouldClose(window)) break;

    auto now = std::chrono::system_clock::now();
    ui::UiOutput early;
    bool replied = false;
    while (auto r = (*desk)->poll()) {
      ensure_glyphs(*r);
      ui.on_reply(std::move(*r), early);
      replied = true;
    }
    while (auto e = (*scan)->poll()) ui.on_scan(e->text, e->frame_captured, early);
    // Hand a scan to the desk at once, and draw nothing until it answers (it wakes the
    // loop): a frame drawn in between would only delay the answer. The loop waits on
    // events, never on the disk; if the desk is slow the screen says "One moment...".
    bool asked = !early.requests.empty();
    flush(early);
    if (asked && !replied && skipped_for_desk < 12) {
      ++skipped_for_desk;
      continue;
    }
    skipped_for_desk = 0;
    if (early.exit) break;
    double cpu0 = cpu_ms(CLOCK_THREAD_CPUTIME_ID), proc0 = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
    auto wall0 = std::chrono::steady_clock::now();
    ui::UiOutput out;
    ui.set_desk_busy((*desk)->busy());
    if (hub_sync) ui.set_hub_status(hub_sync->status().line());
    ui.set_camera((*scan)->status_text(), (*scan)->camera_live());
    if ((*scan)->latest_frame(frame, have_seq)) {
      have_seq = frame.sequence;
      camera_tex.upload(frame);
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // Touches arrive as mouse events: after a tap, move the pointer away so the button
    // does not stay highlighted until the next touch.
    bool down = io.MouseDown[0];
    if (hide_pointer && (down || io.MousePos.x != released_at.x || io.MousePos.y != released_at.y))
      hide_pointer = false;
    if (prev_down && !down) {
      released_at = io.MousePos;  // this frame still sees the release where it happened
    } else if (hide_pointer) {
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    }
    if (prev_down && !down) hide_pointer = true;
    prev_down = down;
    if (down) ui.on_input(now);
    if (runner) runner->inject_input(io);
    ImGui::NewFrame();
    ui::CameraView view;
    if (camera_tex.ready()) {
      view.texture = camera_tex.imgui_id();
      view.width = camera_tex.width();
      view.height = camera_tex.height();
      view.live = (*scan)->camera_live();
    }
    ui.frame(now, view, out);
    ImGui::Render();
    glfwGetFramebufferSize(window, &fw, &fh);
    glViewport(0, 0, fw, fh);
    ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui.kit().pal().background);
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (auto shown = ui.take_shown_scan(); shown && !run.stats_path.empty()) {
      glFinish();  // the outcome is on screen once the frame is drawn
      double ms = std::chrono::duration<double, std::milli>(std::chrono::system_clock::now() - *shown).count();
      if (stats["scan_to_screen_ms"].size() < 20000) stats["scan_to_screen_ms"].push_back(ms);
    }
    ++frames_drawn;
    if (runner) {
      runner->after_frame(ui.kit(), host, now);
      if (runner->done()) {
        if (runner->failed()) {
          std::cerr << "rapport: script failed: " << runner->failure() << std::endl;
          exit_code = 1;
        }
        running = false;
      }
    }
    glfwSwapBuffers(window);
    if (!run.stats_path.empty() && stats["frames"].size() < 20000)
      stats["frames"].push_back({{"screen", screen_name(ui.state().screen)},
                                 {"ui_cpu_ms", cpu_ms(CLOCK_THREAD_CPUTIME_ID) - cpu0},
                                 {"process_cpu_ms", cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - proc0},
                                 {"wall_ms", std::chrono::duration<double, std::milli>(
                                                 std::chrono::steady_clock::now() - wall0).count()}});

    flush(out);
    if (out.exit) running = false;
  }

  hub_sync.reset();  // before the desk it hands rows to
  (*desk)->set_wake({});
  (*scan)->set_wake({});
  if (!run.stats_path.empty()) {
    std::ofstream f(run.stats_path);
    f << stats.dump() << "\n";
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}

}  // namespace rapport
