# Install like a Debian program, and a .deb to do it with (docs/DEPLOY.md):
#   cmake -S . -B build-deb -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
#         -DRAPPORT_BUILD_TESTS=OFF
#   cmake --build build-deb && (cd build-deb && cpack -G DEB)   # -> rapport_<version>_<arch>.deb
# With the /usr prefix the program lands in /usr/bin, the default kiosk configs in
# /etc/rapport (conffiles: an upgrade keeps the organizer's edits), the systemd unit in
# /usr/lib/systemd/system and the docs in /usr/share/doc/rapport.
include(GNUInstallDirs)

install(TARGETS rapport RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(RAPPORT_CONFIG_DIR ${CMAKE_INSTALL_FULL_SYSCONFDIR}/rapport)
set(_configs door.toml floor.toml demo.toml import.toml)
set(_conffiles "")
foreach(c ${_configs})
  install(FILES ${CMAKE_SOURCE_DIR}/kiosk-config/${c} DESTINATION ${RAPPORT_CONFIG_DIR})
  string(APPEND _conffiles "${RAPPORT_CONFIG_DIR}/${c}\n")
endforeach()
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/packaging/conffiles CONTENT "${_conffiles}")

# The unit starts the installed program (the file in kiosk-config/ names /usr/bin).
set(RAPPORT_INSTALLED_BIN ${CMAKE_INSTALL_FULL_BINDIR}/rapport)
file(READ ${CMAKE_SOURCE_DIR}/kiosk-config/rapport-kiosk.service _unit)
string(REPLACE "/usr/bin/rapport" "${RAPPORT_INSTALLED_BIN}" _unit "${_unit}")
string(REPLACE "/etc/rapport/" "${RAPPORT_CONFIG_DIR}/" _unit "${_unit}")
file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/packaging/rapport-kiosk.service CONTENT "${_unit}")
install(FILES ${CMAKE_BINARY_DIR}/packaging/rapport-kiosk.service
  DESTINATION ${CMAKE_INSTALL_PREFIX}/lib/systemd/system)

install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/kiosk-config/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME README.kiosk-config.md)
file(GLOB _docs ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${_docs} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/demo DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

# CPack: a .deb whose dependencies are what the program links (dpkg-shlibdeps reads the
# binary) plus the fonts it draws names with.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rapport)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Rapport maintainers <rapport@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "networking kiosk for events: badge check-in and introductions")
set(CPACK_PACKAGE_DESCRIPTION "A touch-screen kiosk for conferences and meetups: attendees hold
 up their badge, are checked in, and are shown a few people worth meeting.
 Works offline on one SQLite file per kiosk; files merge after the day.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # rapport_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core | fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, fonts-noto-cjk, fonts-noto-color-emoji, fonts-dejavu-core, libgl1-mesa-dri")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "sqlite3, postgresql")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)  # the debug info stays in the build tree
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/packaging/conffiles)
# Only the program's own files go in the package (no test or benchmark binaries).
set(CPACK_INSTALL_CMAKE_PROJECTS "${CMAKE_BINARY_DIR};${PROJECT_NAME};Unspecified;/")
include(CPack)
