#include "core/sync/graph.hpp"

#include <unordered_map>

namespace rapport {

Result<ConnectionGraph> load_connection_graph(Db& db) {
  ConnectionGraph g;
  std::unordered_map<std::string, int> index;
  auto people = db.prepare(R"sql(
SELECT a.id, CASE WHEN a.consent = 1 AND a.status <> 'forgotten' THEN a.first_name ELSE '' END,
       (SELECT x.tag FROM attendee_tags x WHERE x.attendee_id = a.id AND x.kind = 'interest' ORDER BY x.tag LIMIT 1)
  FROM attendees a
 WHERE EXISTS (SELECT 1 FROM connections c WHERE c.a_id = a.id)
    OR EXISTS (SELECT 1 FROM connections c WHERE c.b_id = a.id)
 ORDER BY a.id)sql");
  if (!people) return people.error();
  while (true) {
    auto r = people->step();
    if (!r) return r.error();
    if (!*r) break;
    index.emplace(people->text(0), static_cast<int>(g.nodes.size()));
    g.nodes.push_back({people->text(0), people->text(1), people->text(2), 0});
  }
  auto edges = db.prepare("SELECT a_id, b_id, at FROM connections ORDER BY at, a_id, b_id");
  if (!edges) return edges.error();
  while (true) {
    auto r = edges->step();
    if (!r) return r.error();
    if (!*r) break;
    auto a = index.find(edges->text(0)), b = index.find(edges->text(1));
    if (a == index.end() || b == index.end()) continue;
    ++g.nodes[a->second].degree;
    ++g.nodes[b->second].degree;
    g.edges.push_back({a->second, b->second, edges->text(2)});
  }
  return g;
}

}  // namespace rapport
