// Arranging the rotation: the fields take turns and the written items are spread through the
// cycle, so a screen never shows fifteen spotlights of one field in a row or the schedule twice
// within a minute and then not for six. Pure and deterministic: every screen arranges alike.
#include "core/show/rotation_mix.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

namespace sf::core {
namespace {

// The spotlights of one field among the generated ones, in the feed's order.
struct FieldGroup {
  std::string_view field;
  std::size_t rank = 0;  // the field's place in feed.fields (unknown fields after them)
  std::vector<std::size_t> members;  // indices into `generated`
  std::size_t taken = 0;
  std::size_t left() const { return members.size() - taken; }
  // How far behind an even spread the group is: the smallest goes next.
  double key() const { return (static_cast<double>(taken) + 0.5) / static_cast<double>(members.size()); }
};

std::string_view fieldOf(const Feed& feed, const RotationSlot& s) {
  if (s.kind != SlideKind::Spotlight || s.project >= feed.projects.size()) return {};
  return feed.projects[s.project].field;
}

// Whether the rest can still be laid out without two of a field side by side once `g` is taken:
// a field with r of R left needs r - 1 others between them, one more when it also came last, and
// one more again when it is the field of the slot the cycle wraps round to (`end`).
bool staysFeasible(const std::vector<FieldGroup>& groups, std::size_t g, std::size_t total, std::string_view end) {
  const auto rest = static_cast<long>(total) - 1;
  for (std::size_t h = 0; h < groups.size(); ++h) {
    const long r = static_cast<long>(groups[h].left()) - (h == g ? 1 : 0);
    const long room = rest - r + 1 - (h == g ? 1 : 0) - (!end.empty() && groups[h].field == end ? 1 : 0);
    if (r > std::max(0L, room)) return false;
  }
  return true;
}

// The group the next spotlight comes from: not the field just shown, nor (at a gap's end) the
// field of the written spotlight that follows, when that can be avoided.
std::size_t pickGroup(const std::vector<FieldGroup>& groups, std::string_view prev, std::string_view next, std::string_view end) {
  std::size_t total = 0;
  for (const FieldGroup& g : groups) total += g.left();
  std::size_t best = groups.size();
  int bestTier = 4;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const FieldGroup& g = groups[i];
    if (g.left() == 0) continue;
    const bool differs = prev.empty() || g.field != prev;
    const bool feasible = staysFeasible(groups, i, total, end);
    const int tier = differs && feasible && (next.empty() || g.field != next) ? 0 : differs && feasible ? 1 : differs ? 2 : 3;
    if (tier < bestTier || (tier == bestTier && (g.key() < groups[best].key() ||
                                                 (g.key() == groups[best].key() && g.rank < groups[best].rank)))) {
      best = i;
      bestTier = tier;
    }
  }
  return best;
}

// How many generated spotlights follow each written item. The written slides that are not
// spotlights (schedule, figures, fields, the organiser's own) divide the cycle into stretches;
// each stretch gets spotlights until all stretches hold about as many (its written spotlights
// counted), so those slides come at even distances. Within a stretch they go evenly into the
// gaps around its written spotlights. Without such slides, every written item gets its share.
std::vector<std::size_t> gapSizes(const std::vector<RotationSlot>& written, std::size_t n) {
  const std::size_t a = written.size();
  std::vector<std::size_t> after(a, 0);
  if (a == 0) return after;
  std::vector<std::size_t> breaks;
  for (std::size_t i = 0; i < a; ++i)
    if (written[i].kind != SlideKind::Spotlight) breaks.push_back(i);
  if (breaks.empty()) {
    for (std::size_t i = 0; i < a; ++i) after[i] = (i + 1) * n / a - i * n / a;
    return after;
  }
  // Stretch k runs from breaks[k] to the next break (cyclically): its written items in order.
  const std::size_t b = breaks.size();
  std::vector<std::size_t> own(b), extra(b, 0);
  for (std::size_t k = 0; k < b; ++k) {
    const std::size_t end = k + 1 < b ? breaks[k + 1] : breaks[0] + a;
    own[k] = end - breaks[k] - 1;  // written spotlights in the stretch
  }
  for (std::size_t i = 0; i < n; ++i) {  // each to the emptiest stretch, the first on a tie
    std::size_t best = 0;
    for (std::size_t k = 1; k < b; ++k)
      if (own[k] + extra[k] < own[best] + extra[best]) best = k;
    ++extra[best];
  }
  for (std::size_t k = 0; k < b; ++k) {
    const std::size_t gaps = own[k] + 1, p = extra[k];
    for (std::size_t j = 0; j < gaps; ++j) after[(breaks[k] + j) % a] = (j + 1) * p / gaps - j * p / gaps;
  }
  return after;
}

}  // namespace

bool eventsNear(const Feed& feed, Instant now) {
  for (const Event& e : feed.events)
    if (!e.cancelled && e.end > now && e.start - kEventsNear <= now) return true;
  return false;
}

