#pragma once
// The day's connection graph for the admin screen's picture: people who met someone, and
// who met whom. The layout and drawing are the UI's; this is only the data.
#include <string>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/result.hpp"

namespace rapport {

struct GraphNode {
  std::string id;
  std::string label;         // first name when the person consented, else empty
  std::string top_interest;  // tag key of their first interest (for the colour), may be empty
  int degree = 0;
};

struct GraphEdge {
  int a = 0, b = 0;  // indexes into nodes
  std::string at;
};

struct ConnectionGraph {
  std::vector<GraphNode> nodes;  // by id
  std::vector<GraphEdge> edges;  // by time
};

Result<ConnectionGraph> load_connection_graph(Db& db);

}  // namespace rapport
