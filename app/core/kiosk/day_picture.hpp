#pragma once
// The day so far, for the admin screen: the figures, the check-in curve, connections over
// time, and the connection graph. Built on the desk thread from the event file.
#include <string>
#include <vector>

#include "core/store/store.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct DayPicture {
  int attendees = 0;
  int checked_in = 0;
  int connections = 0;
  int suggestions_shown = 0;
  int suggestions_acted_on = 0;
  std::vector<std::string> checkin_times;     // ISO-8601, sorted
  std::vector<std::string> connection_times;  // ISO-8601, sorted
  struct Node {
    std::string first_name;
    std::string top_interest;  // colours the node
  };
  std::vector<Node> nodes;                  // everyone with at least one connection
  std::vector<std::pair<int, int>> edges;   // indices into nodes
};

Result<DayPicture> picture_the_day(Db& db);

// Counts per bucket of `minutes`, from the first time to the last (empty input: empty).
std::vector<int> per_bucket(const std::vector<std::string>& iso_times, int minutes);

}  // namespace rapport