std::optional<Instant> nextEventsNearChange(const Feed& feed, Instant now) {
  std::optional<Instant> next;
  auto note = [&](Instant t) {
    if (t > now && (!next || t < *next)) next = t;
  };
  for (const Event& e : feed.events) {
    if (e.cancelled) continue;
    note(e.start - kEventsNear);
    note(e.end);
  }
  return next;
}

void mixSlots(const Feed& feed, const std::vector<RotationSlot>& written, const std::vector<RotationSlot>& generated,
              std::vector<RotationSlot>& out) {
  out.clear();
  if (generated.empty()) {
    out = written;
    return;
  }
  std::vector<FieldGroup> groups;
  for (std::size_t i = 0; i < generated.size(); ++i) {
    const std::string_view f = fieldOf(feed, generated[i]);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const FieldGroup& g) { return g.field == f; });
    if (it == groups.end()) {
      std::size_t rank = feed.fields.size() + groups.size();
      for (std::size_t k = 0; k < feed.fields.size(); ++k)
        if (feed.fields[k].id == f) rank = k;
      groups.push_back({f, rank, {}, 0});
      it = groups.end() - 1;
    }
    it->members.push_back(i);
  }
  const std::vector<std::size_t> after = gapSizes(written, generated.size());
  const std::size_t a = written.size();
  // The field the cycle wraps round to, which the last spotlight before it must not repeat.
  const std::string_view end = a ? fieldOf(feed, written[0]) : std::string_view{};
  std::string_view prev;
  for (std::size_t gap = 0; gap < std::max<std::size_t>(1, a); ++gap) {
    if (a) {
      out.push_back(written[gap]);
      prev = fieldOf(feed, written[gap]);
    }
    const std::size_t count = a ? after[gap] : generated.size();
    // What follows the gap: the next written item, or (cyclically) the first slot of all.
    const std::string_view follows = a ? fieldOf(feed, written[(gap + 1) % a]) : std::string_view{};
    for (std::size_t k = 0; k < count; ++k) {
      std::string_view next = k + 1 == count ? follows : std::string_view{};
      if (!a && k + 1 == count && !out.empty()) next = fieldOf(feed, out.front());
      FieldGroup& g = groups[pickGroup(groups, prev, next, end)];
      out.push_back(generated[g.members[g.taken++]]);
      prev = g.field;
    }
  }
  // A playlist that opens with its `spotlights` opens the cycle with them too.
  if (a && after[a - 1] > 0 && generated.front().item < written.front().item)
    std::rotate(out.begin(), out.end() - static_cast<std::ptrdiff_t>(after[a - 1]), out.end());
}

void addScheduleSlots(std::vector<RotationSlot>& slots, std::chrono::milliseconds every) {
  const auto isSchedule = [](const RotationSlot& s) { return s.kind == SlideKind::Schedule; };
  const auto first = std::find_if(slots.begin(), slots.end(), isSchedule);
  if (first == slots.end()) return;
  const RotationSlot copy = *first;
  std::vector<std::int64_t> start;
  for (std::size_t guard = 0; guard < slots.size(); ++guard) {
    const std::size_t n = slots.size();
    const auto schedules = static_cast<std::size_t>(std::count_if(slots.begin(), slots.end(), isSchedule));
    if (schedules * 2 >= n) return;  // never more schedule slides than others
    start.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) start[i + 1] = start[i] + slots[i].duration.count();
    const std::int64_t cycle = start[n];
    // The longest stretch from one schedule slide to the next (cyclically).
    std::size_t from = 0, to = 0;
    std::int64_t longest = -1;
    for (std::size_t i = 0; i < n; ++i) {
      if (!isSchedule(slots[i])) continue;
      std::size_t j = (i + 1) % n;
      while (!isSchedule(slots[j])) j = (j + 1) % n;
      const std::int64_t gap = j > i ? start[j] - start[i] : cycle - start[i] + start[j];
      if (gap > longest) {
        longest = gap;
        from = i;
        to = j > i ? j : j + n;  // unrolled past the cycle's end
      }
    }
    if (longest <= every.count()) return;
    // Into the boundary nearest the middle, not right beside either schedule slide.
    const std::int64_t middle = start[from] + longest / 2;
    std::size_t at = from + 1;
    std::int64_t off = -1;
    for (std::size_t p = from + 2; p + 1 <= to; ++p) {
      const std::int64_t t = p >= n ? cycle + start[p - n] : start[p];
      if (off < 0 || std::llabs(t - middle) < off) {
        off = std::llabs(t - middle);
        at = p;
      }
    }
    if (off < 0) return;  // only slides right beside a schedule slide: leave it
    const std::size_t pos = at % n == 0 ? n : at % n;
    slots.insert(slots.begin() + static_cast<std::ptrdiff_t>(pos), copy);
  }
}

}  // namespace sf::core
