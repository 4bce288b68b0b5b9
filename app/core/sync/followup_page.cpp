// The printable follow-up page: one sheet per attendee, readable on paper and on a phone.
#include <fmt/format.h>

#include "core/sync/export_csv.hpp"
#include "core/sync/followups.hpp"
#include "core/util/clock.hpp"

namespace rapport {

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

namespace {

constexpr const char* kStyle = R"css(
  :root { --ink: #1d2330; --soft: #5b6475; --line: #e3e6ec; --accent: #2f6f5e; --paper: #ffffff; }
  * { box-sizing: border-box; }
  body { margin: 0; background: #f4f5f7; color: var(--ink);
         font: 16px/1.5 "Noto Sans", "Segoe UI", system-ui, -apple-system, sans-serif; }
  main { max-width: 46rem; margin: 2rem auto; background: var(--paper); padding: 2.5rem 3rem;
         border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.06); }
  header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; padding-bottom: 1rem; }
  h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
  .lead { color: var(--soft); margin: 0; }
  .person { border: 1px solid var(--line); border-radius: 10px; padding: 1.1rem 1.3rem; margin: 0 0 1rem;
            break-inside: avoid; page-break-inside: avoid; }
  .person h2 { font-size: 1.25rem; margin: 0; }
  .role { color: var(--soft); margin: 0 0 .6rem; }
  dl { display: grid; grid-template-columns: 10rem 1fr; gap: .2rem 1rem; margin: .4rem 0 .8rem; }
  dt { color: var(--soft); }
  dd { margin: 0; }
  .help { color: var(--accent); font-weight: 600; }
  .first-line { background: #eef6f3; border-left: 4px solid var(--accent); padding: .6rem .9rem;
                border-radius: 6px; font-style: italic; margin: 0; }
  .others, footer { color: var(--soft); font-size: .95rem; }
  @media print {
    body { background: none; }
    main { box-shadow: none; margin: 0; max-width: none; padding: 0; }
    a { color: inherit; text-decoration: none; }
  }
)css";

std::string row(const std::string& label, const std::string& value, const char* cls = nullptr) {
  if (value.empty()) return {};
  return fmt::format("<dt>{}</dt><dd{}>{}</dd>\n", label, cls ? fmt::format(" class=\"{}\"", cls) : "",
                     html_escape(value));
}

}  // namespace

std::string followup_html(const FollowupPack& pack, const EventLabel& event) {
  const Attendee& me = pack.me;
  std::string ev = event.name.empty() ? "the event" : event.name;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
                     html_escape("People you met at " + ev), kStyle);
  out += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"lead\">{}</p>\n</header>\n",
                     html_escape(fmt::format("{}, here are the people you met", me.first_name)),
                     html_escape(fmt::format("{}{}. Good follow-ups offer help first: each card says what the "
                                             "person is looking for and what they can help with.",
                                             ev, event.date.empty() ? "" : " · " + event.date)));
  for (const auto& m : pack.people) {
    const Attendee& p = m.person;
    std::string role = p.title;
    if (!p.company.empty()) role += (role.empty() ? "" : ", ") + p.company;
    out += "<section class=\"person\">\n";
    out += fmt::format("<h2>{}</h2>\n", html_escape(p.full_name()));
    if (!role.empty()) out += fmt::format("<p class=\"role\">{}</p>\n", html_escape(role));
    out += "<dl>\n";
    out += row("Looking for", join_labels(p.tags_of(TagKind::looking_for)));
    out += row("Can help with", join_labels(p.tags_of(TagKind::can_help_with)));
    out += row("You could help with", join_labels(m.you_can_help_with), "help");
    out += row("They could help you with", join_labels(m.they_can_help_with));
    out += row("In common", join_labels(m.shared_interests));
    if (auto t = parse_iso8601(m.met_at)) out += row("Met at", local_hhmm(*t));
    if (!p.email.empty())
      out += fmt::format("<dt>Email</dt><dd><a href=\"mailto:{0}\">{0}</a></dd>\n", html_escape(p.email));
    out += "</dl>\n";
    out += fmt::format("<p class=\"first-line\">{}</p>\n", html_escape(m.first_line));
    out += "</section>\n";
  }
  if (pack.others_met > 0)
    out += fmt::format("<p class=\"others\">You also met {} {} who chose not to share their details.</p>\n",
                       pack.others_met, pack.others_met == 1 ? "person" : "people");
  out += fmt::format("<footer>{}</footer>\n</main>\n</body>\n</html>\n",
                     html_escape("Only people who agreed to share their details are listed. Sent by the "
                                 "organizers of " + ev + "."));
  return out;
}

}  // namespace rapport
