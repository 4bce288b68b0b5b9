#include "platform/gl_census.hpp"

#include <glad/gl.h>

#include <atomic>

namespace rapport {

namespace gl_census_detail {
namespace {
struct Counters {
  std::atomic<int64_t> created[3]{}, deleted[3]{};
};
Counters& counters() {
  static Counters c;
  return c;
}
int64_t real_names(int n, const unsigned* names) {
  int64_t k = 0;
  for (int i = 0; names && i < n; ++i) k += names[i] != 0;  // deleting name 0 is a no-op
  return k;
}

PFNGLGENTEXTURESPROC real_gen_textures = nullptr;
PFNGLDELETETEXTURESPROC real_delete_textures = nullptr;
PFNGLGENBUFFERSPROC real_gen_buffers = nullptr;
PFNGLDELETEBUFFERSPROC real_delete_buffers = nullptr;
PFNGLGENVERTEXARRAYSPROC real_gen_vertex_arrays = nullptr;
PFNGLDELETEVERTEXARRAYSPROC real_delete_vertex_arrays = nullptr;

void GLAD_API_PTR gen_textures(GLsizei n, GLuint* names) {
  real_gen_textures(n, names);
  created(Kind::texture, n, names);
}
void GLAD_API_PTR delete_textures(GLsizei n, const GLuint* names) {
  deleted(Kind::texture, n, names);
  real_delete_textures(n, names);
}
void GLAD_API_PTR gen_buffers(GLsizei n, GLuint* names) {
  real_gen_buffers(n, names);
  created(Kind::buffer, n, names);
}
void GLAD_API_PTR delete_buffers(GLsizei n, const GLuint* names) {
  deleted(Kind::buffer, n, names);
  real_delete_buffers(n, names);
}
void GLAD_API_PTR gen_vertex_arrays(GLsizei n, GLuint* names) {
  real_gen_vertex_arrays(n, names);
  created(Kind::vertex_array, n, names);
}
void GLAD_API_PTR delete_vertex_arrays(GLsizei n, const GLuint* names) {
  deleted(Kind::vertex_array, n, names);
  real_delete_vertex_arrays(n, names);
}
}  // namespace

void created(Kind k, int n, const unsigned* names) {
  counters().created[static_cast<int>(k)] += real_names(n, names);
}
void deleted(Kind k, int n, const unsigned* names) {
  counters().deleted[static_cast<int>(k)] += real_names(n, names);
}
}  // namespace gl_census_detail

void install_gl_census() {
  using namespace gl_census_detail;
  if (!real_gen_textures) {  // once: a second call would wrap the wrappers
    real_gen_textures = glad_glGenTextures;
    real_delete_textures = glad_glDeleteTextures;
    real_gen_buffers = glad_glGenBuffers;
    real_delete_buffers = glad_glDeleteBuffers;
    real_gen_vertex_arrays = glad_glGenVertexArrays;
    real_delete_vertex_arrays = glad_glDeleteVertexArrays;
    glad_glGenTextures = gen_textures;
    glad_glDeleteTextures = delete_textures;
    glad_glGenBuffers = gen_buffers;
    glad_glDeleteBuffers = delete_buffers;
    glad_glGenVertexArrays = gen_vertex_arrays;
    glad_glDeleteVertexArrays = delete_vertex_arrays;
  }
  install_imgui_hooks();
}

GlCensus gl_census() {
  auto& c = gl_census_detail::counters();
  GlCensus g;
  g.textures_created = c.created[0];
  g.textures_deleted = c.deleted[0];
  g.buffers_created = c.created[1];
  g.buffers_deleted = c.deleted[1];
  g.vertex_arrays_created = c.created[2];
  g.vertex_arrays_deleted = c.deleted[2];
  return g;
}

}  // namespace rapport
