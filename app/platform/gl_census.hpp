#pragma once
// Counts every GL texture, buffer and vertex array created and deleted in the process,
// by Rapport's own code (through glad) and by ImGui's OpenGL backend (through its own
// loader), so the soak test can tell a leak from churn: created - deleted must stay flat
// over a ten-hour day. The wrappers sit in the two loaders' function tables, which are
// process-wide already; the counters are the one piece of global state this needs.
#include <cstdint>

namespace rapport {

struct GlCensus {
  int64_t textures_created = 0, textures_deleted = 0;
  int64_t buffers_created = 0, buffers_deleted = 0;
  int64_t vertex_arrays_created = 0, vertex_arrays_deleted = 0;
  int64_t textures_live() const { return textures_created - textures_deleted; }
  int64_t buffers_live() const { return buffers_created - buffers_deleted; }
  int64_t vertex_arrays_live() const { return vertex_arrays_created - vertex_arrays_deleted; }
};

// Call after gladLoadGL and after ImGui_ImplOpenGL3_Init (which loads its own table).
void install_gl_census();
GlCensus gl_census();

namespace gl_census_detail {
enum class Kind { texture, buffer, vertex_array };
void created(Kind k, int n, const unsigned* names);
void deleted(Kind k, int n, const unsigned* names);
void install_imgui_hooks();
}  // namespace gl_census_detail

}  // namespace rapport
