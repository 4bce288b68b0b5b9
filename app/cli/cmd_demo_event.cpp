#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "core/roster/demo_event.hpp"

namespace rapport::cli {

void add_demo_event(CLI::App& root, Commands& out) {
  struct Opts {
    std::string out;
    size_t attendees = 200;
    uint64_t seed = 1;
  };
  auto o = std::make_shared<Opts>();
  auto* app = root.add_subcommand("demo-event", "Write a realistic synthetic roster (native CSV)");
  app->add_option("--out", o->out, "The roster CSV to write")->required();
  app->add_option("--attendees", o->attendees, "How many attendees")->check(CLI::Range(1, 10'000'000));
  app->add_option("--seed", o->seed, "Random seed (same seed, same roster)");
  out.push_back({app, [o]() -> int {
                   std::string csv = demo_roster_csv({o->attendees, o->seed});
                   std::string tmp = o->out + ".tmp";
                   {
                     std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
                     if (!f) return bad_input(make_error("cannot write here", o->out));
                     f << csv;
                     if (!f.flush()) return failed(make_error("could not write the whole file (disk full?)", o->out));
                   }
                   if (std::rename(tmp.c_str(), o->out.c_str()) != 0)
                     return failed(make_error("could not move the finished file into place", o->out));
                   std::cout << fmt::format("Wrote {} attendees to {}\n", o->attendees, o->out);
                   return kOk;
                 }});
}

}  // namespace rapport::cli
