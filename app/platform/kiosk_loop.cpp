#include "platform/kiosk_loop.hpp"

#include <GLFW/glfw3.h>
#include <imgui/imgui.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <optional>

#include "core/kiosk/front_desk.hpp"
#include "core/store/kiosk_lock.hpp"
#include "core/store/startup_check.hpp"
#include "hub/hub_thread.hpp"
#include "platform/backend.hpp"
#include "platform/diagnostics.hpp"
#include "platform/gl_helpers.hpp"
#include "platform/idling.hpp"
#include "platform/scan_input.hpp"
#include "platform/script_host.hpp"
#include "platform/touch_pointer.hpp"
#include "ui/fonts.hpp"
#include "ui/kiosk_ui.hpp"
#include "ui/script_runner.hpp"

namespace rapport {

namespace {

// What the window callbacks need; GLFW hands it back through the user pointer.
struct Loop {
  ScanInput* scan = nullptr;
  ui::KioskUi* ui = nullptr;
  bool kiosk_mode = true;
  int input_frames = 0;  // frames still owed to recent input (IdlingPolicy::frames_after_input)
  int frames_after_input = 3;
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
  l->input_frames = l->frames_after_input;
  // A USB scanner types; on the search screen typing is a person's.
  if (l->ui->state().screen == ui::Screen::search) l->ui->on_typed(buf);
  else l->scan->feed_key(buf, now);
}

void on_key(GLFWwindow* w, int key, int, int action, int) {
  Loop* l = loop_of(w);
  l->input_frames = l->frames_after_input;
  if (action == GLFW_RELEASE) return;
  if (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) l->scan->feed_key("\n", std::chrono::system_clock::now());
}

void on_close(GLFWwindow* w) {
  // In kiosk mode the window cannot be closed (Alt+F4, a stray close button): only the
  // admin screen's "Exit kiosk" ends the program.
  if (loop_of(w)->kiosk_mode) glfwSetWindowShouldClose(w, GLFW_FALSE);
}

}  // namespace

int run_kiosk(const KioskRun& run) {
  KioskConfig config = run.config;
  std::string camera = run.camera.empty() ? config.camera.source : run.camera;
  const IdlingPolicy policy;

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
  // The check runs beside the desk's load when opening writes nothing before it (cold start).
  auto check = std::make_shared<std::future<Status>>(start_check_beside_load(run.db_path));
  auto verdict = std::make_shared<std::optional<Status>>();
  auto checked = [check, verdict]() -> Status {
    if (!*verdict) *verdict = check->valid() ? check->get() : Status{};
    return **verdict;
  };
  open_options.verify = !check->valid();
  auto store = Store::open(run.db_path, open_options);
  if (!store) {
    Status file = checked();
    std::cerr << "rapport: " << (file ? store.error() : file.error()).to_string() << std::endl;
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
  // A damaged file stops the kiosk before the desk's thread starts (exit 2, as above),
  // also when the desk's load ran into the damage first.
  desk_options.before_start = checked;
  auto desk = FrontDesk::open(std::move(*store), std::move(desk_options));
  if (!desk) {
    Status file = checked();
    std::cerr << "rapport: " << (file ? desk.error() : file.error()).to_string() << std::endl;
    return file ? 1 : 2;
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

  auto backend = Backend::open({run.windowed, run.window_width, run.window_height, config.display.monitor});
  if (!backend) {
    std::cerr << "rapport: " << backend.error().to_string() << std::endl;
    return 1;
  }
  Backend& be = **backend;

  int fw, fh;
  be.framebuffer_size(fw, fh);
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
  loop.frames_after_input = policy.frames_after_input;
  be.start_imgui({&loop, on_char, on_key, on_close});

  (*desk)->set_wake(&Backend::wake);
  (*scan)->set_wake(&Backend::wake);

  std::optional<ui::ScriptRunner> runner;
  if (script) runner.emplace(std::move(*script), run.script);
  int64_t frames_drawn = 0;
  KioskScriptHost host(**scan, ui, be, clock_offset, run.probes_path, frames_drawn);
  FrameStats stats(run.stats_path);
  std::vector<unsigned> glyphs_asked;
  // A reply may carry a name with characters the atlas was not built with (someone added
  // to the file while the kiosk runs): grow the glyph set before the frame that shows it.
  auto ensure_glyphs = [&](const DeskReply& r) {
    if (!ui::needs_glyphs(fonts, ui::reply_texts(r), fonts_req, glyphs_asked)) return;
    fonts = ui::build_fonts(fonts_req);
    be.reload_fonts();
    ui.set_fonts(fonts);
  };
  CameraTexture camera_tex;
  Frame frame;
  uint64_t have_seq = 0;
  TouchPointer touch;

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
    LoopSignals signals;
    signals.script_running = runner && !runner->done();
    signals.script_progressed = runner && runner->progressed();
    signals.desk_busy = (*desk)->busy();
    signals.pointer_down = ImGui::GetIO().MouseDown[0];
    signals.input_frames_left = loop.input_frames;
    signals.camera_live = (*scan)->camera_live();
    if (be.wait(decide_idling(signals, policy))) break;
    if (loop.input_frames > 0) --loop.input_frames;

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
    if (skip_frame_for_desk(asked, replied, skipped_for_desk, policy)) {
      ++skipped_for_desk;
      continue;
    }
    skipped_for_desk = 0;
    if (early.exit) break;

    stats.begin_frame();
    ui::UiOutput out;
    ui.set_desk_busy((*desk)->busy());
    if (hub_sync) ui.set_hub_status(hub_sync->status().line());
    ui.set_camera((*scan)->status_text(), (*scan)->camera_live());
    FrameChange change;
    // A script and a stats run look at every frame; otherwise a frame like the last is not drawn.
    change.must_present = runner.has_value() || stats.enabled();
    if ((*scan)->latest_frame(frame, have_seq)) {
      have_seq = frame.sequence;
      camera_tex.upload(frame);
      change.camera_frame_new = true;
    }

    FrameHooks hooks;
    hooks.input = [&](ImGuiIO& io) {
      if (touch.before_frame(io)) ui.on_input(now);
      if (runner) runner->inject_input(io);
    };
    hooks.draw = [&] {
      ui::CameraView view;
      if (camera_tex.ready()) {
        view.texture = camera_tex.imgui_id();
        view.width = camera_tex.width();
        view.height = camera_tex.height();
        view.live = (*scan)->camera_live();
      }
      ui.frame(now, view, out);
    };
    hooks.before_swap = [&] {
      if (auto shown = ui.take_shown_scan(); shown && stats.enabled()) {
        Backend::finish();  // the outcome is on screen once the frame is drawn
        stats.scan_shown(*shown);
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
    };
    be.frame(hooks, ui.kit().pal().background, change);
    stats.end_frame(ui.state().screen);

    flush(out);
    if (out.exit) running = false;
  }

  hub_sync.reset();  // before the desk it hands rows to
  (*desk)->set_wake({});
  (*scan)->set_wake({});
  stats.write();
  return exit_code;
}

}  // namespace rapport
