#include "platform/diagnostics.hpp"

#include <dirent.h>
#include <malloc.h>
#include <sqlite3.h>

#include <ctime>
#include <fstream>

#include "platform/gl_census.hpp"

#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime (GCC ships no header for its allocator interface).
extern "C" size_t __sanitizer_get_current_allocated_bytes(void);
#endif

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
    case ui::Screen::staff: return "staff";
    case ui::Screen::walkin: return "walkin";
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

}  // namespace

nlohmann::json probe_figures(const std::string& name, int64_t frames, int64_t event_clock_offset_s,
                             int64_t text_textures) {
  GlCensus gl = gl_census();
  struct mallinfo2 heap = mallinfo2();
  return {{"name", name},
          {"rss_kib", rss_kib()},
          {"sanitized", kSanitized},
          {"heap_in_use_bytes", heap_in_use_all_arenas()},
          {"main_arena_in_use_bytes", heap.uordblks},
          {"sqlite_memory_bytes", sqlite3_memory_used()},
          {"fds", open_fds()},
          {"frames", frames},
          {"event_clock_offset_s", event_clock_offset_s},
          {"gl_textures_live", gl.textures_live()},
          {"gl_text_textures_live", text_textures},
          {"gl_buffers_live", gl.buffers_live()},
          {"gl_vertex_arrays_live", gl.vertex_arrays_live()},
          {"gl_textures_created", gl.textures_created},
          {"gl_buffers_created", gl.buffers_created},
          {"gl_vertex_arrays_created", gl.vertex_arrays_created}};
}

Status ProbeLog::add(nlohmann::json probe) {
  if (!enabled()) return make_error("set RAPPORT_KIOSK_PROBES=FILE to record probes");
  probes_.push_back(std::move(probe));
  std::ofstream f(path_, std::ios::trunc);
  f << nlohmann::json{{"probes", probes_}}.dump(1) << "\n";
  if (!f) return make_error("cannot write the probes file", path_);
  return {};
}

void FrameStats::begin_frame() {
  if (!enabled()) return;
  cpu0_ = cpu_ms(CLOCK_THREAD_CPUTIME_ID);
  proc0_ = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
  wall0_ = std::chrono::steady_clock::now();
}

void FrameStats::end_frame(ui::Screen screen) {
  if (!enabled() || stats_["frames"].size() >= 20000) return;
  stats_["frames"].push_back(
      {{"screen", screen_name(screen)},
       {"ui_cpu_ms", cpu_ms(CLOCK_THREAD_CPUTIME_ID) - cpu0_},
       {"process_cpu_ms", cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - proc0_},
       {"wall_ms", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0_).count()}});
}

void FrameStats::scan_shown(TimePoint captured) {
  if (!enabled()) return;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::system_clock::now() - captured).count();
  if (stats_["scan_to_screen_ms"].size() < 20000) stats_["scan_to_screen_ms"].push_back(ms);
}

void FrameStats::write() const {
  if (!enabled()) return;
  std::ofstream f(path_);
  f << stats_.dump() << "\n";
}

}  // namespace rapport
