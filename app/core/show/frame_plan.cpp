// The frame plan: the one place that decides which slides a frame shows and how far a change
// has got, so the layers painted ahead and the composed frame can never disagree.
#include "core/show/frame_plan.hpp"

#include <algorithm>
#include <cmath>

namespace sf::core {
namespace {

std::size_t pageOf(const RotationPlan& plan, const RotationPosition& pos, std::size_t slot, std::size_t figures,
                   std::size_t perPage) {
  if (slot >= plan.slots.size() || !slideKindInfo(plan.slots[slot].kind).paged) return 0;
  return figuresPage(plan, pos, slot, figures, perPage);
}

// The slot a swipe came from: the one before the current slot (forward) or after it (back).
std::size_t swipedFrom(const PlayerState& st, std::size_t slot, std::size_t n) {
  return (slot + n - static_cast<std::size_t>(st.direction > 0 ? 1 : st.direction < 0 ? n - 1 : 0)) % n;
}

bool viewChanging(const PlayerState& state, Millis now) {
  return now - state.changedAt < std::max(kViewTransition, kSlideTransition);
}

}  // namespace

float easeOut(float t) { return 1 - (1 - t) * (1 - t) * (1 - t); }

float spanFraction(Millis from, Millis now, std::chrono::milliseconds span) {
  return std::clamp(static_cast<float>((now - from).count()) / static_cast<float>(span.count()), 0.f, 1.f);
}

bool inTransition(const PlayerState& state, const RotationPlan& plan, Millis now) {
  if (viewChanging(state, now)) return true;
  if (state.mode == Mode::Rotation && settling(state, now)) return true;
  if (state.mode != Mode::Rotation || state.pinnedSlot) return false;
  return now - rotationAt(plan, now).slideStart < plan.transition;
}

Millis nextTransitionFrame(const PlayerState& state, const RotationPlan& plan, Millis now,
                           std::chrono::milliseconds frame) {
  const Millis next = now + frame;
  if (state.mode != Mode::Rotation || state.pinnedSlot || viewChanging(state, now)) return next;
  // The eased change slows to a crawl toward its end: the last third of the time moves the picture
  // by under 4 %. There a frame waits until it differs by about two levels of 255 (under a pixel of
  // movement) from the last one, which spares a fifth of a software-rendered transition's frames.
  constexpr float kStep = 1.f / 128;
  const RotationPosition pos = rotationAt(plan, now);
  const float t = spanFraction(pos.slideStart, now, plan.transition);
  if (t >= 1) return next;
  const float target = easeOut(t) + kStep;
  const float at = target >= 1 ? 1.f : 1 - std::cbrt(1 - target);  // easeOut's inverse
  const auto due = pos.slideStart + std::chrono::milliseconds{static_cast<std::int64_t>(std::ceil(at * plan.transition.count()))};
  return std::max(next, due);
}

FramePlan planFrame(const PlayerState& st, const RotationPlan& plan, const Feed& feed, Millis now,
                    std::size_t figuresPerPage) {
  FramePlan fp;
  fp.now = now;
  const ShownAnnouncements shown = announcementsAt(feed, toInstant(now), plan.screen);
  fp.announcement = shown.takeover;
  fp.banner = shown.banner;
  fp.position = rotationAt(plan, now);
  fp.moving = inTransition(st, plan, now);
  fp.rotation = !fp.announcement && st.mode == Mode::Rotation;
  if (!fp.rotation) return fp;
  const PlayerEnv env{feed, plan, now};
  const std::size_t slot = currentSlot(st, env);
  const std::size_t n = std::max<std::size_t>(1, plan.slots.size());
  std::size_t from = fp.position.previous;
  fp.progress = spanFraction(fp.position.slideStart, now, plan.transition);
  if (st.pinnedSlot) {
    from = swipedFrom(st, slot, n);
    fp.progress = st.direction ? spanFraction(st.changedAt, now, kSlideTransition / 2) : 1.f;
    fp.direction = st.direction;
  }
  fp.eased = easeOut(fp.progress);
  fp.returning = !st.pinnedSlot && now - st.changedAt < kViewTransition;
  const std::size_t figures = feed.figures.size();
  fp.incoming = {slot, pageOf(plan, fp.position, slot, figures, figuresPerPage)};
  fp.outgoing = {from, pageOf(plan, fp.position, from, figures, figuresPerPage)};
  if (plan.slots.empty()) return fp;
  fp.offset = st.pinnedSlot && n > 1 ? slideOffset(st, now) : 0.f;
  if (fp.offset != 0) {
    // Dragged or snapping: the slide and the neighbour beside it, both whole, nothing fading.
    const std::size_t beside = (slot + (fp.offset < 0 ? 1 : n - 1)) % n;
    fp.outgoing = {beside, pageOf(plan, fp.position, beside, figures, figuresPerPage)};
    fp.progress = fp.eased = 1;
    fp.slides[fp.slideCount++] = fp.outgoing;
    fp.slides[fp.slideCount++] = fp.incoming;
    return fp;
  }
  // The outgoing slide counts only while it still shows; a one-slide playlist fades into itself.
  if (!fp.returning && fp.progress < 1 && from != slot) fp.slides[fp.slideCount++] = fp.outgoing;
  fp.slides[fp.slideCount++] = fp.incoming;
  return fp;
}

}  // namespace sf::core
