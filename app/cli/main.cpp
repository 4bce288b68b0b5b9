// rapport: the event kiosk and the organizer's tools.
#include <clocale>
#include <iostream>

#include "cli/command.hpp"
#include "cli/terminal_text.hpp"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  using namespace rapport::cli;
  TerminalGuard terminal;  // names from rosters never drive the terminal
  CLI::App app{"Rapport: check-in and introductions for networking events"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "rapport 0.1.0");
  Commands commands;
  add_init(app, commands);
  add_import(app, commands);
  add_checkin(app, commands);
  add_demo_event(app, commands);
  add_badges(app, commands);
  add_decode(app, commands);
  add_suggest(app, commands);
  add_connect(app, commands);
  add_export(app, commands);
  add_merge(app, commands);
  add_forget(app, commands);
  add_stats(app, commands);
  add_kiosk(app, commands);
  add_hub(app, commands);
  add_sync(app, commands);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string where;
    for (auto* sub : app.get_subcommands()) where = " " + sub->get_name();
    std::cerr << "rapport" << where << ": " << e.what() << "\n(see 'rapport" << where
              << " --help')" << std::endl;
    return kBadInput;
  }
  for (auto& c : commands)
    if (c.app->parsed()) return c.run();
  return kBadInput;
}
