// The census hooks in ImGui's OpenGL3 backend, which calls GL through its own small
// loader table (imgl3wProcs) rather than glad. Kept in its own file: that loader's
// header and glad's cannot share a translation unit.
#include <imgui/backends/imgui_impl_opengl3_loader.h>

#include "platform/gl_census.hpp"

namespace rapport::gl_census_detail {

namespace {
PFNGLGENTEXTURESPROC real_gen_textures = nullptr;
PFNGLDELETETEXTURESPROC real_delete_textures = nullptr;
PFNGLGENBUFFERSPROC real_gen_buffers = nullptr;
PFNGLDELETEBUFFERSPROC real_delete_buffers = nullptr;
PFNGLGENVERTEXARRAYSPROC real_gen_vertex_arrays = nullptr;
PFNGLDELETEVERTEXARRAYSPROC real_delete_vertex_arrays = nullptr;

void APIENTRY gen_textures(GLsizei n, GLuint* names) {
  real_gen_textures(n, names);
  created(Kind::texture, n, names);
}
void APIENTRY delete_textures(GLsizei n, const GLuint* names) {
  deleted(Kind::texture, n, names);
  real_delete_textures(n, names);
}
void APIENTRY gen_buffers(GLsizei n, GLuint* names) {
  real_gen_buffers(n, names);
  created(Kind::buffer, n, names);
}
void APIENTRY delete_buffers(GLsizei n, const GLuint* names) {
  deleted(Kind::buffer, n, names);
  real_delete_buffers(n, names);
}
void APIENTRY gen_vertex_arrays(GLsizei n, GLuint* names) {
  real_gen_vertex_arrays(n, names);
  created(Kind::vertex_array, n, names);
}
void APIENTRY delete_vertex_arrays(GLsizei n, const GLuint* names) {
  deleted(Kind::vertex_array, n, names);
  real_delete_vertex_arrays(n, names);
}
}  // namespace

void install_imgui_hooks() {
  auto& gl = imgl3wProcs.gl;
  if (gl.GenTextures == gen_textures) return;
  real_gen_textures = gl.GenTextures;
  real_delete_textures = gl.DeleteTextures;
  real_gen_buffers = gl.GenBuffers;
  real_delete_buffers = gl.DeleteBuffers;
  real_gen_vertex_arrays = gl.GenVertexArrays;
  real_delete_vertex_arrays = gl.DeleteVertexArrays;
  gl.GenTextures = gen_textures;
  gl.DeleteTextures = delete_textures;
  gl.GenBuffers = gen_buffers;
  gl.DeleteBuffers = delete_buffers;
  gl.GenVertexArrays = gen_vertex_arrays;
  gl.DeleteVertexArrays = delete_vertex_arrays;
}

}  // namespace rapport::gl_census_detail
